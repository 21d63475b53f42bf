package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CumSum against a naive reference that sums a prefix (or suffix) for every element. */
class CumSumTest {
    private static final int A = 2, B = 3, C = 4;

    @Test
    void cumSumMatchesNaivePrefixSumsForEveryAxisAndFlag() {
        Random rnd = new Random(3);
        long[] x = new long[A * B * C];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(200) - 100;
        int[] dims = {A, B, C};
        for (int axis = 0; axis < 3; axis++)
            for (boolean exclusive : new boolean[] {false, true})
                for (boolean reverse : new boolean[] {false, true}) {
                    long[] want = new long[x.length];
                    for (int i = 0; i < A; i++)
                        for (int j = 0; j < B; j++)
                            for (int k = 0; k < C; k++) {
                                int[] c = {i, j, k};
                                long sum = 0;
                                for (int p = 0; p < dims[axis]; p++) {
                                    boolean before = reverse ? p > c[axis] : p < c[axis];
                                    if (before || (!exclusive && p == c[axis])) {
                                        int[] q = {i, j, k};
                                        q[axis] = p;
                                        sum += x[(q[0] * B + q[1]) * C + q[2]];
                                    }
                                }
                                want[(i * B + j) * C + k] = sum;
                            }
                    Tensor t = Reduce.cumSum(Tensor.of(x, A, B, C), axis - 3, exclusive, reverse);
                    assertArrayEquals(
                            want, t.longs(), "axis " + axis + " exclusive " + exclusive + " reverse " + reverse);
                }
    }

    @Test
    void cumSumAddsFloats() {
        Tensor t = Reduce.cumSum(Tensor.of(new float[] {1, 2, 3, 4}, 4), 0, true, false);
        assertArrayEquals(new float[] {0, 1, 3, 6}, t.floats());
    }
}
