package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Convolution with any number of spatial dimensions (3-D and up; {@link Conv} has the tuned 1-D and 2-D paths) and
 * transposed convolution of any rank, both as SGEMM over an unfolded input: convolution multiplies the weights by
 * the im2col matrix of the input; transposed convolution multiplies the transposed weights by the input and folds the
 * product back onto the output (col2im), which is the adjoint of the same unfolding.
 */
public final class ConvNd {
    private ConvNd() {}

    /**
     * {@return conv(x, w) + bias}
     *
     * @param x    input {@code [N, C, D1, ..., Dn]}
     * @param w    weights {@code [M, C/group, k1, ..., kn]}
     * @param bias {@code [M]} or {@link Tensor#none()}
     */
    public static Tensor conv(Tensor x, Tensor w, Tensor bias, WindowNd win, int group, ForkJoinPool pool) {
        int n = win.rank();
        if (x.rank() != n + 2 || w.rank() != n + 2)
            throw new IllegalArgumentException(
                    "a " + n + "-D convolution needs rank " + (n + 2) + " input and weights");
        int batch = x.dim(0), c = x.dim(1), m = w.dim(0), cg = w.dim(1);
        for (int i = 0; i < n; i++)
            if (w.dim(i + 2) != win.kernel()[i])
                throw new IllegalArgumentException(
                        "kernel shape does not match the weights " + Arrays.toString(w.shape()));
        if (group < 1 || m % group != 0 || cg * group != c)
            throw new IllegalArgumentException("input channels " + c + " and weights " + Arrays.toString(w.shape())
                    + " do not fit group " + group);
        int[] in = Arrays.copyOfRange(x.shape(), 2, n + 2);
        int[] out = win.outSizes(in, false);
        int inPlane = WindowNd.product(in), outPlane = WindowNd.product(out);
        int mg = m / group, kk = cg * win.kernelSize();
        float[] xs = x.floats(), ws = w.floats();
        float[] y = new float[batch * m * outPlane];
        float[] col = Scratch.floats(Scratch.Slot.IM2COL, kk * outPlane);
        for (int img = 0; img < batch; img++) {
            for (int g = 0; g < group; g++) {
                im2col(xs, (img * c + g * cg) * inPlane, cg, in, out, win, col, pool);
                Sgemm.sgemm(
                        false,
                        false,
                        mg,
                        outPlane,
                        kk,
                        1f,
                        ws,
                        g * mg * kk,
                        kk,
                        col,
                        0,
                        outPlane,
                        0f,
                        y,
                        (img * m + g * mg) * outPlane,
                        outPlane,
                        pool);
            }
        }
        addBias(y, bias, batch, m, outPlane, pool);
        int[] shape = new int[n + 2];
        shape[0] = batch;
        shape[1] = m;
        System.arraycopy(out, 0, shape, 2, n);
        return Tensor.of(y, shape);
    }

