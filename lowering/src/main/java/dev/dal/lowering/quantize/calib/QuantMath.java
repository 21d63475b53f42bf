package dev.dal.lowering.quantize.calib;

import dev.dal.ir.interp.Tensor;

/**
 * The symmetric int8 arithmetic of DESIGN.md §7 as calibration needs it: scales from thresholds, quantization with
 * rounding half away from zero and saturation to {@code [-127, 127]}, fake quantization, per-output-channel weight
 * scales and int32 bias at scale {@code s_in * s_w}.
 */
public final class QuantMath {
    /** The largest int8 magnitude used (symmetric range, -128 unused). */
    public static final int QMAX = 127;

    /** The largest unsigned 8-bit value: non-negative activations use {@code [0, 255]} with zero point 0. */
    public static final int UMAX = 255;

    private QuantMath() {}

    /** {@return the scale {@code threshold / 127}; 1 for a zero threshold (an all-zero tensor is exact at any scale)} */
    public static double scaleFor(double threshold) {
        return threshold > 0 ? threshold / QMAX : 1.0;
    }

    /** {@return {@code x} rounded to the nearest integer, halves away from zero} */
    public static double roundHalfAway(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }

    /** {@return the int8 value of {@code x} at {@code scale}: {@code clamp(round(x / scale), -127, 127)}} */
    public static int quantize(double x, double scale) {
        double q = roundHalfAway(x / scale);
        return (int) Math.max(-QMAX, Math.min(QMAX, q));
    }

    /** {@return {@code x} quantized at {@code scale} and dequantized again} */
    public static float fakeQuantize(double x, double scale) {
        return (float) (quantize(x, scale) * scale);
    }

    /** {@return an f32 tensor fake-quantized at one scale} */
    public static Tensor fakeQuantize(Tensor t, double scale) {
        float[] in = t.toF32().floats();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = fakeQuantize(in[i], scale);
        return Tensor.of(out, t.shape());
    }

    /**
     * {@return an f32 tensor fake-quantized at one scale onto the integers {@code [qmin, qmax]} (for example
     * {@code [0, 255]} for unsigned 8-bit storage with zero point 0)}
     */
    public static Tensor fakeQuantize(Tensor t, double scale, int qmin, int qmax) {
        float[] in = t.toF32().floats();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++)
            out[i] = (float) (Math.max(qmin, Math.min(qmax, roundHalfAway(in[i] / scale))) * scale);
        return Tensor.of(out, t.shape());
    }

    /** {@return an f32 tensor fake-quantized with one scale per index of {@code axis} (or one for all)} */
    public static Tensor fakeQuantize(Tensor t, int axis, double[] scales) {
        float[] in = t.toF32().floats();
        float[] out = new float[in.length];
        if (scales.length == 1) return fakeQuantize(t, scales[0]); // per tensor
        int inner = inner(t, axis), channels = t.dim(axis);
        for (int i = 0; i < in.length; i++) out[i] = fakeQuantize(in[i], scales[(i / inner) % channels]);
        return Tensor.of(out, t.shape());
    }

    /**
     * {@return the per-channel weight scales {@code max |w[c]| / 127} along {@code axis} (the output channel: 0 for
     * conv {@code OIHW} weights)}
     */
    public static double[] perChannelScales(Tensor weights, int axis) {
        float[] w = weights.toF32().floats();
        int inner = inner(weights, axis), channels = weights.dim(axis);
        double[] absMax = new double[channels];
        for (int i = 0; i < w.length; i++) {
            int c = (i / inner) % channels;
            absMax[c] = Math.max(absMax[c], Math.abs(w[i]));
        }
        double[] s = new double[channels];
        for (int c = 0; c < channels; c++) s[c] = scaleFor(absMax[c]);
        return s;
    }

    /** {@return the per-tensor weight scale {@code max |w| / 127}} */
    public static double perTensorScale(Tensor weights) {
        double m = 0;
        for (float v : weights.toF32().floats()) m = Math.max(m, Math.abs(v));
        return scaleFor(m);
    }

    /** {@return the int32 bias scale of a channel, {@code s_in * s_w}} */
    public static double biasScale(double inputScale, double weightScale) {
        return inputScale * weightScale;
    }

    /**
     * {@return the bias quantized to int32 at {@code s_in * s_w[c]} per channel (one weight scale: per tensor),
     * rounding half away from zero and saturating to the int32 range}
     */
    public static int[] quantizeBias(float[] bias, double inputScale, double[] weightScales) {
        int[] q = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            double s = biasScale(inputScale, weightScales[weightScales.length == 1 ? 0 : c]);
            double v = roundHalfAway(bias[c] / s);
            q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return q;
    }

    static int inner(Tensor t, int axis) {
        if (axis < 0 || axis >= t.rank())
            throw new IllegalArgumentException(
                    "axis " + axis + " out of range for shape " + Tensor.shapeText(t.shape()));
        int inner = 1;
        for (int d = axis + 1; d < t.rank(); d++) inner *= t.dim(d);
        return inner;
    }
}
