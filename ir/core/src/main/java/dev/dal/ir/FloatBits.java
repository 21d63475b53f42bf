package dev.dal.ir;

/** Conversions between doubles and the bit patterns of MLIR's float formats (f16, bf16, f32, f64). */
public final class FloatBits {
    private FloatBits() {}

    /** {@return the bit pattern of {@code v} rounded (to nearest even) to {@code kind}} */
    public static long fromDouble(double v, FloatType.Kind kind) {
        return switch (kind) {
            case F64 -> Double.doubleToRawLongBits(v);
            case F32 -> Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL;
            case F16 -> Float.floatToFloat16((float) v) & 0xFFFFL;
            case BF16 -> bf16FromFloat((float) v);
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
            default -> throw new UnsupportedOperationException("no conversion from " + kind.keyword());
        };
    }

    private static long bf16FromFloat(float f) {
        int b = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return ((b >>> 16) | 0x40) & 0xFFFF;
        int rounding = 0x7FFF + ((b >>> 16) & 1);
        return ((b + rounding) >>> 16) & 0xFFFF;
    }
}
