package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Parallel;
import java.util.concurrent.ForkJoinPool;

/**
 * The NPU's int8 pooling over NCHW data. Max pooling compares stored values (exact; input and output share their
 * type). Average pooling sums the centered values in int32, rescales the sum by {@code s_x / s_y} keeping
 * {@link #AVG_BITS} fraction bits, and divides by the element count rounding half away from zero.
 */
public final class QPool {
    /** The fraction bits the rescaled sum keeps before the division by the count. */
    public static final int AVG_BITS = 8;

    private QPool() {}

    /** {@return the largest stored value of each window (padding is ignored), {@code [n, c, oh, ow]}} */
    public static long[] maxPool(ForkJoinPool pool, int[] x, int[] xShape, Window2d win, int oh, int ow) {
        int nc = xShape[0] * xShape[1], h = xShape[2], w = xShape[3];
        long[] out = new long[nc * oh * ow];
        Parallel.forRange(pool, nc, Math.max(1, 16_384 / Math.max(1, oh * ow)), (p0, p1) -> {
            for (int p = p0, at = p0 * oh * ow; p < p1; p++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++, at++) {
                        int best = Integer.MIN_VALUE;
                        for (int i = 0; i < win.kh(); i++) {
                            int y = win.row(oy, i);
                            if (y < 0 || y >= h) continue;
                            for (int j = 0; j < win.kw(); j++) {
                                int xx = win.col(ox, j);
                                if (xx >= 0 && xx < w) best = Math.max(best, x[(p * h + y) * w + xx]);
                            }
                        }
                        out[at] = best;
                    }
        });
        return out;
    }

    /**
     * {@return the average of each window as a stored value}; padded positions count as real 0 when
     * {@code countIncludePad}
     *
     * @param x centered input, {@code [n, c, h, w]}
     */
    public static long[] averagePool(
            int[] x,
            int[] xShape,
            Window2d win,
            int oh,
            int ow,
            boolean countIncludePad,
            FixedPoint m,
            long zpOut,
            long lo,
            long hi) {
        int nc = xShape[0] * xShape[1], h = xShape[2], w = xShape[3];
        long[] out = new long[nc * oh * ow];
        int at = 0;
        for (int p = 0; p < nc; p++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++, at++) {
                    int acc = 0, count = 0;
                    for (int i = 0; i < win.kh(); i++) {
                        int y = win.row(oy, i);
                        for (int j = 0; j < win.kw(); j++) {
                            int xx = win.col(ox, j);
                            boolean inside = y >= 0 && y < h && xx >= 0 && xx < w;
                            if (inside) acc += x[(p * h + y) * w + xx];
                            if (inside || countIncludePad) count++;
                        }
                    }
                    out[at] = average(acc, Math.max(count, 1), m, zpOut, lo, hi);
                }
        return out;
    }

    /** {@return the average of each {@code [n, c]} plane as a stored value, {@code [n, c]}} */
    public static long[] globalAveragePool(
            int[] x, int planes, int planeSize, FixedPoint m, long zpOut, long lo, long hi) {
        long[] out = new long[planes];
        for (int p = 0; p < planes; p++) {
            int acc = 0;
            for (int i = 0; i < planeSize; i++) acc += x[p * planeSize + i];
            out[p] = average(acc, planeSize, m, zpOut, lo, hi);
        }
        return out;
    }

    /** {@return {@code saturate(zp + round(rescale(sum) * 2^8 / count / 2^8))}} */
    static long average(int sum, int count, FixedPoint m, long zpOut, long lo, long hi) {
        long scaled = m.rescaleKeepingBits(sum, AVG_BITS);
        return Rounding.saturate(zpOut + Rounding.divRoundHalfAway(scaled, (long) count << AVG_BITS), lo, hi);
    }
}
