package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integer kernels against hand-worked cases, naive integer loops and the quantize/dequantize round trip. */
class QuantizedTest {
    private static Tensor u8(int... v) {
        return ints(DType.UI8, v);
    }

    private static Tensor i8(int... v) {
        return ints(DType.I8, v);
    }

    private static Tensor ints(DType t, int... v) {
        Tensor x = Tensor.zeros(t, v.length);
        for (int i = 0; i < v.length; i++) x.setLong(i, v[i]);
        return x;
    }

    private static long[] longs(Tensor t) {
        return t.toLongs();
    }

    @Test
    void quantizeRoundsHalfToEvenAndSaturates() {
        Tensor x = Tensor.of(new float[] {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 300f, -300f, 3.49f}, 8);
        Tensor scale = Tensor.of(new float[] {1f}), zero = Tensor.zeros(DType.I8);
        assertArrayEquals(
                new long[] {0, 2, 2, 0, -2, 127, -128, 3}, longs(Quantized.quantize(x, scale, zero, 1, DType.I8)));
        Tensor u = Quantized.quantize(x, Tensor.of(new float[] {0.5f}), u8(10).reshape(), 1, DType.UI8);
        assertEquals(DType.UI8, u.dtype());
        // x / 0.5 = 1, 3, 5, -1, -3, 600, -600, 6.98; + 10
        assertArrayEquals(new long[] {11, 13, 15, 9, 7, 255, 0, 17}, longs(u));
    }

