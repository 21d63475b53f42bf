package dev.dal.tools.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches the checks against the input with LLVM FileCheck's algorithm: the input is cut into regions at the
 * CHECK-LABEL matches; within a region each check matches after the previous one, preceded by its CHECK-DAG
 * groups and CHECK-NOT lines, which are verified on the text the match skipped.
 */
final class CheckRunner {
    private final List<CheckString> checks;
    private final SourceText input;
    private final String in;
    private final Variables vars;
    private final FileCheckOptions opts;
    private final Diagnostics diags;
    private final InputDump dump;

    CheckRunner(
            List<CheckString> checks,
            SourceText input,
            Variables vars,
            FileCheckOptions opts,
            Diagnostics diags,
            InputDump dump) {
        this.checks = checks;
        this.input = input;
        this.in = input.text();
        this.vars = vars;
        this.opts = opts;
        this.diags = diags;
        this.dump = dump;
    }

    /** {@return whether every check passed} */
    boolean run() {
        int bufStart = 0;
        int bufEnd = in.length();
        int n = checks.size();
        int i = 0;
        boolean failed = false;
        int j = 0;
        while (true) {
            while (j < n && checks.get(j).pattern().kind != CheckKind.LABEL) j++;
            int rs = bufStart;
            int re;
            if (j == n) {
                re = bufEnd;
            } else {
                MatchOutcome.Found label = check(checks.get(j), bufStart, bufEnd, true);
                if (label == null) return false;
                re = label.end();
                bufStart = label.end();
                j++;
            }
            if (i != 0 && opts.enableVarScope()) vars.clearLocals();
            for (; i != j; i++) {
                MatchOutcome.Found f = check(checks.get(i), rs, re, false);
                if (f == null) {
                    failed = true;
                    i = j;
                    break;
                }
                rs = f.end();
            }
            if (j == n) break;
        }
        return !failed;
    }

    private static String name(CheckPattern p) {
        if (p.kind == CheckKind.PLAIN && p.count > 1) return p.prefix + "-COUNT";
        return p.prefix + p.kind.suffix();
    }

    private MatchOutcome.Found check(CheckString cs, int from, int end, boolean labelScan) {
        CheckPattern pat = cs.pattern();
        int lastPos = from;
        List<CheckPattern> nots = new ArrayList<>();
        if (!labelScan) {
            lastPos = checkDag(cs, from, end, nots);
            if (lastPos < 0) return null;
        }
        int lastMatchEnd = lastPos;
        int firstMatchPos = lastPos;
        for (int k = 1; k <= pat.count; k++) {
            MatchOutcome o = pat.match(in, lastMatchEnd, end, vars);
            if (!(o instanceof MatchOutcome.Found f)) {
                reportFailure(pat, o, lastMatchEnd, end, k);
                return null;
            }
            if (opts.verbose() > 0 && !labelScan) {
                dump.add(pat, pat.count > 1 ? k - 1 : -1, f.pos(), Math.max(1, f.len()), '^', "");
                remark(pat, f, pat.count > 1 ? " (" + k + " out of " + pat.count + ")" : "");
            }
            if (k == 1) firstMatchPos = f.pos();
            lastMatchEnd = f.end();
        }
        if (!labelScan) {
            if (pat.kind == CheckKind.NEXT || pat.kind == CheckKind.EMPTY) {
                int newlines = 0;
                int firstNewline = -1;
                for (int p = in.indexOf('\n', lastPos); p >= 0 && p < firstMatchPos; p = in.indexOf('\n', p + 1)) {
                    if (firstNewline < 0) firstNewline = p;
                    if (++newlines > 1) break;
                }
                if (newlines != 1) {
                    diags.error(
                            pat.src,
                            pat.loc,
                            name(pat)
                                    + (newlines == 0
                                            ? ": is on the same line as previous match"
                                            : ": is not on the line after the previous match"));
                    diags.note(input, firstMatchPos, "'next' match was here");
                    diags.note(input, lastPos, "previous match ended here");
                    if (newlines > 1)
                        diags.note(input, firstNewline + 1, "non-matching line after previous match is here");
                    dump.add(
                            pat,
                            -1,
                            firstMatchPos,
                            Math.max(1, lastMatchEnd - firstMatchPos),
                            '!',
                            "error: match on wrong line");
                    return null;
                }
            }
            if (pat.kind == CheckKind.SAME) {
                int nl = in.indexOf('\n', lastPos);
                if (nl >= 0 && nl < firstMatchPos) {
                    diags.error(pat.src, pat.loc, name(pat) + ": is not on the same line as the previous match");
                    diags.note(input, firstMatchPos, "'next' match was here");
                    diags.note(input, lastPos, "previous match ended here");
                    dump.add(
                            pat,
                            -1,
                            firstMatchPos,
                            Math.max(1, lastMatchEnd - firstMatchPos),
                            '!',
                            "error: match on wrong line");
                    return null;
                }
            }
            if (checkNot(nots, lastPos, firstMatchPos)) return null;
        }
        return new MatchOutcome.Found(firstMatchPos, lastMatchEnd - firstMatchPos);
    }

