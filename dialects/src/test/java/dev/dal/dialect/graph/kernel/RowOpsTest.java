package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Row loops that the other kernel tests reach only through whole convolutions, vector against plain. */
class RowOpsTest {
    @Test
    void copyRowsFromCopiesEachRunFromItsOwnStart() {
        // runs from all-tail to several vectors, starting anywhere (an im2col panel's taps), the last ones at the very
        // end of the source (where a masked tail would reach past the array)
        RowOps plain = new RowOps(), fast = RowOps.INSTANCE;
        Random r = new Random(12);
        for (int t = 0; t < 200; t++) {
            int n = 1 + r.nextInt(70), rows = 1 + r.nextInt(9), stride = n + r.nextInt(5), so = r.nextInt(4);
            float[] src = new float[200];
            for (int i = 0; i < src.length; i++) src[i] = r.nextFloat();
            int[] starts = new int[rows];
            for (int i = 0; i < rows; i++) starts[i] = r.nextInt(src.length - n - so + 1);
            if (t % 3 == 0) starts[rows - 1] = src.length - n - so;
            float[] want = new float[rows * stride + 3], got = new float[rows * stride + 3];
            plain.copyRowsFrom(src, starts, so, want, 3, stride, rows, n);
            fast.copyRowsFrom(src, starts, so, got, 3, stride, rows, n);
            assertArrayEquals(want, got, "case " + t);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < n; j++)
                    if (want[3 + i * stride + j] != src[starts[i] + so + j]) throw new AssertionError("plain loop");
        }
    }
}
