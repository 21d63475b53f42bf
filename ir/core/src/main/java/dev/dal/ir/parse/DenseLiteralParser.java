package dev.dal.ir.parse;

import static dev.dal.ir.parse.IrLexer.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IndexType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Reads {@code dense<...> : type}: nested lists, splats, complex pairs, strings, and hex blobs ({@code "0x..."}
 * decoded straight from the source into the blob). The literal is read first and typed once the type is known.
 */
final class DenseLiteralParser {
    private final AttrTypeParser p;

    DenseLiteralParser(AttrTypeParser p) {
        this.p = p;
    }

    private sealed interface Lit permits Scalar, ListLit, Cplx, Str {}

    private record Scalar(int at, boolean neg, int kind, String text) implements Lit {}

    private record ListLit(int at, List<Lit> items) implements Lit {}

    private record Cplx(int at, Scalar re, Scalar im) implements Lit {}

    private record Str(int at, String value) implements Lit {}

    /** Reads what follows the {@code dense} keyword at {@code start}. */
    Attribute parseDense(int start) {
        p.expect(LESS, "'<' after 'dense'");
        Lit lit = null;
        Token hex = null;
        if (p.at(GREATER)) {
            lit = new ListLit(p.tok.offset(), List.of());
        } else if (AttrTypeParser.isHexString(p.tok, p.tok.peek()) && p.tok.kind(1) == GREATER) {
            hex = p.tok.next();
        } else {
            lit = parseLit();
        }
        p.expect(GREATER, "'>'");
        p.expect(COLON, "':'");
        int typeAt = p.tok.offset();
        Type t = p.readType();
        if (!(t instanceof ShapedType st) || !st.hasStaticShape())
            throw p.error(typeAt, "elements literal type must have static shape");
        if (hex != null) return fromHex(hex, st);
        return fromLiteral(start, lit, st);
    }

    private Lit parseLit() {
        int at = p.tok.offset();
        Token t = p.tok.peek();
        switch (t.getType()) {
            case LSQUARE: {
                p.tok.next();
                List<Lit> items = new ArrayList<>();
                if (!p.consumeIf(RSQUARE)) {
                    do items.add(parseLit());
                    while (p.consumeIf(COMMA));
                    p.expect(RSQUARE, "']'");
                }
                return new ListLit(at, items);
            }
            case LPAREN: {
                p.tok.next();
                Scalar re = parseScalar();
                p.expect(COMMA, "','");
                Scalar im = parseScalar();
                p.expect(RPAREN, "')'");
                return new Cplx(at, re, im);
            }
            case STRING:
                p.tok.next();
                return new Str(at, p.stringValue(t));
            default:
                return parseScalar();
        }
    }

    private Scalar parseScalar() {
        int at = p.tok.offset();
        if (p.atKeyword("true") || p.atKeyword("false")) {
            Token t = p.tok.next();
            return new Scalar(at, false, BARE_ID, p.tok.text(t));
        }
        boolean neg = p.consumeIf(MINUS);
        Token t = p.tok.peek();
        if (t.getType() != INTEGER && t.getType() != FLOAT)
            throw p.errorHere("expected element literal of primitive type");
        p.tok.next();
        return new Scalar(at, neg, t.getType(), p.tok.text(t));
    }

    private Attribute fromHex(Token hex, ShapedType st) {
        Type el = st.elementType();
        if (!(el instanceof IntegerType
                || el instanceof IndexType
                || el instanceof FloatType
                || el instanceof ComplexType))
            throw p.error(hex.getStartIndex(), "expected integer, index, float or complex element type for hex data");
        byte[] data = p.hexBytes(hex, 0);
        long n = st.numElements();
        int eb = DenseElementsAttr.elementBytes(el);
        if (el instanceof IntegerType it && it.width() == 1) {
            // MLIR stores booleans bit-packed; DAL keeps one byte per element.
            if (data.length == 1 && (data[0] == 0 || data[0] == (byte) 0xFF) && n != 1)
                return new DenseElementsAttr(st, Blob.wrap(new byte[] {(byte) (data[0] & 1)}), true);
            if (data.length != (n + 7) / 8) throw sizeError(hex);
            byte[] unpacked = new byte[(int) n];
            for (int i = 0; i < n; i++) unpacked[i] = (byte) ((data[i >> 3] >> (i & 7)) & 1);
            return new DenseElementsAttr(st, Blob.wrap(unpacked), false);
        }
        if (data.length == (long) eb * n) return new DenseElementsAttr(st, Blob.wrap(data), false);
        if (data.length == eb) return new DenseElementsAttr(st, Blob.wrap(data), true);
        throw sizeError(hex);
    }

