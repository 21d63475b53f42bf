package dev.dal.dialect.graph.kernel;

import java.util.Arrays;

/**
 * ONNX multidirectional (NumPy) broadcasting: shapes are right-aligned, and each dimension pair must be equal or
 * contain a 1. {@link #of(int[]...)} computes the result shape and, per operand, its element strides in result
 * coordinates (0 along broadcast dimensions); {@link #forEachRow} walks the result row by row (the last dimension),
 * which every binary and variadic elementwise kernel uses.
 */
public final class Broadcast {
    private final int[] shape;
    private final int[][] strides;

    private Broadcast(int[] shape, int[][] strides) {
        this.shape = shape;
        this.strides = strides;
    }

    /**
     * {@return the broadcast of the given operand shapes}
     *
     * @throws IllegalArgumentException if two dimensions differ and neither is 1
     */
    public static Broadcast of(int[]... shapes) {
        int rank = 0;
        for (int[] s : shapes) rank = Math.max(rank, s.length);
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (int[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int o = rank - s.length + i;
                int d = s[i];
                if (d == out[o] || d == 1) continue;
                if (out[o] == 1) out[o] = d;
                else throw new IllegalArgumentException("shapes " + text(shapes) + " cannot be broadcast");
            }
        }
        int[][] strides = new int[shapes.length][rank];
        for (int k = 0; k < shapes.length; k++) {
            int[] s = shapes[k];
            int st = 1;
            for (int i = s.length - 1; i >= 0; i--) {
                int o = rank - s.length + i;
                strides[k][o] = s[i] == 1 && out[o] != 1 ? 0 : st;
                if (s[i] == 1) strides[k][o] = 0;
                st *= s[i];
            }
        }
        return new Broadcast(out, strides);
    }

    private static String text(int[][] shapes) {
        StringBuilder b = new StringBuilder();
        for (int[] s : shapes) b.append(b.isEmpty() ? "" : " and ").append(Arrays.toString(s));
        return b.toString();
    }

    /** {@return the result shape} */
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the number of result elements} */
    public int size() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** {@return operand {@code k}'s stride along result dimension {@code d} (0 where it is broadcast)} */
    public int stride(int k, int d) {
        return strides[k][d];
    }

    /** A row of the result: {@code len} elements from {@code outOffset}; operand k starts at {@code offsets[k]}. */
    @FunctionalInterface
    public interface RowVisitor {
        /** Visits one row; operand k's element j is at {@code offsets[k] + j * innerStrides[k]}. */
        void row(int outOffset, int len, int[] offsets, int[] innerStrides);
    }

    /** {@return the number of rows (result elements divided by the last dimension; 1 for scalars)} */
    public int rows() {
        if (shape.length == 0) return 1;
        int last = shape[shape.length - 1];
        return last == 0 ? 0 : size() / last;
    }

    /** Visits rows {@code from..to} of the result in order. */
    public void forEachRow(int from, int to, RowVisitor v) {
        int rank = shape.length;
        int len = rank == 0 ? 1 : shape[rank - 1];
        int n = strides.length;
        int[] inner = new int[n];
        for (int k = 0; k < n; k++) inner[k] = rank == 0 ? 0 : strides[k][rank - 1];
        int[] idx = new int[Math.max(0, rank - 1)];
        // decompose the first row index into outer coordinates
        int r = from;
        for (int d = rank - 2; d >= 0; d--) {
            idx[d] = r % shape[d];
            r /= shape[d];
        }
        int[] offsets = new int[n];
        for (int row = from; row < to; row++) {
            for (int k = 0; k < n; k++) {
                int o = 0;
                for (int d = 0; d < rank - 1; d++) o += idx[d] * strides[k][d];
                offsets[k] = o;
            }
            v.row(row * len, len, offsets, inner);
            for (int d = rank - 2; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
    }
}
