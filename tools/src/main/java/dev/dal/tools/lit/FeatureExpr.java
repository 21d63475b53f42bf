package dev.dal.tools.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates lit's boolean feature expressions, as used by {@code REQUIRES:}, {@code UNSUPPORTED:} and {@code XFAIL:}:
 * identifiers (letters, digits and {@code -+=._}, optionally with {@code {{regex}}} parts matched against whole
 * feature names), {@code true}, {@code !}, {@code &&}, {@code ||} and parentheses; {@code ||} binds loosest.
 */
public final class FeatureExpr {
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\|\\||&&|!|\\(|\\)|(?:[-+=._a-zA-Z0-9]|\\{\\{.*?}})+)");

    private final List<String> tokens;
    private final Set<String> features;
    private int pos;

    private FeatureExpr(List<String> tokens, Set<String> features) {
        this.tokens = tokens;
        this.features = features;
    }

    /**
     * {@return the value of {@code expr} when exactly {@code features} are available}
     *
     * @throws IllegalArgumentException with a lit-style message when the expression is malformed
     */
    public static boolean evaluate(String expr, Set<String> features) {
        FeatureExpr p = new FeatureExpr(tokenize(expr), features);
        if (p.tokens.isEmpty())
            throw new IllegalArgumentException("expected feature name in expression '" + expr + "'");
        boolean v = p.or();
        if (p.pos != p.tokens.size())
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "' in expression '" + expr + "'");
        return v;
    }

    private static List<String> tokenize(String expr) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(expr);
        int at = 0;
        while (at < expr.length()) {
            if (expr.substring(at).isBlank()) break;
            if (!m.find(at) || m.start() != at)
                throw new IllegalArgumentException(
                        "couldn't parse text '" + expr.substring(at).strip() + "' in expression '" + expr + "'");
            out.add(m.group(1));
            at = m.end();
        }
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private boolean or() {
        boolean v = and();
        while (peek().equals("||")) {
            pos++;
            boolean r = and();
            v = v || r;
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (peek().equals("&&")) {
            pos++;
            boolean r = not();
            v = v && r;
        }
        return v;
    }

    private boolean not() {
        if (peek().equals("!")) {
            pos++;
            return !not();
        }
        if (peek().equals("(")) {
            pos++;
            boolean v = or();
            if (!peek().equals(")")) throw new IllegalArgumentException("expected ')' but found '" + peek() + "'");
            pos++;
            return v;
        }
        String t = peek();
        if (t.isEmpty() || t.equals(")") || t.equals("&&") || t.equals("||"))
            throw new IllegalArgumentException(
                    "expected feature name but found '" + (t.isEmpty() ? "end of expression" : t) + "'");
        pos++;
        if (t.equals("true")) return true;
        if (!t.contains("{{")) return features.contains(t);
        Pattern p = identifierPattern(t);
        return features.stream().anyMatch(f -> p.matcher(f).matches());
    }

    private static Pattern identifierPattern(String ident) {
        StringBuilder re = new StringBuilder();
        int at = 0;
        while (at < ident.length()) {
            int open = ident.indexOf("{{", at);
            if (open < 0) {
                re.append(Pattern.quote(ident.substring(at)));
                break;
            }
            if (open > at) re.append(Pattern.quote(ident.substring(at, open)));
            int close = ident.indexOf("}}", open + 2);
            re.append('(').append(ident, open + 2, close).append(')');
            at = close + 2;
        }
        return Pattern.compile(re.toString());
    }
}
