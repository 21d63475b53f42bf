package dev.dal.lowering.quantize.calib;

/**
 * The smallest and largest of an array of floats in one pass, as {@link Math#min(float, float)} and
 * {@link Math#max(float, float)} fold them (a NaN anywhere makes both NaN): a Vector API implementation when the
 * {@code jdk.incubator.vector} module is present ({@link VectorRangeScan}), a plain loop otherwise. Min and max do
 * not round, so both give the same range whatever the order of the scan; only the sign of a zero bound may differ,
 * which {@link TensorStats} normalises.
 */
class RangeScan {
    /** The implementation in use. */
    static final RangeScan INSTANCE = choose();

    /**
     * The range of some values.
     *
     * @param lo the smallest value ({@code +inf} if there are none, NaN if one is NaN)
     * @param hi the largest value ({@code -inf} if there are none, NaN if one is NaN)
     */
    record Range(float lo, float hi) {
        /** {@return whether every value was finite (no NaN, no infinity) and there was at least one} */
        boolean finite() {
            return Float.isFinite(lo) && Float.isFinite(hi);
        }
    }

    private static RangeScan choose() {
        if (Boolean.getBoolean("dal.kernel.scalar")) return new RangeScan();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return new RangeScan();
        try {
            return (RangeScan) Class.forName("dev.dal.lowering.quantize.calib.VectorRangeScan")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new RangeScan();
        }
    }

    /** {@return the range of {@code values}} */
    Range range(float[] values) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Range(lo, hi);
    }
}
