package dev.dal.ir.pass;

import java.util.List;
import java.util.Locale;

/** The end-of-run reports of a {@link PassManager}, laid out as MLIR's {@code -mlir-timing} and statistics. */
final class PassReports {
    private final PassManager root;

    PassReports(PassManager root) {
        this.root = root;
    }

    /** {@return the timing report of the last run, which took {@code totalNanos}} */
    String timing(long totalNanos) {
        TimingReport r = new TimingReport();
        timingRows(r, root, 0);
        return r.render(totalNanos);
    }

    /** Adds one row per pass position and nested pipeline of {@code pm}, indented by nesting. */
    static void timingRows(TimingReport r, PassManager pm, int depth) {
        for (Object[] e : pm.timedEntries()) {
            long nanos = (Long) e[1];
            if (e[0] instanceof Pass p) r.add(p.name(), nanos, depth);
            else {
                PassManager nested = (PassManager) e[0];
                r.add("'" + nested.anchor() + "' Pipeline", nanos, depth);
                timingRows(r, nested, depth + 1);
            }
        }
    }

    /** {@return the statistics report: every pass in pipeline order with its counters} */
    String statistics() {
        StringBuilder sb = new StringBuilder(TimingReport.banner("... Pass statistics report ..."));
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
                for (Statistic s : stats)
                    width = Math.max(width, Long.toString(s.get()).length());
                for (Statistic s : stats)
                    sb.append(indent)
                            .append("  (S) ")
                            .append(String.format(Locale.ROOT, "%" + width + "d", s.get()))
                            .append(' ')
                            .append(s.name())
                            .append(" - ")
                            .append(s.description())
                            .append('\n');
            } else {
                PassManager nested = (PassManager) e[0];
                sb.append(indent).append('\'').append(nested.anchor()).append("' Pipeline\n");
                statisticRows(sb, nested, depth + 1);
            }
        }
    }
}
