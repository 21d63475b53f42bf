package dev.dal.lowering.quantize.calib;

/** Min-max calibration ({@code accuracy_level: 0}): {@code T = max |x|}, so nothing is clipped. */
public final class MinMaxCalibrator implements Calibrator {
    @Override
    public String name() {
        return "min-max";
    }

    @Override
    public boolean needsHistogram() {
        return false;
    }

    @Override
    public double threshold(TensorStats stats) {
        return stats.absMax();
    }
}
