package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.concurrent.ForkJoinPool;

/** Softmax and LogSoftmax along one axis (opset 13 semantics), numerically stable (the row max is subtracted). */
public final class Softmax {
    private Softmax() {}

    /** {@return softmax of x along {@code axis} (negative counts from the end)} */
    public static Tensor softmax(Tensor x, int axis, boolean log, ForkJoinPool pool) {
        int r = x.rank();
        int ax = axis < 0 ? axis + r : axis;
        if (ax < 0 || ax >= Math.max(1, r)) throw new IllegalArgumentException("axis " + axis + " out of range");
        int[] s = x.shape();
        int outer = 1, len = r == 0 ? 1 : s[ax], inner = 1;
        for (int i = 0; i < ax; i++) outer *= s[i];
        for (int i = ax + 1; i < r; i++) inner *= s[i];
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length); // every element is written
        int innerF = inner;
        Parallel.forRange(pool, outer * inner, Math.max(1, 4096 / Math.max(1, len)), (from, to) -> {
            for (int q = from; q < to; q++) {
                if (innerF == 1 && !log) {
                    // the axis is the last one: a contiguous row (attention scores)
                    RowOps.INSTANCE.softmax(in, out, q * len, len);
                    continue;
                }
                int o = (q / innerF) * len * innerF + q % innerF;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < len; j++) max = Math.max(max, in[o + j * innerF]);
                double sum = 0;
                for (int j = 0; j < len; j++) {
                    float e = (float) Math.exp(in[o + j * innerF] - max);
                    if (!log) out[o + j * innerF] = e;
                    sum += e;
                }
                if (log) {
                    float ls = (float) Math.log(sum);
                    for (int j = 0; j < len; j++) out[o + j * innerF] = in[o + j * innerF] - max - ls;
                } else {
                    float inv = (float) (1.0 / sum);
                    for (int j = 0; j < len; j++) out[o + j * innerF] *= inv;
                }
            }
        });
        return Tensor.of(out, s);
    }
}
