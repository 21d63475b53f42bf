package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * 2-D convolution over NCHW (1-D as H = 1): groups (depthwise included), dilations, pads and strides. Grouped and
 * dense convolutions use im2col + SGEMM (1x1 stride-1 unpadded ones multiply the input directly); depthwise ones
 * (one input and one output channel per group) use a direct loop, which is faster for them.
 */
public final class Conv {
    private Conv() {}

    /** The geometry of a 2-D window op: kernel, strides, dilations and pads (top, left, bottom, right). */
    public record Window(
            int kh, int kw, int sh, int sw, int dh, int dw, int padTop, int padLeft, int padBottom, int padRight) {
        /** {@return the output size along H for an input height} (floor) */
        public int outH(int h, boolean ceil) {
            return outSize(h, kh, sh, dh, padTop, padBottom, ceil);
        }

        /** {@return the output size along W for an input width} (floor) */
        public int outW(int w, boolean ceil) {
            return outSize(w, kw, sw, dw, padLeft, padRight, ceil);
        }
    }

    /**
     * {@return the output size of a window along one axis}; in ceil mode, a last window that would start in the end
     * padding is dropped (as ONNX and PyTorch do)
     */
    public static int outSize(int in, int k, int s, int d, int padBegin, int padEnd, boolean ceil) {
        int span = in + padBegin + padEnd - ((k - 1) * d + 1);
        if (span < 0) throw new IllegalArgumentException("window larger than the padded input");
        int out = (ceil ? (span + s - 1) / s : span / s) + 1;
        if (ceil && (out - 1) * s >= in + padBegin) out--;
        return out;
    }

    /**
     * {@return the begin and end pads of ONNX's auto_pad SAME_UPPER / SAME_LOWER along one axis} (output = ceil(in /
     * stride)); the extra pad goes to the end for SAME_UPPER and to the beginning for SAME_LOWER
     */
    public static int[] samePads(int in, int k, int s, int d, boolean upper) {
        int out = (in + s - 1) / s;
        int total = Math.max(0, (out - 1) * s + (k - 1) * d + 1 - in);
        int small = total / 2, big = total - small;
        return upper ? new int[] {small, big} : new int[] {big, small};
    }

    /**
     * {@return the window of an ONNX Conv or pool with 1 or 2 spatial dimensions}
     *
     * @param kernel    kernel_shape (1 or 2 entries)
     * @param strides   strides (empty: all 1)
     * @param dilations dilations (empty: all 1)
     * @param pads      pads as ONNX orders them: all begins, then all ends (empty: all 0)
     */
    public static Window window(long[] kernel, long[] strides, long[] dilations, long[] pads) {
        int r = kernel.length;
        if (r < 1 || r > 2) throw new IllegalArgumentException(r + "-D windows are not supported (1-D and 2-D are)");
        int[] k = new int[2], s = new int[2], d = new int[2], pb = new int[2], pe = new int[2];
        for (int i = 0; i < 2; i++) {
            int src = i - (2 - r);
            k[i] = src < 0 ? 1 : Math.toIntExact(kernel[src]);
            s[i] = src < 0 || strides.length == 0 ? 1 : Math.toIntExact(strides[src]);
            d[i] = src < 0 || dilations.length == 0 ? 1 : Math.toIntExact(dilations[src]);
            pb[i] = src < 0 || pads.length == 0 ? 0 : Math.toIntExact(pads[src]);
            pe[i] = src < 0 || pads.length == 0 ? 0 : Math.toIntExact(pads[r + src]);
        }
        return new Window(k[0], k[1], s[0], s[1], d[0], d[1], pb[0], pb[1], pe[0], pe[1]);
    }

    /**
     * {@return conv(x, w) + bias for 1-D ({@code [N, C, W]}) or 2-D ({@code [N, C, H, W]}) inputs}; the window comes
     * from {@link #window}
     */
    public static Tensor conv(Tensor x, Tensor w, Tensor bias, Window win, int group, ForkJoinPool pool) {
        return conv(x, w, bias, win, group, null, pool);
    }

    /**
     * {@link #conv(Tensor, Tensor, Tensor, Window, int, ForkJoinPool)} followed by {@code epi} (null: none), which
     * each output row gets as soon as its sums and bias are final
     */
    public static Tensor conv(
            Tensor x, Tensor w, Tensor bias, Window win, int group, ConvEpilogue epi, ForkJoinPool pool) {
        if (x.rank() == 3 && w.rank() == 3) {
            Tensor y = conv2d(
                    x.reshape(x.dim(0), x.dim(1), 1, x.dim(2)),
                    w.reshape(w.dim(0), w.dim(1), 1, w.dim(2)),
                    bias,
                    win,
                    group,
                    epi,
                    pool);
            return y.reshape(y.dim(0), y.dim(1), y.dim(3));
        }
        return conv2d(x, w, bias, win, group, epi, pool);
    }