    private ParseAbort sizeError(Token hex) {
        return p.error(hex.getStartIndex(), "elements hex data size is invalid for provided type");
    }

    private Attribute fromLiteral(int start, Lit lit, ShapedType st) {
        List<Long> shape = st.shape();
        List<Lit> flat = new ArrayList<>();
        boolean splat = !(lit instanceof ListLit);
        if (splat) {
            flat.add(lit);
        } else {
            List<Long> inferred = new ArrayList<>();
            inferShape(lit, inferred, 0, flat);
            if (!inferred.equals(shape))
                throw p.error(
                        start,
                        "inferred shape of elements literal (" + inferred + ") does not match type (" + shape + ")");
        }
        Type el = st.elementType();
        boolean strings = !flat.isEmpty() && flat.getFirst() instanceof Str;
        if (strings) {
            List<String> values = new ArrayList<>();
            for (Lit l : flat) {
                if (!(l instanceof Str s)) throw p.error(at(l), "expected string element");
                values.add(s.value());
            }
            return new DenseStringElementsAttr(st, values, splat);
        }
        if (!(el instanceof IntegerType
                || el instanceof IndexType
                || el instanceof FloatType
                || el instanceof ComplexType))
            throw p.error(start, "expected integer, index, float, complex or string elements for type " + el);
        int eb = DenseElementsAttr.elementBytes(el);
        ByteBuffer out =
                ByteBuffer.allocate(Math.multiplyExact(eb, flat.size())).order(ByteOrder.LITTLE_ENDIAN);
        for (Lit l : flat) {
            if (el instanceof ComplexType ct) {
                if (!(l instanceof Cplx c)) throw p.error(at(l), "expected complex element as '(re, im)'");
                write(out, c.re(), ct.elementType());
                write(out, c.im(), ct.elementType());
            } else {
                if (!(l instanceof Scalar s)) throw p.error(at(l), "expected element literal of primitive type");
                write(out, s, el);
            }
        }
        return new DenseElementsAttr(st, Blob.wrap(out.array()), splat);
    }

    private void inferShape(Lit lit, List<Long> shape, int depth, List<Lit> flat) {
        if (lit instanceof ListLit l) {
            if (depth == shape.size()) {
                if (!flat.isEmpty())
                    throw p.error(l.at(), "tensor literal is invalid; ranks are not consistent between elements");
                shape.add((long) l.items().size());
            } else if (shape.get(depth) != l.items().size()) {
                throw p.error(l.at(), "tensor literal is invalid; ranks are not consistent between elements");
            }
            for (Lit item : l.items()) inferShape(item, shape, depth + 1, flat);
        } else {
            if (depth != shape.size())
                throw p.error(at(lit), "tensor literal is invalid; ranks are not consistent between elements");
            flat.add(lit);
        }
    }

    private static int at(Lit l) {
        return switch (l) {
            case Scalar s -> s.at();
            case ListLit s -> s.at();
            case Cplx s -> s.at();
            case Str s -> s.at();
        };
    }

    private void write(ByteBuffer out, Scalar s, Type el) {
        long bits;
        if (s.kind() == BARE_ID) {
            if (!(el instanceof IntegerType it && it.width() == 1))
                throw p.error(s.at(), "expected i1 type for 'true' or 'false' values");
            bits = s.text().equals("true") ? 1 : 0;
        } else {
            Attribute a = p.numberAttr(s.at(), s.neg(), s.kind() == FLOAT, s.text(), Optional.of(el));
            bits = a instanceof FloatAttr f
                    ? f.bits()
                    : ((IntegerAttr) a).value().longValue();
        }
        int eb = DenseElementsAttr.elementBytes(el);
        for (int i = 0; i < eb; i++)
            out.put((byte) (i < 8 ? bits >>> (8 * i) : (bits < 0 && !(el instanceof FloatType) ? -1 : 0)));
    }
}
