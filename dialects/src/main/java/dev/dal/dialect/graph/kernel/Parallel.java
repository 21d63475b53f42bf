package dev.dal.dialect.graph.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Splits kernel work into chunks run by the pool's number of threads: on a {@link SpinTeam}, whose helpers start at
 * once, or as tasks on the {@link ForkJoinPool} when that team is busy with another run; inline when there is one
 * chunk or one thread.
 */
public final class Parallel {
    private Parallel() {}

    /** A body over a half-open range of task indices. */
    @FunctionalInterface
    public interface RangeBody {
        /** Runs tasks {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** Runs {@code body.accept(i)} for every {@code i} in {@code [0, n)}, spread over the pool. */
    public static void forEach(ForkJoinPool pool, int n, IntConsumer body) {
        forRange(pool, n, 1, (from, to) -> {
            for (int i = from; i < to; i++) body.accept(i);
        });
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of at least {@code grain} indices, spread over the pool (at most
     * about four chunks per thread, so small work is not split into tiny tasks).
     */
    public static void forRange(ForkJoinPool pool, int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int threads = pool.getParallelism();
        int chunks = Math.min(Math.max(1, n / Math.max(1, grain)), threads * 4);
        if (threads <= 1 || chunks <= 1) {
            body.run(0, n);
            return;
        }
        int step = (n + chunks - 1) / chunks;
        if (SpinTeam.of(threads).run(body, n, step, (n + step - 1) / step)) return;
        if (SpinTeam.inChunk()) {
            // a loop inside a chunk of another: its threads are already busy
            body.run(0, n);
            return;
        }
        Task t = new Task(body, 0, n, step);
        if (ForkJoinTask.getPool() == pool) t.invoke();
        else pool.invoke(t);
    }

    private static final class Task extends RecursiveAction {
        private final transient RangeBody body;
        private final int from, to, step;

        Task(RangeBody body, int from, int to, int step) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.step = step;
        }

        @Override
        protected void compute() {
            if (to - from <= step) {
                body.run(from, to);
                return;
            }
            int chunks = (to - from + step - 1) / step;
            int mid = from + (chunks / 2) * step;
            invokeAll(new Task(body, from, mid, step), new Task(body, mid, to, step));
        }
    }
}
