package dev.dal.dialect.quant.kernel;

/**
 * How the NPU turns an int32 sum into a stored output: rescaled by the fixed-point factor of its output channel (or
 * column; one factor for all when there is one), the output zero point added, and saturated to {@code [lo, hi]} (the
 * storage range, narrowed by a fused activation).
 *
 * @param rescale per output channel or column, or one for all: {@code s_x * s_w / s_y}
 * @param zpOut   the output zero point
 * @param lo      the clamp's lower bound
 * @param hi      the clamp's upper bound
 */
public record Requant(FixedPoint[] rescale, long zpOut, long lo, long hi) {
    /** {@return the factor of output channel or column {@code c}} */
    public FixedPoint of(int c) {
        return rescale[rescale.length == 1 ? 0 : c];
    }

    /** {@return the stored value of an already rescaled sum {@code v}: the zero point added, saturated} */
    public long store(long v) {
        return Rounding.saturate(zpOut + v, lo, hi);
    }
}
