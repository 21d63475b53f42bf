package dev.dal.dialect.quant.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The fast integer kernels (im2col, tiled and vectorised products, parallel tiles) give exactly the bits of the plain
 * reference loops, on random shapes, strides, pads, dilations, groups (depthwise and 1x1 included), output zero points,
 * per-channel multipliers and clamps; operands are sometimes far beyond int8 so that the int32 sums wrap around and the
 * results saturate.
 */
class QnnFastPathPropertyTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(2), ONE = new ForkJoinPool(1);

    /** Values of int8 (or wider, so that products and sums overflow int32). */
    private static int[] values(Random r, int n, boolean wide) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = wide ? r.nextInt() >> r.nextInt(16) : r.nextInt(256) - 128;
        return a;
    }

    private static FixedPoint[] multipliers(Random r, int count) {
        FixedPoint[] m = new FixedPoint[count];
        for (int i = 0; i < count; i++) m[i] = FixedPoint.of(Math.pow(2, -20 + 22 * r.nextDouble()));
        return m;
    }

    @Test
    void convEqualsTheReferenceLoopBitForBit() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int shape = r.nextInt(4); // 0: any, 1: depthwise, 2: 1x1 stride 1, 3: wide channels
            int group = shape == 1 ? 1 + r.nextInt(12) : 1 + r.nextInt(3) / 2 * r.nextInt(4);
            int cg = shape == 1 ? 1 : 1 + r.nextInt(shape == 3 ? 70 : 5);
            int og = shape == 1 ? 1 : 1 + r.nextInt(shape == 3 ? 20 : 9);
            int n = 1 + r.nextInt(2), c = cg * group, o = og * group;
            boolean pointwise = shape == 2;
            int kh = pointwise ? 1 : 1 + r.nextInt(3), kw = pointwise ? 1 : 1 + r.nextInt(3);
            int sh = pointwise ? 1 : 1 + r.nextInt(2), sw = pointwise ? 1 : 1 + r.nextInt(2);
            int dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int pt = pointwise ? 0 : r.nextInt(3), pl = pointwise ? 0 : r.nextInt(3);
            int pb = pointwise ? 0 : r.nextInt(2), pr = pointwise ? 0 : r.nextInt(2);
            int h = (kh - 1) * dh + 1 + r.nextInt(shape == 3 ? 6 : 20), w = (kw - 1) * dw + 1 + r.nextInt(20);
            int oh = (h + pt + pb - (kh - 1) * dh - 1) / sh + 1, ow = (w + pl + pr - (kw - 1) * dw - 1) / sw + 1;
            boolean wide = r.nextInt(4) == 0;
            int[] x = values(r, n * c * h * w, wide), wt = values(r, o * cg * kh * kw, wide);
            Optional<int[]> bias = r.nextBoolean() ? Optional.of(values(r, o, true)) : Optional.empty();
            FixedPoint[] m = multipliers(r, r.nextBoolean() ? o : 1);
            long zp = r.nextInt(256) - 128, lo = -128 + r.nextInt(40), hi = 127 - r.nextInt(40);
            Optional<QConv.Residual> res = r.nextBoolean()
                    ? Optional.of(new QConv.Residual(values(r, n * o * oh * ow, false), multipliers(r, 1)[0]))
                    : Optional.empty();
            int[] xs = {n, c, h, w}, ws = {o, cg, kh, kw};
            Window2d win = new Window2d(kh, kw, sh, sw, pt, pl, dh, dw);
            assertArrayEquals(
                    QConv.reference(x, xs, wt, ws, bias, win, group, oh, ow, new Requant(m, zp, lo, hi), res),
                    QConv.conv(POOL, x, xs, wt, ws, bias, win, group, oh, ow, new Requant(m, zp, lo, hi), res));
        });
    }

    @Test
    void matmulEqualsTheReferenceLoopBitForBit() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            boolean big = r.nextBoolean();
            int batch = 1 + r.nextInt(4), m = 1 + r.nextInt(big ? 70 : 6);
            int k = 1 + r.nextInt(big ? 600 : 40), n = 1 + r.nextInt(big ? 150 : 20);
            boolean transB = r.nextBoolean(), batchedB = r.nextBoolean(), wide = r.nextInt(4) == 0;
            int[] a = values(r, batch * m * k, wide), b = values(r, (batchedB ? batch : 1) * k * n, wide);
            Optional<int[]> bias = r.nextBoolean() ? Optional.of(values(r, n, true)) : Optional.empty();
            FixedPoint[] f = multipliers(r, r.nextBoolean() ? n : 1);
            long zp = r.nextInt(256) - 128, lo = -128 + r.nextInt(40), hi = 127 - r.nextInt(40);
            assertArrayEquals(
                    QMatMul.reference(a, b, batch, m, k, n, transB, batchedB, bias, new Requant(f, zp, lo, hi)),
                    QMatMul.matmul(POOL, a, b, batch, m, k, n, transB, batchedB, bias, new Requant(f, zp, lo, hi)));
        });
    }

    @Test
    void bothTileKernelsEqualTheTripleLoopOnAnyTile() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int m = 1 + r.nextInt(12), n = 1 + r.nextInt(70), k = r.nextInt(r.nextBoolean() ? 600 : 30);
            boolean transB = r.nextBoolean();
            int lda = k + r.nextInt(3), ldb = (transB ? k : n) + r.nextInt(3), ldc = n + r.nextInt(3);
            int aOff = r.nextInt(5), bOff = r.nextInt(5), cOff = r.nextInt(5);
            int[] a = values(r, aOff + m * lda, true), b = values(r, bOff + (transB ? n : k) * ldb, true);
            int i0 = r.nextInt(m), i1 = i0 + 1 + r.nextInt(m - i0), j0 = r.nextInt(n), j1 = j0 + 1 + r.nextInt(n - j0);
            int[] want = values(r, cOff + m * ldc, true);
            int[] scalar = want.clone(), fast = want.clone();
            for (int i = i0; i < i1; i++)
                for (int j = j0; j < j1; j++) {
                    int acc = 0;
                    for (int p = 0; p < k; p++)
                        acc += a[aOff + i * lda + p] * b[bOff + (transB ? j * ldb + p : p * ldb + j)];
                    want[cOff + i * ldc + j] = acc;
                }
            for (var e : new Object[][] {{new IntGemm.Scalar(), scalar}, {IntGemm.kernel(), fast}}) {
                IntGemm.Kernel kernel = (IntGemm.Kernel) e[0];
                int[] c = (int[]) e[1];
                if (transB) kernel.nt(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, i0, i1, j0, j1, k);
                else kernel.nn(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, i0, i1, j0, j1, k);
            }
            assertArrayEquals(want, scalar, "scalar kernel");
            assertArrayEquals(
                    want, fast, "kernel in use: " + IntGemm.kernel().getClass().getSimpleName());
        });
    }

    @Test
    void branchFreeRoundingEqualsRoundingTheMagnitude() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            long x = r.nextLong() >> (2 + r.nextInt(60));
            int n = r.nextInt(64);
            long want = n == 0 ? x : n >= 63 ? 0 : Long.signum(x) * ((Math.abs(x) + (1L << (n - 1))) >> n);
            org.junit.jupiter.api.Assertions.assertEquals(want, Rounding.shiftRoundHalfAway(x, n), x + " >> " + n);
        });
    }

    @Test
    void centeredSubtractsEachChannelsZeroPointFromTheStoredValues() {
        var u8 = new dev.dal.ir.IntegerType(8, dev.dal.ir.IntegerType.Signedness.UNSIGNED);
        var type = new dev.dal.dialect.quant.UniformQuantizedPerAxisType(
                dev.dal.dialect.quant.QuantStorage.full(u8, dev.dal.ir.FloatType.F32),
                1,
                java.util.List.of(0.1, 0.2, 0.3),
                java.util.List.of(1L, 2L, 250L));
        var t = dev.dal.ir.interp.Tensor.zeros(dev.dal.ir.interp.DType.UI8, 2, 3, 2);
        for (int i = 0; i < t.size(); i++) t.setLong(i, 240 + i);
        int[] got = QTensors.centered(t, type);
        for (int i = 0; i < t.size(); i++)
            org.junit.jupiter.api.Assertions.assertEquals(
                    240 + i - (int) type.zeroPoint(QTensors.channel(type, t.shape(), i)), got[i], "element " + i);
        org.junit.jupiter.api.Assertions.assertArrayEquals(got, QTensors.centeredConstant(t, type));
        org.junit.jupiter.api.Assertions.assertSame(
                QTensors.centeredConstant(t, type), QTensors.centeredConstant(t, type), "computed once");
    }

    @Test
    void elementwiseAndPoolingSpreadOverThreadsGiveTheOneThreadResult() {
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int c = 1 + r.nextInt(40), h = 20 + r.nextInt(40), w = 20 + r.nextInt(40);
            int[] shape = {1, c, h, w}, rowShape = {1, 1, 1, w};
            int[] a = values(r, c * h * w, false), b = values(r, w, false);
            FixedPoint ma = multipliers(r, 1)[0], mb = multipliers(r, 1)[0];
            assertArrayEquals(
                    QElementwise.add(ONE, a, shape, b, rowShape, shape, ma, mb, 3, -128, 127),
                    QElementwise.add(POOL, a, shape, b, rowShape, shape, ma, mb, 3, -128, 127));
            Window2d win = new Window2d(3, 3, 2, 2, 1, 1, 1, 1);
            int oh = (h + 2 - 3) / 2 + 1, ow = (w + 2 - 3) / 2 + 1;
            assertArrayEquals(QPool.maxPool(ONE, a, shape, win, oh, ow), QPool.maxPool(POOL, a, shape, win, oh, ow));
            float[] f = new float[c * h * w];
            for (int i = 0; i < f.length; i++) f[i] = (float) (r.nextGaussian() * 10);
            var type = new dev.dal.dialect.quant.UniformQuantizedType(
                    dev.dal.dialect.quant.QuantStorage.full(dev.dal.ir.IntegerType.I8, dev.dal.ir.FloatType.F32),
                    0.05,
                    r.nextInt(20));
            var x = dev.dal.ir.interp.Tensor.of(f, shape);
            assertArrayEquals(
                    QTensors.values(QuantCast.qcast(x, type, ONE)), QTensors.values(QuantCast.qcast(x, type, POOL)));
            int[] q = QTensors.values(QuantCast.qcast(x, type, POOL));
            for (int i = 0; i < f.length; i += 97)
                org.junit.jupiter.api.Assertions.assertEquals(
                        QuantCast.quantize(f[i], 0.05, type.zeroPoint(0), -128, 127), q[i], "element " + i);
        });
    }
}
