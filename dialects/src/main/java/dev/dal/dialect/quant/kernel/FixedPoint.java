package dev.dal.dialect.quant.kernel;

import java.math.BigDecimal;

/**
 * A real rescale factor {@code M} as the NPU holds it (DESIGN §7): a 32-bit Q31 {@code multiplier} and a right
 * {@code shift}, standing for {@code M' = multiplier * 2^-(31 + shift)}. Applying it to an integer is
 * {@code (x * multiplier) >> (31 + shift)} rounded half away from zero, computed exactly in 64 bits.
 *
 * <p>{@link #of(double)} normalizes the multiplier to {@code [2^30, 2^31)} (31 significant bits), so {@code M'}
 * differs from {@code M} by at most a relative {@code 2^-31}. What is exact is the rescale by the represented
 * {@code M'}: {@link #rescale(long)} equals {@code round_half_away(x * M')} for every int32 {@code x}; it equals
 * {@code round_half_away(x * M)} whenever {@code M} has at most 31 significant bits (then {@code M' = M}).
 *
 * @param multiplier the Q31 mantissa, in {@code [0, 2^31)}
 * @param shift      the right shift after the Q31 product; negative values shift left ({@code M >= 1})
 */
public record FixedPoint(int multiplier, int shift) {
    /** The smallest shift: {@code 31 + shift} must be at least 0, so the product is never shifted left. */
    public static final int MIN_SHIFT = -31;

    /** @throws IllegalArgumentException for a negative multiplier or a shift below {@link #MIN_SHIFT} */
    public FixedPoint {
        if (multiplier < 0) throw new IllegalArgumentException("negative multiplier " + multiplier);
        if (shift < MIN_SHIFT) throw new IllegalArgumentException("shift " + shift + " below " + MIN_SHIFT);
    }

    /**
     * {@return the fixed-point form of {@code m}: the multiplier is {@code m}'s mantissa rounded to 31 bits (half away
     * from zero), in {@code [2^30, 2^31)}; 0 gives multiplier 0}
     *
     * @throws IllegalArgumentException if {@code m} is negative, not finite, or at least {@code 2^31}
     */
    public static FixedPoint of(double m) {
        if (!(m >= 0) || Double.isInfinite(m))
            throw new IllegalArgumentException("rescale factor must be finite and non-negative, got " + m);
        if (m >= 0x1p31) throw new IllegalArgumentException("rescale factor " + m + " is too large (>= 2^31)");
        // below the normal range x * m rounds to 0 for every int32 x, as multiplier 0 gives
        if (m < Double.MIN_NORMAL) return new FixedPoint(0, 0);
        int e = Math.getExponent(m) + 1; // m = f * 2^e with f in [0.5, 1)
        double f = Math.scalb(m, -e);
        long q = Math.round(Math.scalb(f, 31)); // f * 2^31 is positive: Math.round rounds half up = away from zero
        if (q == 1L << 31) {
            q >>= 1;
            e++;
        }
        int shift = -e;
        if (shift < MIN_SHIFT) throw new IllegalArgumentException("rescale factor " + m + " is too large");
        return new FixedPoint((int) q, shift);
    }

    /** {@return the factor this stands for, {@code multiplier * 2^-(31 + shift)}, exactly} */
    public BigDecimal represented() {
        BigDecimal m = BigDecimal.valueOf(multiplier);
        int n = 31 + shift;
        return m.divide(BigDecimal.valueOf(2).pow(n));
    }

    /** {@return the factor this stands for, as the nearest double} */
    public double value() {
        return Math.scalb((double) multiplier, -(31 + shift));
    }

    /** {@return {@code round_half_away(x * M')}} for an int32 {@code x} (larger values may overflow) */
    public long rescale(long x) {
        return Rounding.shiftRoundHalfAway(x * multiplier, 31 + shift);
    }

    /**
     * {@return {@code round_half_away(x * M' * 2^bits)}}: the rescaled value with {@code bits} more fraction bits,
     * for ops that add several rescaled terms before the final rounding
     *
     * @throws IllegalArgumentException if {@code 31 + shift - bits} is negative
     */
    public long rescaleKeepingBits(long x, int bits) {
        int n = 31 + shift - bits;
        if (n < 0) throw new IllegalArgumentException("rescale factor too large to keep " + bits + " fraction bits");
        return Rounding.shiftRoundHalfAway(x * multiplier, n);
    }
}
