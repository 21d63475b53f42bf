package dev.dal.ir;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code array<i64: 1, 2>}: a dense array of integers or floats. Elements are held as longs: integers by value,
 * floats as their bit patterns in the element format (so every value round-trips exactly).
 */
public record DenseArrayAttr(Type elementType, long[] raw) implements Attribute {
    public DenseArrayAttr {
        Objects.requireNonNull(elementType);
        if (!(elementType instanceof IntegerType || elementType instanceof FloatType))
            throw new IllegalArgumentException(
                    "dense array needs an integer or float element type, got " + elementType);
        raw = raw.clone();
    }

    /** {@return an {@code array<i64: ...>}} */
    public static DenseArrayAttr i64(long... values) {
        return new DenseArrayAttr(IntegerType.I64, values);
    }

    /** {@return the number of elements} */
    public int size() {
        return raw.length;
    }

    /** {@return element {@code i} as a long (integers only)} */
    public long getLong(int i) {
        return raw[i];
    }

    /** {@return a copy of the elements as longs (integers only)} */
    public long[] toLongArray() {
        return raw.clone();
    }

    /** {@return element {@code i} as a double (floats only)} */
    public double getDouble(int i) {
        return FloatBits.toDouble(raw[i], ((FloatType) elementType).kind());
    }

    @Override
    public long[] raw() {
        return raw.clone();
    }

    @Override
    public Optional<Type> type() {
        return Optional.of(elementType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseArrayAttr d && d.elementType.equals(elementType) && Arrays.equals(d.raw, raw);
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "array<" + elementType + ": " + Arrays.toString(raw) + ">";
    }
}
