package dev.dal.tools.filecheck;

/**
 * Translates LLVM's regex dialect (POSIX extended regular expressions, as compiled by LLVM's regcomp with
 * REG_NEWLINE) to java.util.regex syntax: bracket expressions lose their POSIX-only forms and negated ones never
 * match a newline; {@code \c} is the literal {@code c} unless {@code c} is a back-reference digit; {@code &#123;} is
 * a bound only after an atom and before a digit.
 */
final class RegexTranslator {
    /** A translation error, with the offset (into the translated text) it refers to. */
    static final class RegexException extends Exception {
        RegexException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The translated regex, the number of capture groups it opens, and whether it has an alternation (where POSIX
     * leftmost-longest and Java's leftmost-first matching can differ).
     */
    record Result(String java, int groups, boolean alternation) {}

    /**
     * POSIX {@code ^} under REG_NEWLINE also matches after a newline that ends the text; Java's MULTILINE {@code ^}
     * does not, so it gets the lookbehind as an alternative.
     */
    static final String LINE_START = "(?:^|(?<=\\n))";

    private RegexTranslator() {}

    static Result translate(String ere) throws RegexException {
        if (ere.isEmpty()) throw new RegexException("empty (sub)expression");
        StringBuilder sb = new StringBuilder();
        int groups = 0;
        boolean haveAtom = false;
        int depth = 0;
        boolean alternation = false;
        for (int i = 0; i < ere.length(); i++) {
            char c = ere.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= ere.length()) throw new RegexException("trailing backslash (\\)");
                    char d = ere.charAt(++i);
                    if (d >= '1' && d <= '9') sb.append('\\').append(d);
                    else appendLiteral(sb, d);
                    haveAtom = true;
                }
                case '[' -> {
                    i = bracket(ere, i, sb);
                    haveAtom = true;
                }
                case '(' -> {
                    if (i + 1 < ere.length()
                            && (ere.charAt(i + 1) == '?' || ere.charAt(i + 1) == '*' || ere.charAt(i + 1) == '+')) {
                        throw new RegexException("repetition-operator operand invalid");
                    }
                    groups++;
                    depth++;
                    sb.append('(');
                    haveAtom = false;
                }
                case ')' -> {
                    if (depth == 0) throw new RegexException("parentheses not balanced");
                    depth--;
                    sb.append(')');
                    haveAtom = true;
                }
                case '|' -> {
                    if (i + 1 < ere.length() && (ere.charAt(i + 1) == '|' || ere.charAt(i + 1) == ')')
                            || i + 1 == ere.length()
                            || !haveAtom && (i == 0 || ere.charAt(i - 1) == '(')) {
                        throw new RegexException("empty (sub)expression");
                    }
                    sb.append('|');
                    alternation = true;
                    haveAtom = false;
                }
                case '*', '+', '?' -> {
                    if (!haveAtom) throw new RegexException("repetition-operator operand invalid");
                    sb.append(c);
                    checkNoSecondQuantifier(ere, i);
                }
                case '{' -> {
                    if (haveAtom && i + 1 < ere.length() && Character.isDigit(ere.charAt(i + 1))) {
                        int close = ere.indexOf('}', i);
                        if (close < 0) throw new RegexException("braces not balanced");
                        String bound = ere.substring(i + 1, close);
                        if (!bound.matches("[0-9]+(,[0-9]*)?")) throw new RegexException("invalid repetition count(s)");
                        String[] parts = bound.split(",", -1);
                        if (parts.length == 2
                                && !parts[1].isEmpty()
                                && Integer.parseInt(parts[0]) > Integer.parseInt(parts[1])) {
                            throw new RegexException("invalid repetition count(s)");
                        }
                        sb.append('{').append(bound).append('}');
                        i = close;
                        checkNoSecondQuantifier(ere, i);
                    } else {
                        if (i + 1 < ere.length() && Character.isDigit(ere.charAt(i + 1))) {
                            throw new RegexException("repetition-operator operand invalid");
                        }
                        sb.append("\\{");
                        haveAtom = true;
                    }
                }
                case '.' -> {
                    sb.append('.');
                    haveAtom = true;
                }
                case '^' -> {
                    sb.append(LINE_START);
                    haveAtom = false;
                }
                case '$' -> {
                    sb.append('$');
                    haveAtom = true;
                }
                default -> {
                    appendLiteral(sb, c);
                    haveAtom = true;
                }
            }
        }
        if (depth != 0) throw new RegexException("parentheses not balanced");
        return new Result(sb.toString(), groups, alternation);
    }

    /** POSIX rejects a repetition of a repetition ({@code a**}); Java would read it as lazy or possessive. */
    private static void checkNoSecondQuantifier(String ere, int i) throws RegexException {
        if (i + 1 < ere.length()) {
            char n = ere.charAt(i + 1);
            if (n == '*'
                    || n == '+'
                    || n == '?'
                    || n == '{' && i + 2 < ere.length() && Character.isDigit(ere.charAt(i + 2))) {
                throw new RegexException("repetition-operator operand invalid");
            }
        }
    }

    private static int bracket(String s, int open, StringBuilder out) throws RegexException {
        int i = open + 1;
        boolean negate = i < s.length() && s.charAt(i) == '^';
        if (negate) i++;
        StringBuilder items = new StringBuilder();
        boolean first = true;
        while (true) {
            if (i >= s.length()) throw new RegexException("brackets ([ ]) not balanced");
            char c = s.charAt(i);
            if (c == ']' && !first) break;
            first = false;
            if (c == '['
                    && i + 1 < s.length()
                    && (s.charAt(i + 1) == ':' || s.charAt(i + 1) == '=' || s.charAt(i + 1) == '.')) {
                char kind = s.charAt(i + 1);
                int close = s.indexOf(kind + "]", i + 2);
                if (close < 0) throw new RegexException("brackets ([ ]) not balanced");
                String name = s.substring(i + 2, close);
                i = close + 2;
                if (kind == ':') {
                    items.append(posixClass(name));
                } else {
                    if (name.length() != 1) throw new RegexException("invalid collating element");
                    appendClassChar(items, name.charAt(0));
                }
                continue;
            }
            if (i + 2 < s.length() && s.charAt(i + 1) == '-' && s.charAt(i + 2) != ']') {
                char hi = s.charAt(i + 2);
                if (hi < c) throw new RegexException("invalid character range");
                appendClassChar(items, c);
                items.append('-');
                appendClassChar(items, hi);
                i += 3;
                continue;
            }
            appendClassChar(items, c);
            i++;
        }
        out.append('[');
        if (negate) out.append("^\\n");
        out.append(items).append(']');
        return i;
    }

    private static String posixClass(String name) throws RegexException {
        return switch (name) {
            case "alpha" -> "a-zA-Z";
            case "digit" -> "0-9";
            case "alnum" -> "a-zA-Z0-9";
            case "upper" -> "A-Z";
            case "lower" -> "a-z";
            case "space" -> " \\t\\n\\x0B\\f\\r";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\x20-\\x7E";
            case "graph" -> "\\x21-\\x7E";
            case "cntrl" -> "\\x00-\\x1F\\x7F";
            case "xdigit" -> "0-9A-Fa-f";
            default -> throw new RegexException("invalid character class");
        };
    }

    private static void appendClassChar(StringBuilder sb, char c) {
        if (Character.isLetterOrDigit(c) && c < 128) sb.append(c);
        else if (c == '\n') sb.append("\\n");
        else sb.append(String.format("\\x{%x}", (int) c));
    }

    /** Appends {@code c} so java.util.regex reads it literally. */
    static void appendLiteral(StringBuilder sb, char c) {
        if (c < 128 && Character.isLetterOrDigit(c)
                || c == ' '
                || c == '_'
                || c == '-'
                || c == ','
                || c == ':'
                || c == '%'
                || c == '@'
                || c == '='
                || c == '"'
                || c == '\''
                || c == ';'
                || c == '/'
                || c == '<'
                || c == '>'
                || c == '!'
                || c == '~'
                || c == '`') {
            sb.append(c);
        } else if (c == '\n') {
            sb.append("\\n");
        } else if (c >= 128 || c < 32) {
            sb.append(String.format("\\x{%x}", (int) c));
        } else {
            sb.append('\\').append(c);
        }
    }

    /** {@return {@code text} escaped so java.util.regex matches it literally} */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) appendLiteral(sb, text.charAt(i));
        return sb.toString();
    }
}
