package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** RoiAlign on a 2x2 map whose bilinear samples are easy to work out by hand. */
class RoiAlignTest {
    private static final Tensor MAP = Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 2, 1, 2, 2);

    private static Tensor run(float[] roi, long batch, boolean halfPixel, boolean max, int sampling, int out) {
        return RoiAlign.roiAlign(
                MAP,
                Tensor.of(roi, 1, 4),
                Tensor.of(new long[] {batch}, 1),
                new RoiAlign.Options(out, out, sampling, 1f, halfPixel, max),
                Ref.POOL);
    }

    @Test
    void oneSampleAtTheCentreOfAPixelSquareAveragesItsCorners() {
        // output_half_pixel: region (0, 0)-(1, 1), one bin, one sample at (0.5, 0.5)
        assertArrayEquals(
                new float[] {2.5f},
                run(new float[] {0, 0, 1, 1}, 0, false, false, 1, 1).floats(),
                1e-6f);
        // the batch index picks the image
        assertArrayEquals(
                new float[] {25f},
                run(new float[] {0, 0, 1, 1}, 1, false, false, 1, 1).floats(),
                1e-5f);
    }

    @Test
    void halfPixelShiftsTheRegionByHalfAPixel() {
        // region (-0.5, -0.5)-(0.5, 0.5): the sample lands on pixel (0, 0)
        assertArrayEquals(
                new float[] {1f},
                run(new float[] {0, 0, 1, 1}, 0, true, false, 1, 1).floats(),
                1e-6f);
    }

    @Test
    void adaptiveSamplingAveragesAGridPerBin() {
        // region (0, 0)-(2, 2) in 1 bin with sampling_ratio 0: ceil(2 / 1) = 2 samples per axis at 0.5 and 1.5;
        // samples past the last pixel clamp to it: (0.5, 0.5) = 2.5, (0.5, 1.5) = 3, (1.5, 0.5) = 3.5, (1.5, 1.5) = 4
        assertArrayEquals(
                new float[] {3.25f},
                run(new float[] {0, 0, 2, 2}, 0, false, false, 0, 1).floats(),
                1e-6f);
    }

    @Test
    void maxModeTakesTheLargestWeightedTerm() {
        // the one sample at (0.5, 0.5) weights each corner by 1/4: max(1, 2, 3, 4) / 4
        assertArrayEquals(
                new float[] {1f},
                run(new float[] {0, 0, 1, 1}, 0, false, true, 1, 1).floats(),
                1e-6f);
    }

    @Test
    void batchIndexOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> run(new float[] {0, 0, 1, 1}, 2, false, false, 1, 1));
    }
}
