package dev.dal.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Immutable bytes of a large constant: the storage of hex {@code dense<"0x...">} elements and of
 * {@code dense_resource} blobs. The buffer may be heap, direct or memory-mapped; a blob is shared by every attribute
 * and op that refers to it and is never copied by a rewrite. Equality compares contents.
 */
public final class Blob {
    private final ByteBuffer data;
    private final int alignment;
    private int hash;

    private Blob(ByteBuffer data, int alignment) {
        this.data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (alignment <= 0 || Integer.bitCount(alignment) != 1)
            throw new IllegalArgumentException("blob alignment must be a power of two, got " + alignment);
        this.alignment = alignment;
    }

    /** {@return a blob over the remaining bytes of {@code data} (not copied; the caller must not change them)} */
    public static Blob wrap(ByteBuffer data, int alignment) {
        return new Blob(Objects.requireNonNull(data), alignment);
    }

    /** {@return a blob over a byte array (not copied; the caller must not change it)} */
    public static Blob wrap(byte[] data) {
        return new Blob(ByteBuffer.wrap(data), 1);
    }

    /** {@return a read-only little-endian view of the bytes, positioned at 0} */
    public ByteBuffer bytes() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@return the number of bytes} */
    public int size() {
        return data.remaining();
    }

    /** {@return the alignment the bytes ask for (written before them in a resource section)} */
    public int alignment() {
        return alignment;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Blob b && b.alignment == alignment && b.data.equals(data);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = data.hashCode() * 31 + alignment;
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        return "Blob[" + size() + " bytes, align " + alignment + "]";
    }
}
