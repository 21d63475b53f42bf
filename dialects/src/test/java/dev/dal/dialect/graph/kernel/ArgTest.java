package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ArgMax/ArgMin against a naive reference over 3-D indices. */
class ArgTest {
    /** The naive reference: for each (i, k) of a [a, b, c] tensor reduced over axis 1, scan j directly. */
    private static long[] naive(float[][][] x, boolean max, boolean last) {
        int a = x.length, b = x[0].length, c = x[0][0].length;
        long[] out = new long[a * c];
        for (int i = 0; i < a; i++)
            for (int k = 0; k < c; k++) {
                int best = 0;
                for (int j = 1; j < b; j++) {
                    float v = x[i][j][k], w = x[i][best][k];
                    if (max ? (v > w || (last && v == w)) : (v < w || (last && v == w))) best = j;
                }
                out[i * c + k] = best;
            }
        return out;
    }

    @Test
    void argMaxAndArgMinAgreeWithANaiveScanIncludingTies() {
        Random rnd = new Random(7);
        int a = 3, b = 6, c = 4;
        float[][][] x = new float[a][b][c];
        float[] flat = new float[a * b * c];
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++) {
                    // few distinct values, so ties are common
                    x[i][j][k] = rnd.nextInt(4);
                    flat[(i * b + j) * c + k] = x[i][j][k];
                }
        Tensor t = Tensor.of(flat, a, b, c);
        for (boolean max : new boolean[] {true, false})
            for (boolean last : new boolean[] {true, false}) {
                Tensor r = Reduce.arg(t, 1, true, max, last);
                assertArrayEquals(new int[] {a, 1, c}, r.shape());
                assertArrayEquals(naive(x, max, last), r.longs(), "max=" + max + " last=" + last);
                assertArrayEquals(
                        new int[] {a, c}, Reduce.arg(t, -2, false, max, last).shape());
            }
    }
}