    /**
     * {@return conv(x, w) + bias}
     *
     * @param x    input {@code [N, C, H, W]}
     * @param w    weights {@code [M, C/group, kh, kw]}
     * @param bias {@code [M]} or {@link Tensor#none()}
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, Window win, int group, ForkJoinPool pool) {
        return conv2d(x, w, bias, win, group, null, pool);
    }

    /**
     * {@return epi(conv(x, w) + bias)}, the epilogue (null: none) applied to each output row once it is final
     *
     * @param x    input {@code [N, C, H, W]}
     * @param w    weights {@code [M, C/group, kh, kw]}
     * @param bias {@code [M]} or {@link Tensor#none()}
     */
    public static Tensor conv2d(
            Tensor x, Tensor w, Tensor bias, Window win, int group, ConvEpilogue epi, ForkJoinPool pool) {
        if (x.rank() != 4 || w.rank() != 4) throw new IllegalArgumentException("conv2d needs 4-D input and weights");
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int m = w.dim(0), cg = w.dim(1);
        if (w.dim(2) != win.kh() || w.dim(3) != win.kw())
            throw new IllegalArgumentException("kernel shape does not match the weights " + Arrays.toString(w.shape()));
        if (c % group != 0 || m % group != 0 || cg * group != c)
            throw new IllegalArgumentException("input channels " + c + " and weights " + Arrays.toString(w.shape())
                    + " do not fit group " + group);
        int oh = win.outH(h, false), ow = win.outW(wd, false);
        float[] in = x.floats(), wt = w.floats();
        float[] b = bias.isNone() ? null : bias.floats();
        if (b != null && b.length != m) throw new IllegalArgumentException("bias must have " + m + " elements");
        // every element is written (the GEMM ignores C's old contents; depthwise stores whole rows)
        float[] out = Buffers.floats(n * m * oh * ow);
        int mg = m / group;
        if (cg == 1 && mg == 1) {
            Depthwise.conv(in, wt, b, out, n, c, h, wd, oh, ow, win, epi, pool);
            return Tensor.of(out, n, m, oh, ow);
        }
        int kk = cg * win.kh() * win.kw();
        int ohw = oh * ow;
        boolean direct = win.kh() == 1
                && win.kw() == 1
                && win.sh() == 1
                && win.sw() == 1
                && win.padTop() == 0
                && win.padLeft() == 0
                && win.padBottom() == 0
                && win.padRight() == 0;
        for (int img = 0; img < n; img++) {
            for (int g = 0; g < group; g++) {
                int inOff = (img * c + g * cg) * h * wd;
                int outOff = (img * m + g * mg) * ohw;
                Sgemm.Epilogue rows = rowEpilogue(b, g * mg, epi);
                if (direct) {
                    Sgemm.sgemm(mg, ohw, kk, wt, g * mg * kk, kk, in, inOff, ohw, out, outOff, ohw, rows, pool);
                } else {
                    // the im2col matrix packed panel by panel straight from the input
                    Sgemm.PanelSource cols = Im2colShifted.applies(win, ow)
                            ? new Im2colShifted(in, inOff, cg, h, wd, oh, ow, win, pool)
                            : new Im2colPanels(in, inOff, cg, h, wd, ow, win, pool);
                    Sgemm.sgemm(mg, ohw, kk, wt, g * mg * kk, kk, cols, out, outOff, ohw, rows, pool);
                }
            }
        }
        return Tensor.of(out, n, m, oh, ow);
    }

    /**
     * {@return what the GEMM does to each finished stretch of output row {@code row} (channel {@code channel0 + row}):
     * add the bias, then the epilogue}, or null when there is neither
     */
    private static Sgemm.Epilogue rowEpilogue(float[] b, int channel0, ConvEpilogue epi) {
        if (b == null && epi == null) return null;
        if (b != null && epi != null) return (c, row, off, len) -> epi.applyWithBias(c, off, len, b[channel0 + row]);
        return (c, row, off, len) -> {
            if (b != null) RowOps.INSTANCE.addScalar(c, off, len, b[channel0 + row]);
            if (epi != null) epi.apply(c, off, len);
        };
    }

    /** Rows (channel, ky, kx), columns (oy, ox): the input patch element each output position multiplies. */
    static void im2col(
            float[] in, int inOff, int cg, int h, int w, int oh, int ow, Window win, float[] col, ForkJoinPool pool) {
        int kh = win.kh(), kw = win.kw();
        int rows = cg * kh * kw;
        int ohw = oh * ow;
        Parallel.forRange(pool, rows, Math.max(1, 16384 / Math.max(1, ohw)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int ch = r / (kh * kw), ky = (r / kw) % kh, kx = r % kw;
                int base = r * ohw;
                int plane = inOff + ch * h * w;
                for (int oy = 0; oy < oh; oy++) {
                    int iy = oy * win.sh() - win.padTop() + ky * win.dh();
                    int o = base + oy * ow;
                    if (iy < 0 || iy >= h) {
                        Arrays.fill(col, o, o + ow, 0f);
                        continue;
                    }
                    int rowIn = plane + iy * w;
                    int x0 = kx * win.dw() - win.padLeft();
                    if (win.sw() == 1) {
                        // contiguous: copy the in-range span, zero the rest
                        int lo = Math.max(0, -x0), hi = Math.min(ow, w - x0);
                        if (hi <= lo) {
                            Arrays.fill(col, o, o + ow, 0f);
                            continue;
                        }
                        if (lo > 0) Arrays.fill(col, o, o + lo, 0f);
                        System.arraycopy(in, rowIn + x0 + lo, col, o + lo, hi - lo);
                        if (hi < ow) Arrays.fill(col, o + hi, o + ow, 0f);
                    } else {
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = x0 + ox * win.sw();
                            col[o + ox] = ix >= 0 && ix < w ? in[rowIn + ix] : 0f;
                        }
                    }
                }
            }
        });
    }
}
