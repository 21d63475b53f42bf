package dev.dal.ir.interp;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The per-run state every node sees: the thread pool, the probes, the checks to make, and the pool that takes back
 * the arrays of dead tensors (null: none, as inside a called function).
 */
record RunState(ForkJoinPool pool, List<OpProbe> probes, boolean checkResultTypes, BufferPool buffers) {
    /** {@return this state for a called function's body}: it releases no arrays, its caller's frame may hold them */
    RunState nested() {
        return buffers == null ? this : new RunState(pool, probes, checkResultTypes, null);
    }
}
