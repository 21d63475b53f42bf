package dev.dal.dialect.quant.kernel;

/** The NPU's int8 concatenation: every input is rescaled to the output scale, then the blocks are laid side by side. */
public final class QConcat {
    private QConcat() {}

    /**
     * {@return the output's stored values}
     *
     * @param inputs   centered inputs
     * @param shapes   their shapes (equal except along {@code axis})
     * @param axis     the concatenation axis, non-negative
     * @param rescales one per input, {@code s_i / s_y}
     */
    public static long[] concat(
            int[][] inputs, int[][] shapes, int axis, FixedPoint[] rescales, long zpOut, long lo, long hi) {
        int[] s0 = shapes[0];
        int outer = 1, inner = 1, total = 0;
        for (int d = 0; d < axis; d++) outer *= s0[d];
        for (int d = axis + 1; d < s0.length; d++) inner *= s0[d];
        for (int[] s : shapes) total += s[axis];
        long[] out = new long[outer * total * inner];
        int offset = 0;
        for (int k = 0; k < inputs.length; k++) {
            int len = shapes[k][axis] * inner;
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < len; i++)
                    out[o * total * inner + offset + i] =
                            Rounding.saturate(zpOut + rescales[k].rescale(inputs[k][o * len + i]), lo, hi);
            offset += len;
        }
        return out;
    }
}
