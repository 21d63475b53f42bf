package dev.dal.dialect.quant.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.dialect.quant.UniformQuantizedType;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Every integer kernel matches a float reference computed on the dequantized inputs within one output step: the
 * reference result, divided by the output scale, offset by the zero point and clamped to the storage range, is
 * within 1 of the kernel's stored value. Inputs are random int8 tensors with random scales; output scales are chosen
 * so that some results saturate.
 */
class QnnKernelPropertyTest {
    private static final long LO = -127, HI = 127;
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    private static int[] int8(Random r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = r.nextInt(255) - 127;
        return a;
    }

    private static double scale(Random r, double lo, double hi) {
        return lo * Math.pow(hi / lo, r.nextDouble());
    }

    /** An output scale that puts the largest reference magnitude somewhere around 60..200 steps. */
    private static double outScale(Random r, double[] ref) {
        double max = 1e-3; // all-zero references would otherwise ask for a rescale factor beyond 2^31
        for (double v : ref) max = Math.max(max, Math.abs(v));
        return max / (60 + 140 * r.nextDouble());
    }

    private static void assertWithinOneStep(
            long[] got, double[] ref, double sy, long zp, long lo, long hi, String what) {
        assertEquals(ref.length, got.length, what + ": size");
        for (int i = 0; i < ref.length; i++) {
            double want = Math.max(lo, Math.min(hi, ref[i] / sy + zp));
            int k = i;
            assertTrue(
                    Math.abs(got[i] - want) <= 1.0,
                    () -> what + " element " + k + ": kernel " + got[k] + " vs reference " + want);
        }
    }

    @Test
    void convMatchesTheFloatConvolutionOfTheDequantizedInputs() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(2), group = 1 + r.nextInt(2), cg = 1 + r.nextInt(3), og = 1 + r.nextInt(3);
            int c = cg * group, o = og * group, kh = 1 + r.nextInt(3), kw = 1 + r.nextInt(3);
            int sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(2), dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int pt = r.nextInt(2), pl = r.nextInt(2), pb = r.nextInt(2), pr = r.nextInt(2);
            int h = (kh - 1) * dh + 1 + r.nextInt(4), w = (kw - 1) * dw + 1 + r.nextInt(4);
            int oh = (h + pt + pb - ((kh - 1) * dh + 1)) / sh + 1, ow = (w + pl + pr - ((kw - 1) * dw + 1)) / sw + 1;
            int[] x = int8(r, n * c * h * w), wt = int8(r, o * cg * kh * kw);
            double sx = scale(r, 0.005, 1);
            double[] sW = new double[o];
            for (int i = 0; i < o; i++) sW[i] = scale(r, 0.001, 0.1);
            int[] bias = new int[o];
            for (int i = 0; i < o; i++) bias[i] = r.nextInt(20001) - 10000;
            boolean withResidual = r.nextBoolean();
            int[] res = int8(r, n * o * oh * ow);
            double sr = scale(r, 0.01, 1);
            String act = new String[] {"none", "relu", "relu6", "clip"}[r.nextInt(4)];
            double cmin = -r.nextDouble(), cmax = r.nextDouble() * 3;

