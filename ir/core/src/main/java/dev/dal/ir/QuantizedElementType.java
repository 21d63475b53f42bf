package dev.dal.ir;

import java.util.OptionalInt;

/**
 * A uniformly quantized element type: a real value {@code r} is stored as the integer
 * {@code q = round(r / scale) + zeroPoint}, clamped to {@code [storageMin, storageMax]}, and read back as
 * {@code (q - zeroPoint) * scale}. Per-tensor types have one scale and zero point; per-axis types have one per index of
 * their {@link #axis()}. Runtime tensors of such a type hold the storage integers
 * ({@code DType.fromIrType} maps the type to its storage type's dtype).
 */
public interface QuantizedElementType extends DialectType {
    /** {@return the integer type the values are stored in ({@code i8}; unsigned storage is {@code ui8})} */
    IntegerType storageType();

    /** {@return the float type the stored values stand for ({@code f32})} */
    FloatType expressedType();

    /** {@return the smallest storage value used} */
    long storageMin();

    /** {@return the largest storage value used} */
    long storageMax();

    /** {@return the quantized dimension of per-axis types, empty for per-tensor types} */
    OptionalInt axis();

    /** {@return the number of (scale, zero point) pairs: 1 for per-tensor types} */
    int channels();

    /** {@return the scale of one index of the quantized dimension (any index for per-tensor types)} */
    double scale(int channel);

    /** {@return the zero point of one index of the quantized dimension (any index for per-tensor types)} */
    long zeroPoint(int channel);

    /** {@return the real value a stored integer stands for: {@code (q - zeroPoint) * scale}} */
    default double dequantize(long q, int channel) {
        return (q - zeroPoint(channel)) * scale(channel);
    }
}
