package dev.dal.dialect.graph.kernel;

import java.util.concurrent.ForkJoinPool;

/**
 * Depthwise 2-D convolution (one input and one output channel per group). Each channel's input is first copied into a
 * zero-padded plane split by row and column phase ({@link #phase2d}), so every kernel tap of every stride reads a
 * contiguous run with no bounds tests. A 3x3 window then sums all nine taps of a vector of outputs in registers and
 * applies a ReLU or clip before the store ({@link RowOps#taps9}), straight into the output for rows of 32 and more, into
 * a band buffer copied out for narrower ones; other windows accumulate three taps at a time into the band buffer
 * ({@link RowOps#taps3}). The sums run in the same order as the plain loop (bias, then the taps row by row, left to
 * right), so results are the same.
 */
final class Depthwise {
    private static final RowOps ROWS = RowOps.INSTANCE;

    private Depthwise() {}

    /** The narrowest output rows that the nine-tap kernel writes straight into the output. */
    private static final int DIRECT_WIDTH = 32;

    /** Output rows per pass: about this many floats of accumulator, so it stays in the L1 cache. */
    private static final int BAND_FLOATS = 2048;

    /**
     * Computes {@code out[n, c] = bias[c] + conv(in[n, c], wt[c])} for every image and channel. Each channel's padded
     * input is split by row phase and column phase ({@link #phase2d}), so that for one tap the inputs of a whole band
     * of output rows form one contiguous run with the output rows' pitch: each tap is one vector pass over the band
     * (a 7x7 plane is one pass per three taps instead of seven), the padding columns between the rows computed and
     * dropped. Rows of the padding take part as zeros, as padded columns do.
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
        int kh = win.kh(), kw = win.kw(), sh = win.sh(), sw = win.sw(), dh = win.dh(), dw = win.dw();
        int slots = ow + ((kw - 1) * dw) / sw, rslots = oh + ((kh - 1) * dh) / sh;
        int block = rslots * slots;
        boolean nine = kh == 3 && kw == 3;
        // rows this wide go from the nine-tap kernel straight into the output, one row per call, with no band buffer
        // to copy out (that copy was a sixth of a 112x112 plane's time); narrower rows are mostly tail, so there a
        // band per call pays
        boolean direct = nine && ow >= DIRECT_WIDTH;
        int band = direct ? 1 : Math.max(1, Math.min(oh, BAND_FLOATS / slots));
        RowOps.Finish finish = epi == null ? RowOps.Finish.NONE : epi.finish();
        // a residual is read at the output's own offsets, so it is added row by row in the output
        boolean perRow = epi != null && epi.hasResidual();
        // where each tap's run starts in the phased plane, per band: the same for every channel (worked out per
        // channel, the divisions by the strides cost as much as a 7x7 channel's taps)
        int bands = (oh + band - 1) / band;
        int[][] runs = new int[bands][kh * kw];
        for (int bi = 0; bi < bands; bi++)
            for (int ky = 0; ky < kh; ky++) {
                int ry = ky * dh;
                int rowBase = (ry % sh) * sw * block + (ry / sh + bi * band) * slots;
                for (int kx = 0; kx < kw; kx++) runs[bi][ky * kw + kx] = tap2d(rowBase, kx, dw, sw, block);
            }
        // channels per task: at least about 16k window taps, so small planes are not split into tiny tasks
        Parallel.forRange(pool, n * c, Math.max(1, (1 << 14) / Math.max(1, oh * ow * kh * kw)), (from, to) -> {
            float[] plane = Scratch.floats(Scratch.Slot.DEPTHWISE_PLANE, sh * sw * block);
            float[] acc = Scratch.floats(Scratch.Slot.DEPTHWISE_ACC, (band - 1) * slots + ow);
            // every channel's copy has the same zero border: written once per chunk, then only the inside per channel
            java.util.Arrays.fill(plane, 0, sh * sw * block, 0f);
            for (int p = from; p < to; p++) {
                int ch = p % c;
                phase2d(in, p * h * w, h, w, win.padTop(), win.padLeft(), sh, sw, rslots, slots, plane);
                int op = p * oh * ow, wo = ch * kh * kw;
                float bv = b == null ? 0f : b[ch];
                for (int oy0 = 0; oy0 < oh; oy0 += band) {
                    int rows = Math.min(band, oh - oy0);
                    int len = (rows - 1) * slots + ow;
                    int[] at = runs[oy0 / band];
                    if (direct) {
                        int o = op + oy0 * ow;
                        ROWS.taps9(out, o, ow, bv, plane, at, wt, wo, finish);
                        if (perRow) epi.apply(out, o, ow);
                        else if (epi != null && finish.kind() == RowOps.Finish.Kind.NONE) epi.activate(out, o, ow);
                        continue;
                    }
                    if (nine) {
                        // a 3x3 window: all nine taps and a ReLU or clip in registers, one pass over the band
                        ROWS.taps9(acc, 0, len, bv, plane, at, wt, wo, finish);
                        if (epi != null && !perRow && finish.kind() == RowOps.Finish.Kind.NONE)
                            epi.activate(acc, 0, len);
                    } else {
                        taps(acc, len, bv, plane, at, wt, wo, kh * kw);
                        if (epi != null && !perRow) epi.activate(acc, 0, len);
                    }
                    // an activation runs over the whole band at once (rows of 7-28 outputs would be mostly scalar
                    // tails; the dropped columns between rows are computed too, harmlessly); a residual is read at
                    // the output's offsets, so it goes row by row
                    if (!perRow) ROWS.copyRows(acc, 0, slots, out, op + oy0 * ow, ow, rows, ow);
                    else
                        for (int r = 0; r < rows; r++) {
                            int o = op + (oy0 + r) * ow;
                            ROWS.copy(acc, r * slots, out, o, ow);
                            epi.apply(out, o, ow);
                        }
                }
            }
        });
    }

    /**
     * Any window: the bias, then the taps three at a time, each a pass over the band's accumulator; tap {@code t}
     * reads the run from {@code at[t]} with weight {@code wt[wo + t]}.
     */
    private static void taps(float[] acc, int len, float bv, float[] plane, int[] at, float[] wt, int wo, int count) {
        java.util.Arrays.fill(acc, 0, len, bv);
        int t = 0;
        for (; t + 3 <= count; t += 3)
            ROWS.taps3(acc, len, plane, at[t], wt[wo + t], at[t + 1], wt[wo + t + 1], at[t + 2], wt[wo + t + 2]);
        for (; t < count; t++) ROWS.taps1(acc, len, plane, at[t], wt[wo + t]);
    }