    /**
     * {@return the transposed convolution of x}: every input element scatters its product with the kernel onto the
     * output at {@code i * stride - padBegin + k * dilation}
     *
     * @param x       input {@code [N, C, D1, ..., Dn]}
     * @param w       weights {@code [C, M/group, k1, ..., kn]}
     * @param bias    {@code [M]} or {@link Tensor#none()}
     * @param win     kernel, strides, dilations and the begin pads (the end pads do not matter: {@code outSizes}
     *                says where the output ends)
     * @param outSize the output spatial sizes
     */
    public static Tensor convTranspose(
            Tensor x, Tensor w, Tensor bias, WindowNd win, int[] outSize, int group, ForkJoinPool pool) {
        int n = win.rank();
        if (x.rank() != n + 2 || w.rank() != n + 2)
            throw new IllegalArgumentException(
                    "a " + n + "-D transposed convolution needs rank " + (n + 2) + " input and weights");
        int batch = x.dim(0), c = x.dim(1), mg = w.dim(1);
        for (int i = 0; i < n; i++)
            if (w.dim(i + 2) != win.kernel()[i])
                throw new IllegalArgumentException(
                        "kernel shape does not match the weights " + Arrays.toString(w.shape()));
        if (group < 1 || c % group != 0 || w.dim(0) != c)
            throw new IllegalArgumentException("input channels " + c + " and weights " + Arrays.toString(w.shape())
                    + " do not fit group " + group);
        for (int o : outSize) if (o < 0) throw new IllegalArgumentException("negative output size");
        int m = mg * group, cg = c / group, kernel = win.kernelSize();
        int[] in = Arrays.copyOfRange(x.shape(), 2, n + 2);
        int inPlane = WindowNd.product(in), outPlane = WindowNd.product(outSize);
        int rows = mg * kernel;
        float[] xs = x.floats(), ws = w.floats();
        float[] y = new float[batch * m * outPlane];
        float[] col = Scratch.floats(Scratch.Slot.IM2COL, rows * inPlane);
        for (int img = 0; img < batch; img++) {
            for (int g = 0; g < group; g++) {
                // col[(oc, k), i] = sum over input channels ic of w[ic, oc, k] * x[ic, i]
                Sgemm.sgemm(
                        true,
                        false,
                        rows,
                        inPlane,
                        cg,
                        1f,
                        ws,
                        g * cg * rows,
                        rows,
                        xs,
                        (img * c + g * cg) * inPlane,
                        inPlane,
                        0f,
                        col,
                        0,
                        inPlane,
                        pool);
                col2im(col, mg, in, outSize, win, y, (img * m + g * mg) * outPlane, pool);
            }
        }
        addBias(y, bias, batch, m, outPlane, pool);
        int[] shape = new int[n + 2];
        shape[0] = batch;
        shape[1] = m;
        System.arraycopy(outSize, 0, shape, 2, n);
        return Tensor.of(y, shape);
    }

    private static void addBias(float[] y, Tensor bias, int batch, int m, int plane, ForkJoinPool pool) {
        if (bias.isNone()) return;
        float[] b = bias.floats();
        if (b.length != m) throw new IllegalArgumentException("bias must have " + m + " elements");
        Parallel.forRange(pool, batch * m, Math.max(1, 8192 / Math.max(1, plane)), (from, to) -> {
            for (int p = from; p < to; p++) {
                float v = b[p % m];
                for (int i = p * plane, e = i + plane; i < e; i++) y[i] += v;
            }
        });
    }

    /** {@return the coordinates of a kernel position (row-major over the kernel sizes)} */
    private static int[] kernelOffsets(int k, int[] kernel) {
        int[] off = new int[kernel.length];
        for (int i = kernel.length - 1; i >= 0; i--) {
            off[i] = k % kernel[i];
            k /= kernel[i];
        }
        return off;
    }

