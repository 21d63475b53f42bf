package dev.dal.ir.opgen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates an {@code @Attr(defaultValue = ...)} literal, written in the textual attribute syntax, into the Java
 * expression that builds the attribute. Done at compile time so a bad default is a compile error, not a failure
 * when the op class loads. Only the common literal forms are understood; anything else is rejected with the list
 * of forms that are.
 */
final class DefaultLiterals {
    static final String IR = "dev.dal.ir";
    static final ClassName INTEGER_ATTR = ClassName.get(IR, "IntegerAttr");
    static final ClassName FLOAT_ATTR = ClassName.get(IR, "FloatAttr");
    static final ClassName BOOL_ATTR = ClassName.get(IR, "BoolAttr");
    static final ClassName STRING_ATTR = ClassName.get(IR, "StringAttr");
    static final ClassName UNIT_ATTR = ClassName.get(IR, "UnitAttr");
    static final ClassName DENSE_ARRAY_ATTR = ClassName.get(IR, "DenseArrayAttr");
    static final ClassName INTEGER_TYPE = ClassName.get(IR, "IntegerType");
    static final ClassName FLOAT_TYPE = ClassName.get(IR, "FloatType");
    static final ClassName INDEX_TYPE = ClassName.get(IR, "IndexType");

    /** The result of a translation: the attribute class the literal builds and the expression that builds it. */
    record Translation(ClassName attrClass, CodeBlock expression) {}

    /** A literal the processor cannot translate; the message says why. */
    static final class BadLiteral extends Exception {
        BadLiteral(String message) {
            super(message);
        }
    }

    private static final Pattern INT = Pattern.compile("[-+]?(0x[0-9a-fA-F]+|[0-9]+)");
    private static final Pattern FLOAT =
            Pattern.compile("[-+]?([0-9]+\\.[0-9]*([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+|inf|nan)");
    private static final Pattern INT_TYPE = Pattern.compile("(i|si|ui)([0-9]+)");
    private static final Map<String, String> FLOAT_KINDS =
            Map.of("f16", "F16", "bf16", "BF16", "f32", "F32", "f64", "F64");

    private DefaultLiterals() {}

