package dev.dal.dialect.quant;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.print.FloatFormat;

/**
 * The storage and expressed part of a {@code !quant.uniform} type: {@code i8}, {@code u8}, {@code i8<-127:127>}
 * followed by {@code :f32}. MLIR writes signed storage as {@code iN} and unsigned as {@code uN}; DAL stores them as the
 * builtin {@code iN} and {@code uiN}.
 *
 * @param storageType   the integer type (signless for signed storage, unsigned for {@code uN})
 * @param storageMin    smallest stored value
 * @param storageMax    largest stored value
 * @param expressedType the float type the values stand for
 */
public record QuantStorage(IntegerType storageType, long storageMin, long storageMax, FloatType expressedType) {
    /** The widest storage MLIR allows. */
    public static final int MAX_STORAGE_BITS = 32;

    /**
     * @throws IllegalArgumentException if the width is not in [1, 32] or the range is empty or outside the storage
     *     type's
     */
    public QuantStorage {
        int w = storageType.width();
        if (w < 1 || w > MAX_STORAGE_BITS)
            throw new IllegalArgumentException(
                    "illegal storage type size: " + w + " (must be in [1, " + MAX_STORAGE_BITS + "])");
        if (storageType.signedness() == IntegerType.Signedness.SIGNED)
            throw new IllegalArgumentException("storage type must be written iN (signed) or uN (unsigned)");
        if (storageMin < defaultMin(storageType))
            throw new IllegalArgumentException("illegal storage type minimum: " + storageMin);
        if (storageMax > defaultMax(storageType))
            throw new IllegalArgumentException("illegal storage type maximum: " + storageMax);
        if (storageMin > storageMax)
            throw new IllegalArgumentException(
                    "illegal storage min and storage max: (" + storageMin + ":" + storageMax + ")");
    }

    /** {@return the storage over the whole range of {@code storageType}} */
    public static QuantStorage full(IntegerType storageType, FloatType expressedType) {
        return new QuantStorage(storageType, defaultMin(storageType), defaultMax(storageType), expressedType);
    }

    /** {@return whether the storage is unsigned ({@code uN})} */
    public boolean isUnsigned() {
        return isUnsigned(storageType);
    }

    /** {@return the smallest value of the storage type: {@code -2^(w-1)} signed, 0 unsigned} */
    public static long defaultMin(IntegerType t) {
        return isUnsigned(t) ? 0 : -(1L << (t.width() - 1));
    }

    /** {@return the largest value of the storage type: {@code 2^(w-1) - 1} signed, {@code 2^w - 1} unsigned} */
    public static long defaultMax(IntegerType t) {
        return isUnsigned(t) ? (1L << t.width()) - 1 : (1L << (t.width() - 1)) - 1;
    }

    private static boolean isUnsigned(IntegerType t) {
        return t.signedness() == IntegerType.Signedness.UNSIGNED;
    }

    /** {@return MLIR's spelling: {@code i8}, {@code u8}, {@code i8<-127:127>} (the range only when not the full one)} */
    String text() {
        String s = (isUnsigned() ? "u" : "i") + storageType.width();
        if (storageMin != defaultMin(storageType) || storageMax != defaultMax(storageType))
            s += "<" + storageMin + ":" + storageMax + ">";
        return s;
    }

    /** {@return whether {@code zeroPoint} lies in the storage range} */
    boolean holds(long zeroPoint) {
        return zeroPoint >= storageMin && zeroPoint <= storageMax;
    }

    /** {@return MLIR's spelling of a scale, byte for byte as {@code mlir-opt} prints it ({@code 2.350000e-02})} */
    static String scaleText(double scale) {
        return FloatFormat.format(Double.doubleToRawLongBits(scale), FloatType.Kind.F64);
    }

    static void checkScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale))
            throw new IllegalArgumentException("illegal scale: " + scale + " (must be positive and finite)");
    }

    void checkZeroPoint(long zeroPoint) {
        if (!holds(zeroPoint))
            throw new IllegalArgumentException("illegal zero point: " + zeroPoint + " (must be in the storage range ["
                    + storageMin + ", " + storageMax + "])");
    }
}
