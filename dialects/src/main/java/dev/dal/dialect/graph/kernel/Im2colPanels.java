package dev.dal.dialect.graph.kernel;

import java.util.Arrays;

/**
 * A convolution's im2col matrix as SGEMM panels, packed straight from the input: row {@code (channel, ky, kx)},
 * column {@code (oy, ox)} is the input element that kernel tap multiplies at that output position (zero in the
 * padding). The im2col matrix is never built: it is {@code kh * kw} times the input, far larger than the caches,
 * and was written once and read again by the packing.
 */
final class Im2colPanels implements Sgemm.PanelSource {
    private final float[] in;
    private final int inOff, h, w, ow;
    private final Conv.Window win;

    /**
     * @param inOff where the group's first input channel starts in {@code in}
     * @param ow    the output width (columns {@code j} are {@code oy * ow + ox})
     */
    Im2colPanels(float[] in, int inOff, int h, int w, int ow, Conv.Window win) {
        this.in = in;
        this.inOff = inOff;
        this.h = h;
        this.w = w;
        this.ow = ow;
        this.win = win;
    }

    @Override
    public void pack(int pc, int kc, int jc, int ncols, int nr, float[] bp, int bo) {
        int kh = win.kh(), kw = win.kw(), sw = win.sw();
        int panels = (ncols + nr - 1) / nr;
        for (int p = 0; p < panels; p++) {
            int base = bo + p * nr * kc;
            int j0 = jc + p * nr, width = Math.min(nr, ncols - p * nr);
            for (int s = 0; s < kc; s++) {
                int r = pc + s;
                int ch = r / (kh * kw), ky = (r / kw) % kh, kx = r % kw;
                int plane = inOff + ch * h * w;
                int dst = base + s * nr;
                int xOff = kx * win.dw() - win.padLeft();
                // walk the panel's columns output row by output row
                int q = 0, oy = j0 / ow, ox = j0 % ow;
                while (q < width) {
                    int run = Math.min(width - q, ow - ox);
                    int iy = oy * win.sh() - win.padTop() + ky * win.dh();
                    int d = dst + q;
                    if (iy < 0 || iy >= h) {
                        zero(bp, d, d + run);
                    } else {
                        int row = plane + iy * w;
                        int x0 = ox * sw + xOff;
                        if (sw == 1) {
                            int lo = Math.min(run, Math.max(0, -x0)), hi = Math.max(lo, Math.min(run, w - x0));
                            if (lo > 0) zero(bp, d, d + lo);
                            if (hi > lo) System.arraycopy(in, row + x0 + lo, bp, d + lo, hi - lo);
                            if (hi < run) zero(bp, d + hi, d + run);
                        } else {
                            for (int t = 0, ix = x0; t < run; t++, ix += sw)
                                bp[d + t] = ix >= 0 && ix < w ? in[row + ix] : 0f;
                        }
                    }
                    q += run;
                    ox = 0;
                    oy++;
                }
                if (width < nr) zero(bp, dst + width, dst + nr);
            }
        }
    }

    /** Zeroes {@code [from, to)}: the padding runs are mostly one or two floats, too short for {@code Arrays.fill}. */
    private static void zero(float[] a, int from, int to) {
        if (to - from > 16) Arrays.fill(a, from, to, 0f);
        else for (int i = from; i < to; i++) a[i] = 0f;
    }
}
