package dev.dal.dialect.graph.kernel;

import java.util.concurrent.ForkJoinPool;

/**
 * Depthwise 2-D convolution (one input and one output channel per group). Each channel's input is first copied into a
 * zero-padded plane split by column phase (column {@code x} of the padded row goes to phase {@code x % sw}, slot
 * {@code x / sw}), so every kernel tap of every stride reads a contiguous run with no bounds tests; the output row
 * then accumulates three taps at a time into a row buffer ({@link RowOps}: vectorised). The sums run in the same order as the plain
 * loop (bias, then the taps row by row, left to right), so results are the same.
 */
final class Depthwise {
    private static final RowOps ROWS = RowOps.INSTANCE;

    private Depthwise() {}

    /**
     * Computes {@code out[n, c] = bias[c] + conv(in[n, c], wt[c])} for every image and channel.
     *
     * @param b   the bias, or null
     * @param epi applied to each output row once it is final, or null
     */
    static void conv(
            float[] in,
            float[] wt,
            float[] b,
            float[] out,
            int n,
            int c,
            int h,
            int w,
            int oh,
            int ow,
            Conv.Window win,
            ConvEpilogue epi,
            ForkJoinPool pool) {
        int kh = win.kh(), kw = win.kw(), sw = win.sw(), dw = win.dw();
        // slots per phase: enough for ox + (kx*dw)/sw over the whole output row
        int slots = ow + ((kw - 1) * dw) / sw + 1;
        // channels per task: at least about 16k window taps, so small planes are not split into tiny tasks
        Parallel.forRange(pool, n * c, Math.max(1, (1 << 14) / Math.max(1, oh * ow * kh * kw)), (from, to) -> {
            float[] plane = new float[h * sw * slots];
            float[] acc = new float[ow];
            for (int p = from; p < to; p++) {
                int ch = p % c;
                phase(in, p * h * w, h, w, win.padLeft(), sw, slots, 0f, plane);
                int op = p * oh * ow, wo = ch * kh * kw;
                float bv = b == null ? 0f : b[ch];
                for (int oy = 0; oy < oh; oy++) {
                    java.util.Arrays.fill(acc, 0, ow, bv);
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * win.sh() - win.padTop() + ky * win.dh();
                        if (iy < 0 || iy >= h) continue;
                        int rowBase = iy * sw * slots;
                        int kx = 0;
                        for (; kx + 3 <= kw; kx += 3) {
                            int a0 = tap(rowBase, kx, dw, sw, slots);
                            int a1 = tap(rowBase, kx + 1, dw, sw, slots);
                            int a2 = tap(rowBase, kx + 2, dw, sw, slots);
                            float w0 = wt[wo + ky * kw + kx], w1 = wt[wo + ky * kw + kx + 1];
                            float w2 = wt[wo + ky * kw + kx + 2];
                            ROWS.taps3(acc, ow, plane, a0, w0, a1, w1, a2, w2);
                        }
                        for (; kx < kw; kx++) {
                            int a0 = tap(rowBase, kx, dw, sw, slots);
                            float w0 = wt[wo + ky * kw + kx];
                            ROWS.taps1(acc, ow, plane, a0, w0);
                        }
                    }
                    System.arraycopy(acc, 0, out, op + oy * ow, ow);
                    if (epi != null) epi.apply(out, op + oy * ow, ow);
                }
            }
        });
    }

    /** {@return where tap {@code kx}'s run starts in the phased copy of one input row} */
    private static int tap(int rowBase, int kx, int dw, int sw, int slots) {
        int x = kx * dw;
        return rowBase + (x % sw) * slots + x / sw;
    }

    /**
     * Copies a channel's rows into the phased, padded layout: padded column x at phase x % sw, slot x / sw; slots
     * outside the input hold {@code pad}.
     */
    static void phase(float[] in, int off, int h, int w, int padLeft, int sw, int slots, float pad, float[] plane) {
        for (int y = 0; y < h; y++) {
            int src = off + y * w, dst = y * sw * slots;
            for (int q = 0; q < sw; q++) {
                // slot s of phase q holds input column s*sw + q - padLeft
                int d = dst + q * slots;
                int first = Math.min(slots, Math.max(0, Math.ceilDiv(padLeft - q, sw)));
                int end = Math.max(first, Math.min(slots, Math.ceilDiv(w + padLeft - q, sw)));
                java.util.Arrays.fill(plane, d, d + first, pad);
                if (sw == 1) {
                    System.arraycopy(in, src + first - padLeft, plane, d + first, end - first);
                } else {
                    for (int s = first, x = first * sw + q - padLeft; s < end; s++, x += sw) plane[d + s] = in[src + x];
                }
                java.util.Arrays.fill(plane, d + end, d + slots, pad);
            }
        }
    }
}
