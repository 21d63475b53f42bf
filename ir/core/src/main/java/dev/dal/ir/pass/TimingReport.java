package dev.dal.ir.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A wall-time report in the layout of MLIR's {@code -mlir-timing} (tree display): one row per timed step, nested
 * rows indented, then {@code Rest} (time not covered by top-level rows) and {@code Total}. A tool adds its own
 * top-level steps around the passes ({@code Parser}, then {@link PassManager#appendTimings}, then {@code Output}).
 */
public final class TimingReport {
    private record Row(String name, long nanos, int depth) {}

    private static final String RULE = "===" + "-".repeat(73) + "===\n";
    private final List<Row> rows = new ArrayList<>();

    /** Adds a row; {@code depth} 0 is top level. @return this */
    public TimingReport add(String name, long nanos, int depth) {
        rows.add(new Row(name, nanos, depth));
        return this;
    }

    /** {@return the report for a run that took {@code totalNanos} of wall time} */
    public String render(long totalNanos) {
        StringBuilder sb = new StringBuilder(banner("... Execution time report ..."));
        sb.append(String.format(Locale.ROOT, "  Total Execution Time: %.4f seconds%n%n", totalNanos / 1e9));
        sb.append("  ----Wall Time----  ----Name----\n");
        long covered = 0;
        for (Row r : rows) {
            row(sb, r.nanos(), totalNanos, r.depth(), r.name());
            if (r.depth() == 0) covered += r.nanos();
        }
        row(sb, totalNanos - covered, totalNanos, 0, "Rest");
        row(sb, totalNanos, totalNanos, 0, "Total");
        return sb.append('\n').toString();
    }

    /** {@return the three-line banner MLIR puts above its reports} */
    static String banner(String title) {
        int pad = Math.max(0, (79 - title.length()) / 2);
        return RULE + " ".repeat(pad) + title + "\n" + RULE;
    }

    private static void row(StringBuilder sb, long nanos, long total, int depth, String name) {
        double pct = total == 0 ? 0.0 : 100.0 * nanos / total;
        sb.append(String.format(Locale.ROOT, "  %8.4f (%5.1f%%)  ", nanos / 1e9, pct))
                .append("  ".repeat(depth))
                .append(name)
                .append('\n');
    }
}
