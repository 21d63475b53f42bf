package dev.dal.tools.filecheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the directives of a check file the way LLVM FileCheck does: the leftmost (then longest) occurrence of any
 * check or comment prefix that does not continue a word, followed by a known suffix and a colon.
 */
final class CheckFileParser {
    private enum Kind {
        NONE,
        COMMENT,
        BAD_NOT,
        BAD_COUNT,
        CHECK
    }

    private record Directive(Kind kind, CheckKind check, int count, boolean literal, int after) {
        static Directive none() {
            return new Directive(Kind.NONE, CheckKind.PLAIN, 1, false, -1);
        }
    }

    private final SourceText src;
    private final String t;
    private final FileCheckOptions opts;
    private final Variables vars;
    private final Diagnostics diags;

    CheckFileParser(SourceText src, FileCheckOptions opts, Variables vars, Diagnostics diags) {
        this.src = src;
        this.t = src.text();
        this.opts = opts;
        this.vars = vars;
        this.diags = diags;
    }

    static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    List<CheckString> parse(List<CheckPattern> implicitNots) throws FileCheckException {
        List<String> prefixes = new ArrayList<>(opts.checkPrefixes());
        prefixes.addAll(opts.commentPrefixes());
        int[] next = new int[prefixes.size()];
        java.util.Arrays.fill(next, -2);
        Set<String> notFound = new LinkedHashSet<>(opts.checkPrefixes());
        List<CheckString> checks = new ArrayList<>();
        List<CheckPattern> dagNots = new ArrayList<>(implicitNots);
        int pos = 0;
        int line = 1;
        int lineCountedTo = 0;
        while (pos < t.length()) {
            int best = -1;
            String prefix = "";
            for (int k = 0; k < prefixes.size(); k++) {
                if (next[k] == -1) continue;
                if (next[k] < pos) next[k] = t.indexOf(prefixes.get(k), pos);
                int at = next[k];
                if (at < 0) continue;
                if (best < 0 || at < best || at == best && prefixes.get(k).length() > prefix.length()) {
                    best = at;
                    prefix = prefixes.get(k);
                }
            }
            if (best < 0) break;
            for (int i = lineCountedTo; i < best; i++) if (t.charAt(i) == '\n') line++;
            lineCountedTo = best;
            Directive d = best > 0 && isWordChar(t.charAt(best - 1)) ? Directive.none() : directive(best, prefix);
            if (d.kind() == Kind.NONE) {
                int w = best + prefix.length();
                while (w < t.length() && isWordChar(t.charAt(w))) w++;
                pos = w;
                continue;
            }
            if (d.kind() != Kind.COMMENT) notFound.remove(prefix);
            if (d.kind() == Kind.BAD_NOT) throw error(d.after(), "unsupported -NOT combo on prefix '" + prefix + "'");
            if (d.kind() == Kind.BAD_COUNT) {
                throw error(d.after(), "invalid count in -COUNT specification on prefix '" + prefix + "'");
            }
            int p = d.after();
            if (!(opts.strictWhitespace() && opts.matchFullLines())) {
                while (p < t.length() && (t.charAt(p) == ' ' || t.charAt(p) == '\t')) p++;
            }
            int eol = p;
            while (eol < t.length() && t.charAt(eol) != '\n' && t.charAt(eol) != '\r') eol++;
            pos = eol;
            if (d.kind() == Kind.COMMENT) continue;
            CheckPattern pat = PatternParser.parse(
                    src, p, eol, d.check(), d.count(), d.literal(), prefix, line, opts, vars, diags);
            if (d.check() == CheckKind.LABEL && pat.hasVariable()) {
                throw error(best, "found '" + prefix + "-LABEL:' with variable definition or use");
            }
            if ((d.check() == CheckKind.NEXT || d.check() == CheckKind.SAME || d.check() == CheckKind.EMPTY)
                    && checks.isEmpty()) {
                String type = d.check().suffix().substring(1);
                throw error(best, "found '" + prefix + "-" + type + "' without previous '" + prefix + ": line");
            }
            if (d.check() == CheckKind.DAG || d.check() == CheckKind.NOT) {
                dagNots.add(pat);
                continue;
            }
            checks.add(new CheckString(pat, dagNots));
            dagNots = new ArrayList<>(implicitNots);
        }
        for (int i = lineCountedTo; i < t.length(); i++) if (t.charAt(i) == '\n') line++;
        if (!dagNots.isEmpty()) {
            CheckPattern eof =
                    new CheckPattern(CheckKind.EOF, 1, opts.checkPrefixes().get(0), line + 1, src, t.length(), false);
            checks.add(new CheckString(eof, dagNots));
        }
        boolean noneFound = notFound.size() == opts.checkPrefixes().size();
        boolean someUnused = !opts.allowUnusedPrefixes() && !notFound.isEmpty();
        if ((noneFound || someUnused) && (implicitNots.isEmpty() || !opts.defaultPrefix())) {
            StringBuilder sb = new StringBuilder("error: no check strings found with prefix");
            sb.append(notFound.size() > 1 ? "es " : " ");
            boolean first = true;
            for (String missing : notFound) {
                if (!first) sb.append(", ");
                sb.append('\'').append(missing).append(":'");
                first = false;
            }
            diags.raw(sb.append('\n').toString());
            throw new FileCheckException(2);
        }
        return checks;
    }

