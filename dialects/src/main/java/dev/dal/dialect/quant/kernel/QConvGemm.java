package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Parallel;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The fast path of {@link QConv#conv}: per image and group the input windows are laid out as a
 * {@code [c/group * kh * kw, oh * ow]} matrix (im2col; padding is the centered value 0, which adds nothing), the
 * weights of the group are already that matrix's {@code [o/group, c/group * kh * kw]} left factor, and
 * {@link IntGemm} multiplies them into int32 sums. A 1x1 convolution with stride 1 and no padding multiplies the input
 * itself. With one group the product runs in parallel tiles; with several (depthwise included) the groups are spread
 * over the threads, each with its own im2col buffer. Integer sums wrap and do not depend on their order, so every
 * output equals {@link QConv#reference}'s.
 */
final class QConvGemm {
    private QConvGemm() {}

    static long[] conv(
            ForkJoinPool pool,
            int[] x,
            int[] xShape,
            int[] w,
            int[] wShape,
            Optional<int[]> bias,
            Window2d win,
            int group,
            int oh,
            int ow,
            Requant requant,
            Optional<QConv.Residual> res) {
        int n = xShape[0], c = xShape[1], h = xShape[2], wd = xShape[3];
        int o = wShape[0], cg = wShape[1], kh = wShape[2], kw = wShape[3];
        int og = o / group, kk = cg * kh * kw, pp = oh * ow;
        boolean direct = kh == 1
                && kw == 1
                && win.sh() == 1
                && win.sw() == 1
                && win.padTop() == 0
                && win.padLeft() == 0
                && oh == h
                && ow == wd;
        long[] out = new long[n * o * pp];
        int[] acc = new int[o * pp];
        for (int b = 0; b < n; b++) {
            int image = b * c * h * wd;
            if (group == 1) {
                int[] col = x;
                int colOff = image;
                if (!direct) {
                    int[] cols = new int[kk * pp];
                    Parallel.forRange(
                            pool, kk, 8, (r0, r1) -> im2col(x, image, h, wd, win, kh, kw, oh, ow, cols, r0, r1));
                    col = cols;
                    colOff = 0;
                }
                IntGemm.multiply(pool, false, o, pp, kk, w, 0, kk, col, colOff, pp, acc, 0, pp);
            } else {
                Parallel.forRange(pool, group, 1, (g0, g1) -> {
                    int[] cols = direct ? x : new int[kk * pp];
                    for (int g = g0; g < g1; g++) {
                        int in = image + g * cg * h * wd;
                        if (!direct) im2col(x, in, h, wd, win, kh, kw, oh, ow, cols, 0, kk);
                        IntGemm.kernel()
                                .nn(
                                        w,
                                        g * og * kk,
                                        kk,
                                        cols,
                                        direct ? in : 0,
                                        pp,
                                        acc,
                                        g * og * pp,
                                        pp,
                                        0,
                                        og,
                                        0,
                                        pp,
                                        kk);
                    }
                });
            }
            int outBase = b * o * pp;
            Parallel.forRange(pool, o, 4, (o0, o1) -> {
                for (int oc = o0; oc < o1; oc++) {
                    FixedPoint m = requant.of(oc);
                    int bv = bias.isPresent() ? bias.get()[oc] : 0;
                    int at = outBase + oc * pp;
                    if (res.isPresent()) {
                        for (int p = 0; p < pp; p++, at++)
                            out[at] = QConv.output(acc[oc * pp + p] + bv, m, res, at, requant);
                    } else {
                        for (int p = 0; p < pp; p++, at++) out[at] = requant.store(m.rescale(acc[oc * pp + p] + bv));
                    }
                }
            });
        }
        return out;
    }

    /**
     * Fills rows {@code [r0, r1)} of the im2col matrix of the channels starting at {@code x[in]}: row
     * {@code (ic * kh + i) * kw + j}, column {@code oy * ow + ox} holds the input under window element (i, j) of
     * output (oy, ox), or 0 in the padding.
     */
    static void im2col(
            int[] x, int in, int h, int wd, Window2d win, int kh, int kw, int oh, int ow, int[] col, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int ic = r / (kh * kw), i = r / kw % kh, j = r % kw;
            int plane = in + ic * h * wd;
            for (int oy = 0, dst = r * oh * ow; oy < oh; oy++, dst += ow) {
                int y = win.row(oy, i);
                if (y < 0 || y >= h) {
                    java.util.Arrays.fill(col, dst, dst + ow, 0);
                    continue;
                }
                int src = plane + y * wd;
                for (int ox = 0; ox < ow; ox++) {
                    int xx = win.col(ox, j);
                    col[dst + ox] = xx >= 0 && xx < wd ? x[src + xx] : 0;
                }
            }
        }
    }
}
