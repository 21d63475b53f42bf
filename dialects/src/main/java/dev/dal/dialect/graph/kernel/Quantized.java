package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;

/**
 * Integer kernels of the quantized ONNX ops, exact to the bit: QuantizeLinear, DequantizeLinear,
 * DynamicQuantizeLinear, MatMulInteger, ConvInteger, QLinearMatMul and QLinearConv.
 *
 * <p>These are the golden reference for integer backends: products of (zero-point-adjusted) 8-bit operands are
 * accumulated in {@code int} (int8 x int8 -> int32, wrapping as the hardware does); a float value becomes an integer
 * by rounding half to even and saturating to the storage type's range. Requantization follows the ONNX definition
 * with float scales: {@code y = saturate(round(acc * (s_a * s_b / s_y)) + z_y)}, the multiplier formed in f32 and the
 * product in f64. (The fixed-point multiplier-and-shift form of DESIGN §7 is the NPU lowering's, not ONNX's.)
 *
 * <p>Scales and zero points are either per tensor (one element) or per axis (a 1-D tensor along the quantized
 * axis, the output channels of a convolution, the rows of a matrix product's left side or the columns of its right).
 */
public final class Quantized {
    private Quantized() {}

    /** {@return the smallest value of an integer storage type} */
    public static long minOf(DType t) {
        return switch (t) {
            case I8 -> Byte.MIN_VALUE;
            case I16 -> Short.MIN_VALUE;
            case I32 -> Integer.MIN_VALUE;
            case I64 -> Long.MIN_VALUE;
            case UI8, UI16, UI32, UI64 -> 0;
            default -> throw new IllegalArgumentException(t + " is not an integer storage type");
        };
    }

    /** {@return the largest value of an integer storage type} */
    public static long maxOf(DType t) {
        return switch (t) {
            case I8 -> Byte.MAX_VALUE;
            case I16 -> Short.MAX_VALUE;
            case I32 -> Integer.MAX_VALUE;
            case I64, UI64 -> Long.MAX_VALUE;
            case UI8 -> 0xFF;
            case UI16 -> 0xFFFF;
            case UI32 -> 0xFFFF_FFFFL;
            default -> throw new IllegalArgumentException(t + " is not an integer storage type");
        };
    }

    /** {@return v rounded half to even, plus {@code zeroPoint}, clamped to the range of {@code t}} */
    public static long roundSaturate(double v, long zeroPoint, DType t) {
        double r = Math.rint(v) + zeroPoint;
        return (long) Math.max(minOf(t), Math.min(maxOf(t), r));
    }

    /**
     * {@return ONNX QuantizeLinear: {@code saturate(round(x / scale) + zeroPoint)}} in {@code out}'s storage type
     * (the division in f32 for f32 inputs, as ONNX's reference does)
     *
     * @param zeroPoint like scale, or {@link Tensor#none()} for zero
     * @param axis      the axis of a per-axis scale (negative counts from the end)
     * @param out       the storage type (the zero point's type, when it is given)
     */
    public static Tensor quantize(Tensor x, Tensor scale, Tensor zeroPoint, int axis, DType out) {
        PerAxis p = PerAxis.of(x.shape(), scale, zeroPoint, axis);
        Tensor y = Tensor.zeros(out, x.shape());
        boolean f64 = x.dtype() == DType.F64;
        int n = x.size();
        for (int i = 0; i < n; i++) {
            int c = p.channel(i);
            double q = f64 ? x.getDouble(i) / scale.getDouble(c) : x.getFloat(i) / scale.getFloat(c);
            y.setLong(i, roundSaturate(q, p.zeroPoint(c), out));
        }
        return y;
    }