    /** {@return the position after the DAG groups, or -1 on failure} */
    private int checkDag(CheckString cs, int from, int end, List<CheckPattern> nots) {
        List<CheckPattern> dn = cs.dagNots();
        if (dn.isEmpty()) return from;
        int startPos = from;
        // Sorted, non-overlapping match ranges of the current DAG group, as {pos, end} pairs.
        List<int[]> ranges = new ArrayList<>();
        for (int idx = 0; idx < dn.size(); idx++) {
            CheckPattern pat = dn.get(idx);
            if (pat.kind == CheckKind.NOT) {
                nots.add(pat);
                continue;
            }
            int matchPos = startPos;
            int mi = 0;
            while (true) {
                MatchOutcome o = pat.match(in, matchPos, end, vars);
                if (!(o instanceof MatchOutcome.Found f)) {
                    reportFailure(pat, o, matchPos, end, 1);
                    return -1;
                }
                int[] m = {f.pos(), f.end()};
                if (opts.allowDagOverlap()) {
                    if (ranges.isEmpty()) {
                        ranges.add(m);
                    } else {
                        ranges.get(0)[0] = Math.min(ranges.get(0)[0], m[0]);
                        ranges.get(0)[1] = Math.max(ranges.get(0)[1], m[1]);
                    }
                    break;
                }
                boolean overlap = false;
                for (; mi < ranges.size(); mi++) {
                    int[] r = ranges.get(mi);
                    if (m[0] < r[1]) {
                        overlap = r[0] < m[1];
                        break;
                    }
                }
                if (!overlap) {
                    ranges.add(mi, m);
                    if (opts.verbose() > 0) remark(pat, f, "");
                    break;
                }
                matchPos = ranges.get(mi)[1];
                mi++;
            }
            boolean groupEnd = idx + 1 == dn.size() || dn.get(idx + 1).kind == CheckKind.NOT;
            if (groupEnd) {
                if (!nots.isEmpty()) {
                    if (checkNot(nots, startPos, ranges.get(0)[0])) return -1;
                    nots.clear();
                }
                startPos = ranges.get(ranges.size() - 1)[1];
                ranges.clear();
            }
        }
        return startPos;
    }

    /** {@return whether a CHECK-NOT pattern matched in {@code [from, to)} (reported)} */
    private boolean checkNot(List<CheckPattern> nots, int from, int to) {
        for (CheckPattern pat : nots) {
            MatchOutcome o = pat.match(in, from, to, vars);
            if (o instanceof MatchOutcome.NotFound) continue;
            if (o instanceof MatchOutcome.Found f) {
                diags.error(pat.src, pat.loc, name(pat) + ": excluded string found in input");
                diags.print(input, f.pos(), f.len(), "note", "found here");
                dump.add(pat, -1, f.pos(), Math.max(1, f.len()), '!', "error: no match expected");
            } else {
                reportFailure(pat, o, from, to, 1);
            }
            return true;
        }
        return false;
    }

    private void reportFailure(CheckPattern pat, MatchOutcome o, int from, int end, int k) {
        if (o instanceof MatchOutcome.Invalid inv) {
            for (MatchOutcome.Problem p : inv.problems()) diags.error(pat.src, p.checkPos(), p.message());
            dump.add(pat, 0, from, lineLength(from), 'X', "error: match failed for invalid pattern");
            return;
        }
        String message = name(pat) + ": expected string not found in input";
        if (pat.count > 1) message += " (" + k + " out of " + pat.count + ")";
        diags.error(pat.src, pat.loc, message);
        int scan = from;
        diags.note(input, scan, "scanning from here");
        for (CheckPattern.Subst s : pat.substitutions()) {
            List<MatchOutcome.Problem> ignored = new ArrayList<>();
            String value = pat.substValue(s, vars, ignored);
            diags.note(input, scan, "with \"" + s.text() + "\" equal to \"" + escape(value) + "\"");
        }
        dump.add(pat, 0, scan, lineLength(scan), 'X', "error: no match found");
        // The search range goes on over the following lines; mark a few of them as LLVM's dump does.
        int next = in.indexOf('\n', scan);
        for (int shown = 0; shown < 4 && next >= 0 && next + 1 < end; shown++) {
            dump.add(pat, 0, next + 1, lineLength(next + 1), '~', "");
            next = in.indexOf('\n', next + 1);
        }
        int best = FuzzyMatch.best(pat.exampleText(), in, scan, end);
        if (best > 0) {
            diags.note(input, scan + best, "possible intended match here");
            dump.add(pat, 1, scan + best, 1, '?', "possible intended match");
        }
    }

    /** With -v, reports a good match as LLVM does: a remark at the check line and a note at the match. */
    private void remark(CheckPattern pat, MatchOutcome.Found f, String suffix) {
        if (pat.kind == CheckKind.EOF) return;
        diags.print(pat.src, pat.loc, 0, "remark", name(pat) + ": expected string found in input" + suffix);
        diags.print(input, f.pos(), f.len(), "note", "found here");
    }

    private int lineLength(int pos) {
        int e = in.indexOf('\n', pos);
        return Math.max(1, (e < 0 ? in.length() : e) - pos + 1);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
