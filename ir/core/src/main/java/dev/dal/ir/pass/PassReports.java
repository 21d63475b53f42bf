package dev.dal.ir.pass;

import java.util.List;
import java.util.Locale;

/** The end-of-run reports of a {@link PassManager}, laid out as MLIR's {@code -mlir-timing} and statistics. */
final class PassReports {
    private static final String RULE = "===" + "-".repeat(73) + "===\n";
    private final PassManager root;

    PassReports(PassManager root) {
        this.root = root;
    }

    private static String banner(String title) {
        int pad = Math.max(0, (79 - title.length()) / 2);
        return RULE + " ".repeat(pad) + title + "\n" + RULE;
    }

    /** {@return the timing report: one row per pass position and nested pipeline, indented by nesting} */
    String timing(long totalNanos, long verifierNanos, boolean verifyEach) {
        StringBuilder sb = new StringBuilder(banner("... Execution time report ..."));
        sb.append(String.format(Locale.ROOT, "  Total Execution Time: %.4f seconds%n%n", totalNanos / 1e9));
        sb.append("  ----Wall Time----  ----Name----\n");
        timingRows(sb, root, 0, totalNanos);
        if (verifyEach) row(sb, verifierNanos, totalNanos, 0, "Verifier");
        row(sb, totalNanos, totalNanos, 0, "Total");
        return sb.append('\n').toString();
    }

    private void timingRows(StringBuilder sb, PassManager pm, int depth, long total) {
        for (Object[] e : pm.timedEntries()) {
            long nanos = (Long) e[1];
            if (e[0] instanceof Pass p) row(sb, nanos, total, depth, p.name());
            else {
                PassManager nested = (PassManager) e[0];
                row(sb, nanos, total, depth, "'" + nested.anchor() + "' Pipeline");
                timingRows(sb, nested, depth + 1, total);
            }
        }
    }

    private static void row(StringBuilder sb, long nanos, long total, int depth, String name) {
        sb.append(String.format(Locale.ROOT, "  %8.4f (%s)  ", nanos / 1e9, PassManager.pct(nanos, total)))
                .append("  ".repeat(depth)).append(name).append('\n');
    }

    /** {@return the statistics report: every pass in pipeline order with its counters} */
    String statistics() {
        StringBuilder sb = new StringBuilder(banner("... Pass statistics report ..."));
        statisticRows(sb, root, 0);
        return sb.append('\n').toString();
    }

    private void statisticRows(StringBuilder sb, PassManager pm, int depth) {
        for (Object[] e : pm.timedEntries()) {
            String indent = "  ".repeat(depth);
            if (e[0] instanceof Pass p) {
                sb.append(indent).append(p.name()).append('\n');
                List<Statistic> stats = p.statistics();
                int width = 1;
                for (Statistic s : stats) width = Math.max(width, Long.toString(s.get()).length());
                for (Statistic s : stats)
                    sb.append(indent).append("  (S) ").append(String.format(Locale.ROOT, "%" + width + "d", s.get()))
                            .append(' ').append(s.name()).append(" - ").append(s.description()).append('\n');
            } else {
                PassManager nested = (PassManager) e[0];
                sb.append(indent).append('\'').append(nested.anchor()).append("' Pipeline\n");
                statisticRows(sb, nested, depth + 1);
            }
        }
    }
}
