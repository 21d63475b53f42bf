package dev.dal.lowering.quantize.calib;

/**
 * Percentile calibration: {@code T} is the upper edge of the first histogram bin of {@code |x|} at which at least
 * {@code percent} % of the values (exact zeros included) lie at or below it, capped at {@code max |x|}.
 *
 * @param percent the share of values to keep unclipped, in {@code (0, 100]}
 */
public record PercentileCalibrator(double percent) implements Calibrator {
    /** Checks the percentage. */
    public PercentileCalibrator {
        if (!(percent > 0 && percent <= 100))
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
    }

    @Override
    public String name() {
        return "percentile-" + percent;
    }

    @Override
    public boolean needsHistogram() {
        return true;
    }

    @Override
    public double threshold(TensorStats stats) {
        if (stats.count() == 0) return 0;
        long[] h = stats.histogram();
        double need = stats.count() * (percent / 100);
        long seen = stats.zeros(); // exact zeros lie below every threshold
        for (int i = 0; i < h.length; i++) {
            seen += h[i];
            if (seen >= need) return Math.min((i + 1) * stats.binWidth(), stats.absMax());
        }
        return stats.absMax();
    }
}
