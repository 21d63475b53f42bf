package dev.dal.dialect.graph.kernel;

/**
 * What {@code graph.fused_conv} does to its convolution's output after the sums: add a residual tensor of the output's
 * shape, then apply an activation. The convolution kernels call {@link #apply} on each stretch of an output row once
 * its sums (and bias) are final, while it is still in cache, instead of two more passes over the whole output. Every
 * element goes through the same float operations as the unfused {@code conv -> add -> activation}: {@code y + r},
 * then the activation as {@link Activations} defines it.
 */
public final class ConvEpilogue {
    /** The activations the epilogue applies in its own loops. */
    private enum Kind {
        NONE,
        RELU,
        CLIP,
        LEAKY_RELU,
        HARD_SWISH,
        SIGMOID
    }

    private static final RowOps ROWS = RowOps.INSTANCE;

    private final float[] residual;
    private final Kind kind;
    private final float alpha, lo, hi;

    private ConvEpilogue(float[] residual, Kind kind, float alpha, float lo, float hi) {
        this.residual = residual;
        this.kind = kind;
        this.alpha = alpha;
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * {@return the epilogue of a named activation} ({@code none}, {@code relu}, {@code relu6}, {@code leaky_relu},
     * {@code hard_swish}, {@code sigmoid}, {@code clip}, as {@link Activations#named})
     *
     * @param residual the tensor added before the activation, laid out as the output, or null
     * @throws IllegalArgumentException for another name
     */
    public static ConvEpilogue of(float[] residual, String activation, float alpha, float lo, float hi) {
        Kind kind = switch (activation) {
            case "none" -> Kind.NONE;
            case "relu" -> Kind.RELU;
            case "relu6" -> Kind.CLIP;
            case "leaky_relu" -> Kind.LEAKY_RELU;
            case "hard_swish" -> Kind.HARD_SWISH;
            case "sigmoid" -> Kind.SIGMOID;
            case "clip" -> Kind.CLIP;
            default -> throw new IllegalArgumentException("unknown activation '" + activation + "'");
        };
        if (activation.equals("relu6")) {
            lo = 0f;
            hi = 6f;
        }
        return new ConvEpilogue(residual, kind, alpha, lo, hi);
    }

    /** {@return whether it changes nothing} (no residual, no activation) */
    public boolean isIdentity() {
        return residual == null && kind == Kind.NONE;
    }

    /** {@return whether it adds a residual} (which must be read at the output's own offsets) */
    boolean hasResidual() {
        return residual != null;
    }

    /**
     * {@return what {@link RowOps#taps9} can apply in its registers for this epilogue}, {@code NONE} when the epilogue
     * needs {@link #apply} afterwards (a residual, another activation) or does nothing
     */
    RowOps.Finish finish() {
        if (residual != null) return RowOps.Finish.NONE;
        return switch (kind) {
            case RELU -> RowOps.Finish.RELU;
            case CLIP -> RowOps.Finish.clamp(lo, hi);
            default -> RowOps.Finish.NONE;
        };
    }

    /** Applies the residual add and the activation to {@code out[off..off+len)} (the residual read at the same offsets). */
    public void apply(float[] out, int off, int len) {
        if (residual != null) ROWS.addRow(out, residual, off, len);
        activate(out, off, len);
    }

    /**
     * Adds {@code bias} to {@code out[off..off+len)}, then {@link #apply}: one pass over the row for a bias with a ReLU
     * or a clip and no residual (the same float operations in the same order as the separate passes).
     */
    public void applyWithBias(float[] out, int off, int len, float bias) {
        if (residual == null && kind == Kind.CLIP) ROWS.biasClamp(out, off, len, bias, lo, hi);
        else if (residual == null && kind == Kind.RELU) ROWS.biasRelu(out, off, len, bias);
        else {
            ROWS.addScalar(out, off, len, bias);
            apply(out, off, len);
        }
    }

    /**
     * Applies the activation alone to {@code a[off..off+len)}, wherever those values are (a kernel's accumulator);
     * with {@link #hasResidual()} false this is all of {@link #apply}.
     */
    void activate(float[] out, int off, int len) {
        int end = off + len;
        switch (kind) {
            case NONE -> {}
            case RELU -> ROWS.relu(out, off, len);
            case CLIP -> ROWS.clamp(out, off, len, lo, hi);
            case LEAKY_RELU -> {
                float a = alpha;
                for (int i = off; i < end; i++) {
                    float v = out[i];
                    out[i] = v < 0 ? v * a : v;
                }
            }
            case HARD_SWISH -> ROWS.hardSwish(out, off, len);
            case SIGMOID -> {
                for (int i = off; i < end; i++) out[i] = (float) (1.0 / (1.0 + Math.exp(-out[i])));
            }
        }
    }
}
