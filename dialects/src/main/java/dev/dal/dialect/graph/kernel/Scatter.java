package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.Locale;

/**
 * ScatterND and ScatterElements for tensors of any numeric element type: a copy of {@code data} with
 * {@code updates} written (or combined by a reduction) at the places the indices name. Updates are applied in the
 * row-major order of {@code updates}, so with reduction {@code none} the last write to a place wins.
 */
public final class Scatter {
    private Scatter() {}

    /** How an update combines with the element already there. */
    public enum Reduction {
        /** the update replaces the element */
        NONE,
        /** element + update */
        ADD,
        /** element * update */
        MUL,
        /** the larger of the two */
        MAX,
        /** the smaller of the two */
        MIN;

        /** {@return the reduction of an ONNX {@code reduction} attribute value ({@code none, add, mul, max, min})} */
        public static Reduction of(String name) {
            for (Reduction r : values()) if (r.name().toLowerCase(Locale.ROOT).equals(name)) return r;
            throw new IllegalArgumentException("unknown reduction '" + name + "'");
        }

        double apply(double old, double u) {
            return switch (this) {
                case NONE -> u;
                case ADD -> old + u;
                case MUL -> old * u;
                case MAX -> Math.max(old, u);
                case MIN -> Math.min(old, u);
            };
        }

        long apply(long old, long u) {
            return switch (this) {
                case NONE -> u;
                case ADD -> old + u;
                case MUL -> old * u;
                case MAX -> Math.max(old, u);
                case MIN -> Math.min(old, u);
            };
        }
    }

    /**
     * {@return data with {@code updates} scattered at the index tuples of {@code indices}} (ONNX ScatterND). Each
     * tuple (the last dimension of {@code indices}, length {@code m}) addresses a slice
     * {@code data[i_0, ..., i_{m-1}, :]}; {@code updates} has shape {@code indices.shape[:-1] + data.shape[m:]}.
     * Negative indices count from the end.
     */
    public static Tensor scatterNd(Tensor data, Tensor indices, Tensor updates, Reduction reduction) {
        requireSameType(data, updates);
        int r = data.rank(), q = indices.rank();
        int[] ds = data.shape(), is = indices.shape(), us = updates.shape();
        if (q < 1) throw new IllegalArgumentException("indices must have rank at least 1");
        int m = is[q - 1];
        if (m > r) throw new IllegalArgumentException("index tuples of length " + m + " exceed the data rank " + r);
        int[] want = new int[q - 1 + r - m];
        System.arraycopy(is, 0, want, 0, q - 1);
        System.arraycopy(ds, m, want, q - 1, r - m);
        if (!java.util.Arrays.equals(want, us))
            throw new IllegalArgumentException(
                    "updates have shape " + Tensor.shapeText(us) + ", expected " + Tensor.shapeText(want));
        Tensor out = copy(data);
        int tuples = Indexing.prod(is, 0, q - 1), slice = Indexing.prod(ds, m, r);
        for (int t = 0; t < tuples; t++) {
            int at = Indexing.offset(indices, t * m, ds, 0, m) * slice;
            for (int j = 0; j < slice; j++) combine(out, at + j, updates, t * slice + j, reduction);
        }
        return out;
    }

    /**
     * {@return data with each element of {@code updates} written along {@code axis} at the position its index gives}
     * (ONNX ScatterElements): update {@code [i_0, ..., i_k, ...]} goes to {@code [i_0, ..., indices[i...], ...]} with
     * the index replacing coordinate {@code axis}. {@code indices} and {@code updates} have the same shape, no larger
     * than data's in any other dimension. Negative indices and axis count from the end.
     */
    public static Tensor scatterElements(Tensor data, Tensor indices, Tensor updates, int axis, Reduction reduction) {
        requireSameType(data, updates);
        int r = data.rank();
        if (axis < 0) axis += r;
        if (axis < 0 || axis >= r) throw new IllegalArgumentException("axis out of range for rank " + r);
        int[] ds = data.shape(), is = indices.shape();
        if (!java.util.Arrays.equals(is, updates.shape()))
            throw new IllegalArgumentException("indices " + Tensor.shapeText(is) + " and updates "
                    + Tensor.shapeText(updates.shape()) + " have different shapes");
        if (is.length != r) throw new IllegalArgumentException("indices must have the data's rank " + r);
        for (int d = 0; d < r; d++)
            if (d != axis && is[d] > ds[d]) throw new IllegalArgumentException("indices exceed data in dimension " + d);
        int[] stride = new int[r];
        for (int d = r - 1, st = 1; d >= 0; d--) {
            stride[d] = st;
            st *= ds[d];
        }
        Tensor out = copy(data);
        int[] coord = new int[r];
        int n = indices.size();
        for (int u = 0; u < n; u++) {
            long v = indices.getLong(u);
            long w = v < 0 ? v + ds[axis] : v;
            if (w < 0 || w >= ds[axis])
                throw new IllegalArgumentException("index " + v + " is out of range [" + -ds[axis] + ", "
                        + (ds[axis] - 1) + "] for axis " + axis + " of size " + ds[axis]);
            int at = 0;
            for (int d = 0; d < r; d++) at += (d == axis ? (int) w : coord[d]) * stride[d];
            combine(out, at, updates, u, reduction);
            for (int d = r - 1; d >= 0 && ++coord[d] == is[d]; d--) coord[d] = 0;
        }
        return out;
    }

    private static void combine(Tensor out, int at, Tensor updates, int u, Reduction reduction) {
        if (reduction == Reduction.NONE) System.arraycopy(updates.array(), u, out.array(), at, 1);
        else if (out.dtype().isFloat()) out.setDouble(at, reduction.apply(out.getDouble(at), updates.getDouble(u)));
        else out.setLong(at, reduction.apply(out.getLong(at), updates.getLong(u)));
    }

    private static void requireSameType(Tensor data, Tensor updates) {
        if (data.dtype() != updates.dtype())
            throw new IllegalArgumentException(
                    "data (" + data.dtype() + ") and updates (" + updates.dtype() + ") element types differ");
    }

    private static Tensor copy(Tensor x) {
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        System.arraycopy(x.array(), 0, out.array(), 0, x.size());
        return out;
    }
}
