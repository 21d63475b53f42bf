package dev.dal.ir.print;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.DialectType;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IndexType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.LocationAttr;
import dev.dal.ir.MemRefType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpaqueAttr;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.TupleType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.UnitAttr;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.VectorType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes types, attributes and locations in MLIR's syntax into a buffer that is flushed to the output in chunks.
 * Large hex blobs are streamed straight from their {@link ByteBuffer} through a lookup table.
 */
class AsmWriter {
    /** MLIR prints non-splat dense elements with more than this many elements as a hex string. */
    static final int HEX_THRESHOLD = 100;

    private static final int FLUSH_AT = 1 << 16;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] HEX_PAIRS = new char[512];

    static {
        for (int i = 0; i < 256; i++) {
            HEX_PAIRS[2 * i] = HEX[i >>> 4];
            HEX_PAIRS[2 * i + 1] = HEX[i & 15];
        }
    }

    final StringBuilder sb = new StringBuilder(FLUSH_AT + 1024);
    private final Appendable out;
    /** When set, text goes out as UTF-8 bytes here instead of to {@link #out} (hex blobs skip the char stage). */
    private java.io.OutputStream bytesOut;

    final AliasTable aliases;
    private final OptionalLong elideAbove;
    /** Resource blobs referred to while printing, by key, in order of first use. */
    final Map<String, Blob> resources = new LinkedHashMap<>();

    AsmWriter(Appendable out, AliasTable aliases, OptionalLong elideAbove) {
        this.out = out;
        this.aliases = aliases;
        this.elideAbove = elideAbove;
    }

    /** Hands the buffer to the output if it has grown large. */
    final void maybeFlush() throws IOException {
        if (sb.length() >= FLUSH_AT) flush();
    }

    final void flush() throws IOException {
        if (bytesOut != null) {
            if (sb.isEmpty()) return;
            writeUtf8(sb, bytesOut);
            sb.setLength(0);
            return;
        }
        if (out == sb) return;
        out.append(sb);
        sb.setLength(0);
    }

    private byte[] byteBuffer = new byte[0];

    /** The buffer as UTF-8: ASCII (nearly all IR) is copied byte for byte into a reused array. */
    private void writeUtf8(StringBuilder text, java.io.OutputStream os) throws IOException {
        int n = text.length();
        if (byteBuffer.length < n) byteBuffer = new byte[Math.max(n, FLUSH_AT + 1024)];
        byte[] b = byteBuffer;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                os.write(text.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            b[i] = (byte) c;
        }
        os.write(b, 0, n);
    }

    /** Sends the output to a byte stream (UTF-8) instead of the {@link Appendable}. */
    final void toBytes(java.io.OutputStream os) {
        this.bytesOut = os;
    }

    // ---- identifiers and strings --------------------------------------------------------------------------------

    /** {@return whether MLIR writes {@code s} without quotes (a bare identifier)} */
    static boolean isBareIdentifier(String s) {
        if (s.isEmpty()) return false;
        char c0 = s.charAt(0);
        if (!(isLetter(c0) || c0 == '_')) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '.')) return false;
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Appends a quoted string with MLIR's escapes: {@code \\}, {@code \22} and {@code \XX} for non-printables. */
    final void appendString(String s) {
        sb.append('"');
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (ascii) {
            for (int i = 0; i < s.length(); i++) appendEscaped(s.charAt(i));
        } else {
            appendUtf8Escaped(s);
        }
        sb.append('"');
    }

    /**
     * MLIR strings are bytes; DAL holds them as Java strings of their UTF-8 text. A byte that is not part of valid UTF-8
     * (such as {@code "\FF"}) is held as the lone surrogate {@code U+DC00 + byte} (the "surrogate escape" convention),
     * so it is written back as the same byte here.
     */
    private void appendUtf8Escaped(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xDC80 && cp <= 0xDCFF) {
                appendEscaped((char) (cp - 0xDC00));
            } else if (cp < 0x80) {
                appendEscaped((char) cp);
            } else {
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) appendEscaped((char) (b & 0xFF));
            }
        }
    }

    private void appendEscaped(char c) {
        if (c == '\\') sb.append("\\\\");
        else if (c >= 0x20 && c < 0x7F && c != '"') sb.append(c);
        else sb.append('\\').append(HEX[c >>> 4]).append(HEX[c & 15]);
    }

    /** Appends a name bare if it is an identifier, quoted otherwise. */
    final void appendKeyOrString(String s) {
        if (isBareIdentifier(s)) sb.append(s);
        else appendString(s);
    }

    final void appendSymbol(String name) {
        sb.append('@');
        appendKeyOrString(name);
    }

    // ---- types --------------------------------------------------------------------------------------------------

    private final Map<Type, String> shapedTypeText = new java.util.IdentityHashMap<>();

    final void appendType(Type t) {
        switch (t) {
            case IntegerType i -> {
                switch (i.signedness()) {
                    case SIGNLESS -> sb.append('i');
                    case SIGNED -> sb.append("si");
                    case UNSIGNED -> sb.append("ui");
                }
                sb.append(i.width());
            }
            case FloatType f -> sb.append(f.kind().keyword());
            case IndexType i -> sb.append("index");
            case NoneType n -> sb.append("none");
            case TensorType tt
            when tt.encoding().isEmpty() -> {
                // Big files print the same few tensor types on every op (the parser shares their instances):
                // each instance is spelled once per print.
                String text = shapedTypeText.get(tt);
                if (text == null) {
                    int start = sb.length();
                    sb.append("tensor<");
                    appendDims(tt.shape(), null);
                    appendType(tt.elementType());
                    sb.append('>');
                    text = sb.substring(start);
                    if (shapedTypeText.size() < 4096) shapedTypeText.put(tt, text);
                } else {
                    sb.append(text);
                }
            }
            case TensorType tt -> {
                sb.append("tensor<");
                appendDims(tt.shape(), null);
                appendType(tt.elementType());
                if (tt.encoding().isPresent()) {
                    sb.append(", ");
                    appendAttribute(tt.encoding().get());
                }
                sb.append('>');
            }
            case UnrankedTensorType ut -> {
                sb.append("tensor<*x");
                appendType(ut.elementType());
                sb.append('>');
            }
            case MemRefType m -> {
                sb.append("memref<");
                if (m.ranked()) appendDims(m.shape(), null);
                else sb.append("*x");
                appendType(m.elementType());
                if (m.layout().isPresent()) {
                    sb.append(", ");
                    appendAttribute(m.layout().get());
                }
                if (m.memorySpace().isPresent()) {
                    sb.append(", ");
                    appendAttribute(m.memorySpace().get(), true);
                }
                sb.append('>');
            }
            case VectorType v -> {
                sb.append("vector<");
                appendDims(v.shape(), v.scalable());
                appendType(v.elementType());
                sb.append('>');
            }
            case ComplexType c -> {
                sb.append("complex<");
                appendType(c.elementType());
                sb.append('>');
            }
            case TupleType tu -> {
                sb.append("tuple<");
                appendTypeList(tu.types());
                sb.append('>');
            }
            case FunctionType f -> appendFunctionalType(f.inputs(), f.results());
            case OpaqueType o -> {
                sb.append('!').append(o.dialect());
                if (!o.body().isEmpty() && o.body().charAt(0) != '<') sb.append('.');
                sb.append(o.body());
            }
            case DialectType d -> {
                sb.append('!').append(d.dialect());
                if (!d.body().isEmpty() && d.body().charAt(0) != '<') sb.append('.');
                sb.append(d.body());
            }
        }
    }

    private void appendDims(List<Long> shape, List<Boolean> scalable) {
        for (int i = 0; i < shape.size(); i++) {
            long d = shape.get(i);
            boolean sc = scalable != null && scalable.get(i);
            if (sc) sb.append('[');
            if (d == ShapedType.DYNAMIC) sb.append('?');
            else sb.append(d);
            if (sc) sb.append(']');
            sb.append('x');
        }
    }

    final void appendTypeList(List<? extends Type> types) {
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) sb.append(", ");
            appendType(types.get(i));
        }
    }

    /** {@code (A, B) -> C}, {@code () -> ()}, {@code (A) -> (B, C)}; a lone function-typed result gets parentheses. */
    final void appendFunctionalType(List<? extends Type> inputs, List<? extends Type> results) {
        sb.append('(');
        appendTypeList(inputs);
        sb.append(") -> ");
        if (results.size() == 1 && !(results.getFirst() instanceof FunctionType)) {
            appendType(results.getFirst());
        } else {
            sb.append('(');
            appendTypeList(results);
            sb.append(')');
        }
    }

    // ---- attributes ---------------------------------------------------------------------------------------------

    final void appendAttribute(Attribute a) {
        appendAttribute(a, false);
    }

    /**
     * Writes an attribute; where MLIR may elide types (array elements, memref memory spaces) the {@code i64} of an
     * integer and the {@code f64} of a float are left out.
     */
    final void appendAttribute(Attribute a, boolean mayElideType) {
        switch (a) {
            case IntegerAttr i -> {
                if (i.intType() instanceof IntegerType it
                        && it.width() == 1
                        && it.signedness() == IntegerType.Signedness.SIGNLESS) {
                    sb.append(i.value().testBit(0) ? "true" : "false");
                    return;
                }
                appendInteger(i.value(), i.intType());
                if (mayElideType && i.intType().equals(IntegerType.I64)) return;
                sb.append(" : ");
                appendType(i.intType());
            }
            case FloatAttr f -> {
                int start = sb.length();
                FloatFormat.append(sb, f.bits(), f.floatType().kind());
                // mlir-opt 16 also drops ": f64" after a hex bit pattern (NaN, or a value whose shortest form has
                // no '.'), which then reads back as an i64; DAL keeps the type there so the text round-trips.
                boolean hex = sb.length() > start + 1 && sb.charAt(start) == '0' && sb.charAt(start + 1) == 'x'
                        || sb.length() > start + 2 && sb.charAt(start + 1) == '0' && sb.charAt(start + 2) == 'x';
                if (mayElideType && f.floatType().kind() == FloatType.Kind.F64 && !hex) return;
                sb.append(" : ");
                appendType(f.floatType());
            }
            case BoolAttr b -> sb.append(b.value() ? "true" : "false");
            case UnitAttr u -> sb.append("unit");
            case StringAttr s -> {
                appendString(s.value());
                if (s.stringType().isPresent()) {
                    sb.append(" : ");
                    appendType(s.stringType().get());
                }
            }
            case ArrayAttr arr -> {
                sb.append('[');
                List<Attribute> es = arr.elements();
                for (int i = 0; i < es.size(); i++) {
                    if (i > 0) sb.append(", ");
                    appendAttribute(es.get(i), true);
                }
                sb.append(']');
            }
            case DictionaryAttr d -> appendDictionary(d.entries(), java.util.Set.of());
            case DenseArrayAttr d -> appendDenseArray(d);
            case TypeAttr t -> appendType(t.value());
            case SymbolRefAttr s -> {
                appendSymbol(s.root());
                for (String n : s.nested()) {
                    sb.append("::");
                    appendSymbol(n);
                }
            }
            case DenseElementsAttr d -> appendDenseElements(d);
            case DenseStringElementsAttr d -> appendDenseStrings(d);
            case DenseResourceAttr r -> {
                sb.append("dense_resource<");
                appendKeyOrString(r.handle().key());
                sb.append("> : ");
                appendType(r.shapedType());
                r.handle()
                        .blob()
                        .ifPresent(b -> resources.putIfAbsent(r.handle().key(), b));
            }
            case LocationAttr l -> appendLocationRef(l.location());
            case OpaqueAttr o -> {
                AliasTable.Alias alias = aliases.get(o);
                if (alias != null) {
                    sb.append('#').append(alias.name());
                    return;
                }
                appendOpaqueAttrBody(o);
            }
        }
    }

    /** The text of an opaque attribute without alias substitution (also the right-hand side of its alias). */
    final void appendOpaqueAttrBody(OpaqueAttr o) {
        if (o.dialect().isEmpty()) sb.append(o.body());
        else {
            sb.append('#').append(o.dialect());
            if (!o.body().isEmpty() && o.body().charAt(0) != '<') sb.append('.');
            sb.append(o.body());
        }
        if (o.attrType().isPresent()) {
            sb.append(" : ");
            appendType(o.attrType().get());
        }
    }

    /** {@code {a = 1 : i64, b}} (no leading space); unit attributes print as their bare name. */
    final void appendDictionary(List<NamedAttribute> entries, java.util.Set<String> elided) {
        sb.append('{');
        boolean first = true;
        for (NamedAttribute na : entries) {
            if (elided.contains(na.name())) continue;
            if (!first) sb.append(", ");
            first = false;
            appendKeyOrString(na.name());
            if (na.value() instanceof UnitAttr) continue;
            sb.append(" = ");
            appendAttribute(na.value());
        }
        sb.append('}');
    }

    /** Appends an integer as MLIR does: wrapped to the type's width, unsigned only for unsigned types. */
    private void appendInteger(BigInteger v, Type type) {
        if (type instanceof IntegerType it) {
            int w = it.width();
            if (w <= 63 && v.bitLength() < 63) {
                long x = v.longValue();
                long mask = (1L << w) - 1;
                x &= mask;
                if (it.signedness() != IntegerType.Signedness.UNSIGNED && w > 0 && ((x >>> (w - 1)) & 1) == 1)
                    x |= ~mask;
                sb.append(x);
                return;
            }
            BigInteger mod = BigInteger.ONE.shiftLeft(w);
            BigInteger x = v.mod(mod);
            if (it.signedness() != IntegerType.Signedness.UNSIGNED && x.testBit(w - 1)) x = x.subtract(mod);
            sb.append(x);
            return;
        }
        sb.append(BigInteger.valueOf(v.longValue()));
    }

    private void appendDenseArray(DenseArrayAttr d) {
        sb.append("array<");
        appendType(d.elementType());
        long[] raw = d.raw();
        if (raw.length > 0) sb.append(": ");
        for (int i = 0; i < raw.length; i++) {
            if (i > 0) sb.append(", ");
            appendRawScalar(raw[i], d.elementType());
        }
        sb.append('>');
    }

    /** Appends one scalar given by its raw bits (integers by value, floats by bit pattern). */
    private void appendRawScalar(long raw, Type t) {
        switch (t) {
            case IntegerType it when it.width() == 1 -> sb.append((raw & 1) != 0 ? "true" : "false");
            case IntegerType it -> appendSmallInteger(raw, it);
            case FloatType f -> FloatFormat.append(sb, raw, f.kind());
            default -> sb.append(raw);
        }
    }

    private void appendSmallInteger(long raw, IntegerType it) {
        int w = it.width();
        if (w >= 64) {
            if (it.signedness() == IntegerType.Signedness.UNSIGNED) sb.append(Long.toUnsignedString(raw));
            else sb.append(raw);
            return;
        }
        long mask = (1L << w) - 1;
        long x = raw & mask;
        if (it.signedness() != IntegerType.Signedness.UNSIGNED && ((x >>> (w - 1)) & 1) == 1) x |= ~mask;
        sb.append(x);
    }

    private boolean elided(long numElements) {
        return elideAbove.isPresent() && numElements > elideAbove.getAsLong();
    }

    private void appendDenseElements(DenseElementsAttr d) throws IllegalStateException {
        ShapedType st = d.shapedType();
        long n = d.size();
        boolean splat = d.splat() || allEqual(d);
        if (!splat && elided(n)) {
            sb.append("dense_resource<__elided__> : ");
            appendType(st);
            return;
        }
        sb.append("dense<");
        Type et = st.elementType();
        int eb = DenseElementsAttr.elementBytes(et);
        if (n == 0) {
            // nothing between the brackets
        } else if (splat) {
            appendElement(d.data().bytes(), 0, et, eb);
        } else if (n > HEX_THRESHOLD) {
            appendHexElements(d, et, n);
        } else {
            ByteBuffer bytes = d.data().bytes();
            List<Long> shape = st.shape();
            appendNested(bytes, shape, 0, new long[] {0}, et, eb);
        }
        sb.append("> : ");
        appendType(st);
    }

    private void appendNested(ByteBuffer bytes, List<Long> shape, int dim, long[] next, Type et, int eb) {
        if (dim == shape.size()) {
            appendElement(bytes, next[0]++ * eb, et, eb);
            return;
        }
        sb.append('[');
        long size = shape.get(dim);
        for (long i = 0; i < size; i++) {
            if (i > 0) sb.append(", ");
            appendNested(bytes, shape, dim + 1, next, et, eb);
        }
        sb.append(']');
    }

    private void appendElement(ByteBuffer b, long at, Type et, int eb) {
        if (et instanceof ComplexType c) {
            int half = eb / 2;
            sb.append('(');
            appendElement(b, at, c.elementType(), half);
            sb.append(',');
            appendElement(b, at + half, c.elementType(), half);
            sb.append(')');
            return;
        }
        int i = (int) at;
        long raw = switch (eb) {
            case 1 -> b.get(i);
            case 2 -> b.getShort(i);
            case 4 -> b.getInt(i);
            case 8 -> b.getLong(i);
            default -> {
                long v = 0;
                for (int k = Math.min(eb, 8) - 1; k >= 0; k--) v = (v << 8) | (b.get(i + k) & 0xFF);
                yield v;
            }
        };
        switch (et) {
            case IntegerType it
            when it.width() > 64 -> {
                byte[] le = new byte[eb];
                b.get(i, le);
                byte[] be = new byte[eb + 1];
                for (int k = 0; k < eb; k++) be[eb - k] = le[k];
                appendInteger(new BigInteger(be), it);
            }
            case IntegerType it -> appendRawScalar(raw, it);
            case IndexType ix -> sb.append(raw);
            case FloatType f -> FloatFormat.append(sb, raw & widthMask(f.width()), f.kind());
            default -> throw new IllegalStateException("dense elements cannot hold " + et);
        }
    }

    private static long widthMask(int w) {
        return w >= 64 ? -1L : (1L << w) - 1;
    }

    private static boolean allEqual(DenseElementsAttr d) {
        long n = d.size();
        if (n <= 1) return n == 1;
        int eb = DenseElementsAttr.elementBytes(d.shapedType().elementType());
        ByteBuffer b = d.data().bytes();
        if (d.shapedType().elementType() instanceof IntegerType it && it.width() == 1) {
            boolean first = b.get(0) != 0;
            for (int i = 1; i < n; i++) if ((b.get(i) != 0) != first) return false;
            return true;
        }
        int total = (int) (n * eb);
        for (int i = eb; i < total; i++) if (b.get(i) != b.get(i % eb)) return false;
        return true;
    }

    /** {@code "0x..."} of the raw little-endian data; i1 elements are packed eight to a byte, lowest bit first. */
    private void appendHexElements(DenseElementsAttr d, Type et, long n) {
        ByteBuffer b = d.data().bytes();
        sb.append("\"0x");
        if (et instanceof IntegerType it && it.width() == 1) {
            int bytes = (int) ((n + 7) / 8);
            for (int k = 0; k < bytes; k++) {
                int v = 0;
                for (int j = 0; j < 8; j++) {
                    long idx = (long) k * 8 + j;
                    if (idx < n && b.get((int) idx) != 0) v |= 1 << j;
                }
                sb.append(HEX_PAIRS, 2 * v, 2);
            }
        } else {
            appendHexBytes(b);
        }
        sb.append('"');
    }

    private static final byte[] HEX_BYTES = new byte[512];

    static {
        for (int i = 0; i < 512; i++) HEX_BYTES[i] = (byte) HEX_PAIRS[i];
    }

    /**
     * Appends the remaining bytes of a buffer as upper-case hex. Bytes are copied out of the buffer in bulk and
     * translated through a table in chunks; with a byte output the hex goes straight out without a char stage.
     */
    final void appendHexBytes(ByteBuffer b) {
        final int chunkBytes = 1 << 15;
        byte[] in = new byte[Math.min(chunkBytes, Math.max(1, b.remaining()))];
        int pos = b.position(), end = b.limit();
        try {
            if (bytesOut != null && end - pos > 256) {
                flush();
                byte[] outBuf = new byte[2 * in.length];
                while (pos < end) {
                    int len = Math.min(in.length, end - pos);
                    b.get(pos, in, 0, len);
                    for (int k = 0, o = 0; k < len; k++, o += 2) {
                        int v = (in[k] & 0xFF) << 1;
                        outBuf[o] = HEX_BYTES[v];
                        outBuf[o + 1] = HEX_BYTES[v + 1];
                    }
                    bytesOut.write(outBuf, 0, 2 * len);
                    pos += len;
                }
                return;
            }
            char[] chunk = new char[2 * in.length];
            while (pos < end) {
                int len = Math.min(in.length, end - pos);
                b.get(pos, in, 0, len);
                for (int k = 0, o = 0; k < len; k++, o += 2) {
                    int v = (in[k] & 0xFF) << 1;
                    chunk[o] = HEX_PAIRS[v];
                    chunk[o + 1] = HEX_PAIRS[v + 1];
                }
                sb.append(chunk, 0, 2 * len);
                pos += len;
                if (sb.length() >= FLUSH_AT) flush();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void appendDenseStrings(DenseStringElementsAttr d) {
        List<String> vs = d.values();
        boolean splat = d.splat() || (!vs.isEmpty() && vs.stream().allMatch(vs.getFirst()::equals));
        ShapedType st = d.shapedType();
        long n = st.hasStaticShape() ? st.numElements() : vs.size();
        if (!splat && elided(n)) {
            sb.append("dense_resource<__elided__> : ");
            appendType(st);
            return;
        }
        sb.append("dense<");
        if (vs.isEmpty()) {
            // empty
        } else if (splat) {
            appendString(vs.getFirst());
        } else {
            appendNestedStrings(vs, st.shape(), 0, new int[] {0});
        }
        sb.append("> : ");
        appendType(st);
    }

    private void appendNestedStrings(List<String> vs, List<Long> shape, int dim, int[] next) {
        if (dim == shape.size()) {
            appendString(vs.get(next[0]++));
            return;
        }
        sb.append('[');
        for (long i = 0; i < shape.get(dim); i++) {
            if (i > 0) sb.append(", ");
            appendNestedStrings(vs, shape, dim + 1, next);
        }
        sb.append(']');
    }

    // ---- locations ----------------------------------------------------------------------------------------------

    /** A location used as an attribute: its alias if it has one, else {@code loc(...)}. */
    final void appendLocationRef(Location loc) {
        AliasTable.Alias alias = aliases.get(loc);
        if (alias != null) {
            sb.append('#').append(alias.name());
            return;
        }
        appendLocation(loc, false);
    }

    /** {@code loc(...)}; nested locations use aliases when {@code useAliases}. */
    final void appendLocation(Location loc, boolean useAliases) {
        sb.append("loc(");
        appendLocationBody(loc, useAliases);
        sb.append(')');
    }

    private void appendNestedLocation(Location loc, boolean useAliases) {
        AliasTable.Alias alias = useAliases ? aliases.get(loc) : null;
        if (alias != null) sb.append('#').append(alias.name());
        else appendLocationBody(loc, useAliases);
    }

    /** The inside of {@code loc(...)}. */
    final void appendLocationBody(Location loc, boolean useAliases) {
        switch (loc) {
            case Location.Unknown u -> sb.append("unknown");
            case Location.Name n -> {
                appendString(n.name());
                if (n.child().isPresent()) {
                    sb.append('(');
                    appendNestedLocation(n.child().get(), useAliases);
                    sb.append(')');
                }
            }
            case Location.FileLineCol f -> {
                appendString(f.file());
                sb.append(':').append(f.line()).append(':').append(f.column());
            }
            case Location.Fused f -> {
                sb.append("fused");
                if (f.metadata().isPresent()) {
                    sb.append('<');
                    appendAttribute(f.metadata().get());
                    sb.append('>');
                }
                sb.append('[');
                for (int i = 0; i < f.locations().size(); i++) {
                    if (i > 0) sb.append(", ");
                    appendNestedLocation(f.locations().get(i), useAliases);
                }
                sb.append(']');
            }
            case Location.CallSite c -> {
                sb.append("callsite(");
                appendNestedLocation(c.callee(), useAliases);
                sb.append(" at ");
                appendNestedLocation(c.caller(), useAliases);
                sb.append(')');
            }
            case Location.Opaque o -> appendAttribute(o.attribute());
        }
    }
}
