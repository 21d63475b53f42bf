package dev.dal.dialect.quant.kernel;

import java.util.Optional;

/**
 * The int8 matrix product of the NPU: {@code [batch, m, k] x [k, n]} (or {@code [batch, k, n]}, or {@code [n, k]}
 * transposed), int32 accumulation (wrapping), int32 bias per column, rescale per column (or one for all), output zero
 * point, saturation.
 */
public final class QMatMul {
    private QMatMul() {}

    /**
     * {@return the output's stored values, {@code [batch, m, n]} row-major}
     *
     * @param a        left operand minus its zero point, {@code [batch, m, k]}
     * @param b        right operand minus its zero points: {@code [k, n]}, {@code [n, k]} when {@code transB}, or
     *                 {@code [batch, k, n]} when {@code batchedB}
     * @param bias     int32 bias per column, if any
     * @param rescale  per column (or one for all)
     * @param batchedB whether {@code b} has its own matrix per batch
     */
    public static long[] matmul(
            int[] a,
            int[] b,
            int batch,
            int m,
            int k,
            int n,
            boolean transB,
            boolean batchedB,
            Optional<int[]> bias,
            FixedPoint[] rescale,
            long zpOut,
            long lo,
            long hi) {
        long[] out = new long[batch * m * n];
        for (int t = 0; t < batch; t++) {
            int bBase = batchedB ? t * k * n : 0;
            for (int i = 0; i < m; i++) {
                int aRow = (t * m + i) * k;
                for (int j = 0; j < n; j++) {
                    int acc = 0;
                    for (int p = 0; p < k; p++) acc += a[aRow + p] * b[bBase + (transB ? j * k + p : p * n + j)];
                    if (bias.isPresent()) acc += bias.get()[j];
                    FixedPoint f = rescale[rescale.length == 1 ? 0 : j];
                    out[(t * m + i) * n + j] = Rounding.saturate(zpOut + f.rescale(acc), lo, hi);
                }
            }
        }
        return out;
    }
}
