package dev.dal.dialect.graph.kernel;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * The im2col matrix of a stride-1 convolution with narrow output rows, as SGEMM panels packed from column-shifted
 * planes: for each input channel and kernel column {@code kx}, the plane {@code S[y][ox] = in[y - padTop][ox + kx *
 * dw - padLeft]} (zero outside the input), {@code ow} wide. Im2col row (channel, ky, kx) is then one contiguous run of
 * that plane starting at row {@code ky * dh}, so a panel row is a single copy instead of one short copy per output row
 * ({@link Im2colPanels} copies rows of 8 one by one on a digits CNN's 8x8 planes). The planes take {@code kw} times
 * the input, which is why only narrow outputs use this.
 */
final class Im2colShifted implements Sgemm.PanelSource {
    /** Output rows narrower than this take this layout. */
    static final int MAX_ROW = 32;

    private static final RowOps ROWS = RowOps.INSTANCE;

    private final float[] planes;
    private final int rows, ow, kh, kw, dh;

    /** {@return whether a convolution with this window and output width packs from shifted planes} */
    static boolean applies(Conv.Window win, int ow) {
        return win.sh() == 1 && win.sw() == 1 && ow < MAX_ROW;
    }

    /**
     * Builds the shifted planes over the pool's threads, before any panel is packed (packing reads them, on other
     * threads too).
     *
     * @param inOff where the group's first input channel starts in {@code in}
     * @param cg    the group's input channels
     */
    Im2colShifted(float[] in, int inOff, int cg, int h, int w, int oh, int ow, Conv.Window win, ForkJoinPool pool) {
        this.ow = ow;
        this.kh = win.kh();
        this.kw = win.kw();
        this.dh = win.dh();
        this.rows = oh + (kh - 1) * dh;
        float[] planes = Scratch.floats(Scratch.Slot.IM2COL, cg * kw * rows * ow);
        this.planes = planes;
        int top = win.padTop(), rows = this.rows, kw = this.kw;
        // the input rows that exist, and where they land: the same for every channel and kernel column
        int y0 = Math.min(rows, Math.max(0, top)), y1 = Math.max(y0, Math.min(rows, h + top));
        // on the calling thread these copies were a serial stretch of each 7- to 28-wide convolution (56-104 us)
        Parallel.forRange(pool, cg, Math.max(1, 4096 / Math.max(1, kw * rows * ow)), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                for (int kx = 0; kx < kw; kx++) {
                    int plane = (ch * kw + kx) * rows * ow;
                    int x0 = kx * win.dw() - win.padLeft();
                    int lo = Math.min(ow, Math.max(0, -x0)), hi = Math.max(lo, Math.min(ow, w - x0));
                    Arrays.fill(planes, plane, plane + y0 * ow, 0f);
                    Arrays.fill(planes, plane + y1 * ow, plane + rows * ow, 0f);
                    for (int y = y0, o = plane + y0 * ow; y < y1; y++, o += ow) {
                        for (int x = 0; x < lo; x++) planes[o + x] = 0f;
                        for (int x = hi; x < ow; x++) planes[o + x] = 0f;
                    }
                    if (hi > lo)
                        ROWS.copyRows(
                                in,
                                inOff + (ch * h + y0 - top) * w + x0 + lo,
                                w,
                                planes,
                                plane + y0 * ow + lo,
                                ow,
                                y1 - y0,
                                hi - lo);
                }
            }
        });
    }

    @Override
    public void pack(int pc, int kc, int jc, int ncols, int nr, float[] bp, int bo) {
        int panels = (ncols + nr - 1) / nr;
        for (int p = 0; p < panels; p++) {
            int base = bo + p * nr * kc;
            int j0 = jc + p * nr, width = Math.min(nr, ncols - p * nr);
            // row pc + s is tap (ch, ky, kx): stepped along with s instead of divided out on every row
            int ch = pc / (kh * kw), ky = (pc / kw) % kh, kx = pc % kw;
            for (int s = 0; s < kc; s++) {
                int from = ((ch * kw + kx) * rows + ky * dh) * ow + j0, dst = base + s * nr;
                ROWS.copy(planes, from, bp, dst, width);
                for (int t = width; t < nr; t++) bp[dst + t] = 0f;
                if (++kx == kw) {
                    kx = 0;
                    if (++ky == kh) {
                        ky = 0;
                        ch++;
                    }
                }
            }
        }
    }
}
