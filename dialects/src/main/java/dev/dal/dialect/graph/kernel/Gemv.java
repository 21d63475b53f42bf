package dev.dal.dialect.graph.kernel;

import java.util.concurrent.ForkJoinPool;

/**
 * The one-row case of {@link Sgemm} ({@code C[1 x n] += alpha * a[1 x k] * op(B)}): a classifier head on one image.
 * Packing B into panels for a single row of A costs more than the product, so B is read in place: rows of a
 * transposed B are dot products with a, rows of a plain B are added to C scaled by a's elements.
 */
final class Gemv {
    private static final RowOps ROWS = RowOps.INSTANCE;

    private Gemv() {}

    /** Adds {@code alpha * op(A) * op(B)} to row 0 of C, where op(A) is 1 x k (stride {@code transA ? lda : 1}). */
    static void gemv(
            boolean transA,
            boolean transB,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float[] c,
            int cOff,
            ForkJoinPool pool) {
        float[] x = new float[k];
        for (int p = 0; p < k; p++) x[p] = alpha * a[aOff + (transA ? p * lda : p)];
        if (transB) {
            // at least 64k multiply-adds a chunk: a digits head (64 x 512, 10 us) ran slower handed to two threads
            Parallel.forRange(pool, n, Math.max(1, (1 << 16) / Math.max(1, k)), (from, to) -> {
                int j = from;
                for (; j + 4 <= to; j += 4) ROWS.dot4(x, 0, b, bOff + j * ldb, ldb, k, c, cOff + j);
                for (; j < to; j++) c[cOff + j] += ROWS.dot(x, 0, b, bOff + j * ldb, k);
            });
        } else {
            Parallel.forRange(pool, n, 1024, (from, to) -> {
                for (int p = 0; p < k; p++) ROWS.axpy(x[p], b, bOff + p * ldb + from, c, cOff + from, to - from);
            });
        }
    }
}
