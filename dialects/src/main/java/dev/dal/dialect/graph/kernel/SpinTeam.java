package dev.dal.dialect.graph.kernel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Helper threads that wait for kernel work by spinning for a short while before they sleep, so the many short
 * parallel loops of a model run (one or a few per op, often under 100 us each) start on all threads at once.
 *
 * <p>A {@link java.util.concurrent.ForkJoinPool}'s idle workers park, and waking a parked thread takes tens of
 * microseconds (more in a virtual machine); a loop of that length then runs mostly on the thread that started it,
 * and a second thread gave no speed-up at all. Here the calling thread publishes the loop's chunks, wakes only the
 * helpers that went to sleep, and takes chunks itself; helpers that finished a loop keep polling for the next one
 * for {@link #SPIN_NANOS} first. Which thread runs a chunk never changes what it computes.
 *
 * <p>One team serves each thread count; a caller that finds it busy (another run using the same thread count at the
 * same time) gets {@code false} from {@link #run} and falls back to the pool, and a loop nested in a loop's chunk
 * runs inline.
 */
final class SpinTeam {
    /** How long a helper polls for the next loop before it sleeps (system property {@code dal.parallel.spinMicros}). */
    static final long SPIN_NANOS = Long.getLong("dal.parallel.spinMicros", 200) * 1000;

    private static final ConcurrentHashMap<Integer, SpinTeam> TEAMS = new ConcurrentHashMap<>();

    private final Helper[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Thread owner;
    private volatile Job job;

    private SpinTeam(int threads) {
        helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(this, "dal-kernel-" + threads + "-" + (i + 1));
            helpers[i].start();
        }
    }

    /** {@return the team of {@code threads} threads (the caller and {@code threads - 1} helpers)} */
    static SpinTeam of(int threads) {
        return TEAMS.computeIfAbsent(threads, SpinTeam::new);
    }

    /** {@return whether the current thread is inside a chunk of a loop this or another team runs} */
    static boolean inChunk() {
        Thread t = Thread.currentThread();
        if (t instanceof Helper) return true;
        for (SpinTeam team : TEAMS.values()) if (team.owner == t) return true;
        return false;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in {@code chunks} chunks of {@code step} indices on the team.
     *
     * @return false, having run nothing, when the team is busy with another caller's loop
     */
    boolean run(Parallel.RangeBody body, int n, int step, int chunks) {
        if (!busy.compareAndSet(false, true)) return false;
        Job j = new Job(body, n, step, chunks);
        owner = Thread.currentThread();
        try {
            job = j;
            for (Helper h : helpers) if (h.sleeping) LockSupport.unpark(h);
            j.work();
            j.awaitDone();
        } finally {
            job = null;
            owner = null;
            busy.set(false);
        }
        j.rethrow();
        return true;
    }

    /**
     * One parallel loop: the caller claims its chunks from the front, the helpers from the back, whichever asks
     * next. So a thread keeps the same part of an op's output from run to run (and the caches that hold it), and only
     * the chunks in the middle go to whoever is free first.
     */
    private static final class Job {
        final Parallel.RangeBody body;
        final int n, step, chunks;
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger front = new AtomicInteger();
        final AtomicInteger back = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Parallel.RangeBody body, int n, int step, int chunks) {
            this.body = body;
            this.n = n;
            this.step = step;
            this.chunks = chunks;
        }

        /** Runs chunks until none is left to claim. */
        void work() {
            boolean helper = Thread.currentThread() instanceof Helper;
            for (int c; (c = claim(helper)) >= 0; ) {
                try {
                    if (failure == null) body.run(c * step, Math.min(n, (c + 1) * step));
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        /** {@return the next chunk for a helper (from the back) or the caller (from the front), or -1: none left} */
        private int claim(boolean helper) {
            if (claimed.getAndIncrement() >= chunks) return -1;
            // claimed counts both ends, so front and back never meet on one chunk
            return helper ? chunks - 1 - back.getAndIncrement() : front.getAndIncrement();
        }

        /** Waits until every chunk has finished (the last ones may still be running on helpers). */
        void awaitDone() {
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < 1 << 16) Thread.onSpinWait();
                else Thread.yield();
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
        }
    }

    /** A helper thread: runs the team's loops, polling for the next one for a while and then sleeping. */
    private static final class Helper extends Thread {
        private final SpinTeam team;
        volatile boolean sleeping;

        Helper(SpinTeam team, String name) {
            super(name);
            this.team = team;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                Job j = team.job;
                if (j != null && j != seen) {
                    seen = j;
                    j.work();
                    continue;
                }
                long start = System.nanoTime();
                while ((j = team.job) == null || j == seen) {
                    if (System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                        continue;
                    }
                    sleeping = true;
                    j = team.job;
                    if (j == null || j == seen) LockSupport.park(this);
                    sleeping = false;
                    start = System.nanoTime();
                }
            }
        }
    }
}
