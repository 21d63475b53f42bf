package dev.dal.ir.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * How to run a function: how many threads kernels may use, the probes to call after each op, and whether results
 * are checked against their declared types.
 *
 * @param threads          the kernels' parallelism (at least 1)
 * @param probes           called after every executed op, in order
 * @param checkResultTypes whether each op's results must match the rank, static dimensions and element type its
 *                         result types declare (an error names the op otherwise)
 */
public record RunOptions(int threads, List<OpProbe> probes, boolean checkResultTypes) {
    public RunOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        probes = List.copyOf(probes);
    }

    /** {@return all cores, no probes, result types checked} */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.getRuntime().availableProcessors(), List.of(), true);
    }

    /** {@return these options with another thread count} */
    public RunOptions withThreads(int n) {
        return new RunOptions(n, probes, checkResultTypes);
    }

    /** {@return these options with one more probe} */
    public RunOptions withProbe(OpProbe p) {
        List<OpProbe> l = new ArrayList<>(probes);
        l.add(p);
        return new RunOptions(threads, l, checkResultTypes);
    }

    /** {@return these options with result type checks on or off} */
    public RunOptions withResultTypeChecks(boolean on) {
        return new RunOptions(threads, probes, on);
    }
}