    /**
     * {@return ONNX DequantizeLinear: {@code (x - zeroPoint) * scale}} in the scale's float type
     *
     * @param zeroPoint like scale, or {@link Tensor#none()} for zero
     */
    public static Tensor dequantize(Tensor x, Tensor scale, Tensor zeroPoint, int axis) {
        PerAxis p = PerAxis.of(x.shape(), scale, zeroPoint, axis);
        Tensor y = Tensor.zeros(scale.dtype(), x.shape());
        boolean f64 = scale.dtype() == DType.F64;
        int n = x.size();
        for (int i = 0; i < n; i++) {
            int c = p.channel(i);
            long d = x.getLong(i) - p.zeroPoint(c);
            y.setDouble(i, f64 ? d * scale.getDouble(c) : (float) d * scale.getFloat(c));
        }
        return y;
    }

    /** The three results of DynamicQuantizeLinear. */
    public record Dynamic(Tensor y, Tensor scale, Tensor zeroPoint) {}

    /**
     * {@return ONNX DynamicQuantizeLinear: x quantized to {@code ui8} over the range of its values widened to hold
     * 0}: {@code scale = (max - min) / 255}, {@code zeroPoint = saturate(round(-min / scale))}, all in f32. An
     * all-zero input has scale 0 and quantizes to zeros.
     */
    public static Dynamic dynamicQuantize(Tensor x) {
        float lo = 0, hi = 0;
        int n = x.size();
        for (int i = 0; i < n; i++) {
            float v = x.getFloat(i);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float scale = (hi - lo) / 255f;
        long zp = scale == 0 ? 0 : roundSaturate(0f - lo / scale, 0, DType.UI8);
        Tensor y = Tensor.zeros(DType.UI8, x.shape());
        if (scale != 0) for (int i = 0; i < n; i++) y.setLong(i, roundSaturate(x.getFloat(i) / scale, zp, DType.UI8));
        Tensor s = Tensor.of(new float[] {scale});
        Tensor z = Tensor.zeros(DType.UI8);
        z.setLong(0, zp);
        return new Dynamic(y, s, z);
    }

    /**
     * {@return ONNX MatMulInteger: {@code (a - aZero) @ (b - bZero)}} as {@code i32}, with NumPy matmul's batch
     * broadcasting and 1-D promotion
     *
     * @param aZero one element, or one per row of {@code a} ({@code [M]}); {@link Tensor#none()} for zero
     * @param bZero one element, or one per column of {@code b} ({@code [N]}); {@link Tensor#none()} for zero
     */
    public static Tensor matMulInteger(Tensor a, Tensor b, Tensor aZero, Tensor bZero) {
        Product p = Product.of(a.shape(), b.shape());
        int[] za = zeroPoints(aZero, p.m, "a_zero_point", "rows of A");
        int[] zb = zeroPoints(bZero, p.n, "b_zero_point", "columns of B");
        int[] x = ints(a), y = ints(b);
        int[] out = new int[p.batches * p.m * p.n];
        for (int t = 0; t < p.batches; t++) {
            int ao = p.aOffset[t] * p.m * p.k, bo = p.bOffset[t] * p.k * p.n, co = t * p.m * p.n;
            for (int i = 0; i < p.m; i++) {
                int zi = za[za.length == 1 ? 0 : i];
                for (int q = 0; q < p.k; q++) {
                    int av = x[ao + i * p.k + q] - zi;
                    if (av == 0) continue;
                    for (int j = 0; j < p.n; j++)
                        out[co + i * p.n + j] += av * (y[bo + q * p.n + j] - zb[zb.length == 1 ? 0 : j]);
                }
            }
        }
        return Tensor.of(out, p.shape);
    }

    /**
     * {@return ONNX ConvInteger: {@code conv(x - xZero, w - wZero)}} as {@code i32}; padding contributes zero
     *
     * @param x     {@code [N, C, W]} or {@code [N, C, H, W]}
     * @param w     {@code [M, C/group, kw]} or {@code [M, C/group, kh, kw]}
     * @param xZero one element or {@link Tensor#none()}
     * @param wZero one element, or one per output channel; {@link Tensor#none()} for zero
     */
    public static Tensor convInteger(Tensor x, Tensor w, Tensor xZero, Tensor wZero, Conv.Window win, int group) {
        if (x.rank() == 3 && w.rank() == 3) {
            Tensor y = convInteger(
                    x.reshape(x.dim(0), x.dim(1), 1, x.dim(2)),
                    w.reshape(w.dim(0), w.dim(1), 1, w.dim(2)),
                    xZero,
                    wZero,
                    win,
                    group);
            return y.reshape(y.dim(0), y.dim(1), y.dim(3));
        }
        if (x.rank() != 4 || w.rank() != 4)
            throw new IllegalArgumentException("only 1-D and 2-D convolutions are supported, got input "
                    + Tensor.shapeText(x.shape()) + " and weights " + Tensor.shapeText(w.shape()));
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int m = w.dim(0), cg = w.dim(1), kh = w.dim(2), kw = w.dim(3);
        if (group < 1 || c != cg * group || m % group != 0)
            throw new IllegalArgumentException("input channels " + c + " and weights " + Tensor.shapeText(w.shape())
                    + " do not fit group " + group);
        if (kh != win.kh() || kw != win.kw())
            throw new IllegalArgumentException(
                    "kernel_shape does not match the weights " + Tensor.shapeText(w.shape()));
        int[] zx = zeroPoints(xZero, 1, "x_zero_point", "tensor");
        int[] zw = zeroPoints(wZero, m, "w_zero_point", "output channels");
        int oh = win.outH(h, false), ow = win.outW(wd, false), mg = m / group;
        int[] xs = ints(x), ws = ints(w);
        int[] out = new int[n * m * oh * ow];
        for (int b = 0; b < n; b++)
            for (int oc = 0; oc < m; oc++) {
                int g = oc / mg, z = zw[zw.length == 1 ? 0 : oc];
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        int acc = 0;
                        for (int ic = 0; ic < cg; ic++) {
                            int xc = (b * c + g * cg + ic) * h, wc = (oc * cg + ic) * kh;
                            for (int ky = 0; ky < kh; ky++) {
                                int iy = oy * win.sh() - win.padTop() + ky * win.dh();
                                if (iy < 0 || iy >= h) continue;
                                for (int kx = 0; kx < kw; kx++) {
                                    int ix = ox * win.sw() - win.padLeft() + kx * win.dw();
                                    if (ix < 0 || ix >= wd) continue;
                                    acc += (xs[(xc + iy) * wd + ix] - zx[0]) * (ws[(wc + ky) * kw + kx] - z);
                                }
                            }
                        }
                        out[((b * m + oc) * oh + oy) * ow + ox] = acc;
                    }
            }
        return Tensor.of(out, n, m, oh, ow);
    }

