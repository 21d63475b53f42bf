package dev.dal.ir;

/** Conversions between doubles and the bit patterns of MLIR's float formats (f16, bf16, f32, f64). */
public final class FloatBits {
    private FloatBits() {}

    /** {@return the bit pattern of {@code v} rounded (to nearest even) to {@code kind}} */
    public static long fromDouble(double v, FloatType.Kind kind) {
        return switch (kind) {
            case F64 -> Double.doubleToRawLongBits(v);
            case F32 -> Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL;
            // rounded once, from the double: through f32 first would round twice (1 + 2^-11 + 2^-40 would tie)
            case F16 -> smallFromDouble(v, 5, 10, true);
            case BF16 -> Double.isNaN(v) ? bf16FromFloat((float) v) : smallFromDouble(v, 8, 7, true);
            case F8E5M2 -> smallFromDouble(v, 5, 2, true);
            case F8E4M3FN -> smallFromDouble(v, 4, 3, false);
            default -> throw new UnsupportedOperationException("no conversion to " + kind.keyword());
        };
    }

    /** {@return the value of a bit pattern of {@code kind}} */
    public static double toDouble(long bits, FloatType.Kind kind) {
        return switch (kind) {
            case F64 -> Double.longBitsToDouble(bits);
            case F32 -> Float.intBitsToFloat((int) bits);
            case F16 -> Float.float16ToFloat((short) bits);
            case BF16 -> Float.intBitsToFloat((int) (bits << 16));
            case F8E5M2 -> smallToDouble(bits, 5, 2, true);
            case F8E4M3FN -> smallToDouble(bits, 4, 3, false);
            default -> throw new UnsupportedOperationException("no conversion from " + kind.keyword());
        };
    }

    private static long bf16FromFloat(float f) {
        int b = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return ((b >>> 16) | 0x40) & 0xFFFF;
        int rounding = 0x7FFF + ((b >>> 16) & 1);
        return ((b + rounding) >>> 16) & 0xFFFF;
    }

    /**
     * Rounds {@code v} to nearest-even in a format of at most 16 bits with {@code e} exponent and {@code m} mantissa
     * bits. With
     * {@code ieee} the all-ones exponent holds infinities and NaNs (f8E5M2); otherwise only all-ones is NaN and
     * there are no infinities (f8E4M3FN: overflow gives NaN, as APFloat does).
     */
    private static long smallFromDouble(double v, int e, int m, boolean ieee) {
        int bias = (1 << (e - 1)) - 1;
        long sign = (Double.doubleToRawLongBits(v) < 0 ? 1L : 0L) << (e + m);
        long nan = ieee ? ((((1L << e) - 1) << m) | (1L << (m - 1))) : (1L << (e + m)) - 1;
        if (Double.isNaN(v)) return nan;
        double a = Math.abs(v);
        long inf = ((1L << e) - 1) << m;
        if (Double.isInfinite(a)) return ieee ? sign | inf : sign | nan;
        if (a == 0) return sign;
        int minExp = 1 - bias;
        int exp = Math.max(Math.getExponent(a), minExp);
        long q = (long) Math.rint(Math.scalb(a, m - exp)); // exact scaling, rounding half to even
        if (q == (1L << (m + 1))) {
            q >>= 1;
            exp++;
        }
        long field = q >= (1L << m) ? exp + bias : 0; // subnormal when the hidden bit is not reached
        long bits = (field << m) | (q & ((1L << m) - 1));
        long maxField = ieee ? (1L << e) - 2 : (1L << e) - 1;
        if (field > maxField || (!ieee && bits == ((1L << (e + m)) - 1))) return ieee ? sign | inf : sign | nan;
        return sign | bits;
    }

    private static double smallToDouble(long bits, int e, int m, boolean ieee) {
        int bias = (1 << (e - 1)) - 1;
        boolean neg = ((bits >> (e + m)) & 1) != 0;
        long field = (bits >> m) & ((1L << e) - 1);
        long man = bits & ((1L << m) - 1);
        double r;
        if (ieee && field == (1L << e) - 1) r = man == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        else if (!ieee && field == (1L << e) - 1 && man == (1L << m) - 1) r = Double.NaN;
        else if (field == 0) r = Math.scalb((double) man, 1 - bias - m);
        else r = Math.scalb((double) ((1L << m) | man), (int) field - bias - m);
        return neg ? -r : r;
    }
}
