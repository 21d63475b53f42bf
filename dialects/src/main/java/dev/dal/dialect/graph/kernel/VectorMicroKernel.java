package dev.dal.dialect.graph.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: rows x 3 vectors of accumulators kept in registers, one broadcast of A per row and
 * three loads of B per step. With 512-bit vectors (AVX-512 has 32 registers) it computes 8 rows (24 accumulators +
 * 3 + 1 registers); with narrower ones 4 rows (12 + 3 + 1, which fits AVX2's 16). A last panel narrower than three
 * vectors runs with one or two vectors of accumulators instead of multiplying zero padding. Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link Sgemm}).
 */
final class VectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 3 * L;
    private static final int MR = Integer.getInteger("dal.mr", L >= 16 ? 8 : 4);

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void run(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        if (MR == 8) run8x3(ap, ao, bp, bo, kc, c, co, ldc);
        else run4x3(ap, ao, bp, bo, kc, c, co, ldc);
    }

    @Override
    public void run(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, int vectors) {
        if (vectors >= 3) run(ap, ao, bp, bo, kc, c, co, ldc);
        else if (vectors == 2) runRows2(ap, ao, bp, bo, kc, c, co, ldc);
        else runRows1(ap, ao, bp, bo, kc, c, co, ldc);
    }

    private static void run8x3(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00, c52 = c00;
        FloatVector c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00;
        int a = ao, b = bo;
        for (int k = 0; k < kc; k++, a += 8, b += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        // the epilogue written out: helper calls here would not be inlined (C2's node-count cutoff) and box vectors
        c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
        c01.add(FloatVector.fromArray(S, c, co + 1 * L)).intoArray(c, co + 1 * L);
        c02.add(FloatVector.fromArray(S, c, co + 2 * L)).intoArray(c, co + 2 * L);
        c10.add(FloatVector.fromArray(S, c, co + 1 * ldc)).intoArray(c, co + 1 * ldc);
        c11.add(FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L)).intoArray(c, co + 1 * ldc + 1 * L);
        c12.add(FloatVector.fromArray(S, c, co + 1 * ldc + 2 * L)).intoArray(c, co + 1 * ldc + 2 * L);
        c20.add(FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
        c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L)).intoArray(c, co + 2 * ldc + 1 * L);
        c22.add(FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L)).intoArray(c, co + 2 * ldc + 2 * L);
        c30.add(FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
        c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L)).intoArray(c, co + 3 * ldc + 1 * L);
        c32.add(FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L)).intoArray(c, co + 3 * ldc + 2 * L);
        c40.add(FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
        c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L)).intoArray(c, co + 4 * ldc + 1 * L);
        c42.add(FloatVector.fromArray(S, c, co + 4 * ldc + 2 * L)).intoArray(c, co + 4 * ldc + 2 * L);
        c50.add(FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
        c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L)).intoArray(c, co + 5 * ldc + 1 * L);
        c52.add(FloatVector.fromArray(S, c, co + 5 * ldc + 2 * L)).intoArray(c, co + 5 * ldc + 2 * L);
        c60.add(FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
        c61.add(FloatVector.fromArray(S, c, co + 6 * ldc + 1 * L)).intoArray(c, co + 6 * ldc + 1 * L);
        c62.add(FloatVector.fromArray(S, c, co + 6 * ldc + 2 * L)).intoArray(c, co + 6 * ldc + 2 * L);
        c70.add(FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
        c71.add(FloatVector.fromArray(S, c, co + 7 * ldc + 1 * L)).intoArray(c, co + 7 * ldc + 1 * L);
        c72.add(FloatVector.fromArray(S, c, co + 7 * ldc + 2 * L)).intoArray(c, co + 7 * ldc + 2 * L);
    }

    private static void run4x3(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        int a = ao, b = bo;
        for (int k = 0; k < kc; k++, a += 4, b += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        store3(c, co, c00, c01, c02);
        store3(c, co + ldc, c10, c11, c12);
        store3(c, co + 2 * ldc, c20, c21, c22);
        store3(c, co + 3 * ldc, c30, c31, c32);
    }

    /** Every row of the panel with two vectors of columns (the B panel keeps its stride of three vectors). */
    private static void runRows2(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        for (int r = 0; r < MR; r += 4) {
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
            FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
            int a = ao + r, b = bo;
            for (int k = 0; k < kc; k++, a += MR, b += NR) {
                FloatVector b0 = FloatVector.fromArray(S, bp, b);
                FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
                FloatVector x = FloatVector.broadcast(S, ap[a]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, ap[a + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, ap[a + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, ap[a + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
            }
            int o = co + r * ldc;
            store2(c, o, c00, c01);
            store2(c, o + ldc, c10, c11);
            store2(c, o + 2 * ldc, c20, c21);
            store2(c, o + 3 * ldc, c30, c31);
        }
    }

    /** Every row of the panel with one vector of columns. */
    private static void runRows1(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        for (int r = 0; r < MR; r += 4) {
            FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
            int a = ao + r, b = bo;
            for (int k = 0; k < kc; k++, a += MR, b += NR) {
                FloatVector b0 = FloatVector.fromArray(S, bp, b);
                c0 = FloatVector.broadcast(S, ap[a]).fma(b0, c0);
                c1 = FloatVector.broadcast(S, ap[a + 1]).fma(b0, c1);
                c2 = FloatVector.broadcast(S, ap[a + 2]).fma(b0, c2);
                c3 = FloatVector.broadcast(S, ap[a + 3]).fma(b0, c3);
            }
            int o = co + r * ldc;
            add(c, o, c0);
            add(c, o + ldc, c1);
            add(c, o + 2 * ldc, c2);
            add(c, o + 3 * ldc, c3);
        }
    }

    private static void store3(float[] c, int o, FloatVector v0, FloatVector v1, FloatVector v2) {
        add(c, o, v0);
        add(c, o + L, v1);
        add(c, o + 2 * L, v2);
    }

    private static void store2(float[] c, int o, FloatVector v0, FloatVector v1) {
        add(c, o, v0);
        add(c, o + L, v1);
    }

    private static void add(float[] c, int o, FloatVector v) {
        v.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
    }
}
