package dev.dal.ir.interp;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The float arrays of one run at a time ({@link Buffers}): the arrays lent to this run's tensors, and the free ones
 * by length. A pool serves one run at a time; the interpreter keeps pools between runs so that later runs reuse the
 * arrays of earlier ones.
 */
final class BufferPool {
    /** At most this many free floats are kept (256 MB); arrays released beyond it are left to the collector. */
    private static final long MAX_FREE_FLOATS = 64L << 20;

    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final Set<float[]> lent = Collections.newSetFromMap(new IdentityHashMap<>());
    private long freeFloats;

    /** {@return a free array of length {@code n}, or a new one; either way lent to the current run} */
    float[] take(int n) {
        ArrayDeque<float[]> q = free.get(n);
        float[] a = q == null ? null : q.pollLast();
        if (a != null) freeFloats -= n;
        else {
            a = new float[n];
            Buffers.registerPooled(a);
        }
        lent.add(a);
        return a;
    }

    /** {@return whether {@code a} is lent to the current run} (so the run may give it back) */
    boolean isLent(Object a) {
        return a instanceof float[] f && f.length >= Buffers.MIN_FLOATS && lent.contains(f);
    }

    /** Takes back an array lent to this run whose last holder is dead. */
    void release(float[] a) {
        if (!lent.remove(a)) return;
        if (freeFloats + a.length > MAX_FREE_FLOATS) return;
        free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).addLast(a);
        freeFloats += a.length;
    }

    /** Ends the run: arrays still lent (its results, values it did not release) stay with their holders. */
    void endRun() {
        lent.clear();
    }
}
