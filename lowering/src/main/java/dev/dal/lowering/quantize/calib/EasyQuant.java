package dev.dal.lowering.quantize.calib;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * EasyQuant scale search for one layer (Wu et al., 2020): starting from an activation scale (KL or min-max) and
 * per-channel weight scales ({@code max |w| / 127}), alternately refine the weight scales with the activation scale
 * fixed and the activation scale with the weights fixed, each over a window {@code [alpha, beta]} times the current
 * scale, keeping what maximises the cosine similarity between the layer's float output and its output computed
 * from fake-quantized input and weights, over all calibration samples.
 *
 * <p>Weight scales are searched per output channel (channel {@code c} of the output depends on weight channel
 * {@code c} only, so one kernel run per candidate gives every channel's cosine) and, as a whole, by one common
 * factor. A change is kept only when it raises the layer's cosine, so the result is never worse than the start.
 */
public final class EasyQuant {
    private EasyQuant() {}

    /**
     * One layer to refine.
     *
     * @param inputs       float input samples of the layer, as calibration saw them
     * @param weights      the float weights
     * @param weightAxis   the weights' output-channel axis (0 for conv OIHW)
     * @param outputAxis   the output's channel axis (1 for NCHW conv outputs, the last for gemm)
     * @param kernel       the layer's float computation
     * @param unsigned     whether the input is stored unsigned ({@code [0, 255]}, zero point 0) instead of
     *                     {@code [-127, 127]}
     */
    public record Layer(
            List<Tensor> inputs, Tensor weights, int weightAxis, int outputAxis, LayerKernel kernel, boolean unsigned) {
        /** Copies the samples. */
        public Layer {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty()) throw new IllegalArgumentException("EasyQuant needs at least one input sample");
        }

        /** A layer with a signed input. */
        public Layer(List<Tensor> inputs, Tensor weights, int weightAxis, int outputAxis, LayerKernel kernel) {
            this(inputs, weights, weightAxis, outputAxis, kernel, false);
        }

        /** {@return an input sample fake-quantized at {@code scale} in the input's storage range} */
        Tensor quantizedInput(int n, double scale) {
            return unsigned
                    ? QuantMath.fakeQuantize(inputs.get(n), scale, 0, QuantMath.UMAX)
                    : QuantMath.fakeQuantize(inputs.get(n), scale);
        }
    }

    /**
     * The search window and effort.
     *
     * @param alpha  the smallest factor tried
     * @param beta   the largest factor tried
     * @param steps  how many factors each search tries evenly spaced in {@code [alpha, beta]}, and then as many again
     *               between the neighbours of the best of them (per output channel for the weights)
     * @param rounds how many weight-then-activation refinements
     */
    public record Options(double alpha, double beta, int steps, int rounds) {
        /** Checks the window. */
        public Options {
            if (!(alpha > 0 && alpha <= 1 && beta >= 1) || steps < 2 || rounds < 1)
                throw new IllegalArgumentException(
                        "bad EasyQuant options: need 0 < alpha <= 1 <= beta, steps >= 2," + " rounds >= 1");
        }

        /**
         * {@return the window of the paper, [0.5, 2], searched on a grid of 10 steps and 10 finer ones around the best
         * (spacing 0.17, then 0.03), one round}
         */
        public static Options defaults() {
            return new Options(0.5, 2.0, 10, 1);
        }
    }

    /**
     * The refined scales.
     *
     * @param inputScale   the activation scale
     * @param weightScales the weight scale per output channel
     * @param startCosine  the cosine of the starting scales
     * @param cosine       the cosine of the refined scales (at least {@code startCosine})
     */
    public record Result(double inputScale, double[] weightScales, double startCosine, double cosine) {}

    /** {@return the refined scales of {@code layer}, starting from {@code inputScale} and {@code weightScales}} */
    public static Result search(Layer layer, double inputScale, double[] weightScales, Options o) {
        List<Tensor> reference = new ArrayList<>();
        for (Tensor x : layer.inputs()) reference.add(layer.kernel().apply(x, layer.weights()));
        Search s = new Search(layer, reference);
        double sIn = inputScale;
        double[] sW = weightScales.clone();
        double start = s.cosine(sIn, sW).total();
        double best = start;
        double h = (o.beta() - o.alpha()) / (o.steps() - 1);
        for (int round = 0; round < o.rounds(); round++) {
            // weights: one kernel run per factor gives the cosine of every channel and of the whole layer; a coarse
            // grid over [alpha, beta], then a fine one around each channel's best factor
            double[] bestPerChannel = s.cosine(sIn, sW).channels();
            double[] factorPerChannel = new double[sW.length];
            java.util.Arrays.fill(factorPerChannel, 1);
            double bestCommon = best, common = 1;
            for (int k = 0; k < o.steps(); k++) {
                double f = o.alpha() + h * k;
                Cosines c = s.cosine(sIn, scaled(sW, f));
                keepBetter(c, f, bestPerChannel, factorPerChannel);
                if (c.total() > bestCommon) {
                    bestCommon = c.total();
                    common = f;
                }
            }
            double[] centre = factorPerChannel.clone();
            for (int k = 0; k < o.steps(); k++) {
                double d = fine(h, o.steps(), k);
                double[] f = new double[sW.length];
                for (int ch = 0; ch < sW.length; ch++) f[ch] = Math.max(o.alpha() / 2, centre[ch] + d);
                Cosines c = s.cosine(sIn, scaled(sW, f));
                for (int ch = 0; ch < sW.length; ch++)
                    if (c.channels()[ch] > bestPerChannel[ch]) {
                        bestPerChannel[ch] = c.channels()[ch];
                        factorPerChannel[ch] = f[ch];
                    }
            }
            double[] perChannel = scaled(sW, factorPerChannel);
            double channelTotal = s.cosine(sIn, perChannel).total();
            if (channelTotal > best && channelTotal >= bestCommon) {
                best = channelTotal;
                sW = perChannel;
            } else if (bestCommon > best) {
                best = bestCommon;
                sW = scaled(sW, common);
            }
            // activation: the same coarse then fine grid
            double bestIn = sIn;
            for (int k = 0; k < o.steps(); k++) {
                double candidate = sIn * (o.alpha() + h * k);
                double c = s.cosine(candidate, sW).total();
                if (c > best) {
                    best = c;
                    bestIn = candidate;
                }
            }
            double inCentre = bestIn / sIn;
            for (int k = 0; k < o.steps(); k++) {
                double candidate = sIn * Math.max(o.alpha() / 2, inCentre + fine(h, o.steps(), k));
                double c = s.cosine(candidate, sW).total();
                if (c > best) {
                    best = c;
                    bestIn = candidate;
                }
            }
            sIn = bestIn;
        }
        return new Result(sIn, sW, start, best);
    }

    /** {@return the offset of fine step {@code k}: {@code steps} points over {@code (-h, h)}, the ends excluded} */
    private static double fine(double h, int steps, int k) {
        return -h + 2 * h * (k + 1) / (steps + 1);
    }

    private static void keepBetter(Cosines c, double f, double[] bestPerChannel, double[] factorPerChannel) {
        for (int ch = 0; ch < bestPerChannel.length; ch++)
            if (c.channels()[ch] > bestPerChannel[ch]) {
                bestPerChannel[ch] = c.channels()[ch];
                factorPerChannel[ch] = f;
            }
    }

    /** {@return the cosine similarity of {@code layer} at the given scales (what {@link #search} maximises)} */
    public static double cosine(Layer layer, double inputScale, double[] weightScales) {
        List<Tensor> reference = new ArrayList<>();
        for (Tensor x : layer.inputs()) reference.add(layer.kernel().apply(x, layer.weights()));
        return new Search(layer, reference).cosine(inputScale, weightScales).total();
    }

    private static double[] scaled(double[] s, double f) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = s[i] * f;
        return out;
    }

    private static double[] scaled(double[] s, double[] f) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = s[i] * f[i];
        return out;
    }

    /** The cosine of the whole layer and of each output channel. */
    private record Cosines(double total, double[] channels) {}

    /** Evaluates candidate scales against the float outputs. */
    private record Search(Layer layer, List<Tensor> reference) {
        Cosines cosine(double sIn, double[] sW) {
            Tensor w = QuantMath.fakeQuantize(layer.weights(), layer.weightAxis(), sW);
            int channels = sW.length;
            double[] dot = new double[channels], nr = new double[channels], nq = new double[channels];
            for (int n = 0; n < layer.inputs().size(); n++) {
                Tensor q = layer.kernel().apply(layer.quantizedInput(n, sIn), w);
                float[] a = reference.get(n).toF32().floats(), b = q.toF32().floats();
                int inner = QuantMath.inner(reference.get(n), layer.outputAxis());
                int outChannels = reference.get(n).dim(layer.outputAxis());
                if (channels > 1 && outChannels != channels)
                    throw new IllegalArgumentException("the layer's output has " + outChannels + " channels on axis "
                            + layer.outputAxis() + ", the weights " + channels);
                for (int i = 0; i < a.length; i++) {
                    int c = channels == 1 ? 0 : (i / inner) % channels;
                    dot[c] += (double) a[i] * b[i];
                    nr[c] += (double) a[i] * a[i];
                    nq[c] += (double) b[i] * b[i];
                }
            }
            double[] per = new double[channels];
            double d = 0, r = 0, q = 0;
            for (int c = 0; c < channels; c++) {
                per[c] = cos(dot[c], nr[c], nq[c]);
                d += dot[c];
                r += nr[c];
                q += nq[c];
            }
            return new Cosines(cos(d, r, q), per);
        }

        private static double cos(double dot, double a, double b) {
            if (a == 0 && b == 0) return 1;
            if (a == 0 || b == 0) return 0;
            return dot / Math.sqrt(a * b);
        }
    }
}
