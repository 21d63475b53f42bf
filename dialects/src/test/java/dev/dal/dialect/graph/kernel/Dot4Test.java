package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Dot4Test {
    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    @Test
    void fourRowsAtOnceSumEachRowExactlyAsOneDotDoes() {
        Random r = new Random(11);
        for (RowOps ops : new RowOps[] {new RowOps(), RowOps.INSTANCE}) {
            for (int t = 0; t < 400; t++) {
                int n = r.nextInt(300), xo = r.nextInt(5), yo = r.nextInt(5), ldy = n + r.nextInt(7);
                float[] x = random(r, xo + n), y = random(r, yo + 4 * ldy), got = random(r, 6), want = got.clone();
                ops.dot4(x, xo, y, yo, ldy, n, got, 1);
                for (int i = 0; i < 4; i++) want[1 + i] += ops.dot(x, xo, y, yo + i * ldy, n);
                assertArrayEquals(want, got, "n = " + n);
            }
        }
    }

    @Test
    void matrixVectorProductWithTransposedBMatchesDoubleSums() {
        Random r = new Random(12);
        for (int t = 0; t < 60; t++) {
            int n = 1 + r.nextInt(70), k = 1 + r.nextInt(600);
            float[] a = random(r, k), b = random(r, n * k), c = random(r, n), c0 = c.clone();
            Gemv.gemv(false, true, n, k, 1.5f, a, 0, k, b, 0, k, c, 0, Ref.POOL);
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double) (1.5f * a[p]) * b[j * k + p];
                assertEquals(c0[j] + s, c[j], 1e-4 * Math.sqrt(k));
            }
        }
    }
}
