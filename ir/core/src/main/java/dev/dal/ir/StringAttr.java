package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/** {@code "text"}, optionally typed ({@code "text" : i32} in MLIR's generic syntax). */
public record StringAttr(String value, Optional<Type> stringType) implements Attribute {
    public StringAttr {
        Objects.requireNonNull(value);
        Objects.requireNonNull(stringType);
    }

    /** {@return an untyped string attribute} */
    public static StringAttr of(String value) {
        return new StringAttr(value, Optional.empty());
    }

    @Override
    public Optional<Type> type() {
        return stringType;
    }
}
