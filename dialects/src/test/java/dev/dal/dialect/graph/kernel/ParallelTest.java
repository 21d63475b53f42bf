package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Parallel loops: every index runs exactly once, on several threads, whoever calls and however they nest. */
class ParallelTest {
    private static final ForkJoinPool TWO = new ForkJoinPool(2);

    /** {@return how often each index of {@code [0, n)} ran in one {@code forRange} over the pool} */
    private static int[] counts(ForkJoinPool pool, int n, int grain) {
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        Parallel.forRange(pool, n, grain, (from, to) -> {
            for (int i = from; i < to; i++) seen.incrementAndGet(i);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = seen.get(i);
        return out;
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    @Test
    void everyIndexRunsOnceForAnySizeAndGrain() {
        for (int n : new int[] {1, 2, 3, 7, 8, 9, 100, 1001})
            for (int grain : new int[] {1, 3, 64}) {
                assertArrayEquals(ones(n), counts(TWO, n, grain), "n " + n + " grain " + grain);
                assertArrayEquals(ones(n), counts(new ForkJoinPool(3), n, grain), "3 threads, n " + n);
            }
    }

    @Test
    void chunksRunOnMoreThanOneThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int rep = 0; rep < 200 && threads.size() < 2; rep++)
            Parallel.forRange(TWO, 8, 1, (from, to) -> {
                threads.add(Thread.currentThread());
                long until = System.nanoTime() + 200_000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            });
        assertEquals(2, threads.size(), "a second thread took chunks");
    }

    @Test
    void theCallerTakesChunksFromTheFrontAndHelpersFromTheBack() {
        // so each thread keeps the same part of an op's output from run to run: whatever the timing, the caller's
        // chunks are a prefix of the loop (empty if the helper was first to every chunk) and the helper's the rest
        Thread caller = Thread.currentThread();
        int shared = 0;
        for (int rep = 0; rep < 50; rep++) {
            Thread[] ranOn = new Thread[8];
            Parallel.forRange(TWO, 8, 1, (from, to) -> {
                for (int i = from; i < to; i++) ranOn[i] = Thread.currentThread();
                long until = System.nanoTime() + 50_000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            });
            int k = 0;
            while (k < 8 && ranOn[k] == caller) k++;
            for (int i = k; i < 8; i++) assertTrue(ranOn[i] != caller, "chunk " + i + " after a helper's chunk " + k);
            if (k > 0 && k < 8) shared++;
        }
        assertTrue(shared > 0, "in some loop both the caller and the helper ran chunks");
    }

    @Test
    void nestedLoopsRunEveryIndexOnce() {
        AtomicIntegerArray seen = new AtomicIntegerArray(64 * 32);
        Parallel.forRange(TWO, 64, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                int row = i;
                Parallel.forRange(TWO, 32, 1, (f, t) -> {
                    for (int j = f; j < t; j++) seen.incrementAndGet(row * 32 + j);
                });
            }
        });
        for (int i = 0; i < seen.length(); i++) assertEquals(1, seen.get(i), "index " + i);
    }

    @Test
    void concurrentCallersEachGetTheirWholeLoop() throws InterruptedException {
        Thread[] callers = new Thread[4];
        boolean[] ok = new boolean[callers.length];
        for (int c = 0; c < callers.length; c++) {
            int me = c;
            callers[c] = new Thread(() -> {
                boolean all = true;
                for (int rep = 0; rep < 200; rep++) all &= java.util.Arrays.equals(ones(257), counts(TWO, 257, 1));
                ok[me] = all;
            });
            callers[c].start();
        }
        for (Thread t : callers) t.join();
        for (int c = 0; c < callers.length; c++) assertTrue(ok[c], "caller " + c);
    }

    @Test
    void aChunkFailureReachesTheCallerAfterTheOthersFinish() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Parallel.forRange(TWO, 16, 1, (from, to) -> {
                    if (from == 8) throw new IllegalArgumentException("chunk 8");
                }));
        assertEquals("chunk 8", e.getMessage());
        // the team is free again
        assertArrayEquals(ones(50), counts(TWO, 50, 1));
    }
}
