package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolTest {
    /**
     * ONNX's output size: floor (or ceil) of (in + pads - dilated kernel) / stride, plus one; in ceil mode a last
     * window starting past the input and its begin pad is dropped (the rule ONNX took from PyTorch).
     */
    static int outSize(int in, int k, int s, int d, int pb, int pe, boolean ceil) {
        double q = (double) (in + pb + pe - (d * (k - 1) + 1)) / s;
        int out = (int) (ceil ? Math.ceil(q) : Math.floor(q)) + 1;
        if (ceil && (long) (out - 1) * s >= in + pb) out--;
        return out;
    }

    static float[] reference(Tensor x, Conv.Window w, boolean ceil, boolean max, boolean includePad, int oh, int ow) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        float[] in = x.floats(), out = new float[n * c * oh * ow];
        for (int p = 0; p < n * c; p++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int valid = 0, padded = 0;
                    for (int ky = 0; ky < w.kh(); ky++)
                        for (int kx = 0; kx < w.kw(); kx++) {
                            int iy = oy * w.sh() - w.padTop() + ky * w.dh();
                            int ix = ox * w.sw() - w.padLeft() + kx * w.dw();
                            boolean inPadded = iy >= -w.padTop()
                                    && iy < h + w.padBottom()
                                    && ix >= -w.padLeft()
                                    && ix < wd + w.padRight();
                            if (inPadded) padded++;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                            float v = in[(p * h + iy) * wd + ix];
                            acc = max ? Math.max(acc, v) : acc + v;
                            valid++;
                        }
                    out[(p * oh + oy) * ow + ox] = (float) (max ? acc : acc / (includePad ? padded : valid));
                }
        return out;
    }

    @Test
    void maxAndAveragePoolMatchNaiveWindows() {
        qt().withExamples(150)
                .forAll(
                        integers().between(1, 4),
                        integers().between(1, 4),
                        integers().between(0, 7),
                        integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((kh, kw, mode, seed) -> {
                    Random r = new Random(seed);
                    boolean ceil = (mode & 1) != 0, max = (mode & 2) != 0, inc = (mode & 4) != 0;
                    int sh = 1 + r.nextInt(3),
                            sw = 1 + r.nextInt(3),
                            dh = max ? 1 + r.nextInt(2) : 1,
                            dw = max ? 1 + r.nextInt(2) : 1;
                    int pt = r.nextInt(kh), pl = r.nextInt(kw), pb = r.nextInt(kh), pr = r.nextInt(kw);
                    int h = (kh - 1) * dh + 1 + r.nextInt(7), wd = (kw - 1) * dw + 1 + r.nextInt(7);
                    Conv.Window win = new Conv.Window(kh, kw, sh, sw, dh, dw, pt, pl, pb, pr);
                    Tensor x = Ref.random(r, 1 + r.nextInt(2), 1 + r.nextInt(3), h, wd);
                    Tensor got =
                            max ? Pool.maxPool(x, win, ceil, Ref.POOL) : Pool.averagePool(x, win, ceil, inc, Ref.POOL);
                    int oh = outSize(h, kh, sh, dh, pt, pb, ceil), ow = outSize(wd, kw, sw, dw, pl, pr, ceil);
                    Ref.sameShape(new int[] {x.dim(0), x.dim(1), oh, ow}, got);
                    Ref.close(reference(x, win, ceil, max, inc, oh, ow), got.floats(), 1e-6);
                });
    }

    /**
     * Max pooling with output rows of 16 or more (the phased, vectorised rows; narrower rows take a per-window loop,
     * which the test above covers) equals the naive windows, NaN included.
     */
    @Test
    void wideMaxPoolRowsMatchNaiveWindows() {
        qt().withExamples(40)
                .forAll(
                        integers().between(1, 3),
                        integers().between(1, 3),
                        integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((kh, kw, seed) -> {
                    Random r = new Random(seed);
                    int sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(3), dw = 1 + r.nextInt(2);
                    int pt = r.nextInt(kh), pl = r.nextInt(kw), pb = r.nextInt(kh), pr = r.nextInt(kw);
                    int h = kh + r.nextInt(6), wd = 16 * sw + (kw - 1) * dw + r.nextInt(20);
                    Conv.Window win = new Conv.Window(kh, kw, sh, sw, 1, dw, pt, pl, pb, pr);
                    Tensor x = Ref.random(r, 1, 1 + r.nextInt(3), h, wd);
                    if (r.nextBoolean()) x.floats()[r.nextInt(x.size())] = Float.NaN;
                    Tensor got = Pool.maxPool(x, win, false, Ref.POOL);
                    int oh = outSize(h, kh, sh, 1, pt, pb, false), ow = outSize(wd, kw, sw, dw, pl, pr, false);
                    Ref.sameShape(new int[] {x.dim(0), x.dim(1), oh, ow}, got);
                    Ref.close(reference(x, win, false, true, false, oh, ow), got.floats(), 1e-6);
                });
    }

    @Test
    void globalPoolsReduceEverySpatialPosition() {
        Random r = new Random(9);
        Tensor x = Ref.random(r, 2, 3, 5, 4);
        Tensor avg = Pool.global(x, false, Ref.POOL), max = Pool.global(x, true, Ref.POOL);
        Ref.sameShape(new int[] {2, 3, 1, 1}, avg);
        float[] v = x.floats();
        for (int p = 0; p < 6; p++) {
            double s = 0, m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 20; i++) {
                s += v[p * 20 + i];
                m = Math.max(m, v[p * 20 + i]);
            }
            assertEquals(s / 20, avg.floats()[p], 1e-6);
            assertEquals(m, max.floats()[p]);
        }
    }
}
