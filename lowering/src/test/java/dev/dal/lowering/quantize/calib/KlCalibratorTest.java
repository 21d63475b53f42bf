package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The KL threshold of fixed histograms against a brute-force search written plainly here from the description of
 * TensorRT's entropy calibration: for every candidate bin count, build P and Q in full, normalise and sum.
 */
class KlCalibratorTest {

    /** {@return the candidate bin count of least KL(P || Q), by brute force} */
    static int bruteForceBins(long[] hist) {
        int best = -1;
        double bestKl = Double.POSITIVE_INFINITY;
        for (int i = 128; i <= 2048; i++) {
            double[] p = new double[i];
            for (int k = 0; k < 2048; k++) {
                if (k < i) p[k] += hist[k];
                else p[i - 1] += hist[k]; // outliers into the last bin
            }
            double[] q = new double[i];
            for (int level = 0; level < 128; level++) {
                int start = level * i / 128;
                int end = (level + 1) * i / 128;
                double mass = 0;
                int used = 0;
                for (int k = start; k < end; k++) {
                    mass += hist[k];
                    if (hist[k] > 0) used++;
                }
                for (int k = start; k < end; k++) if (hist[k] > 0) q[k] = mass / used;
            }
            double ps = 0, qs = 0;
            for (int k = 0; k < i; k++) {
                ps += p[k];
                qs += q[k];
            }
            double kl = 0;
            for (int k = 0; k < i; k++) {
                if (p[k] == 0) continue;
                if (q[k] == 0) {
                    kl = Double.POSITIVE_INFINITY;
                    break;
                }
                kl += (p[k] / ps) * Math.log((p[k] / ps) / (q[k] / qs));
            }
            if (kl < bestKl) {
                bestKl = kl;
                best = i;
            }
        }
        return best;
    }

    @Test
    void aDecayingHistogramWithFarOutliersIsClippedWhereTheBruteForceSearchSays() {
        long[] hist = new long[2048];
        for (int k = 0; k < 1500; k++) hist[k] = Math.round(10000 * Math.exp(-k / 120.0));
        hist[1900] = 3;
        hist[2047] = 1;
        int expected = bruteForceBins(hist);
        assertEquals(expected, KlCalibrator.bestBins(hist));
        assertTrue(expected < 1500, "the outliers should be clipped, got " + expected);
    }

    @Test
    void aHandMadeBimodalHistogramMatchesTheBruteForceSearch() {
        long[] hist = new long[2048];
        for (int k = 0; k < 2048; k++) {
            double a = 500 * Math.exp(-Math.pow((k - 200) / 60.0, 2));
            double b = 80 * Math.exp(-Math.pow((k - 900) / 150.0, 2));
            hist[k] = Math.round(a + b);
        }
        assertEquals(bruteForceBins(hist), KlCalibrator.bestBins(hist));
    }

    @Test
    void thresholdsOfObservedDataMatchTheBruteForceSearch() {
        Random r = new Random(42);
        for (int trial = 0; trial < 5; trial++) {
            float[] v = new float[20000];
            for (int i = 0; i < v.length; i++)
                v[i] = (float) (r.nextGaussian() * (i % 500 == 0 ? 40 : 1)); // a Gaussian with rare far outliers
            TensorStats s = TensorStats.withHistogram();
            s.observe(v);
            int bins = bruteForceBins(s.histogram());
            double expected = Math.min((bins + 0.5) * s.binWidth(), s.absMax());
            assertEquals(expected, Calibrator.kl().threshold(s), 0.0);
            assertTrue(expected < s.absMax(), "KL should clip the far outliers");
        }
    }

    @Test
    void aTensorOfZerosHasThresholdZeroAndScaleOne() {
        TensorStats s = TensorStats.withHistogram();
        s.observe(new float[] {0f, -0f, 0f});
        assertEquals(0.0, Calibrator.kl().threshold(s));
        assertEquals(1.0, Calibrator.kl().scale(s));
    }
}
