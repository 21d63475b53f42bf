package dev.dal.ir.interp;

import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** What an {@link Executable} op may use while it runs: the op itself, the run's threads, and its own regions. */
public interface ExecContext {
    /** {@return the op being executed} */
    Operation op();

    /** {@return the run's thread pool; kernels split their work over {@link #parallelism()} tasks in it} */
    ForkJoinPool pool();

    /** {@return the number of threads the run may use} */
    default int parallelism() {
        return pool().getParallelism();
    }

    /**
     * Runs one of the op's regions (the then/else branch of an If, the body of a Loop) on the current frame: the
     * entry block's arguments are bound to {@code args}; the result is the operands of the region's terminator
     * ({@code graph.yield}). Values of enclosing regions that the region uses are visible.
     *
     * @throws InterpreterException if the region is not the op's, or the argument count is wrong
     */
    List<Tensor> runRegion(Region region, List<Tensor> args);

    /** {@return an error located at the op, with the op's name: {@code loc: error: 'graph.conv' op message}} */
    InterpreterException error(String message);
}
