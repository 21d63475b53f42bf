package dev.dal.ir;

import java.util.List;
import java.util.Objects;

/** {@code vector<4x[8]xf32>}: a vector; {@code scalable} marks the dimensions written in brackets. */
public record VectorType(List<Long> shape, List<Boolean> scalable, Type elementType) implements ShapedType {
    public VectorType {
        shape = List.copyOf(shape);
        scalable = List.copyOf(scalable);
        if (scalable.size() != shape.size()) throw new IllegalArgumentException("scalable flags do not match rank");
        Objects.requireNonNull(elementType);
    }
}
