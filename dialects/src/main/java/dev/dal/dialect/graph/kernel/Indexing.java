package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Index-producing and index-consuming ops for tensors of any element type: TopK, NonZero and GatherND. Elements are
 * moved with {@link System#arraycopy} on the storage arrays, so values are never converted.
 */
public final class Indexing {
    private Indexing() {}

    /** The two results of TopK: the selected values and their {@code i64} positions along the axis. */
    public record TopK(Tensor values, Tensor indices) {}

    /**
     * {@return the {@code k} largest (or smallest) elements of {@code x} along {@code axis}, with their indices}
     * (ONNX TopK). Equal values keep the order of their indices, the lower first, in both directions; integers
     * compare exactly, floats numerically (-0 equal to 0, NaN above everything). The result is always sorted, which
     * also satisfies {@code sorted = 0} (ONNX leaves that order unspecified).
     *
     * @param axis negative counts from the end
     */
    public static TopK topK(Tensor x, long k, int axis, boolean largest) {
        int r = x.rank();
        if (axis < 0) axis += r;
        if (axis < 0 || axis >= r) throw new IllegalArgumentException("axis out of range for rank " + r);
        int[] s = x.shape();
        int n = s[axis];
        if (k < 0 || k > n)
            throw new IllegalArgumentException("k = " + k + " is out of range [0, " + n + "] for axis " + axis);
        int outer = prod(s, 0, axis), inner = prod(s, axis + 1, r), kk = (int) k;
        int[] os = s.clone();
        os[axis] = kk;
        Tensor values = Tensor.zeros(x.dtype(), os);
        long[] idx = new long[outer * kk * inner];
        Object src = x.array(), dst = values.array();
        boolean exact = !x.dtype().isFloat();
        Integer[] order = new Integer[n];
        long[] ik = new long[n];
        double[] fk = new double[n];
        for (int o = 0; o < outer; o++)
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                    if (exact) ik[i] = x.getLong(base + i * inner);
                    else fk[i] = x.getDouble(base + i * inner);
                }
                // a stable sort keeps equal values in index order
                Arrays.sort(order, (p, q) -> {
                    int c = exact ? Long.compare(ik[p], ik[q]) : compareFloats(fk[p], fk[q]);
                    return largest ? -c : c;
                });
                for (int j = 0; j < kk; j++) {
                    int at = (o * kk + j) * inner + in;
                    System.arraycopy(src, base + order[j] * inner, dst, at, 1);
                    idx[at] = order[j];
                }
            }
        return new TopK(values, Tensor.of(idx, os));
    }

    /** {@return the order of two floats: -0 equals 0, NaN is above everything} */
    private static int compareFloats(double a, double b) {
        return a == b ? 0 : Double.compare(a, b);
    }

    /**
     * {@return the coordinates of the non-zero elements of {@code x}}, one column per element in row-major order
     * ({@code [rank, count]}, {@code i64}; ONNX NonZero). A scalar has rank 0, so its result is {@code [0, count]}.
     */
    public static Tensor nonZero(Tensor x) {
        if (x.dtype() == DType.STRING) throw new IllegalArgumentException("string tensors have no zero");
        int r = x.rank(), n = x.size();
        int[] s = x.shape();
        List<Integer> hits = new ArrayList<>();
        boolean fl = x.dtype().isFloat();
        for (int i = 0; i < n; i++) if (fl ? x.getDouble(i) != 0 : x.getLong(i) != 0) hits.add(i);
        int c = hits.size();
        long[] out = new long[r * c];
        for (int j = 0; j < c; j++) {
            int at = hits.get(j);
            for (int d = r - 1; d >= 0; d--) {
                out[d * c + j] = at % s[d];
                at /= s[d];
            }
        }
        return Tensor.of(out, r, c);
    }

    /**
     * {@return the slices of {@code data} addressed by the last dimension of {@code indices}} (ONNX GatherND). The
     * first {@code batchDims} dimensions of both are batch dimensions and must agree; each index tuple of length
     * {@code m} picks an element (or slice) from its batch's {@code data[b..., :]}. The result's shape is
     * {@code indices.shape[:-1] + data.shape[batchDims + m:]}. Negative indices count from the end.
     */
    public static Tensor gatherNd(Tensor data, Tensor indices, int batchDims) {
        int r = data.rank(), q = indices.rank();
        int[] ds = data.shape(), is = indices.shape();
        if (q < 1) throw new IllegalArgumentException("indices must have rank at least 1");
        int m = is[q - 1];
        if (batchDims < 0 || batchDims >= Math.min(r, q))
            throw new IllegalArgumentException(
                    "batch_dims " + batchDims + " must be below the ranks of data and indices");
        if (batchDims + m > r)
            throw new IllegalArgumentException("index tuples of length " + m + " are too long for data of rank " + r
                    + " with batch_dims " + batchDims);
        for (int d = 0; d < batchDims; d++)
            if (ds[d] != is[d])
                throw new IllegalArgumentException("batch dimension " + d + " differs: data " + Tensor.shapeText(ds)
                        + ", indices " + Tensor.shapeText(is));
        int[] os = new int[q - 1 + r - batchDims - m];
        System.arraycopy(is, 0, os, 0, q - 1);
        System.arraycopy(ds, batchDims + m, os, q - 1, r - batchDims - m);
        Tensor out = Tensor.zeros(data.dtype(), os);
        int batches = prod(ds, 0, batchDims);
        int tuplesPerBatch = prod(is, batchDims, q - 1);
        int slice = prod(ds, batchDims + m, r), batchSize = prod(ds, batchDims, r);
        Object src = data.array(), dst = out.array();
        for (int b = 0; b < batches; b++)
            for (int t = 0; t < tuplesPerBatch; t++) {
                int tuple = (b * tuplesPerBatch + t) * m;
                int at = b * batchSize + offset(indices, tuple, ds, batchDims, m) * slice;
                System.arraycopy(src, at, dst, (b * tuplesPerBatch + t) * slice, slice);
            }
        return out;
    }

    /**
     * {@return the row-major offset, in units of the trailing slice, of the index tuple starting at element
     * {@code from} of {@code indices}, which addresses dims {@code [first, first + m)} of {@code shape}}
     */
    static int offset(Tensor indices, int from, int[] shape, int first, int m) {
        int at = 0;
        for (int j = 0; j < m; j++) {
            int dim = shape[first + j];
            long v = indices.getLong(from + j);
            long w = v < 0 ? v + dim : v;
            if (w < 0 || w >= dim)
                throw new IllegalArgumentException("index " + v + " is out of range [" + -dim + ", " + (dim - 1)
                        + "] for a dimension of size " + dim);
            at = at * dim + (int) w;
        }
        return at;
    }

    static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }
}
