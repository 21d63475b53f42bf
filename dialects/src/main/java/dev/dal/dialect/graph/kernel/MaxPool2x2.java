package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.concurrent.ForkJoinPool;

/**
 * 2x2 max pooling with stride 2, no padding or dilation, over an input of even height and width (digits_cnn's and
 * most CNNs' down-sampling): each pair of input rows is reduced to one row of vertical maxima, then the whole run of
 * those rows to the maxima of neighbouring pairs, both as long vector passes ({@link RowOps}). The per-window loop
 * ({@link Pool}) was a chain of four dependent {@code Math.max} per output on planes of 8x8 and 4x4. {@code max}
 * is associative and commutative (NaN wins, +0 above -0), so the result equals the per-window one.
 */
final class MaxPool2x2 {
    private static final RowOps ROWS = RowOps.INSTANCE;

    private MaxPool2x2() {}

    /** {@return whether the window, on an input of height h and width w, is the case this class handles} */
    static boolean applies(Conv.Window win, int h, int w, boolean ceil) {
        return win.kh() == 2
                && win.kw() == 2
                && win.sh() == 2
                && win.sw() == 2
                && win.dh() == 1
                && win.dw() == 1
                && win.padTop() == 0
                && win.padLeft() == 0
                && win.padBottom() == 0
                && win.padRight() == 0
                && h % 2 == 0
                && w % 2 == 0
                && win.outH(h, ceil) == h / 2
                && win.outW(w, ceil) == w / 2;
    }

    /** {@return max pooling of a 4-D input of even height and width with a 2x2, stride-2 window} */
    static Tensor pool(Tensor x, ForkJoinPool pool) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int rows = n * c * (h / 2), ow = w / 2; // output rows over all planes, and their width
        float[] in = x.floats();
        float[] out = Buffers.floats(rows * ow); // every element is stored
        // output rows per task: at least about 16k inputs, so small inputs stay on one thread
        Parallel.forRange(pool, rows, Math.max(1, (1 << 14) / Math.max(1, 2 * w)), (from, to) -> {
            float[] vertical = Scratch.floats(Scratch.Slot.DEPTHWISE_ACC, (to - from) * w);
            for (int r = from; r < to; r++) ROWS.max2(in, 2 * r * w, (2 * r + 1) * w, vertical, (r - from) * w, w);
            ROWS.pairMax(vertical, 0, out, from * ow, (to - from) * ow);
        });
        return Tensor.of(out, n, c, h / 2, w / 2);
    }
}
