package dev.dal.dialect.quant.kernel;

/** NumPy broadcasting as index maps. */
public final class Broadcast {
    private Broadcast() {}

    /**
     * {@return for each element of {@code out} (row-major), the flat index of the element of {@code in} broadcast to
     * it}
     *
     * @throws IllegalArgumentException if {@code in} does not broadcast to {@code out}
     */
    public static int[] indices(int[] in, int[] out) {
        if (in.length > out.length)
            throw new IllegalArgumentException("cannot broadcast rank " + in.length + " to " + out.length);
        int r = out.length, off = r - in.length;
        long[] stride = new long[r];
        long s = 1;
        for (int d = r - 1; d >= off; d--) {
            int id = in[d - off];
            if (id != out[d] && id != 1)
                throw new IllegalArgumentException("dimension " + id + " does not broadcast to " + out[d]);
            stride[d] = id == 1 ? 0 : s;
            s *= id;
        }
        int size = 1;
        for (int d : out) size *= d;
        int[] idx = new int[size];
        int[] pos = new int[r];
        long cur = 0;
        for (int i = 0; i < size; i++) {
            idx[i] = (int) cur;
            for (int d = r - 1; d >= 0; d--) {
                pos[d]++;
                cur += stride[d];
                if (pos[d] < out[d]) break;
                cur -= stride[d] * pos[d];
                pos[d] = 0;
            }
        }
        return idx;
    }
}
