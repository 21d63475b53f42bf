package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trilu against a naive reference written with explicit batch/row/column loops. */
class TriluTest {
    private static final int B = 2, R = 3, C = 5;

    private static float[] naive(float[] x, long k, boolean upper) {
        float[] want = new float[B * R * C];
        for (int b = 0; b < B; b++)
            for (int i = 0; i < R; i++)
                for (int j = 0; j < C; j++) {
                    int at = (b * R + i) * C + j;
                    boolean keep = upper ? j >= i + k : j <= i + k;
                    want[at] = keep ? x[at] : 0f;
                }
        return want;
    }

    @Test
    void triluKeepsTheSameElementsAsANaiveLoopForEveryDiagonalOffset() {
        Random rnd = new Random(5);
        float[] x = new float[B * R * C];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat() + 1f;
        for (long k = -4; k <= 6; k++)
            for (boolean upper : new boolean[] {true, false}) {
                Tensor t = Layout.trilu(Tensor.of(x, B, R, C), k, upper);
                assertArrayEquals(new int[] {B, R, C}, t.shape());
                assertArrayEquals(naive(x, k, upper), t.floats(), "k=" + k + " upper=" + upper);
            }
    }

    @Test
    void triluWorksOnIntegerTensors() {
        long[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Tensor t = Layout.trilu(Tensor.of(x, 3, 3), 0, false);
        assertArrayEquals(new long[] {1, 0, 0, 4, 5, 0, 7, 8, 9}, t.longs());
    }
}