    /**
     * {@return ONNX QLinearMatMul: the integer product of a and b requantized to y's scale and zero point}
     *
     * @param aScale one element, or one per row of a; likewise for {@code bScale} (per column of b) and their zero
     *               points
     */
    public static Tensor qLinearMatMul(
            Tensor a, Tensor aScale, Tensor aZero, Tensor b, Tensor bScale, Tensor bZero, Tensor yScale, Tensor yZero) {
        Tensor acc = matMulInteger(a, b, aZero, bZero);
        Product p = Product.of(a.shape(), b.shape());
        int m = p.m, n = p.n;
        float[] sa = scales(aScale, m, "a_scale"), sb = scales(bScale, n, "b_scale");
        // the accumulators are [batches, m, n] in storage; element i's row picks a's scale, its column b's
        return requantize(
                acc, i -> sa[sa.length == 1 ? 0 : (i / n) % m] * sb[sb.length == 1 ? 0 : i % n], yScale, yZero);
    }

    /**
     * {@return ONNX QLinearConv: the integer convolution plus the {@code i32} bias, requantized to y's scale and
     * zero point}
     *
     * @param wScale one element, or one per output channel (as {@code wZero})
     * @param bias   {@code [M]} {@code i32} at scale {@code xScale * wScale} and zero point 0, or {@link Tensor#none()}
     */
    public static Tensor qLinearConv(
            Tensor x,
            Tensor xScale,
            Tensor xZero,
            Tensor w,
            Tensor wScale,
            Tensor wZero,
            Tensor yScale,
            Tensor yZero,
            Tensor bias,
            Conv.Window win,
            int group) {
        Tensor acc = convInteger(x, w, xZero, wZero, win, group);
        int m = acc.dim(1), spatial = acc.size() / Math.max(1, acc.dim(0) * m);
        if (!bias.isNone()) {
            if (bias.size() != m)
                throw new IllegalArgumentException(
                        "bias has " + bias.size() + " elements for " + m + " output channels");
            int[] v = acc.ints();
            for (int i = 0; i < v.length; i++) v[i] += (int) bias.getLong((i / spatial) % m);
        }
        float[] sx = scales(xScale, 1, "x_scale"), sw = scales(wScale, m, "w_scale");
        return requantize(acc, i -> sx[0] * sw[sw.length == 1 ? 0 : (i / spatial) % m], yScale, yZero);
    }

