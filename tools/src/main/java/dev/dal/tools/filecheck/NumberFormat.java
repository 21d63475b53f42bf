package dev.dal.tools.filecheck;

import java.util.Locale;
import java.util.Optional;

/**
 * A numeric matching format: {@code %u}, {@code %d}, {@code %x}, {@code %X}, with an optional precision (minimum
 * digit count) and the alternate form {@code #} (a {@code 0x} prefix) for hex.
 */
record NumberFormat(char kind, int precision, boolean alternate) {
    static final NumberFormat UNSIGNED = new NumberFormat('u', 0, false);

    /** {@return the regex that matches any value in this format} */
    String wildcardRegex() {
        String prefix = alternate ? "0x" : "";
        String digits = switch (kind) {
            case 'x' -> "[0-9a-f]";
            case 'X' -> "[0-9A-F]";
            default -> "[0-9]";
        };
        String lead = switch (kind) {
            case 'x' -> "[1-9a-f]";
            case 'X' -> "[1-9A-F]";
            default -> "[1-9]";
        };
        String sign = kind == 'd' ? "-?" : "";
        if (precision > 0) return prefix + sign + "(" + lead + digits + "*)?" + digits + "{" + precision + "}";
        return prefix + sign + digits + "+";
    }

    /** {@return the text of {@code value} in this format, or empty when the format cannot represent it} */
    Optional<String> format(long value) {
        if (value < 0 && kind != 'd') return Optional.empty();
        String abs = switch (kind) {
            case 'x' -> Long.toHexString(Math.abs(value));
            case 'X' -> Long.toHexString(Math.abs(value)).toUpperCase(Locale.ROOT);
            default -> value == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(value));
        };
        StringBuilder sb = new StringBuilder();
        if (value < 0) sb.append('-');
        if (alternate) sb.append("0x");
        for (int i = abs.length(); i < precision; i++) sb.append('0');
        return Optional.of(sb.append(abs).toString());
    }

    /** {@return the value of matched text in this format, or empty when it does not fit} */
    Optional<Long> parse(String text) {
        String t = text;
        boolean negative = t.startsWith("-");
        if (negative) t = t.substring(1);
        if (alternate && (t.startsWith("0x") || t.startsWith("0X"))) t = t.substring(2);
        try {
            long v = kind == 'x' || kind == 'X' ? Long.parseUnsignedLong(t, 16) : Long.parseLong(t);
            if (kind == 'u' && v < 0) return Optional.empty();
            return Optional.of(negative ? -v : v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@return how FileCheck spells this format in messages, e.g. {@code %x}} */
    String spelling() {
        return "%" + kind;
    }
}