            double[] ref = new double[n * o * oh * ow];
            int at = 0;
            for (int b = 0; b < n; b++)
                for (int oc = 0; oc < o; oc++)
                    for (int oy = 0; oy < oh; oy++)
                        for (int ox = 0; ox < ow; ox++, at++) {
                            double acc = bias[oc] * sx * sW[oc];
                            int g = oc / og;
                            for (int ic = 0; ic < cg; ic++)
                                for (int i = 0; i < kh; i++)
                                    for (int j = 0; j < kw; j++) {
                                        int y = oy * sh - pt + i * dh, xx = ox * sw - pl + j * dw;
                                        if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                                        acc += x[((b * c + g * cg + ic) * h + y) * w + xx]
                                                * sx
                                                * wt[((oc * cg + ic) * kh + i) * kw + j]
                                                * sW[oc];
                                    }
                            ref[at] = acc + (withResidual ? res[at] * sr : 0);
                        }
            double sy = outScale(r, ref);
            long lo = LO, hi = HI;
            for (int i = 0; i < ref.length; i++)
                ref[i] = switch (act) {
                    case "relu" -> Math.max(0, ref[i]);
                    case "relu6" -> Math.max(0, Math.min(6, ref[i]));
                    case "clip" -> Math.max(cmin, Math.min(cmax, ref[i]));
                    default -> ref[i];
                };
            switch (act) {
                case "relu" -> lo = 0;
                case "relu6" -> {
                    lo = 0;
                    hi = Math.min(HI, QuantCast.quantize(6, sy, 0, LO, HI));
                }
                case "clip" -> {
                    lo = QuantCast.quantize(cmin, sy, 0, LO, HI);
                    hi = QuantCast.quantize(cmax, sy, 0, LO, HI);
                }
                default -> {}
            }
            FixedPoint[] m = new FixedPoint[o];
            for (int i = 0; i < o; i++) m[i] = FixedPoint.of(sx * sW[i] / sy);
            long[] got = QConv.conv(
                    POOL,
                    x,
                    new int[] {n, c, h, w},
                    wt,
                    new int[] {o, cg, kh, kw},
                    Optional.of(bias),
                    new Window2d(kh, kw, sh, sw, pt, pl, dh, dw),
                    group,
                    oh,
                    ow,
                    new Requant(m, 0, lo, hi),
                    withResidual ? Optional.of(new QConv.Residual(res, FixedPoint.of(sr / sy))) : Optional.empty());
            assertWithinOneStep(got, ref, sy, 0, LO, HI, "conv " + act + (withResidual ? " + residual" : ""));
        });
    }

    @Test
    void matmulMatchesTheFloatProduct() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int batch = 1 + r.nextInt(3), m = 1 + r.nextInt(4), k = 1 + r.nextInt(40), n = 1 + r.nextInt(5);
            boolean transB = r.nextBoolean(),
                    batchedB = !transB && r.nextBoolean(),
                    perColumn = !batchedB && r.nextBoolean();
            int[] a = int8(r, batch * m * k), b = int8(r, (batchedB ? batch : 1) * k * n);
            double sa = scale(r, 0.005, 1);
            double[] sb = new double[n];
            double common = scale(r, 0.001, 0.1);
            for (int j = 0; j < n; j++) sb[j] = perColumn ? scale(r, 0.001, 0.1) : common;
            int[] bias = new int[n];
            for (int j = 0; j < n; j++) bias[j] = r.nextInt(2001) - 1000;
            boolean withBias = !batchedB && r.nextBoolean();
            double[] ref = new double[batch * m * n];
            for (int t = 0; t < batch; t++)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double acc = withBias ? bias[j] * sa * sb[j] : 0;
                        for (int p = 0; p < k; p++) {
                            int bi = (batchedB ? t * k * n : 0) + (transB ? j * k + p : p * n + j);
                            acc += a[(t * m + i) * k + p] * sa * b[bi] * sb[j];
                        }
                        ref[(t * m + i) * n + j] = acc;
                    }
            double sy = outScale(r, ref);
            long zp = r.nextInt(21) - 10;
            FixedPoint[] f = new FixedPoint[perColumn ? n : 1];
            for (int j = 0; j < f.length; j++) f[j] = FixedPoint.of(sa * sb[j] / sy);
            long[] got = QMatMul.matmul(
                    POOL,
                    a,
                    b,
                    batch,
                    m,
                    k,
                    n,
                    transB,
                    batchedB,
                    withBias ? Optional.of(bias) : Optional.empty(),
                    new Requant(f, zp, LO, HI));
            assertWithinOneStep(got, ref, sy, zp, LO, HI, "matmul");
        });
    }

    @Test
    void addAndMulMatchTheFloatOpsWithBroadcasting() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] out = {1 + r.nextInt(3), 1 + r.nextInt(4), 1 + r.nextInt(4)};
            int[] as = out.clone(), bs = r.nextBoolean() ? new int[] {out[2]} : new int[] {out[0], 1, out[2]};
            if (r.nextBoolean()) as[1] = 1;
            int[] a = int8(r, Arrays.stream(as).reduce(1, (p, q) -> p * q)),
                    b = int8(r, Arrays.stream(bs).reduce(1, (p, q) -> p * q));
            double sa = scale(r, 0.001, 1), sb = scale(r, 0.001, 1);
            int[] ia = Broadcast.indices(as, out), ib = Broadcast.indices(bs, out);
            double[] sum = new double[ia.length], prod = new double[ia.length];
            for (int i = 0; i < ia.length; i++) {
                sum[i] = a[ia[i]] * sa + b[ib[i]] * sb;
                prod[i] = a[ia[i]] * sa * b[ib[i]] * sb;
            }
            double sy = outScale(r, sum), sp = outScale(r, prod);
            assertWithinOneStep(
                    QElementwise.add(
                            POOL, a, as, b, bs, out, FixedPoint.of(sa / sy), FixedPoint.of(sb / sy), 0, LO, HI),
                    sum,
                    sy,
                    0,
                    LO,
                    HI,
                    "add");
            assertWithinOneStep(
                    QElementwise.mul(a, as, b, bs, out, FixedPoint.of(sa * sb / sp), 0, LO, HI),
                    prod,
                    sp,
                    0,
                    LO,
                    HI,
                    "mul");
        });
    }

    @Test
    void poolsMatchTheFloatPools() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(2), c = 1 + r.nextInt(3), kh = 1 + r.nextInt(3), kw = 1 + r.nextInt(3);
            int h = kh + r.nextInt(4), w = kw + r.nextInt(4), sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(2);
            int pt = r.nextInt(kh), pl = r.nextInt(kw);
            int oh = (h + 2 * pt - kh) / sh + 1, ow = (w + 2 * pl - kw) / sw + 1;
            boolean includePad = r.nextBoolean();
            int[] x = int8(r, n * c * h * w);
            double sx = scale(r, 0.001, 1);
            Window2d win = new Window2d(kh, kw, sh, sw, pt, pl, 1, 1);
            double[] avg = new double[n * c * oh * ow], max = new double[avg.length];
            int at = 0;
            for (int p = 0; p < n * c; p++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++, at++) {
                        double s = 0, mx = Double.NEGATIVE_INFINITY;
                        int count = 0;
                        for (int i = 0; i < kh; i++)
                            for (int j = 0; j < kw; j++) {
                                int y = oy * sh - pt + i, xx = ox * sw - pl + j;
                                boolean in = y >= 0 && y < h && xx >= 0 && xx < w;
                                if (in) {
                                    s += x[(p * h + y) * w + xx] * sx;
                                    mx = Math.max(mx, x[(p * h + y) * w + xx] * sx);
                                }
                                if (in || includePad) count++;
                            }
                        avg[at] = s / count;
                        max[at] = mx;
                    }
            double sy = outScale(r, avg);
            int[] shape = {n, c, h, w};
            assertWithinOneStep(
                    QPool.averagePool(x, shape, win, oh, ow, includePad, FixedPoint.of(sx / sy), 0, LO, HI),
                    avg,
                    sy,
                    0,
                    LO,
                    HI,
                    "average_pool");
            long[] gotMax = QPool.maxPool(POOL, x, shape, win, oh, ow);
            for (int i = 0; i < max.length; i++) assertEquals(max[i] / sx, gotMax[i], 1e-9, "max_pool is exact");
            double[] gap = new double[n * c];
            for (int p = 0; p < n * c; p++) {
                for (int i = 0; i < h * w; i++) gap[p] += x[p * h * w + i] * sx;
                gap[p] /= h * w;
            }
            double sg = outScale(r, gap);
            assertWithinOneStep(
                    QPool.globalAveragePool(x, n * c, h * w, FixedPoint.of(sx / sg), 0, LO, HI),
                    gap,
                    sg,
                    0,
                    LO,
                    HI,
                    "global_average_pool");
        });
    }

    @Test
    void concatAndRequantizeMatchTheRescaledValues() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int k = 1 + r.nextInt(3), outer = 1 + r.nextInt(3), inner = 1 + r.nextInt(3);
            int[][] in = new int[k][], shapes = new int[k][];
            double[] s = new double[k];
            FixedPoint[] f = new FixedPoint[k];
            double sy = scale(r, 0.01, 1);
            int total = 0;
            for (int i = 0; i < k; i++) {
                shapes[i] = new int[] {outer, 1 + r.nextInt(3), inner};
                in[i] = int8(r, outer * shapes[i][1] * inner);
                s[i] = scale(r, 0.005, 2);
                f[i] = FixedPoint.of(s[i] / sy);
                total += shapes[i][1];
            }
            double[] ref = new double[outer * total * inner];
            int off = 0;
            for (int i = 0; i < k; i++) {
                int len = shapes[i][1] * inner;
                for (int o = 0; o < outer; o++)
                    for (int e = 0; e < len; e++) ref[o * total * inner + off + e] = in[i][o * len + e] * s[i];
                off += len;
            }
            assertWithinOneStep(QConcat.concat(in, shapes, 1, f, 0, LO, HI), ref, sy, 0, LO, HI, "concat");

            UniformQuantizedType from = UniformQuantizedType.symmetricI8(s[0]);
            UniformQuantizedType to = UniformQuantizedType.symmetricI8(sy);
            dev.dal.ir.interp.Tensor t = QTensors.store(
                    from, shapes[0], Arrays.stream(in[0]).asLongStream().toArray());
            long[] got = Arrays.stream(QTensors.values(QuantCast.requantize(t, from, to, new FixedPoint[] {f[0]})))
                    .asLongStream()
                    .toArray();
            double[] real =
                    Arrays.stream(in[0]).asDoubleStream().map(v -> v * s[0]).toArray();
            assertWithinOneStep(got, real, sy, 0, LO, HI, "requantize");
        });
    }

    @Test
    void linearResizeMatchesTheFloatInterpolation() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int h = 1 + r.nextInt(4), w = 1 + r.nextInt(4), oh = 1 + r.nextInt(8), ow = 1 + r.nextInt(8);
            String mode =
                    new String[] {"half_pixel", "asymmetric", "align_corners", "pytorch_half_pixel"}[r.nextInt(4)];
            int[] x = int8(r, 2 * h * w);
            double[] ref = new double[2 * oh * ow];
            int at = 0;
            for (int p = 0; p < 2; p++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++, at++) {
                        double sy = Math.max(0, Math.min(h - 1, QResize.source(mode, i, h, oh)));
                        double sx = Math.max(0, Math.min(w - 1, QResize.source(mode, j, w, ow)));
                        int y0 = (int) sy, x0 = (int) sx, y1 = Math.min(y0 + 1, h - 1), x1 = Math.min(x0 + 1, w - 1);
                        double fy = sy - y0, fx = sx - x0;
                        int b = p * h * w;
                        ref[at] = (1 - fy) * ((1 - fx) * x[b + y0 * w + x0] + fx * x[b + y0 * w + x1])
                                + fy * ((1 - fx) * x[b + y1 * w + x0] + fx * x[b + y1 * w + x1]);
                    }
            long[] got = QResize.resize(x, new int[] {1, 2, h, w}, oh, ow, true, mode, "round_prefer_floor", 0, LO, HI);
            assertWithinOneStep(got, ref, 1, 0, LO, HI, "linear resize " + mode);
        });
    }

    @Test
    void lutEntriesAreTheQuantizedFunctionOfTheDequantizedInput() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Lut.Function fn = Lut.Function.values()[r.nextInt(Lut.Function.values().length)];
            UniformQuantizedType in = UniformQuantizedType.symmetricI8(scale(r, 0.005, 0.1));
            double[] sample = new double[255];
            for (int q = -127; q <= 127; q++) sample[q + 127] = fn.function().applyAsDouble(q * in.scale());
            double sy = outScale(r, sample);
            UniformQuantizedType out = UniformQuantizedType.symmetricI8(sy);
            int[] table = Lut.build(fn.function(), in, out);
            int[] q = new int[255];
            for (int i = 0; i < q.length; i++) q[i] = i - 127;
            assertWithinOneStep(Lut.apply(q, table, in.storageType()), sample, sy, 0, LO, HI, "lut " + fn.irName());
        });
    }
}