    /** {@return the translation of {@code text}} @throws BadLiteral if the form is not understood */
    static Translation translate(String text) throws BadLiteral {
        String s = text.strip();
        if (s.equals("unit")) return new Translation(UNIT_ATTR, CodeBlock.of("$T.INSTANCE", UNIT_ATTR));
        if (s.equals("true") || s.equals("false"))
            return new Translation(BOOL_ATTR, CodeBlock.of("$T.$L", BOOL_ATTR, s.toUpperCase()));
        if (s.startsWith("\"")) return new Translation(STRING_ATTR, CodeBlock.of("$T.of($S)", STRING_ATTR, unquote(s)));
        if (s.startsWith("array<")) return denseArray(s);
        String value = s, type = "";
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            value = s.substring(0, colon).strip();
            type = s.substring(colon + 1).strip();
        }
        if (INT.matcher(value).matches() && !FLOAT_KINDS.containsKey(type))
            return integer(value, type.isEmpty() ? "i64" : type);
        if (FLOAT.matcher(value).matches() || INT.matcher(value).matches())
            return floating(value, type.isEmpty() ? "f64" : type);
        throw new BadLiteral("cannot translate default value '" + text + "'; understood forms are integers ('1 : i64'),"
                + " floats ('0.5 : f32'), 'true'/'false', strings ('\"relu\"'), 'array<i64: 1, 2>' and 'unit'");
    }

    private static Translation integer(String value, String type) throws BadLiteral {
        BigInteger v = parseInt(value);
        CodeBlock typeExpr;
        int width;
        if (type.equals("index")) {
            typeExpr = CodeBlock.of("$T.INSTANCE", INDEX_TYPE);
            width = 64;
        } else {
            Matcher m = INT_TYPE.matcher(type);
            if (!m.matches()) throw new BadLiteral("unknown integer type '" + type + "' in default value");
            width = Integer.parseInt(m.group(2));
            typeExpr = integerType(m.group(1), width);
        }
        BigInteger min = m1(width).negate(), max = m1(width).shiftLeft(1).subtract(BigInteger.ONE);
        if (type.startsWith("si")) max = m1(width).subtract(BigInteger.ONE);
        if (type.startsWith("ui")) min = BigInteger.ZERO;
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0)
            throw new BadLiteral("default value " + v + " does not fit in " + type);
        if (v.bitLength() < 64)
            return new Translation(INTEGER_ATTR, CodeBlock.of("$T.of($LL, $L)", INTEGER_ATTR, v, typeExpr));
        return new Translation(
                INTEGER_ATTR,
                CodeBlock.of("new $T(new $T($S), $L)", INTEGER_ATTR, BigInteger.class, v.toString(), typeExpr));
    }

    /** {@return 2^(width-1)} */
    private static BigInteger m1(int width) {
        return BigInteger.ONE.shiftLeft(width - 1);
    }

    private static CodeBlock integerType(String prefix, int width) {
        if (prefix.equals("i") && (width == 1 || width == 8 || width == 16 || width == 32 || width == 64))
            return CodeBlock.of("$T.I$L", INTEGER_TYPE, width);
        String signedness = switch (prefix) {
            case "si" -> "SIGNED";
            case "ui" -> "UNSIGNED";
            default -> "SIGNLESS";
        };
        return CodeBlock.of("new $T($L, $T.Signedness.$L)", INTEGER_TYPE, width, INTEGER_TYPE, signedness);
    }

    private static Translation floating(String value, String type) throws BadLiteral {
        String kind = FLOAT_KINDS.get(type);
        if (kind == null)
            throw new BadLiteral("unknown float type '" + type + "' in default value (f16, bf16, f32, f64)");
        CodeBlock typeExpr = CodeBlock.of("$T.$L", FLOAT_TYPE, kind);
        if (value.matches("[-+]?0x[0-9a-fA-F]+")) // MLIR writes exact float bit patterns in hex
        return new Translation(FLOAT_ATTR, CodeBlock.of("new $T($LL, $L)", FLOAT_ATTR, parseInt(value), typeExpr));
        double d = switch (value.replace("+", "")) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
        String literal = Double.isNaN(d)
                ? "Double.NaN"
                : Double.isInfinite(d)
                        ? (d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY")
                        : Double.toString(d);
        return new Translation(FLOAT_ATTR, CodeBlock.of("$T.of($L, $L)", FLOAT_ATTR, literal, typeExpr));
    }

    private static Translation denseArray(String s) throws BadLiteral {
        if (!s.endsWith(">")) throw new BadLiteral("unterminated dense array default '" + s + "'");
        String body = s.substring("array<".length(), s.length() - 1);
        int colon = body.indexOf(':');
        String type = (colon < 0 ? body : body.substring(0, colon)).strip();
        List<String> elems = new ArrayList<>();
        if (colon >= 0) for (String e : body.substring(colon + 1).split(",")) if (!e.isBlank()) elems.add(e.strip());
        CodeBlock.Builder values = CodeBlock.builder();
        CodeBlock typeExpr;
        if (FLOAT_KINDS.containsKey(type)) {
            typeExpr = CodeBlock.of("$T.$L", FLOAT_TYPE, FLOAT_KINDS.get(type));
            for (int i = 0; i < elems.size(); i++) {
                Translation t = floating(elems.get(i), type);
                values.add(i == 0 ? "" : ", ").add("$L.bits()", t.expression());
            }
        } else {
            Matcher m = INT_TYPE.matcher(type);
            if (!m.matches() || !m.group(1).equals("i"))
                throw new BadLiteral(
                        "dense array default needs a signless integer or float element type, got '" + type + "'");
            int width = Integer.parseInt(m.group(2));
            typeExpr = integerType("i", width);
            for (int i = 0; i < elems.size(); i++) {
                String e = elems.get(i);
                if (width == 1 && (e.equals("true") || e.equals("false"))) e = e.equals("true") ? "1" : "0";
                if (!INT.matcher(e).matches()) throw new BadLiteral("'" + e + "' is not an integer in '" + s + "'");
                BigInteger v = parseInt(e);
                if (v.bitLength() > width && width < 64 || v.bitLength() > 64)
                    throw new BadLiteral("dense array element " + v + " does not fit in " + type);
                values.add(i == 0 ? "" : ", ").add("$LL", v);
            }
        }
        return new Translation(
                DENSE_ARRAY_ATTR,
                CodeBlock.of("new $T($L, new long[] {$L})", DENSE_ARRAY_ATTR, typeExpr, values.build()));
    }

    private static BigInteger parseInt(String s) {
        boolean neg = s.startsWith("-");
        String digits = s.replaceFirst("^[-+]", "");
        BigInteger v = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
        return neg ? v.negate() : v;
    }

    private static String unquote(String s) throws BadLiteral {
        if (s.length() < 2 || !s.endsWith("\"")) throw new BadLiteral("unterminated string default " + s);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length() - 1) throw new BadLiteral("dangling escape in string default " + s);
            char e = s.charAt(i);
            switch (e) {
                case '\\', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                default -> { // MLIR's two-hex-digit escape
                    if (i + 1 >= s.length() - 1) throw new BadLiteral("bad escape in string default " + s);
                    out.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                    i++;
                }
            }
        }
        return out.toString();
    }
}
