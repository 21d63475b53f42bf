package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** BatchNormalization's training statistics, by hand. */
class BatchStatisticsTest {
    @Test
    void meanAndPopulationVariancePerChannelOverBatchAndSpace() {
        // [N=2, C=2, 2]: channel 0 holds 1, 2, 5, 6; channel 1 holds 0, 0, 4, 8
        Tensor x = Tensor.of(new float[] {1, 2, 0, 0, 5, 6, 4, 8}, 2, 2, 2);
        BatchStatistics.MeanVar mv = BatchStatistics.of(x);
        assertArrayEquals(new float[] {3.5f, 3f}, mv.mean().floats());
        // ((2.5² + 1.5²) * 2) / 4 = 4.25; (9 + 9 + 1 + 25) / 4 = 11
        assertArrayEquals(new float[] {4.25f, 11f}, mv.var().floats());
    }

    @Test
    void runningStatisticsMoveTowardTheBatchByOneMinusMomentum() {
        Tensor running = Tensor.of(new float[] {0, 10}, 2), batch = Tensor.of(new float[] {1, 20}, 2);
        assertArrayEquals(
                new float[] {0.25f, 12.5f},
                BatchStatistics.update(running, batch, 0.75).floats());
    }
}