    /** The input scale (product of the two operands' scales) of each accumulator element. */
    @FunctionalInterface
    private interface ScaleOf {
        float at(int element);
    }

    /** {@return round(acc * (inScale / yScale)) + yZero, saturated to yZero's type} */
    private static Tensor requantize(Tensor acc, ScaleOf inScale, Tensor yScale, Tensor yZero) {
        float[] sy = scales(yScale, 1, "y_scale");
        DType out = yZero.dtype();
        long zy = zeroPoints(yZero, 1, "y_zero_point", "tensor")[0];
        int[] v = acc.ints();
        Tensor y = Tensor.zeros(out, acc.shape());
        for (int i = 0; i < v.length; i++) y.setLong(i, requantize(v[i], inScale.at(i), sy[0], zy, out));
        return y;
    }

    /**
     * {@return one {@code i32} accumulator requantized as ONNX's QLinear ops do}:
     * {@code saturate(round(acc * (inScale / outScale)) + zeroPoint)}, the multiplier in f32, the product in f64,
     * rounding half to even
     *
     * @param inScale the accumulator's scale, the product of its operands' scales
     */
    public static long requantize(int acc, float inScale, float outScale, long zeroPoint, DType t) {
        float multiplier = inScale / outScale;
        return roundSaturate((double) acc * multiplier, zeroPoint, t);
    }

    /** {@return the scales as floats: one, or {@code n} for per-axis} */
    private static float[] scales(Tensor s, int n, String what) {
        if (!s.dtype().isFloat())
            throw new IllegalArgumentException(what + " must be a float tensor, got " + s.dtype());
        if (s.size() != 1 && s.size() != n)
            throw new IllegalArgumentException(what + " has " + s.size() + " elements, expected 1 or " + n);
        float[] out = new float[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.getFloat(i);
        return out;
    }

    /** {@return the zero points as ints: {0} when absent, one, or {@code n} (one per {@code unit})} */
    private static int[] zeroPoints(Tensor z, int n, String what, String unit) {
        if (z.isNone()) return new int[1];
        if (!z.dtype().isInteger())
            throw new IllegalArgumentException(what + " must be an integer tensor, got " + z.dtype());
        if (z.size() != 1 && z.size() != n)
            throw new IllegalArgumentException(
                    what + " has " + z.size() + " elements, expected 1 or " + n + " (one per " + unit + ")");
        int[] out = new int[z.size()];
        for (int i = 0; i < out.length; i++) out[i] = Math.toIntExact(z.getLong(i));
        return out;
    }

    private static int[] ints(Tensor t) {
        if (!t.dtype().isInteger()) throw new IllegalArgumentException("expects integer operands, got " + t.dtype());
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) out[i] = (int) t.getLong(i);
        return out;
    }

