package dev.dal.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code dense<["a", "b"]> : tensor<2x!foo.string>}: string elements (ONNX string tensors end up here). */
public record DenseStringElementsAttr(ShapedType shapedType, List<String> values, boolean splat) implements Attribute {
    public DenseStringElementsAttr {
        Objects.requireNonNull(shapedType);
        values = List.copyOf(values);
    }

    @Override
    public Optional<Type> type() {
        return Optional.of(shapedType);
    }
}
