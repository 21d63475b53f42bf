package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.List;

/**
 * Elementwise kernels for every numeric element type (f16, bf16, f64, signed and unsigned 8- to 64-bit integers), the
 * slow general path beside the f32 kernels of {@link Elementwise}: floats compute in double and round once to their
 * type, integers compute in long (u64 compares unsigned) and wrap to their width.
 */
public final class Numeric {
    private Numeric() {}

    /** The variadic reductions of {@link Elementwise.Variadic}, for one element type of any kind. */
    public static Tensor variadic(List<Tensor> inputs, Elementwise.Variadic kind) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("needs at least one input");
        Tensor acc = inputs.getFirst();
        for (Tensor t : inputs)
            if (t.dtype() != acc.dtype())
                throw new IllegalArgumentException("input types differ: " + acc.dtype() + " and " + t.dtype());
        boolean u64 = acc.dtype() == DType.UI64;
        for (int i = 1; i < inputs.size(); i++) {
            Tensor b = inputs.get(i);
            acc = switch (kind) {
                case MAX -> Elementwise.binaryAny(acc, b, Math::max, u64 ? Numeric::maxUnsigned : Math::max);
                case MIN -> Elementwise.binaryAny(acc, b, Math::min, u64 ? Numeric::minUnsigned : Math::min);
                case SUM, MEAN -> Elementwise.binaryAny(acc, b, Double::sum, Long::sum);
            };
        }
        if (kind != Elementwise.Variadic.MEAN || inputs.size() == 1) return acc;
        Tensor out = Tensor.zeros(acc.dtype(), acc.shape());
        int n = inputs.size();
        for (int i = 0; i < out.size(); i++) {
            if (acc.dtype().isFloat()) out.setDouble(i, acc.getDouble(i) / n);
            else out.setLong(i, u64 ? Long.divideUnsigned(acc.getLong(i), n) : acc.getLong(i) / n);
        }
        return out;
    }

    private static long maxUnsigned(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static long minUnsigned(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /**
     * {@return ONNX Pow with broadcasting: the result has the base's type, whatever the exponent's}. Integer to
     * integer powers are exact (wrapping at the base's width); a negative integer exponent gives the truncated real
     * value ({@code 1}, {@code ±1} for base -1, else 0); a float exponent of an integer base truncates the real power.
     */
    public static Tensor pow(Tensor base, Tensor exponent) {
        Broadcast bc = Broadcast.of(base.shape(), exponent.shape());
        Tensor out = Tensor.zeros(base.dtype(), bc.shape());
        boolean floatBase = base.dtype().isFloat(), intExp = !exponent.dtype().isFloat();
        boolean u64Exp = exponent.dtype() == DType.UI64;
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) {
                int ia = offs[0] + j * st[0], ib = offs[1] + j * st[1];
                if (floatBase) out.setDouble(o + j, Math.pow(base.getDouble(ia), exponent.getDouble(ib)));
                else if (intExp) out.setLong(o + j, intPow(base.getLong(ia), exponent.getLong(ib), u64Exp));
                else out.setLong(o + j, (long) Math.pow(base.getDouble(ia), exponent.getDouble(ib)));
            }
        });
        return out;
    }

    /** {@return b to the power e in wrapping 64-bit arithmetic, by squaring} */
    static long intPow(long b, long e, boolean unsignedExp) {
        if (e < 0 && !unsignedExp) return b == 1 ? 1 : b == -1 ? ((e & 1) == 0 ? 1 : -1) : 0;
        long r = 1;
        for (long k = e; k != 0; k >>>= 1) {
            if ((k & 1) != 0) r *= b;
            b *= b;
        }
        return r;
    }

    /**
     * {@return x limited to {@code [lo, hi]}} for any numeric type; an absent bound ({@link Tensor#isNone()}) does not
     * limit, NaN stays NaN
     */
    public static Tensor clip(Tensor x, Tensor lo, Tensor hi) {
        for (Tensor b : List.of(lo, hi))
            if (!b.isNone() && b.dtype() != x.dtype())
                throw new IllegalArgumentException("bound type " + b.dtype() + " differs from input type " + x.dtype());
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        int n = x.size();
        if (x.dtype().isFloat()) {
            double l = lo.isNone() ? Double.NEGATIVE_INFINITY : lo.getDouble(0);
            double h = hi.isNone() ? Double.POSITIVE_INFINITY : hi.getDouble(0);
            for (int i = 0; i < n; i++) {
                double v = x.getDouble(i);
                out.setDouble(i, Double.isNaN(v) ? v : Math.min(h, Math.max(l, v)));
            }
            return out;
        }
        boolean u64 = x.dtype() == DType.UI64;
        for (int i = 0; i < n; i++) {
            long v = x.getLong(i);
            if (!lo.isNone()) v = u64 ? maxUnsigned(v, lo.getLong(0)) : Math.max(v, lo.getLong(0));
            if (!hi.isNone()) v = u64 ? minUnsigned(v, hi.getLong(0)) : Math.min(v, hi.getLong(0));
            out.setLong(i, v);
        }
        return out;
    }
}
