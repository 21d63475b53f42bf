package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Elementwise f32 kernels: unary maps, binary ops with ONNX broadcasting (one {@link Broadcast} walk for all), and
 * variadic Sum/Mean/Max/Min. Large tensors are split over the pool by rows.
 */
public final class Elementwise {
    private static final int GRAIN = 1 << 14;

    private Elementwise() {}

    /** A float function of one float. */
    @FunctionalInterface
    public interface FloatUnary {
        /** {@return f(x)} */
        float apply(float x);
    }

    /** A float function of two floats. */
    @FunctionalInterface
    public interface FloatBinary {
        /** {@return f(a, b)} */
        float apply(float a, float b);
    }

    /** The binary ops with their own tight loops; anything else goes through {@link #binary(Tensor, Tensor, FloatBinary, ForkJoinPool)}. */
    public enum BinaryOp {
        ADD,
        SUB,
        MUL,
        DIV,
        POW,
        MAX,
        MIN,
        PRELU;

        float apply(float a, float b) {
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case POW -> pow(a, b);
                case MAX -> Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
                case MIN -> Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.min(a, b);
                case PRELU -> a < 0 ? a * b : a;
            };
        }
    }

    /** {@code a^b} as ONNX Pow (C's powf semantics). */
    public static float pow(float a, float b) {
        return (float) Math.pow(a, b);
    }

    /**
     * {@return the error function erf(x)}: Abramowitz and Stegun's formula 7.1.26 (absolute error below 1.5e-7,
     * under float precision near 1), odd in x
     */
    public static double erf(double x) {
        // the formula leaves 1e-9 at 0; erf is exactly 0 there (and keeps the sign of -0)
        if (x == 0) return x;
        double t = 1.0 / (1.0 + 0.3275911 * Math.abs(x));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double y = 1.0 - poly * Math.exp(-x * x);
        return x < 0 ? -y : y;
    }

    /** {@return f applied to every element of an f32 tensor} */
    public static Tensor unary(Tensor x, FloatUnary f, ForkJoinPool pool) {
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length);
        Parallel.forRange(pool, in.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) out[i] = f.apply(in[i]);
        });
        return Tensor.of(out, x.shape());
    }

    /** {@return {@code op(a, b)} with broadcasting} */
    public static Tensor binary(Tensor a, Tensor b, BinaryOp op, ForkJoinPool pool) {
        float[] x = a.floats(), y = b.floats();
        Broadcast bc = Broadcast.of(a.shape(), b.shape());
        float[] out = Buffers.floats(bc.size()); // every row is written
        if (x.length == out.length && y.length == out.length) {
            Parallel.forRange(pool, out.length, GRAIN, (from, to) -> same(op, x, y, out, from, to));
            return Tensor.of(out, bc.shape());
        }
        int rows = bc.rows();
        int rowLen = rows == 0 ? 1 : Math.max(1, out.length / rows);
        Parallel.forRange(
                pool,
                rows,
                Math.max(1, GRAIN / rowLen),
                (from, to) -> bc.forEachRow(
                        from, to, (o, len, offs, st) -> row(op, x, offs[0], st[0], y, offs[1], st[1], out, o, len)));
        return Tensor.of(out, bc.shape());
    }

    private static void same(BinaryOp op, float[] x, float[] y, float[] out, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) out[i] = x[i] + y[i];
            }
            case SUB -> {
                for (int i = from; i < to; i++) out[i] = x[i] - y[i];
            }
            case MUL -> {
                for (int i = from; i < to; i++) out[i] = x[i] * y[i];
            }
            case DIV -> {
                for (int i = from; i < to; i++) out[i] = x[i] / y[i];
            }
            default -> {
                for (int i = from; i < to; i++) out[i] = op.apply(x[i], y[i]);
            }
        }
    }

    private static void row(
            BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] out, int o, int len) {
        if (xs == 1 && ys == 0) {
            float v = y[yo];
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < len; j++) out[o + j] = x[xo + j] + v;
                }
                case MUL -> {
                    for (int j = 0; j < len; j++) out[o + j] = x[xo + j] * v;
                }
                case SUB -> {
                    for (int j = 0; j < len; j++) out[o + j] = x[xo + j] - v;
                }
                case DIV -> {
                    for (int j = 0; j < len; j++) out[o + j] = x[xo + j] / v;
                }
                default -> {
                    for (int j = 0; j < len; j++) out[o + j] = op.apply(x[xo + j], v);
                }
            }
            return;
        }
        if (xs == 1 && ys == 1 && op == BinaryOp.ADD) {
            for (int j = 0; j < len; j++) out[o + j] = x[xo + j] + y[yo + j];
            return;
        }
        if (xs == 1 && ys == 1 && op == BinaryOp.MUL) {
            for (int j = 0; j < len; j++) out[o + j] = x[xo + j] * y[yo + j];
            return;
        }
        for (int j = 0; j < len; j++) out[o + j] = op.apply(x[xo + j * xs], y[yo + j * ys]);
    }

    /** {@return {@code f(a, b)} with broadcasting, for any float function} */
    public static Tensor binary(Tensor a, Tensor b, FloatBinary f, ForkJoinPool pool) {
        float[] x = a.floats(), y = b.floats();
        Broadcast bc = Broadcast.of(a.shape(), b.shape());
        float[] out = Buffers.floats(bc.size()); // every row is written
        int rows = bc.rows();
        int rowLen = rows == 0 ? 1 : Math.max(1, out.length / rows);
        Parallel.forRange(
                pool,
                rows,
                Math.max(1, GRAIN / rowLen),
                (from, to) -> bc.forEachRow(from, to, (o, len, offs, st) -> {
                    for (int j = 0; j < len; j++) out[o + j] = f.apply(x[offs[0] + j * st[0]], y[offs[1] + j * st[1]]);
                }));
        return Tensor.of(out, bc.shape());
    }

    /**
     * {@return {@code op(a, b)} with broadcasting for operands of one numeric type (ints, f64, f16, ...; f32 goes to
     * the fast float kernels)}: float types compute in double, integer types in long (unsigned 64-bit values as their
     * bits)
     */
    public static Tensor binaryAny(
            Tensor a,
            Tensor b,
            java.util.function.DoubleBinaryOperator onFloats,
            java.util.function.LongBinaryOperator onIntegers) {
        if (a.dtype() != b.dtype())
            throw new IllegalArgumentException("operand types differ: " + a.dtype() + " and " + b.dtype());
        Broadcast bc = Broadcast.of(a.shape(), b.shape());
        Tensor out = Tensor.zeros(a.dtype(), bc.shape());
        boolean floats = a.dtype().isFloat();
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) {
                int ia = offs[0] + j * st[0], ib = offs[1] + j * st[1];
                if (floats) out.setDouble(o + j, onFloats.applyAsDouble(a.getDouble(ia), b.getDouble(ib)));
                else out.setLong(o + j, onIntegers.applyAsLong(a.getLong(ia), b.getLong(ib)));
            }
        });
        return out;
    }

    /** {@return a bool tensor of {@code p(a, b)} with broadcasting (Equal, Less, Greater, ...)} */
    public static Tensor compare(Tensor a, Tensor b, FloatComparison p) {
        float[] x = a.toF32().floats(), y = b.toF32().floats();
        Broadcast bc = Broadcast.of(a.shape(), b.shape());
        boolean[] out = new boolean[bc.size()];
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) out[o + j] = p.test(x[offs[0] + j * st[0]], y[offs[1] + j * st[1]]);
        });
        return Tensor.of(out, bc.shape());
    }

    /** A predicate over two floats. */
    @FunctionalInterface
    public interface FloatComparison {
        /** {@return whether the relation holds} */
        boolean test(float a, float b);
    }

    /** The variadic elementwise reductions of ONNX. */
    public enum Variadic {
        SUM,
        MEAN,
        MAX,
        MIN
    }

    /** {@return Sum/Mean/Max/Min of several f32 tensors with broadcasting} */
    public static Tensor variadic(List<Tensor> inputs, Variadic kind, ForkJoinPool pool) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("needs at least one input");
        Tensor acc = inputs.getFirst();
        BinaryOp op = switch (kind) {
            case SUM, MEAN -> BinaryOp.ADD;
            case MAX -> BinaryOp.MAX;
            case MIN -> BinaryOp.MIN;
        };
        if (inputs.size() == 1) acc = Tensor.of(acc.floats().clone(), acc.shape());
        for (int i = 1; i < inputs.size(); i++) acc = binary(acc, inputs.get(i), op, pool);
        if (kind == Variadic.MEAN) {
            float n = inputs.size();
            float[] a = acc.floats();
            for (int i = 0; i < a.length; i++) a[i] /= n;
        }
        return acc;
    }

    /** {@return {@code cond ? x : y} with three-way broadcasting (Where), for f32 x and y} */
    public static Tensor where(Tensor cond, Tensor x, Tensor y) {
        if (cond.dtype() != DType.BOOL) throw new IllegalArgumentException("condition must be bool");
        boolean[] c = cond.bools();
        float[] a = x.floats(), b = y.floats();
        Broadcast bc = Broadcast.of(cond.shape(), x.shape(), y.shape());
        float[] out = new float[bc.size()];
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++)
                out[o + j] = c[offs[0] + j * st[0]] ? a[offs[1] + j * st[1]] : b[offs[2] + j * st[2]];
        });
        return Tensor.of(out, bc.shape());
    }

    /** {@return f applied to every element of the integer tensor x, in the same dtype (wrapping like Java longs)} */
    public static Tensor unaryLong(Tensor x, java.util.function.LongUnaryOperator f) {
        if (!x.dtype().isInteger()) throw new IllegalArgumentException("expects an integer tensor, got " + x.dtype());
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        for (int i = 0, n = x.size(); i < n; i++) out.setLong(i, f.applyAsLong(x.getLong(i)));
        return out;
    }
}
