package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Parallel;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * The NPU's int8 elementwise binary ops with NumPy broadcasting. {@code add} rescales both inputs to the output scale
 * keeping {@link #ADD_BITS} fraction bits and rounds their sum once; {@code mul} multiplies the centered inputs in
 * int32 and rescales the product by {@code s_a * s_b / s_y}.
 */
public final class QElementwise {
    /** The fraction bits each rescaled addend keeps before the sum is rounded. */
    public static final int ADD_BITS = 8;

    private QElementwise() {}

    /**
     * {@return {@code saturate(zp + round((rescale_a(a) * 2^8 + rescale_b(b) * 2^8) / 2^8))} per output element}
     *
     * @param pool the threads large outputs are spread over
     * @param a centered left input, of shape {@code aShape} (broadcast to {@code outShape})
     * @param b centered right input
     */
    public static long[] add(
            ForkJoinPool pool,
            int[] a,
            int[] aShape,
            int[] b,
            int[] bShape,
            int[] outShape,
            FixedPoint ma,
            FixedPoint mb,
            long zpOut,
            long lo,
            long hi) {
        // an operand of the output's shape is read in place, without an index map
        boolean sameA = Arrays.equals(aShape, outShape), sameB = Arrays.equals(bShape, outShape);
        int[] ia = sameA ? a : Broadcast.indices(aShape, outShape),
                ib = sameB ? b : Broadcast.indices(bShape, outShape);
        long[] out = new long[ia.length];
        Parallel.forRange(pool, out.length, 16_384, (from, to) -> {
            for (int i = from; i < to; i++) {
                int av = sameA ? a[i] : a[ia[i]], bv = sameB ? b[i] : b[ib[i]];
                long sum = ma.rescaleKeepingBits(av, ADD_BITS) + mb.rescaleKeepingBits(bv, ADD_BITS);
                out[i] = Rounding.saturate(zpOut + Rounding.shiftRoundHalfAway(sum, ADD_BITS), lo, hi);
            }
        });
        return out;
    }

    /** {@return {@code saturate(zp + rescale(a * b))} per output element} */
    public static long[] mul(
            int[] a, int[] aShape, int[] b, int[] bShape, int[] outShape, FixedPoint m, long zpOut, long lo, long hi) {
        int[] ia = Broadcast.indices(aShape, outShape), ib = Broadcast.indices(bShape, outShape);
        long[] out = new long[ia.length];
        for (int i = 0; i < out.length; i++)
            out[i] = Rounding.saturate(zpOut + m.rescale((long) a[ia[i]] * b[ib[i]]), lo, hi);
        return out;
    }
}
