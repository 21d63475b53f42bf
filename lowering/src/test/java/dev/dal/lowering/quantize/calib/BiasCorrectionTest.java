package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bias correction: the measured shift of a hand-checked layer, and on random layers with non-negative inputs (after a
 * relu) and few weights per output channel (as depthwise kernels), the corrected bias lowers the mean output error per
 * channel on samples the shift was not measured on.
 */
class BiasCorrectionTest {
    @Test
    void theShiftOfOneWeightIsItsRoundingErrorTimesTheInput() {
        // w = 0.3 at scale 0.25 stores 1 (0.25): the output moves by (0.25 - 0.3) * 2 = -0.1 for the input 2, which
        // the unsigned scale 2 / 255 holds exactly
        EasyQuant.Layer l = new EasyQuant.Layer(
                List.of(Tensor.of(new float[] {2f}, 1, 1)),
                Tensor.of(new float[] {0.3f}, 1, 1),
                0,
                1,
                EasyQuantPropertyTest.gemm(new float[] {0.5f}),
                true);
        double[] shift = BiasCorrection.shift(l, 2.0 / 255, new double[] {0.25});
        assertEquals(-0.1, shift[0], 1e-6);
        assertArrayEquals(new float[] {0.6f}, BiasCorrection.corrected(new float[] {0.5f}, shift), 1e-6f);
    }

    @Test
    void theCorrectedBiasLowersTheMeanErrorOnOtherSamples() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int k = 9, c = 16;
            float[] w = new float[c * k], b = new float[c];
            for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
            for (int i = 0; i < c; i++) b[i] = (float) r.nextGaussian();
            List<Tensor> calibration = relu(r, 8, k), held = relu(r, 8, k);
            double[] sW = QuantMath.perChannelScales(Tensor.of(w, c, k), 0);
            double sIn = 6.0 / QuantMath.UMAX;
            EasyQuant.Layer cal =
                    new EasyQuant.Layer(calibration, Tensor.of(w, c, k), 0, 1, EasyQuantPropertyTest.gemm(b), true);
            float[] corrected = BiasCorrection.corrected(b, BiasCorrection.shift(cal, sIn, sW));
            double before = meanError(held, w, c, k, b, b, sIn, sW);
            double after = meanError(held, w, c, k, b, corrected, sIn, sW);
            assertTrue(after < before, "mean |error| per channel " + before + " -> " + after);
        });
    }

    /** {@return samples [4, k] of relu6 outputs: mostly positive, mean about 2} */
    private static List<Tensor> relu(Random r, int samples, int k) {
        List<Tensor> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            float[] x = new float[4 * k];
            for (int i = 0; i < x.length; i++) x[i] = (float) Math.min(6, Math.max(0, 2 + 1.5 * r.nextGaussian()));
            out.add(Tensor.of(x, 4, k));
        }
        return out;
    }

    /** {@return the mean over channels of |mean(quantized layer with bias {@code qb} - float layer)|} */
    private static double meanError(
            List<Tensor> xs, float[] w, int c, int k, float[] b, float[] qb, double sIn, double[] sW) {
        Tensor wt = Tensor.of(w, c, k), wq = QuantMath.fakeQuantize(wt, 0, sW);
        double[] sum = new double[c];
        int rows = 0;
        for (Tensor x : xs) {
            float[] ref = EasyQuantPropertyTest.gemm(b).apply(x, wt).floats();
            Tensor xq = QuantMath.fakeQuantize(x, sIn, 0, QuantMath.UMAX);
            float[] q = EasyQuantPropertyTest.gemm(qb).apply(xq, wq).floats();
            for (int i = 0; i < ref.length; i++) sum[i % c] += q[i] - ref[i];
            rows += ref.length / c;
        }
        double total = 0;
        for (double s : sum) total += Math.abs(s / rows);
        return total / c;
    }
}