    /**
     * Unfolds the input: row (channel, kernel position), column output position holds the input element that the
     * kernel position meets there (0 in the padding).
     */
    static void im2col(float[] x, int xOff, int cg, int[] in, int[] out, WindowNd win, float[] col, ForkJoinPool pool) {
        int n = in.length, kernel = win.kernelSize();
        int outPlane = WindowNd.product(out), inPlane = WindowNd.product(in);
        int last = n - 1, ow = out[last], iw = in[last];
        int sw = win.strides()[last], lines = outPlane / Math.max(1, ow);
        int[] inStride = strides(in);
        Parallel.forRange(pool, cg * kernel, Math.max(1, 16384 / Math.max(1, outPlane)), (from, to) -> {
            int[] o = new int[n];
            for (int r = from; r < to; r++) {
                int ch = r / kernel;
                int[] k = kernelOffsets(r % kernel, win.kernel());
                int plane = xOff + ch * inPlane;
                int x0 = k[last] * win.dilations()[last] - win.padBegin()[last];
                // output columns ox with 0 <= x0 + ox * sw < iw
                int lo = x0 >= 0 ? 0 : (-x0 + sw - 1) / sw;
                int hi = Math.min(ow, x0 >= iw ? 0 : (iw - 1 - x0) / sw + 1);
                Arrays.fill(o, 0);
                for (int line = 0; line < lines; line++) {
                    int dst = r * outPlane + line * ow;
                    int src = plane;
                    boolean inside = hi > lo;
                    for (int a = 0; a < last && inside; a++) {
                        int i = o[a] * win.strides()[a] - win.padBegin()[a] + k[a] * win.dilations()[a];
                        inside = i >= 0 && i < in[a];
                        src += i * inStride[a];
                    }
                    if (!inside) Arrays.fill(col, dst, dst + ow, 0f);
                    else {
                        if (lo > 0) Arrays.fill(col, dst, dst + lo, 0f);
                        if (sw == 1) System.arraycopy(x, src + x0 + lo, col, dst + lo, hi - lo);
                        else for (int ox = lo; ox < hi; ox++) col[dst + ox] = x[src + x0 + ox * sw];
                        if (hi < ow) Arrays.fill(col, dst + hi, dst + ow, 0f);
                    }
                    for (int a = last - 1; a >= 0 && ++o[a] == out[a]; a--) o[a] = 0;
                }
            }
        });
    }

    /**
     * Folds the product back: adds col row (output channel, kernel position), column input position to the output
     * element that kernel position reaches from that input position. Parallel over output channels, so no two tasks
     * write the same element.
     */
    static void col2im(
            float[] col, int channels, int[] in, int[] out, WindowNd win, float[] y, int yOff, ForkJoinPool pool) {
        int n = in.length, kernel = win.kernelSize();
        int outPlane = WindowNd.product(out), inPlane = WindowNd.product(in);
        int last = n - 1, ow = out[last], iw = in[last];
        int sw = win.strides()[last], lines = inPlane / Math.max(1, iw);
        int[] outStride = strides(out);
        Parallel.forEach(pool, channels, ch -> {
            int[] i = new int[n];
            int plane = yOff + ch * outPlane;
            for (int kIdx = 0; kIdx < kernel; kIdx++) {
                int[] k = kernelOffsets(kIdx, win.kernel());
                int row = (ch * kernel + kIdx) * inPlane;
                int x0 = k[last] * win.dilations()[last] - win.padBegin()[last];
                // input columns ix with 0 <= x0 + ix * sw < ow
                int lo = x0 >= 0 ? 0 : (-x0 + sw - 1) / sw;
                int hi = Math.min(iw, x0 >= ow ? 0 : (ow - 1 - x0) / sw + 1);
                if (hi <= lo) continue;
                Arrays.fill(i, 0);
                for (int line = 0; line < lines; line++) {
                    int dst = plane;
                    boolean inside = true;
                    for (int a = 0; a < last && inside; a++) {
                        int o = i[a] * win.strides()[a] - win.padBegin()[a] + k[a] * win.dilations()[a];
                        inside = o >= 0 && o < out[a];
                        dst += o * outStride[a];
                    }
                    if (inside) {
                        int src = row + line * iw;
                        if (sw == 1) for (int ix = lo; ix < hi; ix++) y[dst + x0 + ix] += col[src + ix];
                        else for (int ix = lo; ix < hi; ix++) y[dst + x0 + ix * sw] += col[src + ix];
                    }
                    for (int a = last - 1; a >= 0 && ++i[a] == in[a]; a--) i[a] = 0;
                }
            }
        });
    }

    /** {@return the row-major strides of a tensor of the given sizes} */
    private static int[] strides(int[] sizes) {
        int[] st = new int[sizes.length];
        for (int a = sizes.length - 1, s = 1; a >= 0; a--) {
            st[a] = s;
            s *= sizes[a];
        }
        return st;
    }
}
