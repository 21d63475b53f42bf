package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * 2-D max pooling by rows: each channel is copied into the phased layout of {@link Depthwise} padded with -infinity,
 * so every window column of every stride is a contiguous run, and an output row takes the maximum of whole runs
 * ({@link RowOps}: vectorised). A NaN in a window gives NaN, as in the per-window loop of {@link Pool}.
 */
final class MaxPoolRows {
    private static final RowOps ROWS = RowOps.INSTANCE;

    /** The narrowest output rows worth the phased copy: narrower ones would be one masked vector tail each. */
    static final int MIN_ROW = 16;

    private MaxPoolRows() {}

    /** {@return max pooling of a 4-D input} (ceil mode as in {@link Conv.Window#outH}) */
    static Tensor pool(Tensor x, Conv.Window win, boolean ceil, ForkJoinPool pool) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int oh = win.outH(h, ceil), ow = win.outW(w, ceil);
        int kh = win.kh(), kw = win.kw(), sw = win.sw(), dw = win.dw();
        int slots = ow + ((kw - 1) * dw) / sw + 1;
        float[] in = x.floats();
        float[] out = Buffers.floats(n * c * oh * ow); // every row is stored
        // where window column kx's run starts in a phased row: the same in every row, so worked out here instead of
        // with two divisions by the stride per column and output row
        int[] col = new int[kw];
        for (int kx = 0; kx < kw; kx++) col[kx] = (kx * dw % sw) * slots + kx * dw / sw;
        // channels per task: at least about 16k window taps, so small planes are not split into tiny tasks
        Parallel.forRange(pool, n * c, Math.max(1, (1 << 14) / Math.max(1, oh * ow * kh * kw)), (from, to) -> {
            float[] plane = Scratch.floats(Scratch.Slot.DEPTHWISE_PLANE, h * sw * slots);
            float[] acc = Scratch.floats(Scratch.Slot.DEPTHWISE_ACC, ow);
            for (int p = from; p < to; p++) {
                Depthwise.phase(in, p * h * w, h, w, win.padLeft(), sw, slots, Float.NEGATIVE_INFINITY, plane, 0);
                for (int oy = 0; oy < oh; oy++) {
                    Arrays.fill(acc, 0, ow, Float.NEGATIVE_INFINITY);
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * win.sh() - win.padTop() + ky * win.dh();
                        if (iy < 0 || iy >= h) continue;
                        int rowBase = iy * sw * slots;
                        int kx = 0;
                        for (; kx + 3 <= kw; kx += 3)
                            ROWS.max3(acc, ow, plane, rowBase + col[kx], rowBase + col[kx + 1], rowBase + col[kx + 2]);
                        for (; kx < kw; kx++) ROWS.max1(acc, ow, plane, rowBase + col[kx]);
                    }
                    System.arraycopy(acc, 0, out, (p * oh + oy) * ow, ow);
                }
            }
        });
        return Tensor.of(out, n, c, oh, ow);
    }
}
