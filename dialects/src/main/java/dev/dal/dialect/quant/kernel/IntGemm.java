package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Parallel;
import java.util.concurrent.ForkJoinPool;

/**
 * Integer matrix products for the int8 kernels: {@code C = A * B} (or {@code A * B^T}) on row-major {@code int}
 * arrays, accumulated in int32 with Java's wrapping arithmetic, which is the NPU's (the sum of products modulo
 * {@code 2^32} does not depend on their order, so any blocking gives the reference loop's bits). C is cut into tiles
 * that run in parallel; the tile kernel uses the Vector API when the {@code jdk.incubator.vector} module is present
 * and plain loops otherwise.
 */
final class IntGemm {
    /** Columns of C per parallel tile, at least. */
    private static final int MIN_TILE_COLUMNS = 64;

    /** Rows of C per parallel tile, at least. */
    private static final int MIN_TILE_ROWS = 8;

    private static final Kernel KERNEL = chooseKernel();

    private IntGemm() {}

    /**
     * A sequential tile kernel: {@code c[cOff + i*ldc + j] = sum_p A(i, p) * B(p, j)} for {@code i} in
     * {@code [i0, i1)}, {@code j} in {@code [j0, j1)}, {@code p} in {@code [0, k)}; A's element (i, p) is at
     * {@code a[aOff + i*lda + p]}.
     */
    interface Kernel {
        /** B's element (p, j) at {@code b[bOff + p*ldb + j]}. */
        void nn(
                int[] a,
                int aOff,
                int lda,
                int[] b,
                int bOff,
                int ldb,
                int[] c,
                int cOff,
                int ldc,
                int i0,
                int i1,
                int j0,
                int j1,
                int k);

        /** B stored transposed: element (p, j) at {@code b[bOff + j*ldb + p]}. */
        void nt(
                int[] a,
                int aOff,
                int lda,
                int[] b,
                int bOff,
                int ldb,
                int[] c,
                int cOff,
                int ldc,
                int i0,
                int i1,
                int j0,
                int j1,
                int k);
    }

    private static Kernel chooseKernel() {
        if (Boolean.getBoolean("dal.kernel.scalar")) return new Scalar();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return new Scalar();
        try {
            return (Kernel) Class.forName("dev.dal.dialect.quant.kernel.VectorIntGemm")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Scalar();
        }
    }

    /** {@return the tile kernel in use} */
    static Kernel kernel() {
        return KERNEL;
    }

    /**
     * Computes the {@code m x n} product {@code C = A * op(B)} over {@code k} steps, tiles spread over {@code pool}.
     *
     * @param transB whether B is stored {@code n x k}
     */
    static void multiply(
            ForkJoinPool pool,
            boolean transB,
            int m,
            int n,
            int k,
            int[] a,
            int aOff,
            int lda,
            int[] b,
            int bOff,
            int ldb,
            int[] c,
            int cOff,
            int ldc) {
        int threads = pool.getParallelism();
        int colTiles = Math.max(1, Math.min(2 * threads, n / MIN_TILE_COLUMNS));
        int rowTiles = Math.max(1, Math.min((2 * threads + colTiles - 1) / colTiles, m / MIN_TILE_ROWS));
        // little work is not worth waking the other threads
        if ((long) m * n * k < 32_768) colTiles = rowTiles = 1;
        int colStep = (n + colTiles - 1) / colTiles, rowStep = (m + rowTiles - 1) / rowTiles;
        int cols = colTiles;
        Parallel.forRange(pool, rowTiles * colTiles, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                int i0 = (t / cols) * rowStep, j0 = (t % cols) * colStep;
                int i1 = Math.min(m, i0 + rowStep), j1 = Math.min(n, j0 + colStep);
                if (i0 >= i1 || j0 >= j1) continue;
                if (transB) KERNEL.nt(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, i0, i1, j0, j1, k);
                else KERNEL.nn(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, i0, i1, j0, j1, k);
            }
        });
    }

    /** The portable kernel: plain loops. */
    static final class Scalar implements Kernel {
        @Override
        public void nn(
                int[] a,
                int aOff,
                int lda,
                int[] b,
                int bOff,
                int ldb,
                int[] c,
                int cOff,
                int ldc,
                int i0,
                int i1,
                int j0,
                int j1,
                int k) {
            for (int i = i0; i < i1; i++) {
                int row = cOff + i * ldc;
                for (int j = j0; j < j1; j++) c[row + j] = 0;
                for (int p = 0; p < k; p++) {
                    int av = a[aOff + i * lda + p], bRow = bOff + p * ldb;
                    for (int j = j0; j < j1; j++) c[row + j] += av * b[bRow + j];
                }
            }
        }

        @Override
        public void nt(
                int[] a,
                int aOff,
                int lda,
                int[] b,
                int bOff,
                int ldb,
                int[] c,
                int cOff,
                int ldc,
                int i0,
                int i1,
                int j0,
                int j1,
                int k) {
            for (int i = i0; i < i1; i++)
                for (int j = j0; j < j1; j++) {
                    int acc = 0, aRow = aOff + i * lda, bRow = bOff + j * ldb;
                    for (int p = 0; p < k; p++) acc += a[aRow + p] * b[bRow + p];
                    c[cOff + i * ldc + j] = acc;
                }
        }
    }
}
