package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.concurrent.ForkJoinPool;

/** 2-D pooling over NCHW (1-D as H = 1): MaxPool, AveragePool (count_include_pad, ceil_mode), global pools. */
public final class Pool {
    private Pool() {}

    /** {@return max pooling of x} */
    public static Tensor maxPool(Tensor x, Conv.Window win, boolean ceil, ForkJoinPool pool) {
        return pool2d(x, win, ceil, true, false, pool);
    }

    /**
     * {@return average pooling of x}
     *
     * @param countIncludePad whether pad positions count in the divisor (positions past the padded input, which
     *                        ceil mode can add, never count)
     */
    public static Tensor averagePool(
            Tensor x, Conv.Window win, boolean ceil, boolean countIncludePad, ForkJoinPool pool) {
        return pool2d(x, win, ceil, false, countIncludePad, pool);
    }

    /** {@return max (or average) pooling of a 1-D {@code [N, C, W]} or 2-D input; the window from {@link Conv#window}} */
    public static Tensor pool(
            Tensor x, Conv.Window win, boolean ceil, boolean max, boolean countIncludePad, ForkJoinPool pool) {
        if (x.rank() == 3) {
            Tensor y = pool2d(x.reshape(x.dim(0), x.dim(1), 1, x.dim(2)), win, ceil, max, countIncludePad, pool);
            return y.reshape(y.dim(0), y.dim(1), y.dim(3));
        }
        return pool2d(x, win, ceil, max, countIncludePad, pool);
    }

    private static Tensor pool2d(
            Tensor x, Conv.Window win, boolean ceil, boolean max, boolean includePad, ForkJoinPool pool) {
        if (x.rank() != 4) throw new IllegalArgumentException("pooling needs a 4-D input");
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int oh = win.outH(h, ceil), ow = win.outW(w, ceil);
        if (max && MaxPool2x2.applies(win, h, w, ceil)) return MaxPool2x2.pool(x, pool);
        // rows narrower than a vector would be all tail: a plain loop per window is faster there
        if (max)
            return ow >= MaxPoolRows.MIN_ROW ? MaxPoolRows.pool(x, win, ceil, pool) : maxNarrow(x, win, ceil, pool);
        float[] in = x.floats();
        float[] out = Buffers.floats(n * c * oh * ow);
        Parallel.forEach(pool, n * c, p -> {
            int ip = p * h * w, op = p * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                int y0 = oy * win.sh() - win.padTop();
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = ox * win.sw() - win.padLeft();
                    float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                    int count = 0, padCount = 0;
                    for (int ky = 0; ky < win.kh(); ky++) {
                        int iy = y0 + ky * win.dh();
                        boolean inPadY = iy >= -win.padTop() && iy < h + win.padBottom();
                        for (int kx = 0; kx < win.kw(); kx++) {
                            int ix = x0 + kx * win.dw();
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                float v = in[ip + iy * w + ix];
                                if (max) {
                                    if (v > acc || Float.isNaN(v)) acc = v;
                                } else acc += v;
                                count++;
                                padCount++;
                            } else if (inPadY && ix >= -win.padLeft() && ix < w + win.padRight()) padCount++;
                        }
                    }
                    out[op + oy * ow + ox] = max ? acc : acc / (includePad ? padCount : count);
                }
            }
        });
        return Tensor.of(out, n, c, oh, ow);
    }

    /**
     * {@return max pooling of a 4-D input with narrow output rows}: each window's in-range taps (their bounds worked
     * out once per row and column, not tested per tap); NaN wins, as in {@link MaxPoolRows}
     */
    private static Tensor maxNarrow(Tensor x, Conv.Window win, boolean ceil, ForkJoinPool pool) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int oh = win.outH(h, ceil), ow = win.outW(w, ceil);
        int kh = win.kh(), kw = win.kw(), dh = win.dh(), dw = win.dw();
        float[] in = x.floats();
        float[] out = Buffers.floats(n * c * oh * ow);
        // each window's in-range taps, once per row and per column (divisions cost more than the taps)
        int[] kyLo = new int[oh], kyHi = new int[oh], kxLo = new int[ow], kxHi = new int[ow];
        for (int oy = 0; oy < oh; oy++) {
            int y0 = oy * win.sh() - win.padTop();
            kyLo[oy] = firstTap(y0, dh);
            kyHi[oy] = endTap(y0, dh, kh, h);
        }
        for (int ox = 0; ox < ow; ox++) {
            int x0 = ox * win.sw() - win.padLeft();
            kxLo[ox] = firstTap(x0, dw);
            kxHi[ox] = endTap(x0, dw, kw, w);
        }
        Parallel.forRange(pool, n * c, Math.max(1, (1 << 14) / Math.max(1, oh * ow * kh * kw)), (from, to) -> {
            for (int p = from; p < to; p++) {
                int ip = p * h * w, op = p * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    int y0 = oy * win.sh() - win.padTop();
                    for (int ox = 0; ox < ow; ox++) {
                        int x0 = ox * win.sw() - win.padLeft();
                        float acc = Float.NEGATIVE_INFINITY;
                        for (int ky = kyLo[oy]; ky < kyHi[oy]; ky++) {
                            int row = ip + (y0 + ky * dh) * w + x0;
                            for (int kx = kxLo[ox]; kx < kxHi[ox]; kx++) acc = Math.max(acc, in[row + kx * dw]);
                        }
                        out[op + oy * ow + ox] = acc;
                    }
                }
            }
        });
        return Tensor.of(out, n, c, oh, ow);
    }

    /** {@return the first tap {@code k} with {@code start + k * d >= 0}} */
    private static int firstTap(int start, int d) {
        return start >= 0 ? 0 : Math.ceilDiv(-start, d);
    }

    /** {@return one past the last tap {@code k < taps} with {@code start + k * d < size}} */
    private static int endTap(int start, int d, int taps, int size) {
        return Math.max(0, Math.min(taps, Math.ceilDiv(size - start, d)));
    }

    /** {@return the mean (or max) over all spatial positions of an {@code [N, C, ...]} tensor, keeping rank} */
    public static Tensor global(Tensor x, boolean max, ForkJoinPool pool) {
        if (x.rank() < 2) throw new IllegalArgumentException("global pooling needs [N, C, ...]");
        int n = x.dim(0), c = x.dim(1);
        int plane = n * c == 0 ? 0 : x.size() / (n * c);
        float[] in = x.floats();
        float[] out = new float[n * c];
        Parallel.forRange(pool, n * c, Math.max(1, 8192 / Math.max(1, plane)), (from, to) -> {
            for (int p = from; p < to; p++) {
                int o = p * plane;
                if (max) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < plane; i++) m = Math.max(m, in[o + i]);
                    out[p] = m;
                } else {
                    double s = 0;
                    for (int i = 0; i < plane; i++) s += in[o + i];
                    out[p] = (float) (s / plane);
                }
            }
        });
        int[] shape = x.shape();
        for (int i = 2; i < shape.length; i++) shape[i] = 1;
        return Tensor.of(out, shape);
    }
}
