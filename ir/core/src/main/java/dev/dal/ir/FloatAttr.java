package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code 1.5 : f32}: a float of a float type. {@code bits} holds the value's exact bit pattern in the type's format
 * (so NaN payloads and f16/bf16 values survive a round trip); {@link #value()} converts to double.
 */
public record FloatAttr(long bits, FloatType floatType) implements Attribute {
    public FloatAttr {
        Objects.requireNonNull(floatType);
    }

    /** {@return an attribute holding {@code value} rounded to {@code type}} */
    public static FloatAttr of(double value, FloatType type) {
        return new FloatAttr(FloatBits.fromDouble(value, type.kind()), type);
    }

    /** {@return the value as a double} */
    public double value() {
        return FloatBits.toDouble(bits, floatType.kind());
    }

    @Override
    public Optional<Type> type() {
        return Optional.of(floatType);
    }
}
