package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Parallel;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The int8 matrix product of the NPU: {@code [batch, m, k] x [k, n]} (or {@code [batch, k, n]}, or {@code [n, k]}
 * transposed), int32 accumulation (wrapping), int32 bias per column, rescale per column (or one for all), output zero
 * point, saturation.
 *
 * <p>{@link #matmul} multiplies with {@link IntGemm} (tiles in parallel, vectorised); {@link #reference} is the plain
 * loop that states the arithmetic, and the two agree bit for bit (int32 sums wrap and do not depend on their order).
 */
public final class QMatMul {
    private QMatMul() {}

    /**
     * {@return the output's stored values, {@code [batch, m, n]} row-major}
     *
     * @param pool     the threads to spread the work over
     * @param a        left operand minus its zero point, {@code [batch, m, k]}
     * @param b        right operand minus its zero points: {@code [k, n]}, {@code [n, k]} when {@code transB}, or
     *                 {@code [batch, k, n]} when {@code batchedB}
     * @param bias     int32 bias per column, if any
     * @param requant  how each sum becomes a stored value (a factor per column, or one for all)
     * @param batchedB whether {@code b} has its own matrix per batch
     */
    public static long[] matmul(
            ForkJoinPool pool,
            int[] a,
            int[] b,
            int batch,
            int m,
            int k,
            int n,
            boolean transB,
            boolean batchedB,
            Optional<int[]> bias,
            Requant requant) {
        int[] acc = new int[batch * m * n];
        int ldb = transB ? k : n;
        if (!batchedB) {
            // one B for all: the batches are more rows of A
            IntGemm.multiply(pool, transB, batch * m, n, k, a, 0, k, b, 0, ldb, acc, 0, n);
        } else if (batch >= pool.getParallelism()) {
            Parallel.forRange(pool, batch, 1, (t0, t1) -> {
                for (int t = t0; t < t1; t++) {
                    int aOff = t * m * k, bOff = t * k * n, cOff = t * m * n;
                    if (transB) IntGemm.kernel().nt(a, aOff, k, b, bOff, ldb, acc, cOff, n, 0, m, 0, n, k);
                    else IntGemm.kernel().nn(a, aOff, k, b, bOff, ldb, acc, cOff, n, 0, m, 0, n, k);
                }
            });
        } else {
            for (int t = 0; t < batch; t++)
                IntGemm.multiply(pool, transB, m, n, k, a, t * m * k, k, b, t * k * n, ldb, acc, t * m * n, n);
        }
        long[] out = new long[acc.length];
        Parallel.forRange(pool, batch * m, 16, (r0, r1) -> {
            for (int r = r0; r < r1; r++)
                for (int j = 0, at = r * n; j < n; j++, at++) {
                    int v = acc[at] + (bias.isPresent() ? bias.get()[j] : 0);
                    out[at] = requant.store(requant.of(j).rescale(v));
                }
        });
        return out;
    }

    /**
     * {@return the output's stored values computed by the plain loop, {@code [batch, m, n]} row-major}
     *
     * @param a        left operand minus its zero point, {@code [batch, m, k]}
     * @param b        right operand minus its zero points: {@code [k, n]}, {@code [n, k]} when {@code transB}, or
     *                 {@code [batch, k, n]} when {@code batchedB}
     * @param bias     int32 bias per column, if any
     * @param requant  how each sum becomes a stored value (a factor per column, or one for all)
     * @param batchedB whether {@code b} has its own matrix per batch
     */
    public static long[] reference(
            int[] a,
            int[] b,
            int batch,
            int m,
            int k,
            int n,
            boolean transB,
            boolean batchedB,
            Optional<int[]> bias,
            Requant requant) {
        long[] out = new long[batch * m * n];
        for (int t = 0; t < batch; t++) {
            int bBase = batchedB ? t * k * n : 0;
            for (int i = 0; i < m; i++) {
                int aRow = (t * m + i) * k;
                for (int j = 0; j < n; j++) {
                    int acc = 0;
                    for (int p = 0; p < k; p++) acc += a[aRow + p] * b[bBase + (transB ? j * k + p : p * n + j)];
                    if (bias.isPresent()) acc += bias.get()[j];
                    out[(t * m + i) * n + j] = requant.store(requant.of(j).rescale(acc));
                }
            }
        }
        return out;
    }
}
