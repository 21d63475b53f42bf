package dev.dal.dialect.graph.kernel;

import dev.dal.dialect.graph.kernel.Elementwise.FloatUnary;

/**
 * The element functions of the fused activations ({@code graph.fused_conv}'s {@code activation}, {@code graph.gelu},
 * {@code graph.silu}), written as the unfused ops compute them so that fusing does not change results.
 */
public final class Activations {
    private Activations() {}

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /** {@return max(x, 0)} */
    public static FloatUnary relu() {
        return v -> v < 0 ? 0f : v;
    }

    /** {@return x, or alpha * x below zero} */
    public static FloatUnary leakyRelu(float alpha) {
        return v -> v < 0 ? v * alpha : v;
    }

    /** {@return 1 / (1 + e^-x)} */
    public static FloatUnary sigmoid() {
        return v -> (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    /** {@return x * max(0, min(1, x / 6 + 1/2))} */
    public static FloatUnary hardSwish() {
        return v -> v * Math.max(0f, Math.min(1f, v / 6f + 0.5f));
    }

    /** {@return x bounded to [lo, hi], NaN kept} */
    public static FloatUnary clip(float lo, float hi) {
        return v -> Float.isNaN(v) ? v : Math.min(hi, Math.max(lo, v));
    }

    /** {@return x * 0.5 * (1 + erf(x / sqrt(2)))} */
    public static FloatUnary gelu() {
        return v -> (float) (0.5 * v * (1 + Elementwise.erf(v * SQRT_HALF)));
    }

    /** {@return x * 0.5 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))} */
    public static FloatUnary geluTanh() {
        return v -> (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * (double) v * v * v))));
    }

    /** {@return x * sigmoid(x)} */
    public static FloatUnary silu() {
        return v -> (float) (v / (1.0 + Math.exp(-v)));
    }

    /**
     * {@return the function of a named activation} ({@code none}, {@code relu}, {@code relu6}, {@code leaky_relu},
     * {@code hard_swish}, {@code sigmoid}, {@code clip})
     *
     * @throws IllegalArgumentException for another name
     */
    public static FloatUnary named(String name, float alpha, float lo, float hi) {
        return switch (name) {
            case "none" -> v -> v;
            case "relu" -> relu();
            case "relu6" -> clip(0f, 6f);
            case "leaky_relu" -> leakyRelu(alpha);
            case "hard_swish" -> hardSwish();
            case "sigmoid" -> sigmoid();
            case "clip" -> clip(lo, hi);
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }
}
