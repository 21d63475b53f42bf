package dev.dal.ir.parse;

import static dev.dal.ir.parse.IrLexer.*;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.Dialect;
import dev.dal.ir.DialectRegistry;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatBits;
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
import dev.dal.ir.ResourceHandle;
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
import dev.dal.ir.diag.ByteText;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Reads types, attributes and locations (MLIR's builtin syntax, dialect types and attributes kept as text) and
 * owns what they refer to: aliases and the resource blobs of the file.
 */
abstract class AttrTypeParser {
    /** Marks a location that names an alias defined later in the file (resolved when the file is done). */
    static final String DEFERRED_LOC = "\u0000deferred-loc";

    private static final Map<String, FloatType> FLOAT_KINDS = new HashMap<>();

    static {
        for (FloatType.Kind k : FloatType.Kind.values()) FLOAT_KINDS.put(k.keyword(), new FloatType(k));
    }

    final TokenCursor tok;
    final SourceFile source;
    final CharSequence text;
    final DiagnosticEngine diag;
    final Map<String, Attribute> attrAliases = new HashMap<>();
    final Map<String, Type> typeAliases = new HashMap<>();
    final Map<String, ResourceHandle> resources = new HashMap<>();
    final Map<String, Blob> resourceBlobs;
    /** First use of each location alias that was not yet defined where it was used. */
    final Map<String, Integer> deferredLocs = new HashMap<>();

    AttrTypeParser(SourceFile source, DiagnosticEngine diag, Map<String, Blob> resourceBlobs) {
        this.source = source;
        this.text = source.text();
        this.diag = diag;
        this.tok = new TokenCursor(text, source.name());
        this.resourceBlobs = resourceBlobs;
    }

    // ---- errors and token helpers --------------------------------------------------------------------------

    Location locAt(int offset) {
        return Location.file(source.name(), source.lineOf(offset), source.columnOf(offset));
    }

    /** Reports an error at a character offset; the caller throws the result. */
    ParseAbort error(int offset, String message) {
        diag.report(Diagnostic.error(locAt(offset), message));
        return new ParseAbort();
    }

    /** Reports an error at the next token (a lexical error there takes precedence, as in MLIR). */
    ParseAbort errorHere(String message) {
        Token t = tok.peek();
        if (t.getType() == ERROR_CHAR) {
            message = tok.textIs(t, "\"") ? "expected '\"' in string literal" : "unexpected character";
        }
        return error(tok.offset(), message);
    }

    boolean at(int kind) {
        return tok.kind() == kind;
    }

    boolean consumeIf(int kind) {
        if (tok.kind() != kind) return false;
        tok.next();
        return true;
    }

    Token expect(int kind, String what) {
        if (tok.kind() != kind) throw errorHere("expected " + what);
        return tok.next();
    }

    boolean atKeyword(String kw) {
        Token t = tok.peek();
        return t.getType() == BARE_ID && tok.textIs(t, kw);
    }

    boolean consumeKeyword(String kw) {
        if (!atKeyword(kw)) return false;
        tok.next();
        return true;
    }

    /** {@return whether the character right after the last consumed token is {@code c} (no blank between)} */
    boolean adjacentChar(char c) {
        int e = tok.lastEnd();
        return e < text.length() && text.charAt(e) == c;
    }

    // ---- strings ---------------------------------------------------------------------------------------------

    /** {@return the value of a string literal token, escapes decoded (\n, \t, \", \\, \XX)} */
    String stringValue(Token t) {
        return decodeString(t.getStartIndex() + 1, t.getStopIndex());
    }

    String decodeString(int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c >= 0x80) plain = false;
        }
        if (plain) {
            if (to - from <= TokenCursor.MAX_INTERNED) return tok.interned(from, to);
            if (text instanceof ByteText b) return b.decode(from, to);
            StringBuilder sb = new StringBuilder(to - from);
            for (int i = from; i < to; i++) sb.append(text.charAt(i));
            return sb.toString();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        boolean bytesAreChars = text instanceof ByteText;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                if (bytesAreChars || c < 0x80) out.write(c);
                else out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '"' -> out.write('"');
                case '\\' -> out.write('\\');
                default -> {
                    if (i + 1 < to && isHexDigit(n) && isHexDigit(text.charAt(i + 1))) {
                        out.write(Character.digit(n, 16) * 16 + Character.digit(text.charAt(i + 1), 16));
                        i++;
                    } else {
                        throw error(i - 1, "unknown escape in string literal");
                    }
                }
            }
        }
        return decodeUtf8(out.toByteArray());
    }

    /**
     * UTF-8 to a string, where a byte that is not part of valid UTF-8 becomes the lone surrogate
     * {@code U+DC00 + byte} (MLIR strings are bytes; the printer writes such chars back as the same byte).
     */
    static String decodeUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        while (true) {
            java.nio.charset.CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) out.put((char) (0xDC00 + (in.get() & 0xFF)));
            } else {
                break; // overflow cannot happen: one char per byte at most
            }
        }
        dec.flush(out);
        return out.flip().toString();
    }

    static boolean isHexDigit(char c) {
        return FastIrLexer.isHex(c);
    }

    /** {@return the name of an {@code @symbol} token, quoted names decoded} */
    String symbolName(Token t) {
        int s = t.getStartIndex() + 1;
        if (text.charAt(s) == '"') return decodeString(s + 1, t.getStopIndex());
        return tok.text(t).substring(1);
    }

    // ---- types -----------------------------------------------------------------------------------------------

    /** {@return whether the next token can start a type} */
    boolean atType() {
        Token t = tok.peek();
        return switch (t.getType()) {
            case LPAREN, BANG_ID -> true;
            case BARE_ID -> builtinTypeKeyword(tok.text(t));
            default -> false;
        };
    }

    static boolean builtinTypeKeyword(String s) {
        return switch (s) {
            case "index", "none", "tensor", "vector", "memref", "complex", "tuple" -> true;
            default -> FLOAT_KINDS.containsKey(s) || integerWidth(s) > 0;
        };
    }

    /** {@return the width of an integer type keyword ({@code i32}, {@code si8}, {@code ui16}), or -1} */
    static int integerWidth(String s) {
        int p = s.startsWith("si") || s.startsWith("ui") ? 2 : s.startsWith("i") ? 1 : -1;
        if (p < 0 || p == s.length() || s.length() - p > 9) return -1;
        int w = 0;
        for (int i = p; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            w = w * 10 + (c - '0');
        }
        return w;
    }

    Type readType() {
        Token t = tok.peek();
        switch (t.getType()) {
            case LPAREN:
                return parseFunctionType();
            case BANG_ID:
                return parseBangType();
            case BARE_ID:
                break;
            default:
                throw errorHere("expected non-function type");
        }
        String kw = tok.text(t);
        int start = t.getStartIndex();
        FloatType ft = FLOAT_KINDS.get(kw);
        if (ft != null) {
            tok.next();
            return ft;
        }
        switch (kw) {
            case "index":
                tok.next();
                return IndexType.INSTANCE;
            case "none":
                tok.next();
                return NoneType.INSTANCE;
            case "tensor", "vector", "memref": {
                tok.next();
                // Big files repeat the same few shaped types on every op: read each simple spelling once, and
                // share the instance (equal types are then also identical, which makes use checks cheap).
                int end = simpleShapedTypeEnd(tok.lastEnd());
                String key = end < 0
                        ? null
                        : end - start <= TokenCursor.MAX_INTERNED
                                ? tok.interned(start, end)
                                : text.subSequence(start, end).toString();
                Type cached = key == null ? null : shapedTypeCache.get(key);
                if (cached != null) {
                    tok.resetTo(end);
                    return cached;
                }
                Type parsed = kw.equals("tensor")
                        ? parseTensorType()
                        : kw.equals("vector") ? parseVectorType() : parseMemRefType();
                if (key != null && tok.lastEnd() == end) shapedTypeCache.put(key, parsed);
                return parsed;
            }
            case "complex": {
                tok.next();
                expect(LESS, "'<' in complex type");
                Type el = readType();
                if (!(el instanceof FloatType || el instanceof IntegerType))
                    throw error(start, "invalid element type for complex");
                expect(GREATER, "'>' in complex type");
                return new ComplexType(el);
            }
            case "tuple": {
                tok.next();
                expect(LESS, "'<' in tuple type");
                List<Type> ts = new ArrayList<>();
                if (!consumeIf(GREATER)) {
                    do ts.add(readType());
                    while (consumeIf(COMMA));
                    expect(GREATER, "'>' in tuple type");
                }
                return new TupleType(ts);
            }
            default:
                break;
        }
        int w = integerWidth(kw);
        if (w >= 0) {
            if (w == 0 || w > 16_777_215) throw error(start, "invalid integer width");
            tok.next();
            IntegerType.Signedness s = kw.startsWith("si")
                    ? IntegerType.Signedness.SIGNED
                    : kw.startsWith("ui") ? IntegerType.Signedness.UNSIGNED : IntegerType.Signedness.SIGNLESS;
            return s == IntegerType.Signedness.SIGNLESS ? IntegerType.signless(w) : new IntegerType(w, s);
        }
        throw errorHere("expected non-function type");
    }

    private final Map<String, Type> shapedTypeCache = new HashMap<>();

    /** {@return the offset after {@code <4x?xf32>} at {@code open} if it holds only letters, digits and {@code ?}, else -1} */
    private int simpleShapedTypeEnd(int open) {
        if (open >= text.length() || text.charAt(open) != '<') return -1;
        int n = Math.min(text.length(), open + 64);
        for (int i = open + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == '>') return i + 1;
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '?' || (c >= 'A' && c <= 'Z'))) return -1;
        }
        return -1;
    }

    FunctionType parseFunctionType() {
        int start = tok.offset();
        for (int k = 0; k < FUNCTION_TYPE_CACHE; k++) {
            String span = functionTypeSpans[k];
            if (span != null && spelledAt(start, span)) {
                tok.resetTo(start + span.length());
                return functionTypes[k];
            }
        }
        expect(LPAREN, "'('");
        List<Type> in = new ArrayList<>();
        if (!consumeIf(RPAREN)) {
            do in.add(readType());
            while (consumeIf(COMMA));
            expect(RPAREN, "')'");
        }
        expect(ARROW, "'->' in function type");
        FunctionType ft = new FunctionType(in, parseFunctionResultTypeList());
        int end = tok.lastEnd();
        if (end - start <= 512 && onlyBuiltinTypes(start, end)) {
            int slot = nextFunctionTypeSlot++ & (FUNCTION_TYPE_CACHE - 1);
            functionTypeSpans[slot] = text.subSequence(start, end).toString();
            functionTypes[slot] = ft;
        }
        return ft;
    }

    // Every generic op ends in a function type, and big files repeat a few of them: the last few spellings are
    // kept with their types, and a spelling seen again (followed by a character that cannot continue a type) is
    // taken from here without lexing. Only builtin types: no aliases or dialect types, whose meaning or extent
    // could differ.
    private static final int FUNCTION_TYPE_CACHE = 8;
    private final String[] functionTypeSpans = new String[FUNCTION_TYPE_CACHE];
    private final FunctionType[] functionTypes = new FunctionType[FUNCTION_TYPE_CACHE];
    private int nextFunctionTypeSlot;

    private boolean spelledAt(int start, String span) {
        int n = span.length(), end = start + n;
        if (end > text.length()) return false;
        if (end < text.length()) {
            char c = text.charAt(end);
            if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ')' || c == '}' || c == ']'))
                return false;
        }
        for (int i = 0; i < n; i++) if (text.charAt(start + i) != span.charAt(i)) return false;
        return true;
    }

    private boolean onlyBuiltinTypes(int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '#' || c == '"' || c == '/' || c == '{' || c >= 0x80) return false;
        }
        return true;
    }

    /** A single non-function type or a parenthesized list. */
    List<Type> parseFunctionResultTypeList() {
        List<Type> out = new ArrayList<>();
        if (consumeIf(LPAREN)) {
            if (consumeIf(RPAREN)) return out;
            do out.add(readType());
            while (consumeIf(COMMA));
            expect(RPAREN, "')'");
            return out;
        }
        out.add(readType());
        return out;
    }

    private Type parseBangType() {
        Token t = tok.next();
        String id = tok.text(t).substring(1);
        Type alias = typeAliases.get(id);
        if (alias != null) return alias;
        int dot = id.indexOf('.');
        boolean body = adjacentChar('<');
        if (dot < 0 && !body) throw error(t.getStartIndex(), "undefined symbol alias id '" + id + "'");
        String dialect = dot < 0 ? id : id.substring(0, dot);
        String rest = dot < 0 ? "" : id.substring(dot + 1);
        if (body) rest += balancedBody(tok.lastEnd());
        Optional<Dialect> owner = DialectRegistry.global().dialect(dialect);
        if (owner.isPresent()) {
            try {
                Optional<Type> modelled = owner.get().parseType(rest);
                if (modelled.isPresent()) return modelled.get();
            } catch (IllegalArgumentException e) {
                throw error(t.getStartIndex(), e.getMessage());
            }
        }
        return new OpaqueType(dialect, rest);
    }

    /**
     * Reads a {@code <...>} body character-wise from {@code open} (nested brackets and strings balanced, {@code ->}
     * not closing), moves the token cursor after it, and returns it with blanks collapsed.
     */
    String balancedBody(int open) {
        int depth = 0;
        int p = open;
        int n = text.length();
        StringBuilder sb = new StringBuilder();
        boolean blank = false;
        while (p < n) {
            char c = text.charAt(p);
            if (c == '"') {
                int q = p + 1;
                while (q < n && text.charAt(q) != '"' && text.charAt(q) != '\n') q += text.charAt(q) == '\\' ? 2 : 1;
                if (q >= n || text.charAt(q) != '"') throw error(p, "expected '\"' in string literal");
                if (blank) sb.append(' ');
                blank = false;
                sb.append(text, p, q + 1);
                p = q + 1;
                continue;
            }
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                blank = sb.length() > 0;
                p++;
                continue;
            }
            if (blank) sb.append(' ');
            blank = false;
            sb.append(c);
            p++;
            switch (c) {
                case '<', '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '>' -> {
                    // `->` (function types, affine maps) and `>=` (affine sets) do not close
                    boolean arrow = p - 2 >= open && text.charAt(p - 2) == '-';
                    boolean ge = p < n && text.charAt(p) == '=';
                    if (!arrow && !ge) depth--;
                }
                default -> {}
            }
            if (depth == 0) {
                tok.resetTo(p);
                return sb.toString();
            }
            if (depth < 0) break;
        }
        throw error(open, "unbalanced '<' character in pretty dialect name");
    }

    /** Dimensions read character-wise ({@code 4x?x[8]x}), then the element type; the cursor is after {@code <}. */
    private record Dims(List<Long> shape, List<Boolean> scalable, boolean unranked, Type element) {}

    private Dims parseDims(boolean allowUnranked, boolean allowScalable) {
        int p = tok.lastEnd();
        int n = text.length();
        List<Long> shape = new ArrayList<>();
        List<Boolean> scalable = new ArrayList<>();
        boolean unranked = false;
        while (true) {
            while (p < n && Character.isWhitespace(text.charAt(p))) p++;
            if (p >= n) break;
            char c = text.charAt(p);
            if (c == '*' && allowUnranked && shape.isEmpty()) {
                unranked = true;
                p++;
            } else if (c == '?') {
                shape.add(ShapedType.DYNAMIC);
                scalable.add(false);
                p++;
            } else if (c == '[' && allowScalable) {
                int q = p + 1;
                while (q < n && Character.isDigit(text.charAt(q))) q++;
                if (q == p + 1 || q >= n || text.charAt(q) != ']') throw error(p, "expected dimension in brackets");
                shape.add(parseDim(p + 1, q));
                scalable.add(true);
                p = q + 1;
            } else if (c >= '0' && c <= '9') {
                int q = p;
                while (q < n && Character.isDigit(text.charAt(q))) q++;
                shape.add(parseDim(p, q));
                scalable.add(false);
                p = q;
            } else {
                break;
            }
            while (p < n && Character.isWhitespace(text.charAt(p))) p++;
            if (p >= n || text.charAt(p) != 'x') throw error(p, "expected 'x' in dimension list");
            p++;
            if (unranked) break;
        }
        tok.resetTo(p);
        return new Dims(shape, scalable, unranked, readType());
    }

    private long parseDim(int from, int to) {
        if (to - from > 18) throw error(from, "invalid dimension");
        return Long.parseLong(text.subSequence(from, to).toString());
    }

    private Type parseTensorType() {
        int start = tok.offset();
        expect(LESS, "'<' in tensor type");
        Dims d = parseDims(true, false);
        checkElement(start, d.element);
        if (d.unranked) {
            expect(GREATER, "'>' in tensor type");
            return new UnrankedTensorType(d.element);
        }
        Optional<Attribute> enc = Optional.empty();
        if (consumeIf(COMMA)) enc = Optional.of(readAttribute());
        expect(GREATER, "'>' in tensor type");
        return new TensorType(d.shape, d.element, enc);
    }

    private void checkElement(int at, Type el) {
        if (el instanceof FunctionType || el instanceof TupleType || el instanceof NoneType)
            throw error(at, "invalid tensor element type");
    }

    private Type parseVectorType() {
        int start = tok.offset();
        expect(LESS, "'<' in vector type");
        Dims d = parseDims(false, true);
        for (long dim : d.shape)
            if (dim == ShapedType.DYNAMIC) throw error(start, "vector types must have static shape");
        expect(GREATER, "'>' in vector type");
        return new VectorType(d.shape, d.scalable, d.element);
    }

    private Type parseMemRefType() {
        int start = tok.offset();
        expect(LESS, "'<' in memref type");
        Dims d = parseDims(true, false);
        checkElement(start, d.element);
        Optional<Attribute> layout = Optional.empty(), space = Optional.empty();
        if (consumeIf(COMMA)) {
            Attribute a = readAttribute();
            if (!d.unranked && isLayout(a)) {
                layout = Optional.of(a);
                if (consumeIf(COMMA)) space = Optional.of(readAttribute());
            } else {
                space = Optional.of(a);
            }
        }
        expect(GREATER, "'>' in memref type");
        return new MemRefType(!d.unranked, d.shape, d.element, layout, space);
    }

    private static boolean isLayout(Attribute a) {
        return a instanceof OpaqueAttr o
                && o.dialect().isEmpty()
                && (o.body().startsWith("affine_map<") || o.body().startsWith("strided<"));
    }

    // ---- attributes ------------------------------------------------------------------------------------------

    Attribute readAttribute() {
        Token t = tok.peek();
        switch (t.getType()) {
            case INTEGER, FLOAT, MINUS:
                return parseNumber();
            case STRING: {
                tok.next();
                String v = stringValue(t);
                return new StringAttr(v, consumeIf(COLON) ? Optional.of(readType()) : Optional.empty());
            }
            case LSQUARE: {
                tok.next();
                List<Attribute> els = new ArrayList<>();
                if (!consumeIf(RSQUARE)) {
                    do els.add(readAttribute());
                    while (consumeIf(COMMA));
                    expect(RSQUARE, "']'");
                }
                return new ArrayAttr(els);
            }
            case LBRACE:
                return new DictionaryAttr(parseAttrDict());
            case AT_ID:
                return parseSymbolRef();
            case HASH_ID:
                return parseHashAttr();
            case BANG_ID, LPAREN:
                return new TypeAttr(readType());
            case BARE_ID:
                break;
            default:
                throw errorHere("expected attribute value");
        }
        String kw = tok.text(t);
        switch (kw) {
            case "true":
                tok.next();
                return BoolAttr.TRUE;
            case "false":
                tok.next();
                return BoolAttr.FALSE;
            case "unit":
                tok.next();
                return UnitAttr.INSTANCE;
            case "dense":
                tok.next();
                return new DenseLiteralParser(this).parseDense(t.getStartIndex());
            case "dense_resource":
                tok.next();
                return parseDenseResource();
            case "array":
                tok.next();
                return parseDenseArray();
            case "affine_map", "affine_set", "strided", "sparse": {
                tok.next();
                if (!adjacentChar('<')) throw errorHere("expected '<' after '" + kw + "'");
                String body = kw + balancedBody(tok.lastEnd());
                Optional<Type> type = Optional.empty();
                if (kw.equals("sparse")) {
                    expect(COLON, "':'");
                    type = Optional.of(readType());
                }
                return new OpaqueAttr("", body, type);
            }
            case "loc":
                return new LocationAttr(parseLocationSpecifier());
            default:
                if (builtinTypeKeyword(kw)) return new TypeAttr(readType());
                throw errorHere("expected attribute value");
        }
    }

    /** {@code {name = attr, unitName, "quoted" = attr}}; duplicate names are errors. */
    List<NamedAttribute> parseAttrDict() {
        expect(LBRACE, "'{'");
        List<NamedAttribute> out = new ArrayList<>();
        if (consumeIf(RBRACE)) return out;
        Set<String> seen = null; // small dictionaries are checked for duplicates by a scan of `out`
        do {
            Token k = tok.peek();
            String name;
            if (k.getType() == BARE_ID) name = tok.text(k);
            else if (k.getType() == STRING) name = stringValue(k);
            else throw errorHere("expected attribute name");
            if (name.isEmpty()) throw errorHere("expected valid attribute name");
            tok.next();
            boolean duplicate;
            if (seen != null) {
                duplicate = !seen.add(name);
            } else {
                duplicate = false;
                for (int i = 0; i < out.size() && !duplicate; i++)
                    duplicate = out.get(i).name().equals(name);
                if (out.size() >= 8) {
                    seen = new HashSet<>();
                    for (NamedAttribute a : out) seen.add(a.name());
                    seen.add(name);
                }
            }
            if (duplicate) throw error(k.getStartIndex(), "duplicate key '" + name + "' in dictionary attribute");
            out.add(new NamedAttribute(name, consumeIf(EQUAL) ? readAttribute() : UnitAttr.INSTANCE));
        } while (consumeIf(COMMA));
        expect(RBRACE, "'}' in attribute dictionary");
        return out;
    }

    private Attribute parseSymbolRef() {
        String root = symbolName(tok.next());
        List<String> nested = new ArrayList<>();
        while (at(COLON) && tok.kind(1) == COLON && tok.kind(2) == AT_ID) {
            tok.next();
            tok.next();
            nested.add(symbolName(tok.next()));
        }
        return new SymbolRefAttr(root, nested);
    }

    private Attribute parseHashAttr() {
        Token t = tok.next();
        String id = tok.text(t).substring(1);
        Attribute alias = attrAliases.get(id);
        if (alias != null) return alias;
        int dot = id.indexOf('.');
        boolean body = adjacentChar('<');
        if (dot < 0 && !body) throw error(t.getStartIndex(), "undefined symbol alias id '" + id + "'");
        String dialect = dot < 0 ? id : id.substring(0, dot);
        String rest = dot < 0 ? "" : id.substring(dot + 1);
        if (body) rest += balancedBody(tok.lastEnd());
        Optional<Type> type = consumeIf(COLON) ? Optional.of(readType()) : Optional.empty();
        return new OpaqueAttr(dialect, rest, type);
    }

    private Attribute parseNumber() {
        int start = tok.offset();
        boolean neg = consumeIf(MINUS);
        Token t = tok.peek();
        if (t.getType() != INTEGER && t.getType() != FLOAT) throw errorHere("expected integer or float literal");
        tok.next();
        String lit = tok.text(t);
        Optional<Type> type = consumeIf(COLON) ? Optional.of(readType()) : Optional.empty();
        return numberAttr(start, neg, t.getType() == FLOAT, lit, type);
    }

    /** Builds an integer or float attribute from a literal and its optional type, with MLIR's checks. */
    Attribute numberAttr(int at, boolean neg, boolean isFloat, String lit, Optional<Type> type) {
        Type ty = type.orElse(isFloat ? FloatType.F64 : IntegerType.I64);
        if (ty instanceof FloatType ft) {
            if (!isFloat) {
                if (!lit.startsWith("0x")) {
                    diag.report(
                            Diagnostic.error(locAt(at), "unexpected decimal integer literal for a floating point value")
                                    .withNote(locAt(at), "add a trailing dot to make the literal a float"));
                    throw new ParseAbort();
                }
                return new FloatAttr(floatBitsFromHex(at, lit, ft, neg), ft);
            }
            return new FloatAttr(floatBits(at, Double.parseDouble(lit) * (neg ? -1 : 1), ft), ft);
        }
        if (isFloat) throw error(at, "floating point value not valid for specified type");
        if (!(ty instanceof IntegerType || ty instanceof IndexType))
            throw error(at, "integer literal not valid for specified type");
        // Most literals fit a long: valueOf is far cheaper than parsing a BigInteger from text.
        BigInteger v = lit.startsWith("0x")
                ? new BigInteger(lit.substring(2), 16)
                : lit.length() <= 18 ? BigInteger.valueOf(Long.parseLong(lit)) : new BigInteger(lit);
        if (neg) v = v.negate();
        checkIntRange(at, v, ty);
        return new IntegerAttr(v, ty);
    }

    void checkIntRange(int at, BigInteger v, Type ty) {
        int w = ty instanceof IntegerType it ? it.width() : 64;
        boolean unsigned = ty instanceof IntegerType it && it.signedness() == IntegerType.Signedness.UNSIGNED;
        boolean signed = ty instanceof IntegerType it && it.signedness() == IntegerType.Signedness.SIGNED;
        if (unsigned && v.signum() < 0) throw error(at, "negative integer literal not valid for unsigned integer type");
        int bits = v.signum() < 0 ? v.bitLength() + 1 : v.bitLength();
        int allowed = signed && v.signum() >= 0 ? w - 1 : w;
        if (bits > allowed) throw error(at, "integer constant out of range for attribute");
    }

    long floatBits(int at, double v, FloatType ft) {
        try {
            return FloatBits.fromDouble(v, ft.kind());
        } catch (UnsupportedOperationException e) {
            throw error(at, "decimal float literals of type " + ft + " are not supported, use a hex bit pattern");
        }
    }

    long floatBitsFromHex(int at, String lit, FloatType ft, boolean neg) {
        if (neg) throw error(at, "hexadecimal float literal should not have a leading minus");
        BigInteger b = new BigInteger(lit.substring(2), 16);
        if (b.bitLength() > Math.min(64, ft.width()))
            throw error(at, "hexadecimal float constant out of range for type");
        return b.longValue();
    }

    private Attribute parseDenseArray() {
        expect(LESS, "'<' after 'array'");
        int at = tok.offset();
        Type el = readType();
        if (!(el instanceof IntegerType || el instanceof FloatType))
            throw error(at, "expected integer or float type, got: " + el);
        List<Long> vals = new ArrayList<>();
        if (consumeIf(COLON)) {
            do {
                int p = tok.offset();
                if (el instanceof IntegerType it && it.width() == 1 && (atKeyword("true") || atKeyword("false"))) {
                    vals.add(tok.textIs(tok.next(), "true") ? 1L : 0L);
                    continue;
                }
                boolean neg = consumeIf(MINUS);
                Token t = tok.peek();
                if (t.getType() != INTEGER && t.getType() != FLOAT)
                    throw errorHere("expected integer or float literal");
                tok.next();
                Attribute a = numberAttr(p, neg, t.getType() == FLOAT, tok.text(t), Optional.of(el));
                vals.add(
                        a instanceof FloatAttr f
                                ? f.bits()
                                : ((IntegerAttr) a).value().longValue());
            } while (consumeIf(COMMA));
        }
        expect(GREATER, "'>' to close an array attribute");
        long[] raw = new long[vals.size()];
        for (int i = 0; i < raw.length; i++) raw[i] = vals.get(i);
        return new DenseArrayAttr(el, raw);
    }

    private Attribute parseDenseResource() {
        expect(LESS, "'<' after 'dense_resource'");
        Token k = tok.peek();
        String key;
        if (k.getType() == BARE_ID) key = tok.text(k);
        else if (k.getType() == STRING) key = stringValue(k);
        else throw errorHere("expected identifier key for 'resource' entry");
        tok.next();
        expect(GREATER, "'>'");
        expect(COLON, "':'");
        int at = tok.offset();
        Type t = readType();
        if (!(t instanceof ShapedType st)) throw error(at, "expected a shaped type for dense_resource elements");
        return new DenseResourceAttr(st, handle(key));
    }

    ResourceHandle handle(String key) {
        return resources.computeIfAbsent(key, k -> new ResourceHandle(k, Optional.ofNullable(resourceBlobs.get(k))));
    }

    /** Decodes {@code "0x..."} digits of a string token into bytes, straight from the source buffer. */
    byte[] hexBytes(Token t, int skipBytes) {
        int from = t.getStartIndex() + 3 + 2 * skipBytes;
        int digits = t.getStopIndex() - from;
        if (digits < 0 || digits % 2 != 0) throw error(t.getStartIndex(), "expected an even number of hex digits");
        byte[] out = new byte[digits / 2];
        boolean ok;
        if (text instanceof ByteText b) {
            ok = b.decodeHex(from, out);
        } else {
            ok = true;
            for (int i = 0; i < out.length; i++) {
                int hi = Character.digit(text.charAt(from + 2 * i), 16),
                        lo = Character.digit(text.charAt(from + 2 * i + 1), 16);
                ok &= hi >= 0 && lo >= 0;
                out[i] = (byte) (hi * 16 + lo);
            }
        }
        if (!ok) throw error(t.getStartIndex(), "malformed hex string");
        return out;
    }

    static boolean isHexString(TokenCursor tok, Token t) {
        CharSequence s = tok.source();
        int a = t.getStartIndex();
        return t.getType() == STRING && t.getStopIndex() - a >= 3 && s.charAt(a + 1) == '0' && s.charAt(a + 2) == 'x';
    }

    static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b);
    }

    // ---- locations -------------------------------------------------------------------------------------------

    /** {@return whether {@code loc(} is next} */
    boolean atLocation() {
        return atKeyword("loc") && tok.kind(1) == LPAREN;
    }

    Location parseLocationSpecifier() {
        if (!consumeKeyword("loc")) throw errorHere("expected 'loc' keyword");
        expect(LPAREN, "'(' in location");
        Location l = parseLocationInner();
        expect(RPAREN, "')' in location");
        return l;
    }

    private Location parseLocationInner() {
        Token t = tok.peek();
        if (t.getType() == HASH_ID) {
            tok.next();
            String id = tok.text(t).substring(1);
            Attribute a = attrAliases.get(id);
            if (a == null) {
                deferredLocs.putIfAbsent(id, t.getStartIndex());
                return new Location.Opaque(new OpaqueAttr(DEFERRED_LOC, id, Optional.empty()));
            }
            if (!(a instanceof LocationAttr la))
                throw error(t.getStartIndex(), "expected location, but found '" + tok.text(t) + "'");
            return la.location();
        }
        if (t.getType() == STRING) {
            tok.next();
            String name = stringValue(t);
            if (at(COLON) && tok.kind(1) == INTEGER) {
                tok.next();
                int line = smallInt(expect(INTEGER, "line number"));
                expect(COLON, "':' in FileLineColLoc");
                int col = smallInt(expect(INTEGER, "column number in FileLineColLoc"));
                return Location.file(name, line, col);
            }
            if (consumeIf(LPAREN)) {
                Location child = parseLocationInner();
                expect(RPAREN, "')' after child location of NameLoc");
                return new Location.Name(name, Optional.of(child));
            }
            return Location.name(name);
        }
        if (consumeKeyword("unknown")) return Location.unknown();
        if (consumeKeyword("callsite")) {
            expect(LPAREN, "'(' in callsite location");
            Location callee = parseLocationInner();
            if (!consumeKeyword("at")) throw errorHere("expected 'at' in callsite location");
            Location caller = parseLocationInner();
            expect(RPAREN, "')' in callsite location");
            return new Location.CallSite(callee, caller);
        }
        if (consumeKeyword("fused")) {
            Optional<Attribute> meta = Optional.empty();
            if (consumeIf(LESS)) {
                meta = Optional.of(readAttribute());
                expect(GREATER, "'>' after fused location metadata");
            }
            expect(LSQUARE, "'[' in fused location");
            List<Location> locs = new ArrayList<>();
            if (!consumeIf(RSQUARE)) {
                do locs.add(parseLocationInner());
                while (consumeIf(COMMA));
                expect(RSQUARE, "']' in fused location");
            }
            return new Location.Fused(locs, meta);
        }
        throw errorHere("expected location instance");
    }

    private int smallInt(Token t) {
        String s = tok.text(t);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error(t.getStartIndex(), "expected integer value");
        }
    }
}
