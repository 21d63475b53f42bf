package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTest {
    /** Direct 7-loop convolution over the definition: out[n][m][y][x] = b[m] + sum w * in (zero outside). */
    static float[] reference(Tensor x, Tensor w, Tensor bias, Conv.Window win, int group, int oh, int ow) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3), m = w.dim(0), cg = w.dim(1);
        float[] in = x.floats(), wt = w.floats();
        float[] out = new float[n * m * oh * ow];
        int mg = m / group;
        for (int img = 0; img < n; img++)
            for (int oc = 0; oc < m; oc++) {
                int g = oc / mg;
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        double s = bias.isNone() ? 0 : bias.floats()[oc];
                        for (int ic = 0; ic < cg; ic++)
                            for (int ky = 0; ky < win.kh(); ky++)
                                for (int kx = 0; kx < win.kw(); kx++) {
                                    int iy = oy * win.sh() - win.padTop() + ky * win.dh();
                                    int ix = ox * win.sw() - win.padLeft() + kx * win.dw();
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                                    s += (double) in[((img * c + g * cg + ic) * h + iy) * wd + ix]
                                            * wt[((oc * cg + ic) * win.kh() + ky) * win.kw() + kx];
                                }
                        out[((img * m + oc) * oh + oy) * ow + ox] = (float) s;
                    }
            }
        return out;
    }

    @Test
    void matchesDirectConvolutionOnRandomGeometry() {
        qt().withExamples(120)
                .forAll(
                        integers().between(1, 4),
                        integers().between(1, 3),
                        integers().between(1, 3),
                        integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((cg, kh, kw, seed) -> {
                    Random r = new Random(seed);
                    int group = 1 + r.nextInt(3), mg = 1 + r.nextInt(3);
                    int n = 1 + r.nextInt(2), c = cg * group, m = mg * group;
                    int sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(3), dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
                    int pt = r.nextInt(3), pl = r.nextInt(3), pb = r.nextInt(3), pr = r.nextInt(3);
                    int h = (kh - 1) * dh + 1 + r.nextInt(8), wd = (kw - 1) * dw + 1 + r.nextInt(8);
                    Conv.Window win = new Conv.Window(kh, kw, sh, sw, dh, dw, pt, pl, pb, pr);
                    Tensor x = Ref.random(r, n, c, h, wd), w = Ref.random(r, m, cg, kh, kw);
                    Tensor b = r.nextBoolean() ? Tensor.none() : Ref.random(r, m);
                    Tensor got = Conv.conv2d(x, w, b, win, group, Ref.POOL);
                    int oh = (h + pt + pb - (kh - 1) * dh - 1) / sh + 1,
                            ow = (wd + pl + pr - (kw - 1) * dw - 1) / sw + 1;
                    Ref.sameShape(new int[] {n, m, oh, ow}, got);
                    Ref.close(reference(x, w, b, win, group, oh, ow), got.floats(), 1e-5);
                });
    }

    @Test
    void depthwiseAndPointwiseFastPathsMatch() {
        Random r = new Random(3);
        for (int stride = 1; stride <= 2; stride++) {
            Conv.Window dw = new Conv.Window(3, 3, stride, stride, 1, 1, 1, 1, 1, 1);
            Tensor x = Ref.random(r, 2, 16, 13, 11), w = Ref.random(r, 16, 1, 3, 3), b = Ref.random(r, 16);
            Tensor got = Conv.conv2d(x, w, b, dw, 16, Ref.POOL);
            Ref.close(reference(x, w, b, dw, 16, got.dim(2), got.dim(3)), got.floats(), 1e-5);
        }
        Conv.Window pw = new Conv.Window(1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
        Tensor x = Ref.random(r, 2, 24, 7, 9), w = Ref.random(r, 40, 24, 1, 1);
        Tensor got = Conv.conv2d(x, w, Tensor.none(), pw, 1, Ref.POOL);
        Ref.close(reference(x, w, Tensor.none(), pw, 1, 7, 9), got.floats(), 1e-5);
    }

    @Test
    void depthwiseMatchesOnImagesFromTailOnlyToManyVectorsWide() {
        // the phased copies take whole rows per call: rows of 7 to 70 inputs are all tail, vectors and tail, or
        // reach the array's end, at strides 1 and 2 (also 2 x 1) and pads 0 to 2
        Random r = new Random(21);
        for (int size : new int[] {7, 14, 33, 56, 70})
            for (int[] st : new int[][] {{1, 1}, {2, 2}, {2, 1}})
                for (int pad = 0; pad <= 2; pad++) {
                    Conv.Window win = new Conv.Window(3, 3, st[0], st[1], 1, 1, pad, pad, pad, pad);
                    Tensor x = Ref.random(r, 1, 6, size, size + 3), w = Ref.random(r, 6, 1, 3, 3), b = Ref.random(r, 6);
                    Tensor got = Conv.conv2d(x, w, b, win, 6, Ref.POOL);
                    Ref.close(reference(x, w, b, win, 6, got.dim(2), got.dim(3)), got.floats(), 1e-5);
                }
    }

    @Test
    void manyOutputChannelsOnASmallImageMatch() {
        // over 64 output channels: the row tiles share one packing of the input's im2col view
        Random r = new Random(8);
        for (int stride = 1; stride <= 2; stride++) {
            Conv.Window win = new Conv.Window(3, 3, stride, stride, 1, 1, 1, 1, 1, 1);
            Tensor x = Ref.random(r, 2, 40, 7, 9), w = Ref.random(r, 150, 40, 3, 3), b = Ref.random(r, 150);
            Tensor got = Conv.conv2d(x, w, b, win, 1, Ref.POOL);
            Ref.close(reference(x, w, b, win, 1, got.dim(2), got.dim(3)), got.floats(), 1e-4);
        }
    }

    @Test
    void smallImagesWithManyChannelsTakeTheTransposedProductAndMatch() {
        // 6x6 and 5x5 outputs (few columns) with whole panels of output channels: computed as C^T = B^T A^T, over
        // two k-slabs (576 and 320 steps), for 3x3 im2col panels and a 1x1 product over the input itself. The sizes
        // take that path with both vector kernels (32-column panels with AVX-512, 24 with AVX2, which keeps 7x7's 49
        // columns as they are)
        Random r = new Random(12);
        Conv.Window win = new Conv.Window(3, 3, 1, 1, 1, 1, 1, 1, 1, 1);
        Conv.Window pw = new Conv.Window(1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
        for (int[] shape : new int[][] {{64, 6, 96}, {64, 5, 192}}) {
            int c = shape[0], h = shape[1], m = shape[2];
            Tensor x = Ref.random(r, 2, c, h, h), w = Ref.random(r, m, c, 3, 3), b = Ref.random(r, m);
            assertTrue(Sgemm.transposes(Sgemm.kernel(), m, h * h) || !Sgemm.vectorized());
            Tensor got = Conv.conv2d(x, w, b, win, 1, Ref.POOL);
            Ref.close(reference(x, w, b, win, 1, h, h), got.floats(), 1e-4);
            Tensor x1 = Ref.random(r, 1, 320, h, h), w1 = Ref.random(r, m, 320, 1, 1);
            ConvEpilogue relu = ConvEpilogue.of(null, "relu6", 0f, 0f, 0f);
            float[] want = reference(x1, w1, b, pw, 1, h, h);
            for (int i = 0; i < want.length; i++) want[i] = Math.min(6f, Math.max(0f, want[i]));
            Ref.close(want, Conv.conv2d(x1, w1, b, pw, 1, relu, Ref.POOL).floats(), 1e-4);
        }
    }

    @Test
    void resnetSizedLayerMatches() {
        Random r = new Random(5);
        Conv.Window win = new Conv.Window(3, 3, 1, 1, 1, 1, 1, 1, 1, 1);
        Tensor x = Ref.random(r, 1, 64, 28, 28), w = Ref.random(r, 64, 64, 3, 3), b = Ref.random(r, 64);
        Tensor got = Conv.conv2d(x, w, b, win, 1, Ref.POOL);
        Ref.close(reference(x, w, b, win, 1, 28, 28), got.floats(), 1e-4);
    }

    @Test
    void oneDimensionalConvAndPoolUseTheOnnxAttributeLayout() {
        Random r = new Random(11);
        // kernel 3, stride 2, dilation 2, pads begin 1 end 2: ONNX lists all begins, then all ends
        Conv.Window win = Conv.window(new long[] {3}, new long[] {2}, new long[] {2}, new long[] {1, 2});
        Tensor x = Ref.random(r, 2, 4, 17), w = Ref.random(r, 6, 2, 3), b = Ref.random(r, 6);
        Tensor got = Conv.conv(x, w, b, win, 2, Ref.POOL);
        int ow = (17 + 1 + 2 - 2 * 2 - 1) / 2 + 1;
        Ref.sameShape(new int[] {2, 6, ow}, got);
        float[] want = new float[2 * 6 * ow];
        for (int img = 0; img < 2; img++)
            for (int oc = 0; oc < 6; oc++)
                for (int ox = 0; ox < ow; ox++) {
                    double s = b.floats()[oc];
                    for (int ic = 0; ic < 2; ic++)
                        for (int kx = 0; kx < 3; kx++) {
                            int ix = ox * 2 - 1 + kx * 2;
                            if (ix >= 0 && ix < 17)
                                s += (double) x.floats()[(img * 4 + (oc / 3) * 2 + ic) * 17 + ix]
                                        * w.floats()[(oc * 2 + ic) * 3 + kx];
                        }
                    want[(img * 6 + oc) * ow + ox] = (float) s;
                }
        Ref.close(want, got.floats(), 1e-5);
        Tensor mp = Pool.pool(
                x, Conv.window(new long[] {2}, new long[] {2}, new long[0], new long[0]), false, true, false, Ref.POOL);
        Ref.sameShape(new int[] {2, 4, 8}, mp);
        for (int p = 0; p < 8; p++) {
            for (int q = 0; q < 8; q++)
                assertEquals(
                        Math.max(x.floats()[p * 17 + 2 * q], x.floats()[p * 17 + 2 * q + 1]), mp.floats()[p * 8 + q]);
        }
    }

    @Test
    void samePadsPutTheExtraPadWhereOnnxSays() {
        // in 5, k 2, s 2: output 3, total pad (3-1)*2 + 2 - 5 = 1
        assertEquals(0, Conv.samePads(5, 2, 2, 1, true)[0]);
        assertEquals(1, Conv.samePads(5, 2, 2, 1, true)[1]);
        assertEquals(1, Conv.samePads(5, 2, 2, 1, false)[0]);
        assertEquals(0, Conv.samePads(5, 2, 2, 1, false)[1]);
    }
}
