package dev.dal.dialect.graph.kernel;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * A convolution's im2col matrix as SGEMM panels, packed straight from the input: row {@code (channel, ky, kx)},
 * column {@code (oy, ox)} is the input element that kernel tap multiplies at that output position (zero in the
 * padding). The im2col matrix is never built: it is {@code kh * kw} times the input, far larger than the caches,
 * and was written once and read again by the packing.
 *
 * <p>A padded input is first copied once into zero-bordered planes, so that every run of a panel row is a plain copy:
 * testing each run against the borders and zeroing one or two floats at its ends cost more than copying it, on the
 * 7- to 56-wide rows of a ResNet or the 8-wide ones of a digits CNN. With a column stride, each padded row is also
 * split into its column phases (phase {@code q} holds columns {@code q, q + sw, q + 2 sw, ...}), so a tap's run is
 * contiguous there too: gathering every second float was half of a ResNet stem's time.
 */
final class Im2colPanels implements Sgemm.PanelSource {
    private static final RowOps ROWS = RowOps.INSTANCE;

    private final float[] src;
    private final int srcOff, hp, wq, pitch, ow;
    private final Conv.Window win;

    /**
     * @param inOff where the group's first input channel starts in {@code in}
     * @param cg    the group's input channels
     * @param ow    the output width (columns {@code j} are {@code oy * ow + ox})
     */
    Im2colPanels(float[] in, int inOff, int cg, int h, int w, int ow, Conv.Window win, ForkJoinPool pool) {
        this.ow = ow;
        this.win = win;
        int hp = h + win.padTop() + win.padBottom();
        this.hp = hp;
        int wp = w + win.padLeft() + win.padRight(), sw = win.sw();
        // a padded row as sw phase rows of wq slots each
        int wq = (wp + sw - 1) / sw, pitch = sw * wq;
        this.wq = wq;
        this.pitch = pitch;
        int top = win.padTop(), left = win.padLeft();
        if (hp == h && wp == w && sw == 1) {
            src = in;
            srcOff = inOff;
            return;
        }
        // before any panel is packed (packing reads it, on other threads too), over the pool's threads: on the
        // calling thread alone these copies were a serial stretch of 70-140 us in a ResNet's padded and strided convs
        float[] src = Scratch.floats(Scratch.Slot.IM2COL, cg * hp * pitch);
        this.src = src;
        srcOff = 0;
        Parallel.forRange(pool, cg, Math.max(1, 4096 / Math.max(1, hp * pitch)), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                int plane = ch * hp * pitch;
                Arrays.fill(src, plane, plane + top * pitch, 0f);
                Arrays.fill(src, plane + (top + h) * pitch, plane + hp * pitch, 0f);
                Depthwise.phase(in, inOff + ch * h * w, h, w, left, sw, wq, 0f, src, plane + top * pitch);
            }
        });
    }

    @Override
    public void pack(int pc, int kc, int jc, int ncols, int nr, float[] bp, int bo) {
        int kh = win.kh(), kw = win.kw(), sh = win.sh(), sw = win.sw();
        // where row pc + s (tap (ch, ky, kx)) reads output position (0, 0): the taps stepped along with s, each
        // column's phase and slot worked out once (divided out per row, they cost as much as the copies)
        int[] colOff = new int[kw];
        for (int kx = 0; kx < kw; kx++) {
            int x = kx * win.dw();
            colOff[kx] = (x % sw) * wq + x / sw;
        }
        int[] starts = new int[kc];
        int ch = pc / (kh * kw), ky = (pc / kw) % kh, kx = pc % kw;
        for (int s = 0; s < kc; s++) {
            starts[s] = srcOff + (ch * hp + ky * win.dh()) * pitch + colOff[kx];
            if (++kx == kw) {
                kx = 0;
                if (++ky == kh) {
                    ky = 0;
                    ch++;
                }
            }
        }
        int panels = (ncols + nr - 1) / nr;
        for (int p = 0; p < panels; p++) {
            int base = bo + p * nr * kc;
            int j0 = jc + p * nr, width = Math.min(nr, ncols - p * nr);
            // a panel's columns are one run of an output row or a few (rows narrower than the panel): each run is
            // the same stretch of every tap's rows, so one call copies it for all kc rows
            int q = 0, oy = j0 / ow, ox = j0 % ow;
            while (q < width) {
                int run = Math.min(width - q, ow - ox);
                ROWS.copyRowsFrom(src, starts, oy * sh * pitch + ox, bp, base + q, nr, kc, run);
                q += run;
                ox = 0;
                oy++;
            }
            if (width < nr)
                for (int s = 0; s < kc; s++) java.util.Arrays.fill(bp, base + s * nr + width, base + (s + 1) * nr, 0f);
        }
    }
}
