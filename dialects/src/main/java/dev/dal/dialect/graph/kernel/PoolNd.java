package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Max and average pooling with any number of spatial dimensions, and max pooling's {@code Indices} output. {@link Pool}
 * has the tuned 1-D and 2-D paths without indices.
 */
public final class PoolNd {
    private PoolNd() {}

    /**
     * The results of a max pooling: the maxima and, when asked for, the flat index of each in the input.
     *
     * @param indices i64 indices, or {@link Tensor#none()}
     */
    public record MaxResult(Tensor values, Tensor indices) {}

    /**
     * {@return max pooling of {@code x [N, C, D1, ..., Dn]}}; the first maximum of a window wins (NaN counts as a
     * maximum). An index counts over the whole input, {@code ((n * C + c) * D1 + d1) * D2 + ...}, or, with
     * {@code columnMajor} ({@code storage_order = 1}), with the spatial coordinates in column-major order
     * ({@code (n * C + c) * D1 * ... * Dn + d1 + D1 * (d2 + D2 * ...)}).
     */
    public static MaxResult maxPool(
            Tensor x, WindowNd win, boolean ceil, boolean withIndices, boolean columnMajor, ForkJoinPool pool) {
        Plan p = plan(x, win, ceil);
        float[] in = x.floats(), out = new float[p.planes * p.outPlane];
        long[] idx = withIndices ? new long[out.length] : null;
        Parallel.forEach(pool, p.planes, plane -> {
            int[] o = new int[p.n], k = new int[p.n];
            int ib = plane * p.inPlane;
            for (int op = 0; op < p.outPlane; op++) {
                float best = Float.NEGATIVE_INFINITY;
                int at = -1;
                Arrays.fill(k, 0);
                for (int kp = 0; kp < p.kernel; kp++) {
                    int off = p.offset(o, k);
                    if (off >= 0) {
                        float v = in[ib + off];
                        if (at < 0 || v > best || (Float.isNaN(v) && !Float.isNaN(best))) {
                            best = v;
                            at = off;
                        }
                    }
                    p.next(k, win.kernel());
                }
                out[plane * p.outPlane + op] = best;
                if (idx != null)
                    idx[plane * p.outPlane + op] = at < 0 ? -1 : (long) ib + (columnMajor ? p.columnMajor(at) : at);
                p.next(o, p.out);
            }
        });
        Tensor values = Tensor.of(out, p.outShape);
        return new MaxResult(values, idx == null ? Tensor.none() : Tensor.of(idx, p.outShape));
    }

    /**
     * {@return average pooling of {@code x [N, C, D1, ..., Dn]}}
     *
     * @param countIncludePad whether pad positions count in the divisor (positions past the padded input, which
     *                        ceil mode can add, never count)
     */
    public static Tensor averagePool(Tensor x, WindowNd win, boolean ceil, boolean countIncludePad, ForkJoinPool pool) {
        Plan p = plan(x, win, ceil);
        float[] in = x.floats(), out = new float[p.planes * p.outPlane];
        Parallel.forEach(pool, p.planes, plane -> {
            int[] o = new int[p.n], k = new int[p.n];
            int ib = plane * p.inPlane;
            for (int op = 0; op < p.outPlane; op++) {
                float sum = 0;
                int count = 0, padded = 0;
                Arrays.fill(k, 0);
                for (int kp = 0; kp < p.kernel; kp++) {
                    int off = p.offset(o, k);
                    if (off >= 0) {
                        sum += in[ib + off];
                        count++;
                        padded++;
                    } else if (p.inPadded(o, k)) padded++;
                    p.next(k, win.kernel());
                }
                out[plane * p.outPlane + op] = sum / (countIncludePad ? padded : count);
                p.next(o, p.out);
            }
        });
        return Tensor.of(out, p.outShape);
    }

    private static Plan plan(Tensor x, WindowNd win, boolean ceil) {
        int n = win.rank();
        if (x.rank() != n + 2)
            throw new IllegalArgumentException("a " + n + "-D pooling needs a rank " + (n + 2) + " input");
        int[] in = Arrays.copyOfRange(x.shape(), 2, n + 2);
        int[] out = win.outSizes(in, ceil);
        int[] outShape = x.shape();
        System.arraycopy(out, 0, outShape, 2, n);
        return new Plan(n, win, in, out, outShape, x.dim(0) * x.dim(1));
    }

    /** Index arithmetic of one pooling: sizes, strides and the walk over output and kernel positions. */
    private static final class Plan {
        final int n, planes, inPlane, outPlane, kernel;
        final WindowNd win;
        final int[] in, out, outShape, inStride;

        Plan(int n, WindowNd win, int[] in, int[] out, int[] outShape, int planes) {
            this.n = n;
            this.win = win;
            this.in = in;
            this.out = out;
            this.outShape = outShape;
            this.planes = planes;
            this.inPlane = WindowNd.product(in);
            this.outPlane = WindowNd.product(out);
            this.kernel = win.kernelSize();
            this.inStride = new int[n];
            for (int a = n - 1, s = 1; a >= 0; a--) {
                inStride[a] = s;
                s *= in[a];
            }
        }

        /** {@return the input coordinate along axis a of output position o[a] and kernel position k[a]} */
        int coord(int a, int[] o, int[] k) {
            return o[a] * win.strides()[a] - win.padBegin()[a] + k[a] * win.dilations()[a];
        }

        /** {@return the offset in the input plane that kernel position k meets at output position o, or -1} */
        int offset(int[] o, int[] k) {
            int off = 0;
            for (int a = 0; a < n; a++) {
                int i = coord(a, o, k);
                if (i < 0 || i >= in[a]) return -1;
                off += i * inStride[a];
            }
            return off;
        }

        /** {@return whether the position is inside the input or its pads} */
        boolean inPadded(int[] o, int[] k) {
            for (int a = 0; a < n; a++) {
                int i = coord(a, o, k);
                if (i < -win.padBegin()[a] || i >= in[a] + win.padEnd()[a]) return false;
            }
            return true;
        }

        /** {@return a row-major plane offset re-expressed in column-major order} */
        int columnMajor(int off) {
            int cm = 0, scale = 1;
            for (int a = 0; a < n; a++) {
                cm += (off / inStride[a]) % in[a] * scale;
                scale *= in[a];
            }
            return cm;
        }

        /** Advances a row-major multi-index over the given sizes. */
        void next(int[] idx, int[] sizes) {
            for (int a = n - 1; a >= 0 && ++idx[a] == sizes[a]; a--) idx[a] = 0;
        }
    }
}
