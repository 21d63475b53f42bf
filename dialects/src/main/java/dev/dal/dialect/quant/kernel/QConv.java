package dev.dal.dialect.quant.kernel;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The int8 convolution of the NPU (2-D, NCHW, grouped): int8 x int8 products accumulated in int32 (wrapping as
 * 32-bit hardware does), the int32 bias added, the sum rescaled per output channel by its fixed-point factor, an
 * optional residual rescaled to the output scale and added, the output zero point added, and the result clamped to
 * {@code [lo, hi]} (the storage range narrowed by the activation).
 *
 * <p>With a residual both terms keep {@link #RESIDUAL_BITS} fraction bits and the sum is rounded once, half away from
 * zero: {@code y = round(rescale_c(acc) * 2^8 + rescale_r(r) * 2^8) / 2^8}.
 *
 * <p>{@link #conv} computes it fast (im2col and an integer GEMM, see {@link QConvGemm}); {@link #reference} is the
 * plain loop that states the arithmetic, and the two agree bit for bit.
 */
public final class QConv {
    /** The fraction bits kept when a rescaled residual is added before the final rounding. */
    public static final int RESIDUAL_BITS = 8;

    private QConv() {}

    /** A residual input: its stored values minus its zero point, and its rescale to the output scale. */
    public record Residual(int[] centered, FixedPoint rescale) {}

    /**
     * {@return the output's stored values, {@code [n, o, oh, ow]} row-major}
     *
     * @param pool    the threads to spread the work over
     * @param x       input minus its zero point, {@code [n, c, h, w]}
     * @param xShape  {@code [n, c, h, w]}
     * @param w       weights minus their zero points, {@code [o, c / group, kh, kw]}
     * @param wShape  the weight shape
     * @param bias    int32 bias per output channel, if any
     * @param win     the window geometry (kernel size from the weights)
     * @param group   the number of groups
     * @param oh      output height
     * @param ow      output width
     * @param requant how each sum becomes a stored value
     * @param res     the residual, {@code [n, o, oh, ow]}, if any
     */
    public static long[] conv(
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
            Optional<Residual> res) {
        return QConvGemm.conv(pool, x, xShape, w, wShape, bias, win, group, oh, ow, requant, res);
    }

    /**
     * {@return the output's stored values by the plain loop that states the arithmetic, {@code [n, o, oh, ow]}}
     *
     * @param x       input minus its zero point, {@code [n, c, h, w]}
     * @param xShape  {@code [n, c, h, w]}
     * @param w       weights minus their zero points, {@code [o, c / group, kh, kw]}
     * @param wShape  the weight shape
     * @param bias    int32 bias per output channel, if any
     * @param win     the window geometry (kernel size from the weights)
     * @param group   the number of groups
     * @param oh      output height
     * @param ow      output width
     * @param requant how each sum becomes a stored value
     * @param res     the residual, {@code [n, o, oh, ow]}, if any
     */
    public static long[] reference(
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
            Optional<Residual> res) {
        int n = xShape[0], c = xShape[1], h = xShape[2], wd = xShape[3];
        int o = wShape[0], cg = wShape[1], kh = wShape[2], kw = wShape[3];
        int og = o / group;
        long[] out = new long[n * o * oh * ow];
        // the window columns inside the input, per output column: no bounds test in the inner loop
        int[] jFirst = new int[ow], jEnd = new int[ow];
        for (int ox = 0; ox < ow; ox++) {
            jFirst[ox] = win.firstInside(ox, kw, wd, false);
            jEnd[ox] = win.endInside(ox, kw, wd, false);
        }
        int at = 0;
        for (int b = 0; b < n; b++)
            for (int oc = 0; oc < o; oc++) {
                int g = oc / og;
                FixedPoint m = requant.of(oc);
                int bv = bias.isPresent() ? bias.get()[oc] : 0;
                for (int oy = 0; oy < oh; oy++) {
                    int iLo = win.firstInside(oy, kh, h, true), iHi = win.endInside(oy, kh, h, true);
                    for (int ox = 0; ox < ow; ox++, at++) {
                        int jLo = jFirst[ox], jHi = jEnd[ox];
                        int acc = 0;
                        for (int ic = 0; ic < cg; ic++) {
                            int xc = ((b * c) + g * cg + ic) * h;
                            int wBase = (oc * cg + ic) * kh;
                            for (int i = iLo; i < iHi; i++) {
                                int xRow = (xc + win.row(oy, i)) * wd, wRow = (wBase + i) * kw;
                                for (int j = jLo; j < jHi; j++) acc += x[xRow + win.col(ox, j)] * w[wRow + j];
                            }
                        }
                        out[at] = output(acc + bv, m, res, at, requant);
                    }
                }
            }
        return out;
    }

    /** {@return the stored output of the int32 sum {@code acc} (bias included) at flat output index {@code at}} */
    static long output(int acc, FixedPoint m, Optional<Residual> res, int at, Requant requant) {
        long v = res.isEmpty()
                ? m.rescale(acc)
                : Rounding.shiftRoundHalfAway(
                        m.rescaleKeepingBits(acc, RESIDUAL_BITS)
                                + res.get()
                                        .rescale()
                                        .rescaleKeepingBits(res.get().centered()[at], RESIDUAL_BITS),
                        RESIDUAL_BITS);
        return requant.store(v);
    }
}
