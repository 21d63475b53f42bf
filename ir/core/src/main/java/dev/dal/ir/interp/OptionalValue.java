package dev.dal.ir.interp;

import java.util.Optional;

/**
 * An ONNX optional: a tensor or a sequence, or nothing.
 *
 * @param value the value, if there is one
 */
public record OptionalValue(Optional<RuntimeValue> value) implements RuntimeValue {
    /** {@return the optional holding nothing} */
    public static OptionalValue empty() {
        return new OptionalValue(Optional.empty());
    }

    /** {@return an optional holding {@code v}} */
    public static OptionalValue of(RuntimeValue v) {
        return new OptionalValue(Optional.of(v));
    }

    @Override
    public String describe() {
        return value.map(v -> "optional(" + v.describe() + ")").orElse("optional(none)");
    }
}
