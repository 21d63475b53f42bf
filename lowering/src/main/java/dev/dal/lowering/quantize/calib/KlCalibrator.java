package dev.dal.lowering.quantize.calib;

/**
 * Entropy calibration as TensorRT describes it, over the {@value TensorStats#BINS}-bin histogram of {@code |x|}.
 * For each candidate {@code i} from {@value #LEVELS} to 2048 bins:
 *
 * <ul>
 *   <li>the reference distribution {@code P} is {@code hist[0..i)} with every value beyond (the clipped outliers)
 *       added to its last bin;
 *   <li>the candidate {@code Q} quantizes {@code hist[0..i)} into 128 levels (level {@code j} merges bins
 *       {@code floor(j i / 128)} to {@code floor((j+1) i / 128) - 1}) and expands each level back by spreading its
 *       count evenly over the level's bins that are non-zero in the histogram (empty bins stay empty);
 *   <li>both are normalised and {@code KL(P || Q) = sum P ln(P / Q)} over the bins where {@code P > 0} (infinite if
 *       {@code Q} is zero there).
 * </ul>
 *
 * The {@code i} of smallest divergence (the first one on ties) gives {@code T = (i + 0.5) * binWidth}, capped at
 * {@code max |x|}.
 */
public final class KlCalibrator implements Calibrator {
    /** The quantized levels of the non-negative half of int8. */
    static final int LEVELS = 128;

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public boolean needsHistogram() {
        return true;
    }

    @Override
    public double threshold(TensorStats stats) {
        if (stats.count() == 0) return 0;
        int best = bestBins(stats.histogram());
        return Math.min((best + 0.5) * stats.binWidth(), stats.absMax());
    }

    /** {@return the number of bins {@code i} whose clipping minimises the divergence} */
    static int bestBins(long[] hist) {
        long[] total = new long[hist.length + 1]; // prefix sums
        for (int k = 0; k < hist.length; k++) total[k + 1] = total[k] + hist[k];
        double[] q = new double[hist.length];
        int best = hist.length;
        double bestKl = Double.POSITIVE_INFINITY;
        for (int i = LEVELS; i <= hist.length; i++) {
            // clipped values land in an empty last bin, where Q is zero and P not: an infinite divergence, no winner
            if (hist[i - 1] == 0 && total[hist.length] > total[i]) continue;
            double kl = divergence(hist, total, i, q);
            if (kl < bestKl) {
                bestKl = kl;
                best = i;
            }
        }
        return best;
    }

    /** {@return KL(P || Q) for clipping after {@code i} bins}, building Q in {@code q[0..i)} */
    static double divergence(long[] hist, long[] total, int i, double[] q) {
        double sum = total[hist.length];
        if (sum == 0) return 0;
        for (int j = 0; j < LEVELS; j++) {
            int from = (int) ((long) j * i / LEVELS), to = (int) ((long) (j + 1) * i / LEVELS);
            int nonZero = 0;
            for (int k = from; k < to; k++) if (hist[k] != 0) nonZero++;
            double each = nonZero == 0 ? 0 : (double) (total[to] - total[from]) / nonZero;
            for (int k = from; k < to; k++) q[k] = hist[k] != 0 ? each : 0;
        }
        double qSum = total[i]; // Q keeps the mass of hist[0..i)
        double kl = 0;
        for (int k = 0; k < i; k++) {
            double p = hist[k] + (k == i - 1 ? sum - total[i] : 0);
            if (p == 0) continue;
            if (q[k] == 0) return Double.POSITIVE_INFINITY;
            double pn = p / sum, qn = q[k] / qSum;
            kl += pn * Math.log(pn / qn);
        }
        return kl;
    }
}
