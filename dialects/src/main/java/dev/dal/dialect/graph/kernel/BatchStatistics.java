package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;

/**
 * The per-channel statistics of BatchNormalization's training mode: the mean and the population variance of
 * {@code [N, C, ...]} over every axis but the channel axis 1, and the running averages updated with them.
 */
public final class BatchStatistics {
    private BatchStatistics() {}

    /** The batch's per-channel mean and (population, divided by the count) variance. */
    public record MeanVar(Tensor mean, Tensor var) {}

    /** {@return the per-channel mean and variance of an f32 {@code [N, C, ...]} tensor}, accumulated in double */
    public static MeanVar of(Tensor x) {
        if (x.rank() < 2) throw new IllegalArgumentException("batch normalization needs [N, C, ...]");
        int n = x.dim(0), c = x.dim(1);
        int plane = n * c == 0 ? 0 : x.size() / (n * c);
        float[] in = x.floats();
        double[] sum = new double[c];
        for (int p = 0; p < n * c; p++) for (int i = 0; i < plane; i++) sum[p % c] += in[p * plane + i];
        long count = (long) n * plane;
        double[] mean = new double[c];
        for (int k = 0; k < c; k++) mean[k] = sum[k] / count;
        // two passes: the squared deviations from the mean, not E[x^2] - E[x]^2, which cancels badly
        double[] sq = new double[c];
        for (int p = 0; p < n * c; p++)
            for (int i = 0; i < plane; i++) {
                double d = in[p * plane + i] - mean[p % c];
                sq[p % c] += d * d;
            }
        float[] m = new float[c], v = new float[c];
        for (int k = 0; k < c; k++) {
            m[k] = (float) mean[k];
            v[k] = (float) (sq[k] / count);
        }
        return new MeanVar(Tensor.of(m, c), Tensor.of(v, c));
    }

    /** {@return {@code running * momentum + batch * (1 - momentum)}, elementwise over the channels} */
    public static Tensor update(Tensor running, Tensor batch, double momentum) {
        float[] r = running.toF32().floats(), b = batch.floats();
        if (r.length != b.length)
            throw new IllegalArgumentException(
                    "running statistics have " + r.length + " channels, the batch " + b.length);
        float[] out = new float[r.length];
        for (int k = 0; k < r.length; k++) out[k] = (float) (r[k] * momentum + b[k] * (1 - momentum));
        return Tensor.of(out, running.shape());
    }
}
