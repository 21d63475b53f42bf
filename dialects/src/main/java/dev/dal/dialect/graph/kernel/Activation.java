package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.concurrent.ForkJoinPool;

/**
 * The common activations as their own loops: through {@link Elementwise#unary} every element is a call of a function
 * object that the JIT cannot inline (all unary ops share that loop), while these loops compile to vector min/max
 * instructions. NaN stays NaN, as in the generic forms.
 */
public final class Activation {
    private static final int GRAIN = 1 << 14;

    private Activation() {}

    /** {@return x * (1 + erf(x / sqrt 2)) / 2} (GELU, exact form), vectorised ({@link RowOps#gelu}) */
    public static Tensor gelu(Tensor x, ForkJoinPool pool) {
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length);
        Parallel.forRange(pool, in.length, GRAIN, (from, to) -> RowOps.INSTANCE.gelu(in, out, from, to));
        return Tensor.of(out, x.shape());
    }

    /** {@return max(x, 0)} (ONNX Relu) */
    public static Tensor relu(Tensor x, ForkJoinPool pool) {
        return clamp(x, 0f, Float.POSITIVE_INFINITY, pool);
    }

    /** {@return min(hi, max(lo, x))} (ONNX Clip; NaN stays NaN) */
    public static Tensor clamp(Tensor x, float lo, float hi, ForkJoinPool pool) {
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length);
        Parallel.forRange(pool, in.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) out[i] = Math.min(hi, Math.max(lo, in[i]));
        });
        return Tensor.of(out, x.shape());
    }

    /** {@return max(0, min(1, alpha * x + beta))} (ONNX HardSigmoid) */
    public static Tensor hardSigmoid(Tensor x, float alpha, float beta, ForkJoinPool pool) {
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length);
        Parallel.forRange(pool, in.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) out[i] = Math.max(0f, Math.min(1f, alpha * in[i] + beta));
        });
        return Tensor.of(out, x.shape());
    }

    /** {@return x * max(0, min(1, x / 6 + 1/2))} (ONNX HardSwish) */
    public static Tensor hardSwish(Tensor x, ForkJoinPool pool) {
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length);
        Parallel.forRange(pool, in.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float v = in[i];
                out[i] = v * Math.max(0f, Math.min(1f, v / 6f + 0.5f));
            }
        });
        return Tensor.of(out, x.shape());
    }
}
