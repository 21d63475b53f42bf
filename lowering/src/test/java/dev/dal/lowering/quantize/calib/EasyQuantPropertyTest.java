package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * EasyQuant on random fully connected layers ({@code y = x w^T + b}): the refined scales never give a lower cosine
 * than the min-max scales it starts from, and the cosine it reports is the one its scales give.
 */
class EasyQuantPropertyTest {
    private static final EasyQuant.Options FAST = new EasyQuant.Options(0.5, 2.0, 16, 2);

    /** A gemm kernel written plainly: input [n, k], weights [c, k], bias [c] -> [n, c]. */
    static LayerKernel gemm(float[] bias) {
        return (x, w) -> {
            int n = x.dim(0), k = x.dim(1), c = w.dim(0);
            float[] a = x.floats(), b = w.floats(), y = new float[n * c];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < c; j++) {
                    double s = bias[j];
                    for (int t = 0; t < k; t++) s += (double) a[i * k + t] * b[j * k + t];
                    y[i * c + j] = (float) s;
                }
            return Tensor.of(y, n, c);
        };
    }

    static EasyQuant.Layer layer(long seed, int samples, int k, int c, double outlierRate) {
        Random r = new Random(seed);
        List<Tensor> inputs = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            float[] x = new float[4 * k];
            for (int i = 0; i < x.length; i++)
                x[i] = (float) (r.nextGaussian() * (r.nextDouble() < outlierRate ? 20 : 1));
            inputs.add(Tensor.of(x, 4, k));
        }
        float[] w = new float[c * k];
        for (int i = 0; i < w.length; i++) w[i] = (float) (r.nextGaussian() * (1 + i % c) * 0.1);
        float[] b = new float[c];
        for (int i = 0; i < c; i++) b[i] = (float) r.nextGaussian();
        return new EasyQuant.Layer(inputs, Tensor.of(w, c, k), 0, 1, gemm(b));
    }

    static double minMaxInputScale(EasyQuant.Layer l) {
        TensorStats s = TensorStats.minMax();
        for (Tensor x : l.inputs()) s.observe(x);
        return Calibrator.minMax().scale(s);
    }

    @Test
    void theRefinedCosineIsNeverBelowTheMinMaxStart() {
        qt().withExamples(40)
                .forAll(
                        longs().between(0, 1_000_000),
                        integers().between(1, 3),
                        integers().between(1, 12),
                        integers().between(1, 6))
                .checkAssert((seed, samples, k, c) -> {
                    EasyQuant.Layer l = layer(seed, samples, k, c, 0.05);
                    double sIn = minMaxInputScale(l);
                    double[] sW = QuantMath.perChannelScales(l.weights(), 0);
                    EasyQuant.Result res = EasyQuant.search(l, sIn, sW, FAST);
                    double start = EasyQuant.cosine(l, sIn, sW);
                    assertEquals(start, res.startCosine());
                    assertTrue(res.cosine() >= start, () -> res.cosine() + " < start " + start);
                    assertEquals(res.cosine(), EasyQuant.cosine(l, res.inputScale(), res.weightScales()));
                    assertEquals(c, res.weightScales().length);
                });
    }

    @Test
    void inputsWithRareOutliersGainFromTheSearch() {
        EasyQuant.Layer l = layer(1234, 4, 64, 8, 0.01);
        double sIn = minMaxInputScale(l);
        double[] sW = QuantMath.perChannelScales(l.weights(), 0);
        EasyQuant.Result res = EasyQuant.search(l, sIn, sW, EasyQuant.Options.defaults());
        System.out.printf(
                "EasyQuant on a 64x8 layer: cosine %.6f -> %.6f, input scale %.5f -> %.5f%n",
                res.startCosine(), res.cosine(), sIn, res.inputScale());
        assertTrue(res.cosine() > res.startCosine(), "expected a gain, got " + res.cosine());
    }

    @Test
    void anActivationScaleThatClipsTooMuchIsWidened() {
        EasyQuant.Layer l = layer(99, 2, 16, 4, 0);
        double tooSmall = minMaxInputScale(l) / 4;
        double[] sW = QuantMath.perChannelScales(l.weights(), 0);
        EasyQuant.Result res = EasyQuant.search(l, tooSmall, sW, FAST);
        assertTrue(res.inputScale() > tooSmall * 1.5, "input scale " + tooSmall + " -> " + res.inputScale());
        assertTrue(res.cosine() > res.startCosine());
    }
}
