package dev.dal.ir.diag;

import dev.dal.ir.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --verify-diagnostics}: collects the {@code // expected-error {{...}}} annotations of a file (also
 * {@code expected-warning}, {@code expected-note}, {@code expected-remark}, each optionally {@code -re} and with
 * {@code @+N}, {@code @-N}, {@code @above}, {@code @below}), takes every reported diagnostic (and its notes), and
 * at {@link #finish} reports, as MLIR does, each diagnostic no annotation expected
 * ({@code unexpected error: ...}) and each annotation no diagnostic matched
 * ({@code expected error "..." was not produced}). Messages match by substring; with {@code -re}, text in
 * {@code {{...}}} inside the expectation is a regular expression.
 */
public final class DiagnosticVerifier implements Consumer<Diagnostic> {
    private static final Pattern EXPECTED =
            Pattern.compile("expected-(error|warning|note|remark)(-re)? *(@([+-][0-9]+|above|below))? *\\{\\{(.*)}}");

    private final SourceFile file;
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<Diagnostic> unexpected = new ArrayList<>();

    private static final class Expectation {
        final Severity severity;
        final int line;
        final Location at;
        final String text;
        final Pattern regex;
        boolean matched;

        Expectation(Severity severity, int line, Location at, String text, Pattern regex) {
            this.severity = severity;
            this.line = line;
            this.at = at;
            this.text = text;
            this.regex = regex;
        }

        boolean matches(String message) {
            return regex != null ? regex.matcher(message).find() : message.contains(text);
        }
    }

    /** Reads the annotations of {@code file}; malformed ones are reported by {@link #finish}. */
    public DiagnosticVerifier(SourceFile file) {
        this.file = file;
        int n = file.lineCount();
        for (int line = 1; line <= n; line++) {
            String text = file.line(line);
            if (!text.contains("expected-")) continue;
            Matcher m = EXPECTED.matcher(text);
            if (!m.find()) continue;
            Severity sev = switch (m.group(1)) {
                case "error" -> Severity.ERROR;
                case "warning" -> Severity.WARNING;
                case "note" -> Severity.NOTE;
                default -> Severity.REMARK;
            };
            int target = line;
            String off = m.group(4);
            if (off != null) {
                if (off.equals("above")) target = neighbour(line, -1);
                else if (off.equals("below")) target = neighbour(line, +1);
                else target = line + Integer.parseInt(off.startsWith("+") ? off.substring(1) : off);
            }
            String body = m.group(5);
            Pattern re = m.group(2) != null ? toRegex(body) : null;
            Location at = Location.file(file.name(), line, m.start() + 1);
            expectations.add(new Expectation(sev, target, at, body, re));
        }
    }

    /** {@code @above}/{@code @below}: the nearest line in that direction that is not itself an annotation. */
    private int neighbour(int line, int dir) {
        int l = line + dir;
        while (l >= 1 && l <= file.lineCount() && EXPECTED.matcher(file.line(l)).find()) l += dir;
        return l;
    }

    private static Pattern toRegex(String body) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int open = body.indexOf("{{", i);
            if (open < 0) {
                re.append(Pattern.quote(body.substring(i)));
                break;
            }
            int close = body.indexOf("}}", open + 2);
            if (close < 0) {
                re.append(Pattern.quote(body.substring(i)));
                break;
            }
            if (open > i) re.append(Pattern.quote(body.substring(i, open)));
            re.append('(').append(body, open + 2, close).append(')');
            i = close + 2;
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public void accept(Diagnostic d) {
        check(d);
        for (Diagnostic n : d.notes()) check(n);
    }

    private void check(Diagnostic d) {
        var pos = d.location().filePosition();
        if (pos.isPresent() && pos.get().file().equals(file.name())) {
            for (Expectation e : expectations) {
                if (!e.matched
                        && e.severity == d.severity()
                        && e.line == pos.get().line()
                        && e.matches(d.message())) {
                    e.matched = true;
                    return;
                }
            }
        }
        unexpected.add(d);
    }

    /**
     * Reports what did not match to {@code out}.
     *
     * @return whether every diagnostic was expected and every expectation was produced
     */
    public boolean finish(DiagnosticEngine out) {
        boolean ok = true;
        for (Diagnostic d : unexpected) {
            out.report(
                    Diagnostic.error(d.location(), "unexpected " + d.severity().word() + ": " + d.message()));
            ok = false;
        }
        for (Expectation e : expectations) {
            if (!e.matched) {
                out.report(Diagnostic.error(
                        e.at, "expected " + e.severity.word() + " \"" + e.text + "\" was not produced"));
                ok = false;
            }
        }
        return ok;
    }
}
