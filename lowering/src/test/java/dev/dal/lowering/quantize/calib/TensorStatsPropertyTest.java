package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Statistics observed over shards of a data set and merged equal the statistics of the whole set observed at once:
 * min, max, counts and every histogram bin, hence every calibrator's threshold; whatever the split, the order of
 * the shards and the magnitudes involved.
 */
class TensorStatsPropertyTest {
    private static final List<Calibrator> CALIBRATORS =
            List.of(Calibrator.minMax(), Calibrator.kl(), Calibrator.percentile(99.99), Calibrator.percentile(90));

    /** Values of mixed magnitudes around {@code 2^scale}, with zeros, negative zeros and a few non-finite ones. */
    static float[] values(long seed, int n, int scale) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            v[i] = switch (kind) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> r.nextInt(4) == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
                case 3 -> (float) Math.scalb(r.nextGaussian(), scale + r.nextInt(12)); // outliers
                default -> (float) Math.scalb(r.nextGaussian(), scale);
            };
        }
        return v;
    }

    @Test
    void mergedShardStatisticsEqualWholeSetStatistics() {
        qt().withExamples(300)
                .forAll(
                        longs().between(0, 1_000_000),
                        integers().between(0, 600),
                        integers().between(1, 6),
                        integers().between(-40, 40))
                .checkAssert((seed, n, shards, scale) -> check(values(seed, n, scale), shards, new Random(seed)));
    }

    private static void check(float[] all, int shards, Random r) {
        TensorStats whole = TensorStats.withHistogram();
        whole.observe(all);
        // split at random cut points; every shard observed in one or two calls
        int[] cuts = new int[shards + 1];
        cuts[shards] = all.length;
        for (int k = 1; k < shards; k++) cuts[k] = r.nextInt(all.length + 1);
        Arrays.sort(cuts);
        List<TensorStats> parts = new ArrayList<>();
        for (int k = 0; k < shards; k++) {
            TensorStats s = TensorStats.withHistogram();
            int mid = cuts[k] + (cuts[k + 1] - cuts[k]) / 2;
            s.observe(Arrays.copyOfRange(all, mid, cuts[k + 1]));
            s.observe(Arrays.copyOfRange(all, cuts[k], mid));
            parts.add(s);
        }
        Collections.shuffle(parts, r);
        TensorStats merged = TensorStats.withHistogram();
        for (TensorStats p : parts) merged.merge(p);

        assertEquals(whole.count(), merged.count());
        assertEquals(whole.nonFinite(), merged.nonFinite());
        assertEquals(whole.zeros(), merged.zeros());
        assertEquals(whole.min(), merged.min());
        assertEquals(whole.max(), merged.max());
        assertEquals(whole.range(), merged.range());
        assertArrayEquals(whole.histogram(), merged.histogram());
        assertEquals(whole, merged);
        for (Calibrator c : CALIBRATORS)
            assertEquals(c.threshold(whole), c.threshold(merged), () -> c.name() + " threshold differs");
    }

    @Test
    void everyNonZeroFiniteValueIsCountedInTheBinOfItsMagnitudeAndZerosApart() {
        qt().withExamples(200)
                .forAll(
                        longs().between(0, 1_000_000),
                        integers().between(1, 300),
                        integers().between(-40, 40))
                .checkAssert((seed, n, scale) -> {
                    float[] v = values(seed, n, scale);
                    TensorStats s = TensorStats.withHistogram();
                    s.observe(v);
                    long[] expected = new long[TensorStats.BINS];
                    double absMax = 0;
                    for (float x : v) if (Float.isFinite(x)) absMax = Math.max(absMax, Math.abs(x));
                    assertEquals(s.absMax(), absMax);
                    assertEquals(
                            true,
                            s.range() > absMax
                                    && (s.range() / 2 <= absMax
                                            || absMax == 0
                                            || s.range() == Math.scalb(1.0, TensorStats.MIN_EXPONENT)));
                    long zeros = 0;
                    for (float x : v)
                        if (x == 0) zeros++;
                        else if (Float.isFinite(x)) expected[(int) Math.floor(Math.abs(x) / s.binWidth())]++;
                    assertArrayEquals(expected, s.histogram());
                    assertEquals(zeros, s.zeros());
                });
    }

    @Test
    void minMaxOnlyStatisticsMergeToo() {
        TensorStats a = TensorStats.minMax(), b = TensorStats.minMax(), whole = TensorStats.minMax();
        float[] v = values(7, 100, 3);
        a.observe(Arrays.copyOf(v, 40));
        b.observe(Arrays.copyOfRange(v, 40, 100));
        whole.observe(v);
        a.merge(b);
        assertEquals(whole, a);
    }
}
