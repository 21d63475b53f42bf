package dev.dal.ir.diag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A file's bytes seen as characters (one byte, one char). IR text is ASCII outside string literals and comments, so
 * the parser reads it byte-wise without decoding the whole file into a {@code String} (a 200 MB weight file would
 * otherwise cost 400 MB of heap); string literals are decoded from UTF-8 when their value is needed. Columns are
 * then byte columns, as in MLIR.
 */
public final class ByteText implements CharSequence {
    private final ByteBuffer bytes;
    private final int offset;
    private final int length;

    private ByteText(ByteBuffer bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** {@return a view of a buffer's remaining bytes (not copied)} */
    public static ByteText of(ByteBuffer bytes) {
        ByteBuffer b = bytes.slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return new ByteText(b, 0, b.remaining());
    }

    /** {@return the UTF-8 bytes of a string} */
    public static ByteText of(String s) {
        return of(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@return a file's bytes, memory-mapped (files over 2 GB are rejected)} */
    public static ByteText map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) throw new IOException(file + ": files over 2 GB are not supported");
            if (size < 1 << 16) {
                ByteBuffer b = ByteBuffer.allocate((int) size);
                while (b.hasRemaining() && ch.read(b) >= 0) {
                    // small files are read, not mapped: mapping costs more than it saves
                }
                return of(b.flip());
            }
            return of(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    /** {@return the byte at an index (0..255)} */
    public int byteAt(int index) {
        return bytes.get(offset + index) & 0xFF;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, length);
        return (char) (bytes.get(offset + index) & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new ByteText(bytes, offset + start, end - start);
    }

    /**
     * {@return the index of the first byte {@code b} at or after {@code from}, or -1} Eight bytes at a time: line
     * indexing of a 200 MB file is on the critical path of every diagnostic-located parse.
     */
    public int indexOf(byte b, int from) {
        long pattern = 0x0101010101010101L * (b & 0xFF);
        int i = Math.max(0, from);
        while (i + 8 <= length) {
            long w = bytes.getLong(offset + i) ^ pattern;
            long t = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
            if (t != 0) return i + (Long.numberOfTrailingZeros(t) >>> 3);
            i += 8;
        }
        for (; i < length; i++) if (bytes.get(offset + i) == b) return i;
        return -1;
    }

    /** {@return the bytes {@code [start, end)} decoded as UTF-8} */
    public String decode(int start, int end) {
        byte[] b = new byte[end - start];
        bytes.get(offset + start, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Decodes hex digits starting at {@code from} into {@code out} (two digits per byte), straight from the buffer.
     *
     * @return false if a character is not a hex digit
     */
    public boolean decodeHex(int from, byte[] out) {
        // Copy chunks to the heap in bulk (a memcpy) and decode there: per-byte reads of a mapped buffer pay a
        // bounds and session check each.
        byte[] chunk = new byte[Math.min(1 << 16, 2 * out.length)];
        int at = offset + from;
        int bad = 0;
        int o = 0;
        while (o < out.length) {
            int n = Math.min(chunk.length / 2, out.length - o);
            bytes.get(at, chunk, 0, 2 * n);
            for (int i = 0; i < n; i++) {
                int hi = HEX[chunk[2 * i] & 0xFF], lo = HEX[chunk[2 * i + 1] & 0xFF];
                bad |= hi | lo;
                out[o + i] = (byte) ((hi << 4) | lo);
            }
            o += n;
            at += 2 * n;
        }
        return bad >= 0;
    }

    /**
     * {@return the index of the first {@code "}, {@code \}, line feed or carriage return at or after {@code from},
     * or -1} Eight bytes at a time: this is how the lexer finds the end of a long hex string.
     */
    public int indexOfStringStop(int from) {
        final long ones = 0x0101010101010101L, high = 0x8080808080808080L;
        final long quote = ones * '"', backslash = ones * '\\', lf = ones * '\n', cr = ones * '\r';
        int i = Math.max(0, from);
        while (i + 8 <= length) {
            long w = bytes.getLong(offset + i);
            long t = zeroBytes(w ^ quote, ones, high)
                    | zeroBytes(w ^ backslash, ones, high)
                    | zeroBytes(w ^ lf, ones, high)
                    | zeroBytes(w ^ cr, ones, high);
            if (t != 0) return i + (Long.numberOfTrailingZeros(t) >>> 3);
            i += 8;
        }
        for (; i < length; i++) {
            byte c = bytes.get(offset + i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r') return i;
        }
        return -1;
    }

    /** High bit set in the lowest byte of {@code w} that is zero (bytes above it may be flagged falsely). */
    private static long zeroBytes(long w, long ones, long high) {
        return (w - ones) & ~w & high;
    }

    /** Hex digit values; -1 (all bits set, so ORing flags any bad digit) for other bytes. */
    static final int[] HEX = new int[256];

    static {
        java.util.Arrays.fill(HEX, -1);
        for (int c = '0'; c <= '9'; c++) HEX[c] = c - '0';
        for (int c = 'a'; c <= 'f'; c++) HEX[c] = c - 'a' + 10;
        for (int c = 'A'; c <= 'F'; c++) HEX[c] = c - 'A' + 10;
    }

    @Override
    public String toString() {
        return decode(0, length);
    }
}
