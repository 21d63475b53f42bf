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
        // rows narrower than a vector are all tail: the plain loop below is faster there (digits_cnn's 8- and 4-wide)
        if (max && ow >= MaxPoolRows.MIN_ROW) return MaxPoolRows.pool(x, win, ceil, pool);
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