    @Test
    void perAxisParametersFollowTheirAxis() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor scale = Tensor.of(new float[] {1, 2, 4}, 3);
        Tensor zero = ints(DType.I8, 0, 1, -1);
        Tensor q = Quantized.quantize(x, scale, zero, -1, DType.I8);
        // row [1, 2, 3] -> [1, 1 + 1, 1 - 1]; row [4, 5, 6] -> [4, 2 + 1 (2.5 to even), 2 - 1 (1.5 to even)]
        assertArrayEquals(new long[] {1, 2, 0, 4, 3, 1}, longs(q));
        Tensor d = Quantized.dequantize(q, scale, zero, 1);
        assertArrayEquals(new float[] {1, 2, 4, 4, 4, 8}, d.floats());
        Tensor rows = Quantized.quantize(x, Tensor.of(new float[] {1, 2}, 2), Tensor.none(), 0, DType.UI8);
        assertArrayEquals(new long[] {1, 2, 3, 2, 2, 3}, longs(rows));
    }

    @Test
    void dequantizeOfQuantizeIsWithinHalfAScaleInsideTheRange() {
        Random rnd = new Random(1);
        for (DType t : new DType[] {DType.UI8, DType.I8}) {
            float scale = 0.037f;
            int zp = t == DType.UI8 ? 100 : -7;
            float lo = (Quantized.minOf(t) - zp) * scale, hi = (Quantized.maxOf(t) - zp) * scale;
            float[] x = new float[500];
            for (int i = 0; i < x.length; i++) x[i] = lo + rnd.nextFloat() * (hi - lo);
            Tensor s = Tensor.of(new float[] {scale}), z = ints(t, zp).reshape();
            Tensor back = Quantized.dequantize(Quantized.quantize(Tensor.of(x, 500), s, z, 1, t), s, z, 1);
            for (int i = 0; i < x.length; i++)
                assertTrue(
                        Math.abs(back.getFloat(i) - x[i]) <= scale / 2 * (1 + 1e-5),
                        t + ": " + x[i] + " came back as " + back.getFloat(i));
        }
    }

    @Test
    void dynamicQuantizeUsesTheRangeWidenedToZero() {
        Tensor x = Tensor.of(new float[] {0, 2, -3, -2.5f, 1.34f, 0.5f}, 6);
        Quantized.Dynamic d = Quantized.dynamicQuantize(x);
        float scale = 5f / 255f;
        assertEquals(scale, d.scale().getFloat(0));
        // zero point round(3 / scale) = round(153) = 153
        assertEquals(153, d.zeroPoint().getLong(0));
        assertEquals(DType.UI8, d.y().dtype());
        long[] want = new long[6];
        for (int i = 0; i < 6; i++) want[i] = Quantized.roundSaturate(x.getFloat(i) / scale, 153, DType.UI8);
        assertArrayEquals(want, longs(d.y()));
        assertEquals(0, longs(d.y())[2]);
        assertEquals(255, longs(d.y())[1]);
        Quantized.Dynamic positive = Quantized.dynamicQuantize(Tensor.of(new float[] {1, 2}, 2));
        assertEquals(0, positive.zeroPoint().getLong(0), "the range starts at 0");
    }

    @Test
    void matMulIntegerSubtractsPerRowAndPerColumnZeroPoints() {
        Random rnd = new Random(2);
        int b = 2, m = 3, k = 4, n = 5;
        int[] av = new int[b * m * k], bv = new int[k * n];
        for (int i = 0; i < av.length; i++) av[i] = rnd.nextInt(256);
        for (int i = 0; i < bv.length; i++) bv[i] = rnd.nextInt(256) - 128;
        Tensor a = ints(DType.UI8, av).reshape(b, m, k), w = ints(DType.I8, bv).reshape(k, n);
        Tensor za = u8(3, 128, 250), zb = i8(0, -128, 127, 5, -1);
        Tensor y = Quantized.matMulInteger(a, w, za, zb);
        assertEquals(DType.I32, y.dtype());
        assertArrayEquals(new int[] {b, m, n}, y.shape());
        for (int t = 0; t < b; t++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    long s = 0;
                    for (int p = 0; p < k; p++)
                        s += (av[(t * m + i) * k + p] - za.getLong(i)) * (bv[p * n + j] - zb.getLong(j));
                    assertEquals(s, y.getLong((t * m + i) * n + j));
                }
    }

    @Test
    void convIntegerMatchesANaiveLoopWithPaddingContributingZero() {
        Random rnd = new Random(4);
        int n = 1, c = 4, h = 5, wd = 6, m = 4, group = 2, kh = 3, kw = 2;
        int[] xv = new int[n * c * h * wd], wv = new int[m * (c / group) * kh * kw];
        for (int i = 0; i < xv.length; i++) xv[i] = rnd.nextInt(256);
        for (int i = 0; i < wv.length; i++) wv[i] = rnd.nextInt(256) - 128;
        Tensor x = ints(DType.UI8, xv).reshape(n, c, h, wd),
                w = ints(DType.I8, wv).reshape(m, c / group, kh, kw);
        Tensor zx = u8(7).reshape(), zw = i8(1, -2, 3, 0);
        Conv.Window win =
                Conv.window(new long[] {kh, kw}, new long[] {2, 1}, new long[] {1, 2}, new long[] {1, 0, 1, 1});
        Tensor y = Quantized.convInteger(x, w, zx, zw, win, group);
        int oh = win.outH(h, false), ow = win.outW(wd, false);
        assertArrayEquals(new int[] {n, m, oh, ow}, y.shape());
        int cg = c / group, mg = m / group;
        for (int oc = 0; oc < m; oc++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++) {
                    long s = 0;
                    for (int ic = 0; ic < cg; ic++)
                        for (int ky = 0; ky < kh; ky++)
                            for (int kx = 0; kx < kw; kx++) {
                                int iy = oy * 2 - 1 + ky, ix = ox - 0 + kx * 2;
                                // a padded position holds the zero point, so it adds nothing
                                long xval = iy < 0 || iy >= h || ix < 0 || ix >= wd
                                        ? 7
                                        : xv[(((oc / mg) * cg + ic) * h + iy) * wd + ix];
                                s += (xval - 7) * (wv[((oc * cg + ic) * kh + ky) * kw + kx] - zw.getLong(oc));
                            }
                    assertEquals(s, y.getLong((oc * oh + oy) * ow + ox), "channel " + oc);
                }
    }

    @Test
    void qLinearMatMulRequantizesWithTheScaleRatio() {
        // a = [[2, 4]] at scale 0.5 (values 1, 2); b = [[6], [2]] at scale 0.25, zero point 2 (values 1, 0)
        Tensor a = u8(2, 4).reshape(1, 2), b = u8(6, 2).reshape(2, 1);
        Tensor y = Quantized.qLinearMatMul(
                a,
                Tensor.of(new float[] {0.5f}),
                u8(0).reshape(),
                b,
                Tensor.of(new float[] {0.25f}),
                u8(2).reshape(),
                Tensor.of(new float[] {0.125f}),
                u8(100).reshape());
        // real product 1 * 1 + 2 * 0 = 1 -> 1 / 0.125 = 8, + 100
        assertEquals(DType.UI8, y.dtype());
        assertArrayEquals(new long[] {108}, longs(y));
        Tensor sat = Quantized.qLinearMatMul(
                a,
                Tensor.of(new float[] {0.5f}),
                u8(0).reshape(),
                b,
                Tensor.of(new float[] {0.25f}),
                u8(2).reshape(),
                Tensor.of(new float[] {0.001f}),
                u8(100).reshape());
        assertArrayEquals(new long[] {255}, longs(sat));
    }

    @Test
    void qLinearConvAddsTheI32BiasBeforeRequantizingPerChannel() {
        Tensor x = u8(1, 2, 3, 4).reshape(1, 1, 2, 2), w = i8(1, -1).reshape(2, 1, 1, 1);
        Conv.Window win = Conv.window(new long[] {1, 1}, new long[0], new long[0], new long[0]);
        Tensor y = Quantized.qLinearConv(
                x,
                Tensor.of(new float[] {1f}),
                u8(0).reshape(),
                w,
                Tensor.of(new float[] {0.5f, 0.25f}, 2),
                i8(0, 0),
                Tensor.of(new float[] {1f}),
                i8(0).reshape(),
                Tensor.of(new int[] {1, -2}, 2),
                win,
                1);
        // channel 0: (x + 1) * 0.5 = 1, 1.5 -> 2, 2, 2.5 -> 2; channel 1: (-x - 2) * 0.25 = -0.75 -> -1, -1, -1.25 ->
        // -1,
        // -1.5 -> -2
        assertArrayEquals(new long[] {1, 2, 2, 2, -1, -1, -1, -2}, longs(y));
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        Tensor a = u8(1, 2).reshape(1, 2), b = u8(1, 2).reshape(2, 1);
        var e = assertThrows(
                IllegalArgumentException.class, () -> Quantized.matMulInteger(a, b, u8(1, 2, 3), Tensor.none()));
        assertTrue(e.getMessage().startsWith("a_zero_point has 3 elements"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Quantized.quantize(
                        Tensor.of(new float[] {1, 2}, 2),
                        Tensor.of(new float[] {1, 2, 3}, 3),
                        Tensor.none(),
                        0,
                        DType.UI8));
    }
}
