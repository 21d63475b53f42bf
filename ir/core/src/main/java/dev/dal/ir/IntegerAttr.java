package dev.dal.ir;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/** {@code 42 : i64}: an integer of an integer or index type. Values wider than 64 bits are kept exactly. */
public record IntegerAttr(BigInteger value, Type intType) implements Attribute {
    public IntegerAttr {
        Objects.requireNonNull(value);
        if (!(intType instanceof IntegerType || intType instanceof IndexType))
            throw new IllegalArgumentException("integer attribute needs an integer or index type, got " + intType);
    }

    /** {@return an attribute of the given value and type} */
    public static IntegerAttr of(long value, Type type) {
        return new IntegerAttr(BigInteger.valueOf(value), type);
    }

    /** {@return an {@code i64} attribute} */
    public static IntegerAttr i64(long value) {
        return of(value, IntegerType.I64);
    }

    /** {@return the value as a long} @throws ArithmeticException if it does not fit */
    public long longValue() {
        return value.longValueExact();
    }

    @Override
    public Optional<Type> type() {
        return Optional.of(intType);
    }
}
