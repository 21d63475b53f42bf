package dev.dal.ir.interp;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Float arrays for kernel outputs that the interpreter reuses once the tensor holding them is dead.
 *
 * <p>While a run executes, {@link #floats(int)} hands out arrays from the run's pool: a dead intermediate tensor's
 * array of the same length when there is one (from this run or an earlier one), a new array otherwise. The
 * interpreter takes an array back when the value holding it was used for the last time and no live value shares it
 * (a reshape's view, a sequence element); arrays of the run's results, of constants and of inputs are never taken.
 * Outside a run, and for small arrays, these are plain {@code new float[n]}.
 *
 * <p>Reuse saves the allocation and the zeroing of a fresh array (for a MobileNet's 1x1 expansions, megabytes per op
 * and run) and keeps recently written memory in the caches. An array from here may hold stale data: the caller must
 * write every element ({@link #floats}) or ask for zeros ({@link #zeroedFloats}).
 */
public final class Buffers {
    /**
     * Arrays shorter than this are allocated as usual: for them the pool's book-keeping costs more than it saves. At
     * 4,096 the tiny models' 1-4k-float values were all fresh arrays: allocating them (zeroing memory not in the
     * cache) was a tenth of digits_vit's run, and 256 saved 5-12% of both digits models' time
     * ({@code -Ddal.interp.minPooledFloats} sets it).
     */
    static final int MIN_FLOATS = Integer.getInteger("dal.interp.minPooledFloats", 256);

    private static final ThreadLocal<BufferPool> CURRENT = new ThreadLocal<>();

    /** Every array a pool ever made (weakly): caches keyed by array identity must not hold them. */
    private static final Map<float[], Boolean> POOLED = Collections.synchronizedMap(new WeakHashMap<>());

    private Buffers() {}

    /** {@return a float array of exactly {@code n} elements whose contents are undefined}: write every element */
    public static float[] floats(int n) {
        BufferPool p = n >= MIN_FLOATS ? CURRENT.get() : null;
        return p == null ? new float[n] : p.take(n);
    }

    /** {@return a float array of exactly {@code n} zeros} */
    public static float[] zeroedFloats(int n) {
        BufferPool p = n >= MIN_FLOATS ? CURRENT.get() : null;
        if (p == null) return new float[n];
        float[] a = p.take(n);
        Arrays.fill(a, 0f);
        return a;
    }

    /**
     * {@return whether {@code a} came from a pool}: its contents change when a later op or run reuses it, so a cache
     * keyed by array identity (packed weights) must not keep it
     */
    public static boolean isPooled(float[] a) {
        return a.length >= MIN_FLOATS && POOLED.containsKey(a);
    }

    static void registerPooled(float[] a) {
        POOLED.put(a, Boolean.TRUE);
    }

    /** Makes {@code p} (null: none) the pool of the current thread's run; {@return the previous one} */
    static BufferPool enter(BufferPool p) {
        BufferPool prev = CURRENT.get();
        CURRENT.set(p);
        return prev;
    }
}
