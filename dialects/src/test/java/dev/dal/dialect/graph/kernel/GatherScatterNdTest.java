package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.dialect.graph.kernel.Scatter.Reduction;
import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** NonZero, GatherND, ScatterND and ScatterElements against hand-worked cases and naive references. */
class GatherScatterNdTest {
    @Test
    void nonZeroListsCoordinatesColumnByColumnInRowMajorOrder() {
        Tensor t = Indexing.nonZero(Tensor.of(new boolean[] {true, false, false, true, true, false}, 2, 3));
        assertArrayEquals(new int[] {2, 3}, t.shape());
        // (0,0), (1,0), (1,1)
        assertArrayEquals(new long[] {0, 1, 1, 0, 0, 1}, t.longs());
        assertArrayEquals(
                new int[] {1, 0},
                Indexing.nonZero(Tensor.of(new float[] {0, 0}, 2)).shape());
    }

    @Test
    void gatherNdPicksElementsOrSlicesByTupleWithNegativeIndices() {
        Tensor data = Tensor.of(new int[] {0, 1, 2, 3}, 2, 2);
        Tensor elems = Indexing.gatherNd(data, Tensor.of(new long[] {0, 0, 1, -1}, 2, 2), 0);
        assertArrayEquals(new int[] {2}, elems.shape());
        assertArrayEquals(new int[] {0, 3}, elems.ints());
        Tensor rows = Indexing.gatherNd(data, Tensor.of(new long[] {1, 0}, 2, 1), 0);
        assertArrayEquals(new int[] {2, 2}, rows.shape());
        assertArrayEquals(new int[] {2, 3, 0, 1}, rows.ints());
    }

    @Test
    void gatherNdWithBatchDimsIndexesEachBatchOnItsOwn() {
        // data [2, 2, 2], indices [2, 1]: batch b takes data[b, indices[b]]
        Tensor data = Tensor.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 2, 2);
        Tensor out = Indexing.gatherNd(data, Tensor.of(new long[] {1, 0}, 2, 1), 1);
        assertArrayEquals(new int[] {2, 2}, out.shape());
        assertArrayEquals(new int[] {2, 3, 4, 5}, out.ints());
    }

    @Test
    void gatherNdRejectsAnIndexOutsideTheDimension() {
        Tensor data = Tensor.of(new float[] {1, 2}, 2);
        var e = assertThrows(
                IllegalArgumentException.class, () -> Indexing.gatherNd(data, Tensor.of(new long[] {2}, 1, 1), 0));
        assertTrue(e.getMessage().contains("index 2 is out of range [-2, 1]"), e.getMessage());
    }

    @Test
    void scatterNdWritesSlicesAndCombinesThemByEachReduction() {
        Tensor data = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor idx = Tensor.of(new long[] {2, 0, 2}, 3, 1);
        Tensor upd = Tensor.of(new float[] {10, 20, 30, 40, 50, 60}, 3, 2);
        float[][] want = {
            {30, 40, 3, 4, 50, 60}, // none: the last write to row 2 wins
            {31, 42, 3, 4, 65, 86}, // add
            {30, 80, 3, 4, 2500, 7200}, // mul
            {30, 40, 3, 4, 50, 60}, // max
            {1, 2, 3, 4, 5, 6} // min
        };
        Reduction[] rs = {Reduction.NONE, Reduction.ADD, Reduction.MUL, Reduction.MAX, Reduction.MIN};
        for (int i = 0; i < rs.length; i++)
            assertArrayEquals(want[i], Scatter.scatterNd(data, idx, upd, rs[i]).floats(), rs[i].name());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, data.floats(), "data is not changed");
    }

    @Test
    void scatterNdOfWholeElementsAddsIntegersExactly() {
        Tensor data = Tensor.of(new long[] {1L << 60, 0, 0, 0}, 2, 2);
        Tensor out = Scatter.scatterNd(
                data, Tensor.of(new long[] {0, 0, -1, -1}, 2, 2), Tensor.of(new long[] {1, 7}, 2), Reduction.ADD);
        assertArrayEquals(new long[] {(1L << 60) + 1, 0, 0, 7}, out.longs());
    }

    @Test
    void scatterElementsIsUndoneByGatherElementsAtDistinctIndices() {
        Random rnd = new Random(3);
        int[] shape = {3, 4, 5};
        for (int axis = 0; axis < 3; axis++) {
            Tensor data = Ref.random(rnd, shape);
            int[] is = shape.clone();
            is[axis] = 2;
            // along the axis, two distinct random positions per line, the second written as a negative index
            long[] idx = new long[Ref.size(is)];
            for (int i = 0; i < idx.length; i++) {
                int[] c = Ref.unravel(i, is);
                if (c[axis] == 1) continue;
                int n = shape[axis], first = rnd.nextInt(n), second = (first + 1 + rnd.nextInt(n - 1)) % n;
                idx[i] = first;
                c[axis] = 1;
                idx[Ref.ravel(c, is)] = second - n;
            }
            Tensor indices = Tensor.of(idx, is), updates = Ref.random(rnd, is);
            Tensor out = Scatter.scatterElements(data, indices, updates, axis, Reduction.NONE);
            assertArrayEquals(
                    updates.floats(), Layout.gatherElements(out, indices, axis).floats(), "axis " + axis);
        }
    }

    @Test
    void scatterElementsReducesDuplicateIndicesInUpdateOrder() {
        Tensor data = Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 5);
        Tensor idx = Tensor.of(new long[] {1, -4, 3}, 1, 3);
        Tensor upd = Tensor.of(new float[] {1.5f, 2.5f, 9}, 1, 3);
        assertArrayEquals(
                new float[] {1, 6, 3, 13, 5},
                Scatter.scatterElements(data, idx, upd, 1, Reduction.ADD).floats());
        assertArrayEquals(
                new float[] {1, 2.5f, 3, 9, 5},
                Scatter.scatterElements(data, idx, upd, -1, Reduction.NONE).floats());
        assertArrayEquals(
                new float[] {1, 7.5f, 3, 36, 5},
                Scatter.scatterElements(data, idx, upd, 1, Reduction.MUL).floats());
        assertArrayEquals(
                new float[] {1, 1.5f, 3, 4, 5},
                Scatter.scatterElements(data, idx, upd, 1, Reduction.MIN).floats());
        assertArrayEquals(
                new float[] {1, 2.5f, 3, 9, 5},
                Scatter.scatterElements(data, idx, upd, 1, Reduction.MAX).floats());
    }

    @Test
    void scatterRejectsOutOfRangeIndicesAndMismatchedUpdates() {
        Tensor data = Tensor.of(new float[] {1, 2, 3}, 3);
        assertThrows(
                IllegalArgumentException.class,
                () -> Scatter.scatterElements(
                        data, Tensor.of(new long[] {-4}, 1), Tensor.of(new float[] {0}, 1), 0, Reduction.NONE));
        assertThrows(
                IllegalArgumentException.class,
                () -> Scatter.scatterNd(
                        data, Tensor.of(new long[] {0}, 1, 1), Tensor.of(new float[] {0, 1}, 2), Reduction.NONE));
        assertThrows(IllegalArgumentException.class, () -> Reduction.of("mean"));
    }
}
