package dev.dal.tools.filecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One check line's pattern, compiled: a fixed string when it has no {@code {{}}} or {@code [[]]} blocks (searched
 * with {@link String#indexOf(String, int, int)}), otherwise a java.util.regex built as LLVM builds its regex, with
 * substitutions inserted at match time.
 */
final class CheckPattern {
    /** A {@code [[VAR]]} or {@code [[#expr]]} substitution, inserted at {@code insertIdx} of the regex. */
    record Subst(
            int insertIdx,
            String text,
            int pos,
            Optional<String> stringVar,
            Optional<NumericExpr> expr,
            NumberFormat format) {}

    /** A numeric variable definition captured by regex group {@code group}. */
    record NumDef(String name, int group, NumberFormat format) {}

    final CheckKind kind;
    final int count;
    final String prefix;
    final int lineNumber;
    final SourceText src;
    /** The offset of the pattern in the check text, where diagnostics point. */
    final int loc;

    private final int flags;
    String text = "";
    private String fixed;
    private String regex;
    private final List<Subst> substs = new ArrayList<>();
    private final Map<String, Integer> stringDefs = new LinkedHashMap<>();
    private final List<NumDef> numDefs = new ArrayList<>();
    private Pattern compiled;
    /** Whether the regex has an alternation, so the leftmost match must be extended to the longest one. */
    private boolean longest;
    /** How far past Java's match end the longest-match search looks (it stays on the match's line). */
    private static final int LONGEST_REACH = 1024;

    private final Map<String, Pattern> cache = new HashMap<>();

    CheckPattern(
            CheckKind kind, int count, String prefix, int lineNumber, SourceText src, int loc, boolean ignoreCase) {
        this.kind = kind;
        this.count = count;
        this.prefix = prefix;
        this.lineNumber = lineNumber;
        this.src = src;
        this.loc = loc;
        this.flags = Pattern.MULTILINE | Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    /** {@return whether the pattern uses or defines string variables (CHECK-LABEL may not)} */
    boolean hasVariable() {
        return !substs.isEmpty() || !stringDefs.isEmpty();
    }

    /** {@return the substitutions, for the "with X equal to" notes} */
    List<Subst> substitutions() {
        return substs;
    }

    /** {@return the text the fuzzy matcher compares input against} */
    String exampleText() {
        return fixed != null ? fixed : text;
    }

    void setFixed(String fixed) {
        this.fixed = fixed;
        if (fixed != null && (flags & Pattern.CASE_INSENSITIVE) != 0) {
            compiled = Pattern.compile(fixed, Pattern.LITERAL | flags);
        }
    }

    void setRegex(
            String regex,
            List<Subst> substitutions,
            Map<String, Integer> defs,
            List<NumDef> numericDefs,
            boolean alternation) {
        this.regex = regex;
        this.longest = alternation;
        substs.addAll(substitutions);
        stringDefs.putAll(defs);
        numDefs.addAll(numericDefs);
        if (substs.isEmpty()) compiled = Pattern.compile(regex, flags);
    }

    /** {@return the value text a substitution has now, or the reason it has none} */
    String substValue(Subst s, Variables vars, List<MatchOutcome.Problem> problems) {
        if (s.stringVar().isPresent()) {
            Optional<String> v = vars.string(s.stringVar().get());
            if (v.isEmpty())
                problems.add(new MatchOutcome.Problem(
                        s.pos(), "undefined variable: " + s.stringVar().get()));
            return v.orElse("");
        }
        NumericExpr e = s.expr().orElseThrow();
        List<NumericExpr.Variable> used = new ArrayList<>();
        e.collectVariables(used);
        boolean undefined = false;
        for (NumericExpr.Variable u : used) {
            if (vars.value(u.name()).isEmpty()) {
                problems.add(new MatchOutcome.Problem(u.pos(), "undefined variable: " + u.name()));
                undefined = true;
            }
        }
        if (undefined) return "";
        try {
            long value = e.evaluate(vars);
            Optional<String> t = s.format().format(value);
            if (t.isEmpty()) {
                problems.add(new MatchOutcome.Problem(
                        s.pos(), "unable to substitute variable or numeric expression: overflow error"));
            }
            return t.orElse("");
        } catch (NumericExpr.EvalException ex) {
            problems.add(new MatchOutcome.Problem(
                    s.pos(), "unable to substitute variable or numeric expression: " + ex.getMessage()));
            return "";
        }
    }

    /**
     * POSIX regexes (LLVM's) take the longest match at the leftmost start; Java takes the first alternative that
     * matches. Probes longer ends on the same line, longest first, and keeps the first that matches entirely.
     */
    private static Matcher longestAt(Pattern p, String in, Matcher found, int end) {
        int start = found.start();
        int lineEnd = in.indexOf('\n', found.end());
        int limit = Math.min(Math.min(end, lineEnd < 0 ? in.length() : lineEnd), found.end() + LONGEST_REACH);
        Matcher probe = p.matcher(in);
        probe.useAnchoringBounds(false);
        probe.useTransparentBounds(true);
        for (int e = limit; e > found.end(); e--) {
            probe.region(start, e);
            if (probe.matches()) return probe;
        }
        return found;
    }

    /** Matches the first occurrence in {@code in[from, end)}, recording the variables it defines. */
    MatchOutcome match(String in, int from, int end, Variables vars) {
        switch (kind) {
            case EOF -> {
                return new MatchOutcome.Found(end, 0);
            }
            case EMPTY -> {
                // The line after the previous match must be empty: a newline followed by a newline or the end.
                for (int p = in.indexOf('\n', from); p >= 0 && p < end; p = in.indexOf('\n', p + 1)) {
                    if (p + 1 == end || in.charAt(p + 1) == '\n') return new MatchOutcome.Found(p + 1, 0);
                }
                return new MatchOutcome.NotFound();
            }
            default -> {}
        }
        if (fixed != null && compiled == null) {
            int idx = in.indexOf(fixed, from, end);
            return idx < 0 ? new MatchOutcome.NotFound() : new MatchOutcome.Found(idx, fixed.length());
        }
        Pattern p = compiled;
        if (p == null) {
            List<MatchOutcome.Problem> problems = new ArrayList<>();
            StringBuilder sb = new StringBuilder(regex);
            int shift = 0;
            for (Subst s : substs) {
                String quoted = RegexTranslator.quote(substValue(s, vars, problems));
                sb.insert(s.insertIdx() + shift, quoted);
                shift += quoted.length();
            }
            if (!problems.isEmpty()) return new MatchOutcome.Invalid(problems);
            String key = sb.toString();
            // LLVM cannot compile an empty regex (a pattern that is only an empty substitution): it never matches.
            if (key.isEmpty()) return new MatchOutcome.NotFound();
            p = cache.get(key);
            if (p == null) {
                try {
                    p = Pattern.compile(key, flags);
                } catch (PatternSyntaxException e) {
                    return new MatchOutcome.Invalid(
                            List.of(new MatchOutcome.Problem(loc, "invalid regex: " + e.getDescription())));
                }
                if (cache.size() > 64) cache.clear();
                cache.put(key, p);
            }
        }
        Matcher m = p.matcher(in);
        m.region(from, end);
        if (!m.find()) return new MatchOutcome.NotFound();
        if (longest) m = longestAt(p, in, m, end);
        for (Map.Entry<String, Integer> d : stringDefs.entrySet()) vars.setString(d.getKey(), m.group(d.getValue()));
        for (NumDef d : numDefs) {
            String t = m.group(d.group());
            Optional<Long> v = t == null ? Optional.empty() : d.format().parse(t);
            if (v.isEmpty()) {
                return new MatchOutcome.Invalid(
                        List.of(new MatchOutcome.Problem(loc, "unable to represent numeric value")));
            }
            vars.setNumber(d.name(), v.get());
        }
        return new MatchOutcome.Found(m.start(), m.end() - m.start());
    }
}
