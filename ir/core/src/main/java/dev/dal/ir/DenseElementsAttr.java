package dev.dal.ir;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code dense<[1.0, 2.0]> : tensor<2xf32>}, {@code dense<0.0> : tensor<4xf32>} (splat) or
 * {@code dense<"0x0000803F..."> : tensor<...>} (hex): integer, index, float or complex elements in row-major order.
 *
 * <p>{@code data} holds the elements packed little-endian at their storage width (i1 and other sub-byte integers
 * take one byte each; index takes 8; complex elements are (re, im) pairs). A splat holds one element.
 */
public record DenseElementsAttr(ShapedType shapedType, Blob data, boolean splat) implements Attribute {
    public DenseElementsAttr {
        Objects.requireNonNull(shapedType);
        Objects.requireNonNull(data);
        if (!shapedType.hasStaticShape())
            throw new IllegalArgumentException("dense elements need a static shape, got " + shapedType);
        long expected = (splat ? 1 : shapedType.numElements()) * elementBytes(shapedType.elementType());
        if (data.size() != expected)
            throw new IllegalArgumentException(
                    "dense elements of " + shapedType + " need " + expected + " bytes, got " + data.size());
    }

    /** {@return the number of bytes one element of {@code t} takes in storage} */
    public static int elementBytes(Type t) {
        return switch (t) {
            case IntegerType i -> Math.max(1, (i.width() + 7) / 8);
            case IndexType i -> 8;
            case FloatType f -> (f.width() + 7) / 8;
            case ComplexType c -> 2 * elementBytes(c.elementType());
            default -> throw new IllegalArgumentException("dense elements cannot hold " + t);
        };
    }

    /** {@return the number of elements the type describes} */
    public long size() {
        return shapedType.numElements();
    }

    /** {@return element {@code i} of a float tensor as a double} */
    public double getDouble(long i) {
        if (!(shapedType.elementType() instanceof FloatType f))
            throw new IllegalStateException("not a float tensor: " + shapedType);
        return FloatBits.toDouble(rawElement(i), f.kind());
    }

    /** {@return element {@code i} of an integer tensor, sign-extended unless the type is unsigned} */
    public long getLong(long i) {
        Type et = shapedType.elementType();
        long raw = rawElement(i);
        if (et instanceof IntegerType it && it.width() < 64) {
            if (it.signedness() == IntegerType.Signedness.UNSIGNED || it.width() == 1) return raw;
            int shift = 64 - Math.max(8, ((it.width() + 7) / 8) * 8);
            if (it.width() % 8 != 0) shift = 64 - it.width();
            return (raw << shift) >> shift;
        }
        if (et instanceof IntegerType || et instanceof IndexType) return raw;
        throw new IllegalStateException("not an integer tensor: " + shapedType);
    }

    /** {@return the raw bits of element {@code i} (of a non-complex type, at most 8 bytes wide)} */
    public long rawElement(long i) {
        int eb = elementBytes(shapedType.elementType());
        long at = (splat ? 0 : i) * eb;
        ByteBuffer b = data.bytes();
        return switch (eb) {
            case 1 -> b.get((int) at) & 0xFFL;
            case 2 -> b.getShort((int) at) & 0xFFFFL;
            case 4 -> b.getInt((int) at) & 0xFFFF_FFFFL;
            case 8 -> b.getLong((int) at);
            default -> {
                long v = 0;
                for (int k = Math.min(eb, 8) - 1; k >= 0; k--) v = (v << 8) | (b.get((int) (at + k)) & 0xFF);
                yield v;
            }
        };
    }

    @Override
    public Optional<Type> type() {
        return Optional.of(shapedType);
    }
}
