package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;

/**
 * ONNX Pad in its four modes, for tensors of any element type: {@code constant} fills with a value, {@code edge}
 * repeats the border element, {@code reflect} mirrors about the border element (without repeating it) and
 * {@code wrap} continues periodically from the other side. Negative pads crop (before the other axes' padding
 * reads from the tensor).
 */
public final class Pad {
    private Pad() {}

    /** The padding mode. */
    public enum Mode {
        CONSTANT,
        EDGE,
        REFLECT,
        WRAP
    }

    /**
     * {@return x padded}
     *
     * @param pads  all begins, then all ends, one per axis
     * @param value the fill value of constant mode
     */
    public static Tensor pad(Tensor x, long[] pads, Mode mode, double value) {
        if (mode == Mode.CONSTANT) return Layout.padConstant(x, pads, value);
        int r = x.rank();
        if (pads.length != 2 * r) throw new IllegalArgumentException("pads must have " + 2 * r + " entries");
        boolean crops = false;
        for (long p : pads) crops |= p < 0;
        if (crops) {
            // crop first, then pad what is left: edge, reflect and wrap read from the cropped tensor
            long[] starts = new long[r], ends = new long[r], axes = new long[r], steps = new long[r];
            long[] rest = pads.clone();
            for (int d = 0; d < r; d++) {
                starts[d] = Math.max(0, -pads[d]);
                ends[d] = x.dim(d) - Math.max(0, -pads[r + d]);
                if (ends[d] < starts[d]) throw new IllegalArgumentException("pads crop dimension " + d + " below zero");
                axes[d] = d;
                steps[d] = 1;
                rest[d] = Math.max(0, pads[d]);
                rest[r + d] = Math.max(0, pads[r + d]);
            }
            return pad(Layout.slice(x, starts, ends, axes, steps), rest, mode, value);
        }
        int[] s = x.shape(), os = new int[r];
        for (int d = 0; d < r; d++) {
            os[d] = Math.toIntExact(s[d] + pads[d] + pads[r + d]);
            if (s[d] == 0 && os[d] > 0)
                throw new IllegalArgumentException(
                        mode.name().toLowerCase(java.util.Locale.ROOT) + " padding of an empty dimension " + d);
        }
        // the source coordinate of every output coordinate, per axis
        int[][] from = new int[r][];
        for (int d = 0; d < r; d++) {
            from[d] = new int[os[d]];
            for (int i = 0; i < os[d]; i++) from[d][i] = source(i - pads[d], s[d], mode);
        }
        Tensor out = Tensor.zeros(x.dtype(), os);
        int n = out.size();
        if (n == 0) return out;
        Object src = x.array(), dst = out.array();
        int inner = r == 0 ? 1 : os[r - 1], rows = n / inner;
        int[] idx = new int[Math.max(0, r - 1)];
        int[] lastMap = r == 0 ? new int[] {0} : from[r - 1];
        int rowLen = r == 0 ? 1 : s[r - 1];
        for (int row = 0; row < rows; row++) {
            int base = 0;
            for (int d = 0; d < r - 1; d++) base = base * s[d] + from[d][idx[d]];
            base *= rowLen;
            int o = row * inner;
            if (src instanceof float[] f && dst instanceof float[] g) {
                for (int j = 0; j < inner; j++) g[o + j] = f[base + lastMap[j]];
            } else {
                for (int j = 0; j < inner; j++) System.arraycopy(src, base + lastMap[j], dst, o + j, 1);
            }
            for (int d = r - 2; d >= 0 && ++idx[d] == os[d]; d--) idx[d] = 0;
        }
        return out;
    }

    /** {@return the input coordinate that output coordinate {@code c} (relative to the input start) copies} */
    static int source(long c, int size, Mode mode) {
        if (c >= 0 && c < size) return (int) c;
        return switch (mode) {
            case EDGE -> c < 0 ? 0 : size - 1;
            case WRAP -> (int) Math.floorMod(c, (long) size);
            case REFLECT -> {
                if (size == 1) yield 0;
                // reflection about both borders has period 2 * (size - 1)
                long period = 2L * (size - 1), m = Math.floorMod(c, period);
                yield (int) (m < size ? m : period - m);
            }
            case CONSTANT -> throw new IllegalStateException("constant padding has no source coordinate");
        };
    }
}
