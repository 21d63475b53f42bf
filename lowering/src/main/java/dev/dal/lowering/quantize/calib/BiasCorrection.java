package dev.dal.lowering.quantize.calib;

import dev.dal.ir.interp.Tensor;
import java.util.List;

/**
 * Empirical bias correction (Nagel et al. 2019, "Data-Free Quantization Through Weight Equalization and Bias
 * Correction", §4.2; Banner et al. 2019): quantizing a layer shifts the mean of each output channel, by
 * {@code E[(W_q - W) x]} for the weights alone, and clipping or rounding the input adds its own shift. This class
 * measures the whole shift on calibration samples, running the layer's float computation (before its activation) on
 * the float input and weights and on the fake-quantized ones, and returns the mean difference per output channel,
 * which is subtracted from the bias. Depthwise kernels (9 weights per channel) and inputs with a large positive mean
 * (after relu6) are where the shift is largest.
 */
public final class BiasCorrection {
    private BiasCorrection() {}

    /**
     * {@return the mean of {@code quantized - float} over each output channel of {@code layer} (its
     * {@code outputAxis}), with the input at {@code inputScale} and the weights at {@code weightScales}; one value per
     * output channel}
     *
     * @param layer the layer; its kernel must compute the output before any activation
     */
    public static double[] shift(EasyQuant.Layer layer, double inputScale, double[] weightScales) {
        Tensor wq = QuantMath.fakeQuantize(layer.weights(), layer.weightAxis(), weightScales);
        double[] sum = null;
        long count = 0;
        List<Tensor> inputs = layer.inputs();
        for (int n = 0; n < inputs.size(); n++) {
            Tensor ref = layer.kernel().apply(inputs.get(n), layer.weights());
            Tensor q = layer.kernel().apply(layer.quantizedInput(n, inputScale), wq);
            float[] a = ref.toF32().floats(), b = q.toF32().floats();
            int channels = ref.dim(layer.outputAxis()), inner = QuantMath.inner(ref, layer.outputAxis());
            if (sum == null) sum = new double[channels];
            for (int i = 0; i < a.length; i++) sum[(i / inner) % channels] += (double) b[i] - a[i];
            count += a.length / channels;
        }
        for (int c = 0; c < sum.length; c++) sum[c] /= count;
        return sum;
    }

    /** {@return {@code bias - shift}, the corrected float bias} */
    public static float[] corrected(float[] bias, double[] shift) {
        if (bias.length != shift.length)
            throw new IllegalArgumentException(
                    "bias has " + bias.length + " values, the layer " + shift.length + " output channels");
        float[] out = new float[bias.length];
        for (int c = 0; c < bias.length; c++) out[c] = (float) (bias[c] - shift[c]);
        return out;
    }
}
