package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vectorised range scan agrees with the plain loop on every array (NaN, infinities and signed zeros included),
 * and statistics observed through it equal statistics computed value by value.
 */
class RangeScanTest {
    /** Values around {@code 2^scale}; with {@code special} also zeros, -0 and (1 in 8) NaN or infinities. */
    private static float[] values(long seed, int n, int scale, boolean special) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = special ? r.nextInt(40) : 39;
            v[i] = switch (kind) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> Float.NaN;
                case 3 -> Float.POSITIVE_INFINITY;
                case 4 -> Float.NEGATIVE_INFINITY;
                default -> (float) Math.scalb(r.nextGaussian(), scale);
            };
        }
        return v;
    }

    @Test
    void theVectorScanRunsUnderTheTests() {
        // surefire adds jdk.incubator.vector, so the comparison below is against the Vector API implementation
        assertInstanceOf(VectorRangeScan.class, RangeScan.INSTANCE);
    }

    @Test
    void vectorAndPlainScansGiveTheSameRange() {
        RangeScan plain = new RangeScan(), vector = new VectorRangeScan();
        qt().withExamples(500)
                .forAll(
                        longs().between(0, 1_000_000),
                        integers().between(0, 300),
                        integers().between(-30, 30))
                .checkAssert((seed, n, scale) -> {
                    float[] v = values(seed, n, scale, seed % 3 != 0);
                    RangeScan.Range a = plain.range(v), b = vector.range(v);
                    assertEquals(0, Float.compare(a.lo(), b.lo()), () -> a + " vs " + b);
                    assertEquals(0, Float.compare(a.hi(), b.hi()), () -> a + " vs " + b);
                });
    }

    @Test
    void aNaNAnywhereMakesTheRangeNaN() {
        for (int at = 0; at < 70; at++) {
            float[] v = values(at, 70, 0, false);
            v[at] = Float.NaN;
            RangeScan.Range r = RangeScan.INSTANCE.range(v);
            assertEquals(0, Float.compare(Float.NaN, r.lo()), "NaN at " + at);
            assertEquals(0, Float.compare(Float.NaN, r.hi()), "NaN at " + at);
        }
    }

    @Test
    void observedStatisticsEqualAValueByValueCount() {
        qt().withExamples(300)
                .forAll(
                        longs().between(0, 1_000_000),
                        integers().between(0, 400),
                        integers().between(-40, 40))
                .checkAssert((seed, n, scale) -> {
                    float[] v = values(seed, n, scale, seed % 2 == 0);
                    TensorStats s = TensorStats.withHistogram();
                    s.observe(v);
                    long count = 0, nonFinite = 0, zeros = 0;
                    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, absMax = 0;
                    for (float x : v) {
                        if (!Float.isFinite(x)) {
                            nonFinite++;
                            continue;
                        }
                        count++;
                        min = Math.min(min, x + 0.0);
                        max = Math.max(max, x + 0.0);
                        absMax = Math.max(absMax, Math.abs(x));
                        if (x == 0) zeros++;
                    }
                    assertEquals(count, s.count());
                    assertEquals(nonFinite, s.nonFinite());
                    assertEquals(zeros, s.zeros());
                    assertEquals(min, s.min());
                    assertEquals(max, s.max());
                    int e = TensorStats.exponentFor(absMax);
                    long[] bins = new long[TensorStats.BINS];
                    for (float x : v)
                        if (x != 0 && Float.isFinite(x)) bins[(int) Math.scalb(Math.abs((double) x), 11 - e)]++;
                    assertEquals(Math.scalb(1.0, e), s.range());
                    assertArrayEquals(bins, s.histogram());
                });
    }
}
