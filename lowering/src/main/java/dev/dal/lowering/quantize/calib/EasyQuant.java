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
     */
    public record Layer(List<Tensor> inputs, Tensor weights, int weightAxis, int outputAxis, LayerKernel kernel) {
        /** Copies the samples. */
        public Layer {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty()) throw new IllegalArgumentException("EasyQuant needs at least one input sample");
        }
    }

    /**
     * The search window and effort.
     *
     * @param alpha  the smallest factor tried
     * @param beta   the largest factor tried
     * @param steps  how many factors are tried per search, evenly spaced in {@code [alpha, beta]}
     * @param rounds how many weight-then-activation refinements
     */
    public record Options(double alpha, double beta, int steps, int rounds) {
        /** Checks the window. */
        public Options {
            if (!(alpha > 0 && alpha <= 1 && beta >= 1) || steps < 2 || rounds < 1)
                throw new IllegalArgumentException(
                        "bad EasyQuant options: need 0 < alpha <= 1 <= beta, steps >= 2," + " rounds >= 1");
        }

        /** {@return the window of the paper, [0.5, 2], searched in 50 steps, two rounds} */
        public static Options defaults() {
            return new Options(0.5, 2.0, 50, 2);
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
        Search s = new Search(layer, reference, weightScales.length);
        double sIn = inputScale;
        double[] sW = weightScales.clone();
        double start = s.cosine(sIn, sW).total();
        double best = start;
        for (int round = 0; round < o.rounds(); round++) {
            // weights: one kernel run per factor gives the cosine of every channel and of the whole layer
            double[] bestPerChannel = s.cosine(sIn, sW).channels();
            double[] factorPerChannel = new double[sW.length];
            java.util.Arrays.fill(factorPerChannel, 1);
            double bestCommon = best, common = 1;
            for (int k = 0; k < o.steps(); k++) {
                double f = factor(o, k);
                Cosines c = s.cosine(sIn, scaled(sW, f));
                for (int ch = 0; ch < sW.length; ch++)
                    if (c.channels()[ch] > bestPerChannel[ch]) {
                        bestPerChannel[ch] = c.channels()[ch];
                        factorPerChannel[ch] = f;
                    }
                if (c.total() > bestCommon) {
                    bestCommon = c.total();
                    common = f;
                }
            }
            double[] perChannel = sW.clone();
            for (int ch = 0; ch < sW.length; ch++) perChannel[ch] *= factorPerChannel[ch];
            double channelTotal = s.cosine(sIn, perChannel).total();
            if (channelTotal > best && channelTotal >= bestCommon) {
                best = channelTotal;
                sW = perChannel;
            } else if (bestCommon > best) {
                best = bestCommon;
                sW = scaled(sW, common);
            }
            // activation
            double bestIn = sIn;
            for (int k = 0; k < o.steps(); k++) {
                double candidate = sIn * factor(o, k);
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

    /** {@return the cosine similarity of {@code layer} at the given scales (what {@link #search} maximises)} */
    public static double cosine(Layer layer, double inputScale, double[] weightScales) {
        List<Tensor> reference = new ArrayList<>();
        for (Tensor x : layer.inputs()) reference.add(layer.kernel().apply(x, layer.weights()));
        return new Search(layer, reference, weightScales.length)
                .cosine(inputScale, weightScales)
                .total();
    }

    private static double factor(Options o, int k) {
        return o.alpha() + (o.beta() - o.alpha()) * k / (o.steps() - 1);
    }

    private static double[] scaled(double[] s, double f) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) out[i] = s[i] * f;
        return out;
    }

    /** The cosine of the whole layer and of each output channel. */
    private record Cosines(double total, double[] channels) {}

    /**
     * Evaluates candidate scales against the float outputs. The float outputs' values and per-channel norms are
     * computed once; and as the search varies one of the two scales at a time, the fake-quantized inputs of the last
     * activation scale are kept, so the weight search quantizes them once, not once per candidate.
     */
    private static final class Search {
        private final Layer layer;
        private final int channels;
        private final float[][] reference;
        private final int[] inner;
        private final double[] referenceNorms;
        private double quantizedAt = Double.NaN;
        private List<Tensor> quantizedInputs = List.of();

        /** {@code channels}: how many weight scales the candidates have (1: one for the whole tensor). */
        Search(Layer layer, List<Tensor> outputs, int channels) {
            this.layer = layer;
            this.channels = channels;
            int n = outputs.size();
            reference = new float[n][];
            inner = new int[n];
            referenceNorms = new double[channels];
            for (int k = 0; k < n; k++) {
                Tensor out = outputs.get(k);
                int outChannels = out.dim(layer.outputAxis());
                if (channels > 1 && outChannels != channels)
                    throw new IllegalArgumentException("the layer's output has " + outChannels + " channels on axis "
                            + layer.outputAxis() + ", the weights " + channels);
                reference[k] = out.toF32().floats();
                inner[k] = QuantMath.inner(out, layer.outputAxis());
                accumulate(reference[k], reference[k], inner[k], referenceNorms);
            }
        }

        private List<Tensor> inputsAt(double sIn) {
            if (Double.compare(sIn, quantizedAt) != 0) {
                List<Tensor> q = new ArrayList<>();
                for (Tensor x : layer.inputs()) q.add(QuantMath.fakeQuantize(x, sIn));
                quantizedInputs = q;
                quantizedAt = sIn;
            }
            return quantizedInputs;
        }

        Cosines cosine(double sIn, double[] sW) {
            if (sW.length != channels)
                throw new IllegalStateException(sW.length + " weight scales for a search over " + channels);
            Tensor w = QuantMath.fakeQuantize(layer.weights(), layer.weightAxis(), sW);
            List<Tensor> inputs = inputsAt(sIn);
            double[] dot = new double[channels], nq = new double[channels];
            for (int n = 0; n < inputs.size(); n++) {
                float[] q = layer.kernel().apply(inputs.get(n), w).toF32().floats();
                accumulate(reference[n], q, inner[n], dot);
                accumulate(q, q, inner[n], nq);
            }
            double[] per = new double[channels];
            double d = 0, r = 0, q = 0;
            for (int c = 0; c < channels; c++) {
                per[c] = cos(dot[c], referenceNorms[c], nq[c]);
                d += dot[c];
                r += referenceNorms[c];
                q += nq[c];
            }
            return new Cosines(cos(d, r, q), per);
        }

        /**
         * Adds {@code a[i] * b[i]} to {@code sums[c]} of each element's channel {@code c}: the elements come in blocks
         * of {@code inner} per (outer index, channel), in element order (one sum in all when there is one scale).
         */
        private static void accumulate(float[] a, float[] b, int inner, double[] sums) {
            int channels = sums.length;
            for (int block = 0, at = 0; at < a.length; block++, at += inner) {
                int c = channels == 1 ? 0 : block % channels;
                double s = sums[c];
                for (int i = at; i < at + inner; i++) s += (double) a[i] * b[i];
                sums[c] = s;
            }
        }

        private static double cos(double dot, double a, double b) {
            if (a == 0 && b == 0) return 1;
            if (a == 0 || b == 0) return 0;
            return dot / Math.sqrt(a * b);
        }
    }
}
