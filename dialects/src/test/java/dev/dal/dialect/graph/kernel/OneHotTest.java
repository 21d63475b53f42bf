package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** OneHot against hand-worked cases. */
class OneHotTest {
    @Test
    void oneHotOnTheLastAxisCountsNegativeIndicesFromDepthAndLeavesOutOfRangeOff() {
        Tensor t = Layout.oneHot(Tensor.of(new long[] {0, 2, -1, 5}, 4), 3, Tensor.of(new float[] {-1, 9}, 2), -1);
        assertArrayEquals(new int[] {4, 3}, t.shape());
        assertArrayEquals(new float[] {9, -1, -1, -1, -1, 9, -1, -1, 9, -1, -1, -1}, t.floats());
    }

    @Test
    void oneHotOnTheFirstAxisPutsDepthFirst() {
        Tensor t = Layout.oneHot(Tensor.of(new long[] {1, 0}, 2), 2, Tensor.of(new long[] {0, 1}, 2), 0);
        assertArrayEquals(new int[] {2, 2}, t.shape());
        // out[a][i] = (indices[i] == a)
        assertArrayEquals(new long[] {0, 1, 1, 0}, t.longs());
    }
}
