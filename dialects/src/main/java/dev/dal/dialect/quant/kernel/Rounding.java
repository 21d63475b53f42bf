package dev.dal.dialect.quant.kernel;

/** The integer rounding the NPU does: half away from zero, and saturation to a storage range. */
public final class Rounding {
    private Rounding() {}

    /** {@return {@code x / 2^n} rounded half away from zero, for {@code n >= 0} and {@code |x| < 2^62}} */
    public static long shiftRoundHalfAway(long x, int n) {
        if (n == 0) return x;
        if (n >= 63) return 0; // |x| < 2^62 <= 2^(n-1): less than half a unit
        long half = 1L << (n - 1);
        // |x| rounded half up, with x's sign put back; without a branch, as the sign of the data is not predictable:
        // s is 0 or -1, and (v ^ s) - s is v or -v
        long s = x >> 63;
        long r = (((x ^ s) - s) + half) >> n;
        return (r ^ s) - s;
    }

    /** {@return {@code num / den} rounded half away from zero, for {@code den > 0}} */
    public static long divRoundHalfAway(long num, long den) {
        long q = num / den, r = num % den; // truncates toward zero
        if (2 * Math.abs(r) >= den) q += num >= 0 ? 1 : -1;
        return q;
    }

    /** {@return {@code x} rounded to the nearest integer, ties away from zero (as {@link Math#round} is not)} */
    public static double roundHalfAway(double x) {
        double a = Math.abs(x);
        double f = Math.floor(a);
        // a - f is exact (both share a's exponent range), so the tie test sees the true fraction
        return Math.copySign(a - f >= 0.5 ? f + 1 : f, x);
    }

    /** {@return {@code v} clamped to {@code [lo, hi]}} */
    public static long saturate(long v, long lo, long hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
