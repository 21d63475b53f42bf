package dev.dal.dialect.quant;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of a {@code !quant} type in MLIR's grammar:
 *
 * <pre>
 * uniform &lt; storage [&lt; min : max &gt;] : expressed [: axis] , params &gt;
 * params := scale [: zero_point]                      (per tensor)
 *         | { scale [: zero_point] (, scale [: zero_point])* }   (per axis, needs the axis)
 * storage := iN | uN
 * </pre>
 *
 * Other {@code !quant} kinds ({@code any}, {@code calibrated}) are not modelled and stay opaque.
 */
final class QuantTypeParser {
    private final String text;
    private int pos;

    private QuantTypeParser(String text) {
        this.text = text;
    }

    /**
     * {@return the type, or empty for kinds other than {@code uniform}}
     *
     * @throws IllegalArgumentException naming what is wrong with a malformed or invalid {@code uniform} type
     */
    static Optional<Type> parse(String body) {
        if (!body.startsWith("uniform<")) return Optional.empty();
        QuantTypeParser p = new QuantTypeParser(body);
        p.pos = "uniform<".length();
        Type t = p.uniform();
        p.expect('>');
        p.skipBlanks();
        if (p.pos != body.length()) throw p.error("unexpected text after the type");
        return Optional.of(t);
    }

    private Type uniform() {
        QuantStorage storage = storage();
        Optional<Integer> axis = Optional.empty();
        if (consume(':')) axis = Optional.of((int) integer("quantized dimension"));
        expect(',');
        if (axis.isEmpty()) {
            double scale = scale();
            long zp = consume(':') ? integer("zero point") : 0;
            return new UniformQuantizedType(storage, scale, zp);
        }
        expect('{');
        List<Double> scales = new ArrayList<>();
        List<Long> zps = new ArrayList<>();
        do {
            scales.add(scale());
            zps.add(consume(':') ? integer("zero point") : 0L);
        } while (consume(','));
        expect('}');
        return new UniformQuantizedPerAxisType(storage, axis.get(), scales, zps);
    }

    private QuantStorage storage() {
        skipBlanks();
        char sign = pos < text.length() ? text.charAt(pos) : ' ';
        if (sign != 'i' && sign != 'u') throw error("expected storage type iN or uN");
        pos++;
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (start == pos) throw error("expected storage type width");
        int width;
        try {
            width = Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("illegal storage type size: " + text.substring(start, pos));
        }
        if (width < 1 || width > QuantStorage.MAX_STORAGE_BITS)
            throw new IllegalArgumentException("illegal storage type size: " + width);
        IntegerType st =
                new IntegerType(width, sign == 'u' ? IntegerType.Signedness.UNSIGNED : IntegerType.Signedness.SIGNLESS);
        long min = QuantStorage.defaultMin(st), max = QuantStorage.defaultMax(st);
        if (consume('<')) {
            min = integer("storage type minimum");
            expect(':');
            max = integer("storage type maximum");
            expect('>');
        }
        expect(':');
        return new QuantStorage(st, min, max, expressed());
    }

    private FloatType expressed() {
        skipBlanks();
        for (FloatType.Kind k : FloatType.Kind.values()) {
            String kw = k.keyword();
            if (text.startsWith(kw, pos)
                    && (pos + kw.length() == text.length()
                            || !Character.isLetterOrDigit(text.charAt(pos + kw.length())))) {
                pos += kw.length();
                return new FloatType(k);
            }
        }
        throw error("expected a float expressed type");
    }

    private double scale() {
        skipBlanks();
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            char c = text.charAt(pos);
            // a sign only starts the number or follows an exponent marker
            if ((c == '+' || c == '-') && pos > start && "eE".indexOf(text.charAt(pos - 1)) < 0) break;
            pos++;
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("expected a scale");
        }
    }

    private long integer(String what) {
        skipBlanks();
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("expected an integer " + what);
        }
    }

    private boolean consume(char c) {
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) throw error("expected '" + c + "'");
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(
                message + " in '!quant." + text + "' at '" + text.substring(Math.min(pos, text.length())) + "'");
    }
}
