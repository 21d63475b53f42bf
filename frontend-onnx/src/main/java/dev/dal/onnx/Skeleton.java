package dev.dal.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Copies an ONNX model's protobuf encoding without its large {@code raw_data} payloads, so that only the small
 * structure is parsed (protobuf-java copies a direct buffer into the heap before parsing, which would copy every
 * weight). Each large payload is replaced by a reference to its place in the mapped file: {@code data_location =
 * EXTERNAL} with location {@link #SELF}, offset and length, which {@link TensorReader} resolves to a slice of the
 * mapping. Walks only the message paths that can hold tensors; every other field is copied as it is.
 */
final class Skeleton {
    /** The external-data location that means "the model file itself" (a NUL cannot occur in a real path). */
    static final String SELF = "\u0000self";
    /** Payloads up to this size stay inline. */
    static final int INLINE_LIMIT = 64;

    private enum Kind {
        MODEL,
        GRAPH,
        NODE,
        ATTRIBUTE,
        TENSOR,
        FUNCTION
    }

    /** A malformed encoding. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String msg) {
            super(msg);
        }
    }

    private final ByteBuffer buf;

    private Skeleton(ByteBuffer buf) {
        this.buf = buf;
    }

    /** {@return the model's encoding with large raw_data fields replaced by references into {@code file}} */
    static byte[] strip(ByteBuffer file) throws Malformed {
        Skeleton s = new Skeleton(file);
        return s.message(0, file.capacity(), Kind.MODEL, 0);
    }

    private long varint(int[] pos, int end) throws Malformed {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= end) throw new Malformed("the input ended in the middle of a field (truncated)");
            byte b = buf.get(pos[0]++);
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) return v;
        }
        throw new Malformed("a varint is longer than 10 bytes (corrupt)");
    }

    private static Kind child(Kind parent, int field) {
        return switch (parent) {
            case MODEL -> field == 7 ? Kind.GRAPH : field == 25 ? Kind.FUNCTION : null;
            case GRAPH -> field == 1 ? Kind.NODE : field == 5 ? Kind.TENSOR : null;
            case NODE -> field == 5 ? Kind.ATTRIBUTE : null;
            case ATTRIBUTE -> field == 5 || field == 10 ? Kind.TENSOR : field == 6 || field == 11 ? Kind.GRAPH : null;
            case FUNCTION -> field == 7 ? Kind.NODE : null;
            case TENSOR -> null;
        };
    }

    private byte[] message(int start, int end, Kind kind, int depth) throws Malformed {
        if (depth > 100) throw new Malformed("messages are nested too deeply (corrupt)");
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(end - start, 1 << 16));
        int[] pos = {start};
        long rawOffset = -1, rawLength = 0;
        while (pos[0] < end) {
            int fieldStart = pos[0];
            long tag = varint(pos, end);
            int field = (int) (tag >>> 3), wire = (int) (tag & 7);
            if (field == 0) throw new Malformed("a field has number 0 (corrupt)");
            switch (wire) {
                case 0 -> varint(pos, end);
                case 1 -> pos[0] += 8;
                case 5 -> pos[0] += 4;
                case 2 -> {
                    long len = varint(pos, end);
                    if (len < 0 || len > end - pos[0])
                        throw new Malformed("a field's length runs past the end of its message (truncated)");
                    int bodyStart = pos[0];
                    pos[0] += (int) len;
                    Kind k = child(kind, field);
                    if (k != null) {
                        byte[] sub = message(bodyStart, pos[0], k, depth + 1);
                        writeVarint(out, tag);
                        writeVarint(out, sub.length);
                        out.write(sub, 0, sub.length);
                        continue;
                    }
                    if (kind == Kind.TENSOR && field == 9 && len > INLINE_LIMIT) {
                        rawOffset = bodyStart;
                        rawLength = len;
                        continue;
                    }
                }
                default -> throw new Malformed("wire type " + wire + " is not valid here (corrupt)");
            }
            if (pos[0] > end) throw new Malformed("the input ended in the middle of a field (truncated)");
            if (kind == Kind.TENSOR && (field == 13 || field == 14) && rawOffset >= 0) continue;
            for (int i = fieldStart; i < pos[0]; i++) out.write(buf.get(i));
        }
        if (rawOffset >= 0) {
            writeVarint(out, (14 << 3));
            writeVarint(out, 1);
            entry(out, "location", SELF);
            entry(out, "offset", Long.toString(rawOffset));
            entry(out, "length", Long.toString(rawLength));
        }
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8), v = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        writeVarint(e, (1 << 3) | 2);
        writeVarint(e, k.length);
        e.write(k, 0, k.length);
        writeVarint(e, (2 << 3) | 2);
        writeVarint(e, v.length);
        e.write(v, 0, v.length);
        writeVarint(out, (13 << 3) | 2);
        writeVarint(out, e.size());
        out.write(e.toByteArray(), 0, e.size());
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
