package dev.dal.dialect.graph.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: 4 rows x 3 vectors of accumulators kept in registers (12 + 3 + 1 registers, which fits
 * AVX2's 16), one broadcast of A and three loads of B per four-by-three block of FMAs. Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link Sgemm}).
 */
final class VectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public int mr() {
        return 4;
    }

    @Override
    public int nr() {
        return 3 * L;
    }

    @Override
    public void run(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        for (int k = 0; k < kc; k++) {
            int b = bo + k * 3 * L;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 2 * L);
            int a = ao + k * 4;
            FloatVector a0 = FloatVector.broadcast(S, ap[a]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, ap[a + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, ap[a + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, ap[a + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
        }
        store(c, co, c00, c01, c02);
        store(c, co + ldc, c10, c11, c12);
        store(c, co + 2 * ldc, c20, c21, c22);
        store(c, co + 3 * ldc, c30, c31, c32);
    }

    private static void store(float[] c, int o, FloatVector v0, FloatVector v1, FloatVector v2) {
        v0.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        v1.add(FloatVector.fromArray(S, c, o + L)).intoArray(c, o + L);
        v2.add(FloatVector.fromArray(S, c, o + 2 * L)).intoArray(c, o + 2 * L);
    }
}
