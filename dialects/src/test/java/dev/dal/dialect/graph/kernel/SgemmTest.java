package dev.dal.dialect.graph.kernel;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SgemmTest {
    /** C = alpha * op(A) op(B) + beta * C with naive loops in double. */
    static float[] reference(
            boolean ta,
            boolean tb,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int lda,
            float[] b,
            int ldb,
            float beta,
            float[] c0,
            int ldc) {
        float[] c = c0.clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = ta ? a[p * lda + i] : a[i * lda + p];
                    float bv = tb ? b[j * ldb + p] : b[p * ldb + j];
                    s += (double) av * bv;
                }
                c[i * ldc + j] = (float) (alpha * s + (beta == 0 ? 0 : beta * c0[i * ldc + j]));
            }
        return c;
    }

    private static void check(MicroKernel kern, int m, int n, int k, int flags, long seed) {
        Random r = new Random(seed);
        boolean ta = (flags & 1) != 0, tb = (flags & 2) != 0;
        float alpha = (flags & 4) != 0 ? 1f : r.nextFloat() * 2 - 1;
        float beta = (flags & 8) != 0 ? 0f : r.nextFloat();
        int lda = (ta ? m : k) + (flags & 16) / 16 * 3, ldb = (tb ? k : n) + 1, ldc = n + 2;
        float[] a = Ref.random(r, (ta ? k : m) * lda).floats();
        float[] b = Ref.random(r, (tb ? n : k) * ldb).floats();
        float[] c = Ref.random(r, m * ldc).floats();
        if (beta == 0f) c[0] = Float.NaN; // beta 0 must ignore even NaN
        float[] want = reference(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        float[] got = c.clone();
        Sgemm.sgemm(kern, ta, tb, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, got, 0, ldc, Ref.POOL);
        // padding columns of C beyond n must be untouched
        for (int i = 0; i < m; i++) for (int j = n; j < ldc; j++) want[i * ldc + j] = c[i * ldc + j];
        Ref.close(want, got, 1e-5 * Math.max(1, k));
    }

    @Test
    void matchesNaiveLoopsOnRandomShapesWithBothMicroKernels() {
        for (MicroKernel kern : List.of(Sgemm.kernel(), new ScalarMicroKernel())) {
            qt().withExamples(150)
                    .forAll(
                            integers().between(1, 150),
                            integers().between(1, 130),
                            integers().between(0, 300),
                            integers().between(0, 31))
                    .checkAssert((m, n, k, flags) -> check(kern, m, n, k, flags, m * 31L + n * 7L + k + flags));
        }
    }

    @Test
    void largeBlockedProductsMatch() {
        check(Sgemm.kernel(), 200, 520, 600, 0, 1);
        check(Sgemm.kernel(), 67, 3136, 147, 8 + 4, 2);
    }

    @Test
    void oneRowProductsMatchInEveryLayout() {
        // m = 1 takes the matrix-vector path (a classifier head): every transpose, alpha, beta and stride flag
        for (int flags = 0; flags < 32; flags++) check(Sgemm.kernel(), 1, 1000, 1280, flags, flags);
        check(Sgemm.kernel(), 1, 7, 3, 2, 9);
    }
}
