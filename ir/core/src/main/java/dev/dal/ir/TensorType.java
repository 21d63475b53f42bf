package dev.dal.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code tensor<1x?x8xf32>}: a ranked tensor, with an optional encoding attribute. */
public record TensorType(List<Long> shape, Type elementType, Optional<Attribute> encoding) implements ShapedType {
    public TensorType {
        shape = List.copyOf(shape);
        for (long d : shape) if (d < 0 && d != DYNAMIC) throw new IllegalArgumentException("negative dimension " + d);
        Objects.requireNonNull(elementType);
        Objects.requireNonNull(encoding);
    }

    /** {@return a ranked tensor type without encoding} */
    public static TensorType of(Type elementType, long... dims) {
        Long[] boxed = new Long[dims.length];
        for (int i = 0; i < dims.length; i++) boxed[i] = dims[i];
        return new TensorType(List.of(boxed), elementType, Optional.empty());
    }

    /** {@return a ranked tensor type without encoding} */
    public static TensorType of(List<Long> shape, Type elementType) {
        return new TensorType(shape, elementType, Optional.empty());
    }
}
