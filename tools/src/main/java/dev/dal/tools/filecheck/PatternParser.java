package dev.dal.tools.filecheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the text of one check line into a {@link CheckPattern}, following the FileCheck documentation: literal
 * text, {@code {{regex}}}, {@code [[VAR:regex]]}, {@code [[VAR]]}, {@code [[@LINE+n]]} and numeric blocks
 * {@code [[#%fmt,VAR: expr]]}. Errors print at their position in the check file and end the run with exit code 2.
 */
final class PatternParser {
    private static final Set<String> FUNCTIONS = Set.of("add", "sub", "mul", "div", "max", "min");

    private final SourceText src;
    private final String t;
    private final FileCheckOptions opts;
    private final Variables vars;
    private final Diagnostics diags;
    private final int line;
    private final StringBuilder re = new StringBuilder();
    private final List<CheckPattern.Subst> substs = new ArrayList<>();
    private final Map<String, Integer> stringDefs = new LinkedHashMap<>();
    private final List<CheckPattern.NumDef> numDefs = new ArrayList<>();
    private int curParen = 1;
    private boolean alternation;

    private PatternParser(SourceText src, FileCheckOptions opts, Variables vars, Diagnostics diags, int line) {
        this.src = src;
        this.t = src.text();
        this.opts = opts;
        this.vars = vars;
        this.diags = diags;
        this.line = line;
    }

    /** A parsed variable name: the name (with its {@code $} or {@code @}) and whether it is a pseudo variable. */
    private record VarName(String name, boolean pseudo, int end) {}

    private FileCheckException error(int pos, String message) {
        diags.error(src, pos, message);
        return new FileCheckException(2);
    }

    static CheckPattern parse(
            SourceText src,
            int start,
            int end,
            CheckKind kind,
            int count,
            boolean literal,
            String prefix,
            int line,
            FileCheckOptions opts,
            Variables vars,
            Diagnostics diags)
            throws FileCheckException {
        return new PatternParser(src, opts, vars, diags, line).parse(start, end, kind, count, literal, prefix);
    }

    /**
     * Defines a numeric variable from the command line: {@code text[start, end)} is {@code [%fmt,]NAME:expr}
     * (the {@code =} of {@code -D#NAME=expr} already replaced by the colon of the block syntax).
     */
    static void defineNumeric(SourceText src, int start, int end, Variables vars, Diagnostics diags)
            throws FileCheckException {
        PatternParser pp = new PatternParser(src, null, vars, diags, 0);
        NumericBlock nb = pp.new NumericBlock(start, end, false);
        nb.parse();
        if (nb.defName == null || nb.expr == null) throw pp.error(start, "invalid command-line numeric definition");
        try {
            long value = nb.expr.evaluate(vars);
            vars.numericDecls.put(nb.defName, new Variables.NumericDecl(nb.format, -1));
            vars.setNumber(nb.defName, value);
        } catch (NumericExpr.EvalException e) {
            throw pp.error(nb.exprStart, e.getMessage());
        }
    }

    /** {@return whether {@code name} is a valid variable name, with an optional {@code $}} */
    static boolean isValidVariableName(String name) {
        return name.matches("\\$?[A-Za-z_][A-Za-z0-9_]*");
    }

    private CheckPattern parse(int start, int end, CheckKind kind, int count, boolean literal, String prefix)
            throws FileCheckException {
        boolean fullLines = opts.matchFullLines() && kind != CheckKind.NOT;
        boolean strict = opts.strictWhitespace();
        if (!(strict && opts.matchFullLines())) {
            while (end > start && (t.charAt(end - 1) == ' ' || t.charAt(end - 1) == '\t')) end--;
        }
        CheckPattern pat = new CheckPattern(kind, count, prefix, line, src, start, opts.ignoreCase());
        String ps = t.substring(start, end);
        pat.text = ps;
        if (ps.isEmpty() && kind != CheckKind.EMPTY)
            throw error(start, "found empty check string with prefix '" + prefix + ":'");
        if (!ps.isEmpty() && kind == CheckKind.EMPTY) {
            throw error(start, "found non-empty check string for empty check with prefix '" + prefix + ":'");
        }
        if (kind == CheckKind.EMPTY) return pat;
        if (literal || !fullLines && (ps.length() < 2 || !ps.contains("{{") && !ps.contains("[["))) {
            pat.setFixed(ps);
            return pat;
        }
        if (fullLines) {
            re.append(RegexTranslator.LINE_START);
            if (!strict) re.append(" *");
        }
        int p = start;
        while (p < end) {
            if (t.startsWith("{{", p) && p + 2 <= end) {
                int close = indexOf("}}", p + 2, end);
                if (close < 0) throw error(p, "found start of regex string with no end '}}'");
                // Parenthesised like LLVM does, so an alternation stays inside: abc{{x|z}}def.
                re.append('(');
                curParen++;
                addRegex(p + 2, close);
                re.append(')');
                p = close + 2;
                continue;
            }
            if (t.startsWith("[[[", p) && p + 3 <= end) {
                // Extra '[' before a substitution block are literal.
                re.append("\\[");
                p++;
                continue;
            }
            if (t.startsWith("[[", p) && p + 2 <= end) {
                p = substitutionBlock(p, end);
                continue;
            }
            int next = end;
            int a = indexOf("{{", p, end);
            int b = indexOf("[[", p, end);
            if (a >= 0) next = a;
            if (b >= 0 && b < next) next = b;
            re.append(RegexTranslator.quote(t.substring(p, next)));
            p = next;
        }
        if (fullLines) {
            if (!strict) re.append(" *");
            re.append('$');
        }
        try {
            pat.setRegex(re.toString(), substs, stringDefs, numDefs, alternation);
        } catch (PatternSyntaxException e) {
            throw error(start, "invalid regex: " + e.getDescription());
        }
        return pat;
    }

    private int indexOf(String s, int from, int end) {
        int i = t.indexOf(s, from);
        return i >= 0 && i + s.length() <= end ? i : -1;
    }

    private void addRegex(int start, int end) throws FileCheckException {
        try {
            RegexTranslator.Result r = RegexTranslator.translate(t.substring(start, end));
            Pattern.compile(r.java());
            re.append(r.java());
            curParen += r.groups();
            alternation |= r.alternation();
        } catch (RegexTranslator.RegexException e) {
            throw error(start, "invalid regex: " + e.getMessage());
        } catch (PatternSyntaxException e) {
            throw error(start, "invalid regex: " + e.getDescription());
        }
    }

    /** Finds the {@code ]]} closing a block body starting at {@code p}, skipping bracket expressions and escapes. */
    private int findVarEnd(int p, int end) throws FileCheckException {
        int depth = 0;
        while (p < end) {
            if (depth == 0 && t.startsWith("]]", p) && p + 2 <= end) return p;
            char c = t.charAt(p);
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c == '[') depth++;
            if (c == ']') {
                if (depth == 0) {
                    diags.error(src, p, "missing closing \"]\" for regex variable");
                    // LLVM exits with 1 here, unlike every other check-file error.
                    throw new FileCheckException(1);
                }
                depth--;
            }
            p++;
        }
        return -1;
    }

    private Optional<VarName> variable(int p, int end) {
        if (p >= end) return Optional.empty();
        int i = p;
        boolean pseudo = t.charAt(i) == '@';
        if (pseudo || t.charAt(i) == '$') i++;
        if (i >= end || !(Character.isLetter(t.charAt(i)) && t.charAt(i) < 128 || t.charAt(i) == '_'))
            return Optional.empty();
        i++;
        while (i < end && (t.charAt(i) < 128 && Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) i++;
        return Optional.of(new VarName(t.substring(p, i), pseudo, i));
    }

    private int substitutionBlock(int p, int end) throws FileCheckException {
        int body = p + 2;
        int close = findVarEnd(body, end);
        if (close < 0) throw error(p, "Invalid substitution block, no ]] found");
        boolean isNum = t.charAt(body) == '#';
        int ms = isNum ? body + 1 : body;
        boolean legacy = false;
        boolean isDef = false;
        boolean substNeeded = false;
        String defName = "";
        String substName = "";
        int substPos = ms;
        int regexStart = -1;
        NumberFormat format = NumberFormat.UNSIGNED;
        NumericExpr expr = null;
        int insertIdx = re.length();
        if (!isNum) {
            int colon = indexOf(":", ms, close);
            int nameEnd = colon < 0 ? close : colon;
            for (int i = ms; i < nameEnd; i++) {
                if (t.charAt(i) == ' ' || t.charAt(i) == '\t') throw error(i, "unexpected whitespace");
            }
            VarName v = variable(ms, close)
                    .orElseThrow(() -> error(ms, ms == close ? "empty variable name" : "invalid variable name"));
            isDef = colon >= 0;
            substNeeded = !isDef;
            if (isDef) {
                if (v.pseudo() || v.end() != colon) throw error(ms, "invalid name in string variable definition");
                if (vars.numericDecls.containsKey(v.name())) {
                    throw error(ms, "numeric variable with name '" + v.name() + "' already exists");
                }
                defName = v.name();
                regexStart = colon + 1;
            } else if (v.pseudo()) {
                legacy = true;
                isNum = true;
            } else {
                if (v.end() != close) throw error(ms, "invalid name in string variable use");
                substName = v.name();
            }
        }
        if (isNum) {
            NumericBlock nb = new NumericBlock(ms, close, legacy);
            nb.parse();
            expr = nb.expr;
            format = nb.format;
            substNeeded = expr != null;
            if (nb.defName != null) {
                isDef = true;
                defName = nb.defName;
            }
            substPos = nb.exprStart;
        }
        if (isDef) {
            re.append('(');
            insertIdx++;
            if (isNum) {
                numDefs.add(new CheckPattern.NumDef(defName, curParen, format));
                // A redefinition reuses the first declaration (and its line), as LLVM does; only its format must agree.
                Variables.NumericDecl previous = vars.numericDecls.get(defName);
                if (previous == null) {
                    vars.numericDecls.put(defName, new Variables.NumericDecl(format, line));
                } else if (!previous.format().equals(format)) {
                    throw error(ms, "format different from previous variable definition");
                }
            } else {
                stringDefs.put(defName, curParen);
                vars.stringDecls.put(defName, true);
            }
            curParen++;
        }
        if (regexStart >= 0 && regexStart < close) addRegex(regexStart, close);
        if (isNum && !substNeeded) re.append(format.wildcardRegex());
        if (isDef) re.append(')');
        if (substNeeded) {
            if (!isNum && stringDefs.containsKey(substName)) {
                int group = stringDefs.get(substName);
                if (group < 1 || group > 9) throw error(ms, "Can't back-reference more than 9 variables");
                re.append("(?:\\").append(group).append(')');
            } else if (isNum) {
                substs.add(new CheckPattern.Subst(
                        insertIdx,
                        t.substring(substPos, close).strip(),
                        substPos,
                        Optional.empty(),
                        Optional.of(expr),
                        format));
            } else {
                substs.add(new CheckPattern.Subst(
                        insertIdx, substName, ms, Optional.of(substName), Optional.empty(), format));
            }
        }
        return close + 2;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** The body of a numeric substitution block, parsed as LLVM's parseNumericSubstitutionBlock does. */
    private final class NumericBlock {
        private int p;
        private int end;
        private final boolean legacy;
        NumericExpr expr;
        NumberFormat format = NumberFormat.UNSIGNED;
        String defName;
        int exprStart;

        NumericBlock(int start, int end, boolean legacy) {
            this.p = start;
            this.end = end;
            this.legacy = legacy;
            this.exprStart = start;
        }

        private void skipSpaces() {
            while (p < end && isSpace(t.charAt(p))) p++;
        }

        void parse() throws FileCheckException {
            skipSpaces();
            NumberFormat explicit = null;
            int comma = indexOf(",", p, end);
            int paren = indexOf("(", p, end);
            if (comma >= 0 && p < end && t.charAt(p) == '%' && (paren < 0 || comma < paren)) {
                int f = p + 1;
                int fe = comma;
                while (fe > f && isSpace(t.charAt(fe - 1))) fe--;
                boolean alt = f < fe && t.charAt(f) == '#';
                if (alt) f++;
                int precision = 0;
                if (f < fe && t.charAt(f) == '.') {
                    int d = ++f;
                    while (f < fe && Character.isDigit(t.charAt(f))) f++;
                    if (d == f) throw error(d, "invalid precision in format specifier");
                    precision = Integer.parseInt(t.substring(d, f));
                }
                if (f < fe) {
                    char k = t.charAt(f);
                    if ("udxX".indexOf(k) < 0) throw error(f, "invalid format specifier in expression");
                    explicit = new NumberFormat(k, precision, alt);
                    f++;
                }
                if (alt && (explicit == null || explicit.kind() == 'u' || explicit.kind() == 'd')) {
                    throw error(p + 1, "alternate form only supported for hex values");
                }
                while (f < fe && isSpace(t.charAt(f))) f++;
                if (f < fe) throw error(f, "invalid matching format specification in expression");
                p = comma + 1;
            }
            int defStart = -1;
            int defEnd = -1;
            int colon = indexOf(":", p, end);
            if (colon >= 0) {
                defStart = p;
                defEnd = colon;
                p = colon + 1;
            }
            skipSpaces();
            boolean constraint = t.startsWith("==", p) && p + 2 <= end;
            if (constraint) p += 2;
            skipSpaces();
            exprStart = p;
            if (p >= end) {
                if (constraint) throw error(p, "empty numeric expression should not have a constraint");
            } else {
                while (end > p && isSpace(t.charAt(end - 1))) end--;
                expr = operand(legacy ? Allowed.LINE_VAR : Allowed.ANY);
                while (p < end) {
                    expr = binop(expr, false);
                    if (legacy && p < end) {
                        throw error(p, "unexpected characters at end of expression '" + t.substring(p, end) + "'");
                    }
                }
            }
            if (explicit != null) {
                format = explicit;
            } else if (expr != null) {
                format = implicitFormat(expr).orElse(NumberFormat.UNSIGNED);
            }
            if (defStart >= 0) {
                int d = defStart;
                while (d < defEnd && isSpace(t.charAt(d))) d++;
                final int dd = d;
                VarName v = variable(d, defEnd).orElseThrow(() -> error(dd, "invalid variable name"));
                int after = v.end();
                while (after < defEnd && isSpace(t.charAt(after))) after++;
                if (after < defEnd) throw error(after, "unexpected characters after numeric variable name");
                if (v.pseudo()) throw error(d, "definition of pseudo numeric variable unsupported");
                if (vars.stringDecls.containsKey(v.name())) {
                    throw error(d, "string variable with name '" + v.name() + "' already exists");
                }
                defName = v.name();
            }
        }

        private Optional<NumberFormat> implicitFormat(NumericExpr e) throws FileCheckException {
            switch (e) {
                case NumericExpr.Literal l -> {
                    return Optional.empty();
                }
                case NumericExpr.Variable v -> {
                    Variables.NumericDecl d = vars.numericDecls.get(v.name());
                    return d == null ? Optional.empty() : Optional.of(d.format());
                }
                case NumericExpr.Call c -> {
                    Optional<NumberFormat> a = implicitFormat(c.args().get(0));
                    Optional<NumberFormat> b = implicitFormat(c.args().get(1));
                    if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
                        throw error(
                                exprStart,
                                "implicit format conflict between '" + a.get().spelling() + "' and '"
                                        + b.get().spelling() + "', need an explicit format specifier");
                    }
                    return a.isPresent() ? a : b;
                }
            }
        }

        private enum Allowed {
            LINE_VAR,
            LEGACY_LITERAL,
            ANY
        }

        private NumericExpr operand(Allowed allowed) throws FileCheckException {
            if (p < end && t.charAt(p) == '(') {
                if (allowed != Allowed.ANY) throw error(p, "parenthesized expression not permitted here");
                p++;
                skipSpaces();
                NumericExpr e = operand(Allowed.ANY);
                skipSpaces();
                while (p < end && t.charAt(p) != ')') {
                    e = binop(e, true);
                    skipSpaces();
                }
                if (p >= end) throw error(p, "missing ')' at end of nested expression");
                p++;
                return e;
            }
            if (allowed != Allowed.LEGACY_LITERAL) {
                Optional<VarName> v = variable(p, end);
                if (v.isPresent()) {
                    int namePos = p;
                    p = v.get().end();
                    int q = p;
                    while (q < end && isSpace(t.charAt(q))) q++;
                    if (q < end && t.charAt(q) == '(') {
                        if (allowed != Allowed.ANY) throw error(q, "unexpected function call");
                        p = q;
                        return call(v.get().name(), namePos);
                    }
                    return variableUse(v.get(), namePos);
                }
                if (allowed == Allowed.LINE_VAR) throw error(p, "invalid variable name");
            }
            int start = p;
            boolean negative = p < end && t.charAt(p) == '-';
            if (negative) p++;
            int radix = 10;
            if (allowed != Allowed.LEGACY_LITERAL && p + 1 < end && t.charAt(p) == '0') {
                char r = t.charAt(p + 1);
                if (r == 'x' || r == 'X') radix = 16;
                else if (r == 'b' || r == 'B') radix = 2;
                else if (r == 'o') radix = 8;
                else if (Character.isDigit(r)) radix = 8;
                if (radix != 10 && !Character.isDigit(r)) p += 2;
            }
            int d = p;
            while (p < end && Character.digit(t.charAt(p), radix) >= 0) p++;
            if (d == p) {
                p = start;
                throw error(start, "invalid operand format");
            }
            try {
                long value = Long.parseUnsignedLong(t.substring(d, p), radix);
                return new NumericExpr.Literal(negative ? -value : value);
            } catch (NumberFormatException e) {
                throw error(start, "integer literal too large");
            }
        }

        private NumericExpr variableUse(VarName v, int pos) throws FileCheckException {
            if (v.pseudo()) {
                if (!v.name().equals("@LINE")) throw error(pos, "invalid pseudo numeric variable '" + v.name() + "'");
                return new NumericExpr.Literal(line);
            }
            Variables.NumericDecl d = vars.numericDecls.get(v.name());
            if (d == null) {
                // Like LLVM, a use before any definition declares the variable (unsigned, no defining line); a
                // later definition then reuses that declaration.
                vars.numericDecls.put(v.name(), new Variables.NumericDecl(NumberFormat.UNSIGNED, -1));
            }
            if (d != null && d.defLine() == line) {
                throw error(pos, "numeric variable '" + v.name() + "' defined earlier in the same CHECK directive");
            }
            return new NumericExpr.Variable(v.name(), pos);
        }

        private NumericExpr call(String name, int namePos) throws FileCheckException {
            p++;
            List<NumericExpr> args = new ArrayList<>();
            skipSpaces();
            if (p < end && t.charAt(p) != ')') {
                while (true) {
                    skipSpaces();
                    NumericExpr e = operand(Allowed.ANY);
                    skipSpaces();
                    while (p < end && t.charAt(p) != ',' && t.charAt(p) != ')') {
                        e = binop(e, true);
                        skipSpaces();
                    }
                    args.add(e);
                    if (p < end && t.charAt(p) == ',') {
                        p++;
                        continue;
                    }
                    break;
                }
            }
            if (p >= end || t.charAt(p) != ')') throw error(p, "missing ')' at end of call expression");
            p++;
            if (!FUNCTIONS.contains(name)) throw error(namePos, "call to undefined function '" + name + "'");
            if (args.size() != 2) {
                throw error(namePos, "function '" + name + "' takes 2 arguments but " + args.size() + " given");
            }
            return new NumericExpr.Call(name, args);
        }

        private NumericExpr binop(NumericExpr left, boolean nested) throws FileCheckException {
            skipSpaces();
            if (p >= end) return left;
            char op = t.charAt(p);
            if (op != '+' && op != '-') throw error(p, "unsupported operation '" + op + "'");
            p++;
            skipSpaces();
            if (p >= end) throw error(p, "missing operand in expression");
            NumericExpr right = operand(legacy ? Allowed.LEGACY_LITERAL : Allowed.ANY);
            return new NumericExpr.Call(op == '+' ? "add" : "sub", List.of(left, right));
        }
    }
}