    /** {@return where tap {@code kx}'s run starts in the row-and-column phased copy, from its row's base} */
    private static int tap2d(int rowBase, int kx, int dw, int sw, int block) {
        int x = kx * dw;
        return rowBase + (x % sw) * block + x / sw;
    }

    /**
     * Copies a channel into the row-and-column phased, zero-padded layout: padded row {@code y}, column {@code x} at
     * block {@code (y % sh) * sw + x % sw}, row slot {@code y / sh}, column slot {@code x / sw} (blocks of {@code
     * rslots x slots}). Only the input's own elements are written: everything outside it must be 0 already (the
     * caller zeroes the plane once, and every channel of one convolution has the same border).
     */
    static void phase2d(
            float[] in,
            int off,
            int h,
            int w,
            int padTop,
            int padLeft,
            int sh,
            int sw,
            int rslots,
            int slots,
            float[] plane) {
        int block = rslots * slots;
        if (sh == 1 && sw == 1) {
            // one phase: the input's rows land at row slots padTop.., columns padLeft.., in one call
            int rs0 = Math.min(rslots, padTop), rows = Math.max(0, Math.min(rslots, padTop + h) - rs0);
            int first = Math.min(slots, padLeft), end = Math.max(first, Math.min(slots, w + padLeft));
            ROWS.copyRows(
                    in,
                    off + (rs0 - padTop) * w + first - padLeft,
                    w,
                    plane,
                    rs0 * slots + first,
                    slots,
                    rows,
                    end - first);
            return;
        }
        if (sw == 2) {
            // each row phase's and column phase's rows in one call: row slot rs of row phase rp holds input row
            // rs * sh + rp - padTop, for the slots where that row exists
            for (int rp = 0; rp < sh; rp++) {
                int rs0 = Math.max(0, Math.ceilDiv(padTop - rp, sh));
                int rs1 = Math.min(rslots, Math.ceilDiv(h + padTop - rp, sh));
                if (rs1 <= rs0) continue;
                int src = off + (rs0 * sh + rp - padTop) * w;
                for (int q = 0; q < 2; q++) {
                    int first = Math.min(slots, Math.max(0, Math.ceilDiv(padLeft - q, 2)));
                    int end = Math.max(first, Math.min(slots, Math.ceilDiv(w + padLeft - q, 2)));
                    int d = (rp * 2 + q) * block + rs0 * slots;
                    ROWS.gather2Rows(in, src + q - padLeft, sh * w, plane, d, slots, rs1 - rs0, first, end);
                }
            }
            return;
        }
        for (int rp = 0; rp < sh; rp++) {
            for (int rs = 0; rs < rslots; rs++) {
                int iy = rs * sh + rp - padTop;
                int src = off + iy * w;
                for (int q = 0; q < sw; q++) {
                    int d = (rp * sw + q) * block + rs * slots;
                    if (iy < 0 || iy >= h) continue;
                    // slot s of column phase q holds input column s*sw + q - padLeft
                    int first = Math.min(slots, Math.max(0, Math.ceilDiv(padLeft - q, sw)));
                    int end = Math.max(first, Math.min(slots, Math.ceilDiv(w + padLeft - q, sw)));
                    if (sw == 1) {
                        ROWS.copy(in, src + first - padLeft, plane, d + first, end - first);
                    } else if (sw == 2) {
                        ROWS.gather2(in, src + q - padLeft, plane, d, first, end);
                    } else {
                        for (int s = first, x = first * sw + q - padLeft; s < end; s++, x += sw)
                            plane[d + s] = in[src + x];
                    }
                }
            }
        }
    }