    private FileCheckException error(int pos, String message) {
        diags.error(src, pos, message);
        return new FileCheckException(2);
    }

    private Directive directive(int at, String prefix) {
        int r = at + prefix.length();
        if (r >= t.length()) return Directive.none();
        if (opts.commentPrefixes().contains(prefix) && !opts.checkPrefixes().contains(prefix)) {
            return t.charAt(r) == ':'
                    ? new Directive(Kind.COMMENT, CheckKind.PLAIN, 1, false, r + 1)
                    : Directive.none();
        }
        char c = t.charAt(r);
        if (c == ':') return new Directive(Kind.CHECK, CheckKind.PLAIN, 1, false, r + 1);
        if (c == '{') return modifiers(CheckKind.PLAIN, 1, r);
        if (c != '-') return Directive.none();
        r++;
        if (t.startsWith("COUNT-", r)) {
            r += 6;
            int d = r;
            while (r < t.length() && Character.isDigit(t.charAt(r))) r++;
            long count = 0;
            if (d == r || r - d > 10 || (count = Long.parseLong(t.substring(d, r))) <= 0 || count > Integer.MAX_VALUE) {
                return new Directive(Kind.BAD_COUNT, CheckKind.PLAIN, 1, false, d == r ? d : r);
            }
            if (r >= t.length() || t.charAt(r) != ':' && t.charAt(r) != '{') {
                return new Directive(Kind.BAD_COUNT, CheckKind.PLAIN, 1, false, r);
            }
            return modifiers(CheckKind.PLAIN, (int) count, r);
        }
        for (String bad : new String[] {
            "DAG-NOT:", "NOT-DAG:", "NEXT-NOT:", "NOT-NEXT:", "SAME-NOT:", "NOT-SAME:", "EMPTY-NOT:", "NOT-EMPTY:"
        }) {
            if (t.startsWith(bad, r)) return new Directive(Kind.BAD_NOT, CheckKind.NOT, 1, false, r);
        }
        for (CheckKind k : new CheckKind[] {
            CheckKind.NEXT, CheckKind.SAME, CheckKind.NOT, CheckKind.DAG, CheckKind.LABEL, CheckKind.EMPTY
        }) {
            String name = k.suffix().substring(1);
            if (t.startsWith(name, r)) return modifiers(k, 1, r + name.length());
        }
        return Directive.none();
    }

    private Directive modifiers(CheckKind kind, int count, int r) {
        if (r >= t.length()) return Directive.none();
        if (t.charAt(r) == ':') return new Directive(Kind.CHECK, kind, count, false, r + 1);
        if (t.charAt(r) != '{') return Directive.none();
        r++;
        boolean literal = false;
        while (true) {
            while (r < t.length() && Character.isWhitespace(t.charAt(r))) r++;
            if (!t.startsWith("LITERAL", r)) return Directive.none();
            literal = true;
            r += 7;
            while (r < t.length() && Character.isWhitespace(t.charAt(r))) r++;
            if (r < t.length() && t.charAt(r) == ',') {
                r++;
                continue;
            }
            break;
        }
        if (!t.startsWith("}:", r)) return Directive.none();
        return new Directive(Kind.CHECK, kind, count, literal, r + 2);
    }
}
