package dev.dal.ir;

import java.util.Objects;

/** {@code complex<f32>}. */
public record ComplexType(Type elementType) implements Type {
    public ComplexType {
        Objects.requireNonNull(elementType);
    }
}
