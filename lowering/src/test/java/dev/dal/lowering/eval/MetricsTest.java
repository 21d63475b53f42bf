package dev.dal.lowering.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The error metrics against values computed by hand, and the properties every pair of tensors has. */
class MetricsTest {
    // ref = [1, -2, 3, 0], test = [1.5, -2, 2, 0.5]: differences 0.5, 0, -1, 0.5
    private static final float[] REF = {1, -2, 3, 0};
    private static final float[] TEST = {1.5f, -2, 2, 0.5f};

    @Test
    void maeIsTheMeanAbsoluteDifference() {
        assertEquals((0.5 + 0 + 1 + 0.5) / 4, Metrics.mae(REF, TEST), 1e-12);
    }

    @Test
    void mseIsTheMeanSquaredDifference() {
        assertEquals((0.25 + 0 + 1 + 0.25) / 4, Metrics.mse(REF, TEST), 1e-12);
    }

    @Test
    void maxAbsErrorIsTheLargestDifference() {
        assertEquals(1.0, Metrics.maxAbsError(REF, TEST), 1e-12);
    }

    @Test
    void cosineIsTheNormalisedDotProduct() {
        double dot = 1.5 + 4 + 6 + 0;
        double nr = Math.sqrt(1 + 4 + 9), nt = Math.sqrt(2.25 + 4 + 4 + 0.25);
        assertEquals(dot / (nr * nt), Metrics.cosine(REF, TEST), 1e-12);
    }

    @Test
    void psnrUsesTheReferencePeak() {
        // peak 3, mse 0.375: 10 log10(9 / 0.375)
        assertEquals(10 * Math.log10(9 / 0.375), Metrics.psnr(REF, TEST), 1e-9);
        assertEquals(13.802112417116, Metrics.psnr(REF, TEST), 1e-9);
    }

    @Test
    void zeroVectorsHaveDefinedCosineAndPsnr() {
        float[] z = {0, 0};
        assertEquals(1.0, Metrics.cosine(z, z));
        assertEquals(0.0, Metrics.cosine(z, new float[] {1, 0}));
        assertEquals(Double.POSITIVE_INFINITY, Metrics.psnr(z, z));
        assertEquals(Double.NEGATIVE_INFINITY, Metrics.psnr(z, new float[] {1, 0}));
    }

    @Test
    void tensorsOfDifferentSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.mse(new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.mae(new float[0], new float[0]));
    }

    private static Gen<float[]> vectors(int n) {
        return lists().of(floats().between(-100f, 100f)).ofSize(n).map(l -> {
            float[] a = new float[l.size()];
            for (int i = 0; i < a.length; i++) a[i] = l.get(i);
            return a;
        });
    }

    @Test
    void aTensorComparedWithItselfHasNoError() {
        qt().forAll(integers().between(1, 64).flatMap(MetricsTest::vectors)).checkAssert(x -> {
            boolean zero = true;
            for (float v : x) zero &= v == 0;
            assertEquals(1.0, Metrics.cosine(x, x), 1e-9);
            assertEquals(0.0, Metrics.mse(x, x));
            assertEquals(0.0, Metrics.mae(x, x));
            assertEquals(0.0, Metrics.maxAbsError(x, x));
            assertEquals(Double.POSITIVE_INFINITY, Metrics.psnr(x, x), zero ? "all zeros" : "");
        });
    }

    @Test
    void errorsAreNonNegativeAndCosineBounded() {
        qt().forAll(integers().between(1, 64).flatMap(n -> vectors(n).zip(vectors(n), (a, b) -> new float[][] {a, b})))
                .checkAssert(p -> {
                    double mse = Metrics.mse(p[0], p[1]), mae = Metrics.mae(p[0], p[1]);
                    assertTrue(mse >= 0 && mae >= 0);
                    assertTrue(mae <= Metrics.maxAbsError(p[0], p[1]) + 1e-9);
                    assertTrue(mae * mae <= mse + 1e-6, "mae² ≤ mse (Jensen)");
                    double c = Metrics.cosine(p[0], p[1]);
                    assertTrue(c >= -1 && c <= 1, "cosine " + c);
                });
    }

    @Test
    void mergedStatisticsEqualStatisticsOverAllSamples() {
        float[] a1 = {1, 2}, b1 = {1, 3}, a2 = {-4, 0}, b2 = {-2, 0};
        ErrorStats merged = ErrorStats.of(a1, b1);
        merged.merge(ErrorStats.of(a2, b2));
        ErrorStats.Summary s = merged.summary();
        float[] a = {1, 2, -4, 0}, b = {1, 3, -2, 0};
        assertEquals(2, s.samples());
        assertEquals(4, s.elements());
        assertEquals(Metrics.mae(a, b), s.mae(), 1e-12);
        assertEquals(Metrics.mse(a, b), s.mse(), 1e-12);
        assertEquals(Metrics.maxAbsError(a, b), s.maxAbsError(), 1e-12);
        assertEquals(Metrics.psnr(a, b), s.psnr(), 1e-9);
        assertEquals(4.0, s.peak());
        double c1 = Metrics.cosine(a1, b1), c2 = Metrics.cosine(a2, b2);
        assertEquals((c1 + c2) / 2, s.cosine(), 1e-12);
        assertEquals(Math.min(c1, c2), s.minCosine(), 1e-12);
    }

    @Test
    void classificationFindsTopOneAndTopFive() {
        // float ranks class 2 first; the test model ranks it sixth of seven, then second
        float[] ref = {0, 1, 9, 2, 3, 4, 5, /* row 2 */ 0, 1, 9, 2, 3, 4, 5};
        float[] test = {6, 5, 1, 4, 3, 2, 7, /* row 2 */ 0, 1, 8, 2, 3, 4, 9};
        Classification c = Classification.of(ref, test, 7);
        assertEquals(2, c.refTop1()[0]);
        assertEquals(6, c.testTop1()[0]);
        assertEquals(false, c.inTop5()[0]);
        assertEquals(6, c.testTop1()[1]);
        assertEquals(true, c.inTop5()[1]);
    }
}
