package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GatherElements against a naive reference written with explicit 3-D loops. */
class GatherElementsTest {
    private static final int A = 2, B = 3, C = 4;

    @Test
    void gatherElementsPicksLikeANaiveLoopOnEveryAxis() {
        Random rnd = new Random(7);
        float[] x = new float[A * B * C];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat();
        int[] dims = {A, B, C};
        for (int axis = 0; axis < 3; axis++) {
            // indices are smaller than data on the non-axis dims and larger along the axis
            int ia = axis == 0 ? 5 : 1, ib = axis == 1 ? 5 : 2, ic = axis == 2 ? 5 : 3;
            long[] idx = new long[ia * ib * ic];
            for (int i = 0; i < idx.length; i++) idx[i] = rnd.nextInt(2 * dims[axis]) - dims[axis];
            float[] want = new float[idx.length];
            int o = 0;
            for (int i = 0; i < ia; i++)
                for (int j = 0; j < ib; j++)
                    for (int k = 0; k < ic; k++) {
                        int p = (int) Math.floorMod(idx[o], (long) dims[axis]);
                        int si = axis == 0 ? p : i, sj = axis == 1 ? p : j, sk = axis == 2 ? p : k;
                        want[o++] = x[(si * B + sj) * C + sk];
                    }
            Tensor t = GatherElementsTest.run(x, idx, ia, ib, ic, axis);
            assertArrayEquals(new int[] {ia, ib, ic}, t.shape());
            assertArrayEquals(want, t.floats(), "axis " + axis);
        }
    }

    private static Tensor run(float[] x, long[] idx, int ia, int ib, int ic, int axis) {
        return Layout.gatherElements(Tensor.of(x, A, B, C), Tensor.of(idx, ia, ib, ic), axis);
    }

    @Test
    void gatherElementsRejectsAnOutOfRangeIndex() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Layout.gatherElements(Tensor.of(new float[] {1, 2}, 2), Tensor.of(new long[] {2}, 1), 0));
    }
}
