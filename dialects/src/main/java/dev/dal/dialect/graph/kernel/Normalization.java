package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** BatchNormalization (inference form), LayerNormalization and InstanceNormalization. */
public final class Normalization {
    private Normalization() {}

    /**
     * {@return {@code (x - mean) / sqrt(var + epsilon) * scale + bias}} per channel (axis 1) of {@code [N, C, ...]}
     */
    public static Tensor batchNorm(
            Tensor x, Tensor scale, Tensor bias, Tensor mean, Tensor var, float epsilon, ForkJoinPool pool) {
        if (x.rank() < 2) throw new IllegalArgumentException("batch normalization needs [N, C, ...]");
        int n = x.dim(0), c = x.dim(1);
        int plane = n * c == 0 ? 0 : x.size() / (n * c);
        float[] s = scale.floats(), b = bias.floats(), m = mean.floats(), v = var.floats();
        if (s.length != c || b.length != c || m.length != c || v.length != c)
            throw new IllegalArgumentException("scale, bias, mean and var must have " + c + " elements");
        float[] mul = new float[c], add = new float[c];
        for (int i = 0; i < c; i++) {
            mul[i] = (float) (s[i] / Math.sqrt(v[i] + (double) epsilon));
            add[i] = b[i] - m[i] * mul[i];
        }
        float[] in = x.floats();
        float[] out = new float[in.length];
        Parallel.forRange(pool, n * c, Math.max(1, 8192 / Math.max(1, plane)), (from, to) -> {
            for (int p = from; p < to; p++) {
                float k = mul[p % c], a = add[p % c];
                int o = p * plane;
                for (int i = 0; i < plane; i++) out[o + i] = in[o + i] * k + a;
            }
        });
        return Tensor.of(out, x.shape());
    }

    /**
     * {@return Y, Mean and InvStdDev of LayerNormalization}: x is normalised over dimensions {@code axis..rank-1};
     * scale and bias (optional: {@link Tensor#none()}) broadcast to those dimensions; Mean and InvStdDev have the
     * shape of x with those dimensions set to 1
     */
    public static List<Tensor> layerNorm(
            Tensor x, Tensor scale, Tensor bias, int axis, float epsilon, ForkJoinPool pool) {
        int r = x.rank();
        int ax = axis < 0 ? axis + r : axis;
        if (ax < 0 || ax >= r) throw new IllegalArgumentException("axis " + axis + " out of range");
        int[] s = x.shape();
        int outer = 1, inner = 1;
        for (int i = 0; i < ax; i++) outer *= s[i];
        for (int i = ax; i < r; i++) inner *= s[i];
        int[] normShape = Arrays.copyOfRange(s, ax, r);
        float[] sc = expand(scale, normShape), bi = bias.isNone() ? null : expand(bias, normShape);
        float[] in = x.floats();
        float[] out = Buffers.floats(in.length), mean = new float[outer], inv = new float[outer]; // out: every element
        int innerF = inner;
        Parallel.forRange(pool, outer, Math.max(1, 4096 / Math.max(1, inner)), (from, to) -> {
            for (int q = from; q < to; q++) {
                int o = q * innerF;
                float mu = (float) (sum4(in, o, innerF, 0f, false) / innerF);
                float is = (float) (1.0 / Math.sqrt(sum4(in, o, innerF, mu, true) / innerF + epsilon));
                mean[q] = mu;
                inv[q] = is;
                for (int j = 0; j < innerF; j++) {
                    float y = (in[o + j] - mu) * is * sc[j];
                    out[o + j] = bi == null ? y : y + bi[j];
                }
            }
        });
        int[] statShape = s.clone();
        for (int i = ax; i < r; i++) statShape[i] = 1;
        return List.of(Tensor.of(out, s), Tensor.of(mean, statShape), Tensor.of(inv, statShape));
    }

    /**
     * {@return the sum of {@code (x[o + j] - mu)}, or of its squares, over {@code j < n}}, in double with four
     * interleaved partial sums: one chain of dependent adds made a row of 64 cost 64 add latencies
     */
    private static double sum4(float[] x, int o, int n, float mu, boolean squares) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            double d0 = x[o + j] - mu, d1 = x[o + j + 1] - mu, d2 = x[o + j + 2] - mu, d3 = x[o + j + 3] - mu;
            if (squares) {
                d0 *= d0;
                d1 *= d1;
                d2 *= d2;
                d3 *= d3;
            }
            s0 += d0;
            s1 += d1;
            s2 += d2;
            s3 += d3;
        }
        for (; j < n; j++) {
            double d = x[o + j] - mu;
            s0 += squares ? d * d : d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@return the elements of t broadcast to {@code shape}} */
    private static float[] expand(Tensor t, int[] shape) {
        Broadcast bc = Broadcast.of(t.shape(), shape);
        if (!Arrays.equals(bc.shape(), shape))
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(t.shape()) + " does not broadcast to " + Arrays.toString(shape));
        float[] v = t.floats();
        float[] out = new float[bc.size()];
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) out[o + j] = v[offs[0] + j * st[0]];
        });
        return out;
    }

    /** {@return InstanceNormalization of {@code [N, C, ...]}: per (n, c) plane, with per-channel scale and bias} */
    public static Tensor instanceNorm(Tensor x, Tensor scale, Tensor bias, float epsilon, ForkJoinPool pool) {
        int n = x.dim(0), c = x.dim(1);
        int plane = n * c == 0 ? 0 : x.size() / (n * c);
        float[] in = x.floats(), s = scale.floats(), b = bias.floats();
        float[] out = new float[in.length];
        Parallel.forEach(pool, n * c, p -> {
            int o = p * plane;
            double sum = 0;
            for (int i = 0; i < plane; i++) sum += in[o + i];
            float mu = (float) (sum / plane);
            double sq = 0;
            for (int i = 0; i < plane; i++) sq += (double) (in[o + i] - mu) * (in[o + i] - mu);
            float k = (float) (s[p % c] / Math.sqrt(sq / plane + epsilon));
            for (int i = 0; i < plane; i++) out[o + i] = (in[o + i] - mu) * k + b[p % c];
        });
        return Tensor.of(out, x.shape());
    }
}
