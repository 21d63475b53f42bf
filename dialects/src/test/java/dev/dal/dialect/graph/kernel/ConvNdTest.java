package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvNdTest {
    /** A random window of {@code n} spatial axes with kernels up to 3, strides up to 2, dilations up to 2, pads up to 2. */
    private static WindowNd randomWindow(Random r, int n) {
        int[] k = new int[n], s = new int[n], d = new int[n], pb = new int[n], pe = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = 1 + r.nextInt(3);
            s[i] = 1 + r.nextInt(2);
            d[i] = 1 + r.nextInt(2);
            pb[i] = r.nextInt(3);
            pe[i] = r.nextInt(3);
        }
        return new WindowNd(k, s, d, pb, pe);
    }

    /**
     * Direct convolution over the definition: every output element sums w * x over its input channels and kernel
     * positions, reading 0 in the padding.
     */
    static float[] convReference(Tensor x, Tensor w, Tensor b, WindowNd win, int group, int[] outShape) {
        int n = win.rank(), m = w.dim(0), cg = w.dim(1), mg = m / group;
        int[] xs = x.shape(), ks = Arrays.copyOfRange(w.shape(), 2, n + 2);
        float[] out = new float[Ref.size(outShape)];
        for (int o = 0; o < out.length; o++) {
            int[] oi = Ref.unravel(o, outShape);
            int img = oi[0], oc = oi[1], g = oc / mg;
            double s = b.isNone() ? 0 : b.floats()[oc];
            for (int ic = 0; ic < cg; ic++)
                for (int kp = 0; kp < Ref.size(ks); kp++) {
                    int[] k = Ref.unravel(kp, ks);
                    int[] xi = new int[n + 2];
                    xi[0] = img;
                    xi[1] = g * cg + ic;
                    boolean inside = true;
                    for (int a = 0; a < n; a++) {
                        xi[a + 2] = oi[a + 2] * win.strides()[a] - win.padBegin()[a] + k[a] * win.dilations()[a];
                        inside &= xi[a + 2] >= 0 && xi[a + 2] < xs[a + 2];
                    }
                    if (!inside) continue;
                    int[] wi = new int[n + 2];
                    wi[0] = oc;
                    wi[1] = ic;
                    System.arraycopy(k, 0, wi, 2, n);
                    s += (double) x.floats()[Ref.ravel(xi, xs)] * w.floats()[Ref.ravel(wi, w.shape())];
                }
            out[o] = (float) s;
        }
        return out;
    }

    /**
     * Direct transposed convolution over the definition: every input element scatters x * w to the output at
     * {@code i * stride - padBegin + k * dilation}.
     */
    static float[] convTransposeReference(Tensor x, Tensor w, Tensor b, WindowNd win, int group, int[] outShape) {
        int n = win.rank(), c = x.dim(1), cg = c / group, mg = w.dim(1);
        int[] ks = Arrays.copyOfRange(w.shape(), 2, n + 2);
        double[] acc = new double[Ref.size(outShape)];
        for (int i = 0; i < x.size(); i++) {
            int[] xi = Ref.unravel(i, x.shape());
            int g = xi[1] / cg;
            for (int oc = 0; oc < mg; oc++)
                for (int kp = 0; kp < Ref.size(ks); kp++) {
                    int[] k = Ref.unravel(kp, ks);
                    int[] yi = new int[n + 2];
                    yi[0] = xi[0];
                    yi[1] = g * mg + oc;
                    boolean inside = true;
                    for (int a = 0; a < n; a++) {
                        yi[a + 2] = xi[a + 2] * win.strides()[a] - win.padBegin()[a] + k[a] * win.dilations()[a];
                        inside &= yi[a + 2] >= 0 && yi[a + 2] < outShape[a + 2];
                    }
                    if (!inside) continue;
                    int[] wi = new int[n + 2];
                    wi[0] = xi[1];
                    wi[1] = oc;
                    System.arraycopy(k, 0, wi, 2, n);
                    acc[Ref.ravel(yi, outShape)] += (double) x.floats()[i] * w.floats()[Ref.ravel(wi, w.shape())];
                }
        }
        float[] out = new float[acc.length];
        for (int o = 0; o < out.length; o++)
            out[o] = (float) (acc[o] + (b.isNone() ? 0 : b.floats()[Ref.unravel(o, outShape)[1]]));
        return out;
    }

    @Test
    void convolutionOfAnyRankMatchesTheDirectDefinition() {
        qt().withExamples(60)
                .forAll(integers().between(1, 3), integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((n, seed) -> {
                    Random r = new Random(seed);
                    WindowNd win = randomWindow(r, n);
                    int group = 1 + r.nextInt(2), cg = 1 + r.nextInt(2), mg = 1 + r.nextInt(3);
                    int[] xs = new int[n + 2], ws = new int[n + 2];
                    xs[0] = 1 + r.nextInt(2);
                    xs[1] = cg * group;
                    ws[0] = mg * group;
                    ws[1] = cg;
                    for (int a = 0; a < n; a++) {
                        xs[a + 2] = (win.kernel()[a] - 1) * win.dilations()[a] + 1 + r.nextInt(5);
                        ws[a + 2] = win.kernel()[a];
                    }
                    Tensor x = Ref.random(r, xs), w = Ref.random(r, ws);
                    Tensor b = r.nextBoolean() ? Tensor.none() : Ref.random(r, ws[0]);
                    Tensor got = ConvNd.conv(x, w, b, win, group, Ref.POOL);
                    int[] out = new int[n + 2];
                    out[0] = xs[0];
                    out[1] = ws[0];
                    for (int a = 0; a < n; a++)
                        out[a + 2] = (xs[a + 2]
                                                + win.padBegin()[a]
                                                + win.padEnd()[a]
                                                - (win.kernel()[a] - 1) * win.dilations()[a]
                                                - 1)
                                        / win.strides()[a]
                                + 1;
                    Ref.sameShape(out, got);
                    Ref.close(convReference(x, w, b, win, group, out), got.floats(), 1e-5);
                });
    }

    @Test
    void transposedConvolutionOfAnyRankMatchesTheDirectScatter() {
        qt().withExamples(60)
                .forAll(integers().between(1, 3), integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((n, seed) -> {
                    Random r = new Random(seed);
                    WindowNd win = randomWindow(r, n);
                    int group = 1 + r.nextInt(2), cg = 1 + r.nextInt(2), mg = 1 + r.nextInt(3);
                    int[] xs = new int[n + 2], ws = new int[n + 2], out = new int[n + 2];
                    xs[0] = out[0] = 1 + r.nextInt(2);
                    xs[1] = ws[0] = cg * group;
                    ws[1] = mg;
                    out[1] = mg * group;
                    int[] spatial = new int[n];
                    for (int a = 0; a < n; a++) {
                        xs[a + 2] = 1 + r.nextInt(4);
                        ws[a + 2] = win.kernel()[a];
                        int full = win.strides()[a] * (xs[a + 2] - 1) + (win.kernel()[a] - 1) * win.dilations()[a] + 1;
                        // output padding (or a longer output_shape) extends past the last input's reach
                        spatial[a] =
                                out[a + 2] = Math.max(1, full - win.padBegin()[a] - win.padEnd()[a] + r.nextInt(2));
                    }
                    Tensor x = Ref.random(r, xs), w = Ref.random(r, ws);
                    Tensor b = r.nextBoolean() ? Tensor.none() : Ref.random(r, out[1]);
                    Tensor got = ConvNd.convTranspose(x, w, b, win, spatial, group, Ref.POOL);
                    Ref.sameShape(out, got);
                    Ref.close(convTransposeReference(x, w, b, win, group, out), got.floats(), 1e-5);
                });
    }

    @Test
    void transposedConvolutionSpreadsEachInputOverTheKernel() {
        // 1-D, stride 2: [1, 2] * [1, 1, 1] lays two kernels down two apart, overlapping in the middle
        WindowNd win = WindowNd.of(new long[] {3}, new long[] {2}, new long[0], new long[0]);
        Tensor y = ConvNd.convTranspose(
                Tensor.of(new float[] {1, 2}, 1, 1, 2),
                Tensor.of(new float[] {1, 1, 1}, 1, 1, 3),
                Tensor.of(new float[] {10}, 1),
                win,
                new int[] {5},
                1,
                Ref.POOL);
        assertArrayEquals(new float[] {11, 11, 13, 12, 12}, y.floats());
    }

    @Test
    void threeDimensionalConvolutionOfOnesCountsTheWindowInsideTheInput() {
        // a 2x2x2 kernel of ones over a 3x3x3 block of ones, padding 1 all round: corners see 1 voxel, centres 8
        WindowNd win =
                WindowNd.of(new long[] {2, 2, 2}, new long[] {2, 2, 2}, new long[0], new long[] {1, 1, 1, 1, 1, 1});
        float[] ones = new float[27];
        Arrays.fill(ones, 1);
        float[] k = new float[8];
        Arrays.fill(k, 1);
        Tensor y = ConvNd.conv(
                Tensor.of(ones, 1, 1, 3, 3, 3), Tensor.of(k, 1, 1, 2, 2, 2), Tensor.none(), win, 1, Ref.POOL);
        Ref.sameShape(new int[] {1, 1, 2, 2, 2}, y);
        // output 0 covers inputs -1..0 on each axis (one voxel), output 1 covers 1..2 (two per axis)
        assertArrayEquals(new float[] {1, 2, 2, 4, 2, 4, 4, 8}, y.floats());
    }

    @Test
    void mismatchedWeightsAreRejected() {
        WindowNd win = WindowNd.of(new long[] {2, 2, 2}, new long[0], new long[0], new long[0]);
        assertThrows(
                IllegalArgumentException.class,
                () -> ConvNd.conv(
                        Tensor.zeros(dev.dal.ir.interp.DType.F32, 1, 3, 4, 4, 4),
                        Tensor.zeros(dev.dal.ir.interp.DType.F32, 2, 2, 2, 2, 2),
                        Tensor.none(),
                        win,
                        1,
                        Ref.POOL));
        assertThrows(
                IllegalArgumentException.class,
                () -> WindowNd.of(new long[] {2, 2}, new long[] {1}, new long[0], new long[0]));
    }
}
