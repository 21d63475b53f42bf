package dev.dal.ir;

import java.util.List;

/** A type with an element type and (unless unranked) a shape; dynamic dimensions are {@link #DYNAMIC}. */
public sealed interface ShapedType extends Type permits TensorType, UnrankedTensorType, VectorType, MemRefType {
    /** The marker for a dynamic dimension ({@code ?} in text). */
    long DYNAMIC = Long.MIN_VALUE;

    /** {@return the element type} */
    Type elementType();

    /** {@return the dimensions; empty for rank 0} @throws IllegalStateException if unranked */
    List<Long> shape();

    /** {@return whether the type has a rank} */
    default boolean hasRank() {
        return true;
    }

    /** {@return the rank} */
    default int rank() {
        return shape().size();
    }

    /** {@return whether every dimension is static} */
    default boolean hasStaticShape() {
        return hasRank() && shape().stream().noneMatch(d -> d == DYNAMIC);
    }

    /** {@return the number of elements} @throws IllegalStateException if the shape is not static */
    default long numElements() {
        if (!hasStaticShape()) throw new IllegalStateException("shape is not static: " + this);
        long n = 1;
        for (long d : shape()) n = Math.multiplyExact(n, d);
        return n;
    }
}