    /** Per-tensor or per-axis quantization parameters laid over a tensor's elements. */
    private record PerAxis(int inner, int count, long[] zeroPoints) {
        static PerAxis of(int[] shape, Tensor scale, Tensor zeroPoint, int axis) {
            if (!zeroPoint.isNone() && zeroPoint.size() != scale.size())
                throw new IllegalArgumentException(
                        "scale and zero point have " + scale.size() + " and " + zeroPoint.size() + " elements");
            if (!zeroPoint.isNone() && !zeroPoint.dtype().isInteger())
                throw new IllegalArgumentException("zero point must be an integer tensor, got " + zeroPoint.dtype());
            long[] z = zeroPoint.isNone() ? new long[scale.size()] : zeroPoint.toLongs();
            if (scale.rank() == 0 || scale.size() == 1) return new PerAxis(1, 1, z);
            if (scale.rank() != 1)
                throw new IllegalArgumentException("scale must be a scalar or 1-D, got "
                        + Tensor.shapeText(scale.shape()) + " (blocked quantization is not supported)");
            int r = shape.length;
            int ax = axis < 0 ? axis + r : axis;
            if (ax < 0 || ax >= r) throw new IllegalArgumentException("axis " + axis + " out of range for rank " + r);
            if (shape[ax] != scale.size())
                throw new IllegalArgumentException("per-axis scale has " + scale.size() + " elements, but axis " + axis
                        + " has size " + shape[ax]);
            return new PerAxis(Indexing.prod(shape, ax + 1, r), shape[ax], z);
        }

        int channel(int element) {
            return count == 1 ? 0 : (element / inner) % count;
        }

        long zeroPoint(int channel) {
            return zeroPoints[channel];
        }
    }

    /** The geometry of a NumPy-style batched matrix product. */
    private static final class Product {
        int m, k, n, batches;
        int[] aOffset, bOffset, shape;

        static Product of(int[] as, int[] bs) {
            if (as.length == 0 || bs.length == 0)
                throw new IllegalArgumentException("matmul operands must not be scalars");
            boolean aVec = as.length == 1, bVec = bs.length == 1;
            int[] a2 = aVec ? new int[] {1, as[0]} : as, b2 = bVec ? new int[] {bs[0], 1} : bs;
            Product p = new Product();
            p.m = a2[a2.length - 2];
            p.k = a2[a2.length - 1];
            p.n = b2[b2.length - 1];
            if (b2[b2.length - 2] != p.k)
                throw new IllegalArgumentException(
                        "matmul inner dimensions differ: " + Arrays.toString(as) + " and " + Arrays.toString(bs));
            Broadcast bc = Broadcast.of(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
            int[] batch = bc.shape();
            p.batches = bc.size();
            p.aOffset = new int[p.batches];
            p.bOffset = new int[p.batches];
            int[] idx = new int[batch.length];
            for (int t = 0; t < p.batches; t++) {
                for (int d = 0; d < batch.length; d++) {
                    p.aOffset[t] += idx[d] * bc.stride(0, d);
                    p.bOffset[t] += idx[d] * bc.stride(1, d);
                }
                for (int d = batch.length - 1; d >= 0 && ++idx[d] == batch[d]; d--) idx[d] = 0;
            }
            int[] shape = Arrays.copyOf(batch, batch.length + 2);
            shape[batch.length] = p.m;
            shape[batch.length + 1] = p.n;
            if (aVec && bVec) shape = batch;
            else if (aVec) shape = drop(shape, batch.length);
            else if (bVec) shape = drop(shape, batch.length + 1);
            p.shape = shape;
            return p;
        }

        private static int[] drop(int[] s, int i) {
            int[] r = new int[s.length - 1];
            for (int j = 0, o = 0; j < s.length; j++) if (j != i) r[o++] = s[j];
            return r;
        }
    }
}
