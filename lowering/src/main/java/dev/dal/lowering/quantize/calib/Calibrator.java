package dev.dal.lowering.quantize.calib;

/**
 * Chooses the clipping threshold {@code T} of a tensor from its statistics; the tensor is then quantized
 * symmetrically to {@code [-127, 127]} with scale {@code T / 127} (DESIGN.md §7). Implementations: {@link #minMax()}
 * ({@code accuracy_level: 0}), {@link #kl()} (TensorRT-style entropy calibration, the start of
 * {@code accuracy_level: 1}), {@link #percentile(double)}.
 */
public interface Calibrator {
    /** {@return a short name for reports ({@code "kl"})} */
    String name();

    /** {@return whether the statistics must carry a histogram ({@link TensorStats#withHistogram()})} */
    boolean needsHistogram();

    /**
     * {@return the clipping threshold, in {@code [0, absMax]}}
     *
     * @throws IllegalArgumentException if the calibrator needs a histogram and the statistics have none
     */
    double threshold(TensorStats stats);

    /** {@return the int8 scale of a tensor: {@link QuantMath#scaleFor(double) threshold / 127}} */
    default double scale(TensorStats stats) {
        return QuantMath.scaleFor(threshold(stats));
    }

    /** {@return an empty observer of the kind this calibrator needs} */
    default TensorStats newStats() {
        return needsHistogram() ? TensorStats.withHistogram() : TensorStats.minMax();
    }

    /** {@return min-max calibration: the threshold is the largest |x|} */
    static Calibrator minMax() {
        return new MinMaxCalibrator();
    }

    /** {@return KL-divergence (entropy) calibration over the 2048-bin histogram} */
    static Calibrator kl() {
        return new KlCalibrator();
    }

    /** {@return percentile calibration: the threshold keeps {@code percent} % of the values inside it} */
    static Calibrator percentile(double percent) {
        return new PercentileCalibrator(percent);
    }
}
