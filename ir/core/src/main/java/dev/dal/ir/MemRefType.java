package dev.dal.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code memref<4x?xf32, affine_map<...>, 1>}: a buffer reference. Unranked memrefs ({@code memref<*xf32>}) have
 * {@code ranked == false} and an empty shape.
 */
public record MemRefType(
        boolean ranked, List<Long> shape, Type elementType, Optional<Attribute> layout, Optional<Attribute> memorySpace)
        implements ShapedType {
    public MemRefType {
        shape = List.copyOf(shape);
        Objects.requireNonNull(elementType);
        Objects.requireNonNull(layout);
        Objects.requireNonNull(memorySpace);
        if (!ranked && (!shape.isEmpty() || layout.isPresent()))
            throw new IllegalArgumentException("unranked memref has neither shape nor layout");
    }

    @Override
    public boolean hasRank() {
        return ranked;
    }
}