    /**
     * Copies a channel's rows into the phased, padded layout from {@code plane[po]}: padded column x at phase x % sw,
     * slot x / sw; slots outside the input hold {@code pad}.
     */
    static void phase(
            float[] in, int off, int h, int w, int padLeft, int sw, int slots, float pad, float[] plane, int po) {
        int pitch = sw * slots;
        for (int q = 0; q < sw; q++) {
            // slot s of phase q holds input column s*sw + q - padLeft: the same slots in every row, so worked out once
            // per phase (per row, these divisions cost as much as the copy) and each phase's rows copied in one call
            int first = Math.min(slots, Math.max(0, Math.ceilDiv(padLeft - q, sw)));
            int end = Math.max(first, Math.min(slots, Math.ceilDiv(w + padLeft - q, sw)));
            int d = po + q * slots;
            // the borders are a float or two: loops, where Arrays.fill's set-up cost more than the row
            for (int y = 0, o = d; y < h; y++, o += pitch) {
                for (int s = 0; s < first; s++) plane[o + s] = pad;
                for (int s = end; s < slots; s++) plane[o + s] = pad;
            }
            if (end == first) continue;
            if (sw == 1) ROWS.copyRows(in, off + first - padLeft, w, plane, d + first, pitch, h, end - first);
            else if (sw == 2) ROWS.gather2Rows(in, off + q - padLeft, w, plane, d, pitch, h, first, end);
            else
                for (int y = 0; y < h; y++)
                    for (int s = first, x = first * sw + q - padLeft; s < end; s++, x += sw)
                        plane[d + y * pitch + s] = in[off + y * w + x];
        }
    }
}
