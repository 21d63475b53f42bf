package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/** Shared test helpers: random tensors, index arithmetic for the naive references, float comparison. */
final class Ref {
    static final ForkJoinPool POOL = new ForkJoinPool(2);

    private Ref() {}

    static Tensor random(Random r, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return Tensor.of(v, shape);
    }

    static int size(int[] s) {
        int n = 1;
        for (int d : s) n *= d;
        return n;
    }

    /** {@return the coordinates of row-major element i} */
    static int[] unravel(int i, int[] s) {
        int[] idx = new int[s.length];
        for (int d = s.length - 1; d >= 0; d--) {
            idx[d] = s[d] == 0 ? 0 : i % s[d];
            i = s[d] == 0 ? 0 : i / s[d];
        }
        return idx;
    }

    /** {@return the row-major offset of coordinates} */
    static int ravel(int[] idx, int[] s) {
        int o = 0;
        for (int d = 0; d < s.length; d++) o = o * s[d] + idx[d];
        return o;
    }

    /** Asserts elementwise closeness: |a - e| <= tol * (1 + |e|). */
    static void close(float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length, "element count");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (Double.isNaN(e)) {
                assertEquals(Float.NaN, actual[i], "element " + i);
                continue;
            }
            if (Math.abs(a - e) > tol * (1 + Math.abs(e)))
                throw new AssertionError("element " + i + ": expected " + e + " but was " + a);
        }
    }

    static void sameShape(int[] expected, Tensor t) {
        assertArrayEquals(expected, t.shape());
    }
}
