package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** Min-max and percentile calibration on known data, and the symmetric int8 arithmetic. */
class MinMaxAndQuantMathTest {
    @Test
    void minMaxTakesTheLargestMagnitudeOverAllObservations() {
        TensorStats s = Calibrator.minMax().newStats();
        s.observe(new float[] {-3f, 0.5f, 2f});
        s.observe(new float[] {1.27f, Float.NaN});
        assertEquals(-3.0, s.min());
        assertEquals(2.0, s.max());
        assertEquals(3.0, Calibrator.minMax().threshold(s));
        assertEquals(3.0 / 127, Calibrator.minMax().scale(s));
        assertEquals(1, s.nonFinite());
    }

    @Test
    void quantizationRoundsHalvesAwayFromZeroAndSaturatesAt127() {
        double s = 0.1;
        assertEquals(127, QuantMath.quantize(12.7, s));
        assertEquals(127, QuantMath.quantize(1000, s));
        assertEquals(-127, QuantMath.quantize(-1000, s)); // never -128
        assertEquals(1, QuantMath.quantize(0.5, 1.0));
        assertEquals(-1, QuantMath.quantize(-0.5, 1.0));
        assertEquals(3, QuantMath.quantize(2.5, 1.0));
        assertEquals(-3, QuantMath.quantize(-2.5, 1.0));
        assertEquals(2, QuantMath.quantize(2.49, 1.0));
        assertEquals(0.2f, QuantMath.fakeQuantize(0.19, 0.1), 1e-7f);
    }

    @Test
    void weightScalesArePerOutputChannelAndTheBiasIsInt32AtInputTimesWeightScale() {
        Tensor w = Tensor.of(new float[] {1f, -2f, 0.5f, 0.25f, 0f, 0f}, 3, 2);
        double[] s = QuantMath.perChannelScales(w, 0);
        assertArrayEquals(new double[] {2.0 / 127, 0.5 / 127, 1.0}, s);
        assertEquals(2.0 / 127, QuantMath.perTensorScale(w));
        assertArrayEquals(
                new int[] {1000, -500, 3},
                QuantMath.quantizeBias(new float[] {1f, -1f, 3e-7f}, 0.1, new double[] {0.01, 0.02, 1e-6}));
        assertEquals(0.1 * 0.02, QuantMath.biasScale(0.1, 0.02));
        // per-channel fake quantization along the last axis
        Tensor q = QuantMath.fakeQuantize(Tensor.of(new float[] {0.26f, 0.26f}, 1, 2), 1, new double[] {0.1, 0.2});
        assertArrayEquals(new float[] {0.3f, 0.2f}, q.floats(), 1e-7f);
    }

    @Test
    void percentileKeepsTheRequestedShareUnclipped() {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) v[i] = i % 2 == 0 ? i : -i; // |x| = 0 .. 999
        TensorStats s = TensorStats.withHistogram();
        s.observe(v);
        double t = Calibrator.percentile(90).threshold(s);
        // 900 values lie below 900: the threshold is the upper edge of the bin holding 899
        assertEquals(Math.floor(899 / s.binWidth() + 1) * s.binWidth(), t, 0.0);
        assertEquals(999.0, Calibrator.percentile(100).threshold(s), 0.0);
    }
}
