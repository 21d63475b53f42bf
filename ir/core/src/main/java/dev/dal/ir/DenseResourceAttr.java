package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code dense_resource<weights> : tensor<64x3x7x7xf32>}: elements held in the file's
 * {@code {-# dialect_resources: { builtin: { weights: "0x..." } } #-}} section. The handle is shared, never copied.
 */
public record DenseResourceAttr(ShapedType shapedType, ResourceHandle handle) implements Attribute {
    public DenseResourceAttr {
        Objects.requireNonNull(shapedType);
        Objects.requireNonNull(handle);
    }

    @Override
    public Optional<Type> type() {
        return Optional.of(shapedType);
    }
}
