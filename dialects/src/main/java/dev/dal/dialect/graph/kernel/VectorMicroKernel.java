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
    public void run(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
        if (MR == 8) run8x3(ap, ao, bp, bo, kc, c, co, ldc, add);
        else run4x3(ap, ao, bp, bo, kc, c, co, ldc, add);
    }

    @Override
    public void run(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, int vectors, boolean add) {
        if (vectors >= 3) run(ap, ao, bp, bo, kc, c, co, ldc, add);
        else if (vectors == 2) runRows2(ap, ao, bp, bo, kc, c, co, ldc, add);
        else runRows1(ap, ao, bp, bo, kc, c, co, ldc, add);
    }

    private static void run8x3(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
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
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, co));
            c01 = c01.add(FloatVector.fromArray(S, c, co + 1 * L));
            c02 = c02.add(FloatVector.fromArray(S, c, co + 2 * L));
            c10 = c10.add(FloatVector.fromArray(S, c, co + 1 * ldc));
            c11 = c11.add(FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L));
            c12 = c12.add(FloatVector.fromArray(S, c, co + 1 * ldc + 2 * L));
            c20 = c20.add(FloatVector.fromArray(S, c, co + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L));
            c22 = c22.add(FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L));
            c30 = c30.add(FloatVector.fromArray(S, c, co + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L));
            c32 = c32.add(FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L));
            c40 = c40.add(FloatVector.fromArray(S, c, co + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L));
            c42 = c42.add(FloatVector.fromArray(S, c, co + 4 * ldc + 2 * L));
            c50 = c50.add(FloatVector.fromArray(S, c, co + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L));
            c52 = c52.add(FloatVector.fromArray(S, c, co + 5 * ldc + 2 * L));
            c60 = c60.add(FloatVector.fromArray(S, c, co + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(S, c, co + 6 * ldc + 1 * L));
            c62 = c62.add(FloatVector.fromArray(S, c, co + 6 * ldc + 2 * L));
            c70 = c70.add(FloatVector.fromArray(S, c, co + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(S, c, co + 7 * ldc + 1 * L));
            c72 = c72.add(FloatVector.fromArray(S, c, co + 7 * ldc + 2 * L));
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + 1 * L);
        c02.intoArray(c, co + 2 * L);
        c10.intoArray(c, co + 1 * ldc);
        c11.intoArray(c, co + 1 * ldc + 1 * L);
        c12.intoArray(c, co + 1 * ldc + 2 * L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + 1 * L);
        c22.intoArray(c, co + 2 * ldc + 2 * L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + 1 * L);
        c32.intoArray(c, co + 3 * ldc + 2 * L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + 1 * L);
        c42.intoArray(c, co + 4 * ldc + 2 * L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + 1 * L);
        c52.intoArray(c, co + 5 * ldc + 2 * L);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + 1 * L);
        c62.intoArray(c, co + 6 * ldc + 2 * L);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + 1 * L);
        c72.intoArray(c, co + 7 * ldc + 2 * L);
    }

    private static void run4x3(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
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
        store3(c, co, c00, c01, c02, add);
        store3(c, co + ldc, c10, c11, c12, add);
        store3(c, co + 2 * ldc, c20, c21, c22, add);
        store3(c, co + 3 * ldc, c30, c31, c32, add);
    }

    /** Every row of the panel with two vectors of columns (the B panel keeps its stride of three vectors). */
    private static void runRows2(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
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
            store2(c, o, c00, c01, add);
            store2(c, o + ldc, c10, c11, add);
            store2(c, o + 2 * ldc, c20, c21, add);
            store2(c, o + 3 * ldc, c30, c31, add);
        }
    }

    /** Every row of the panel with one vector of columns. */
    private static void runRows1(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
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
            put(c, o, c0, add);
            put(c, o + ldc, c1, add);
            put(c, o + 2 * ldc, c2, add);
            put(c, o + 3 * ldc, c3, add);
        }
    }

    private static void store3(float[] c, int o, FloatVector v0, FloatVector v1, FloatVector v2, boolean add) {
        put(c, o, v0, add);
        put(c, o + L, v1, add);
        put(c, o + 2 * L, v2, add);
    }

    private static void store2(float[] c, int o, FloatVector v0, FloatVector v1, boolean add) {
        put(c, o, v0, add);
        put(c, o + L, v1, add);
    }

    /** Stores {@code v} at {@code c[o..]}, added to what is there when {@code add}. */
    private static void put(float[] c, int o, FloatVector v, boolean add) {
        (add ? v.add(FloatVector.fromArray(S, c, o)) : v).intoArray(c, o);
    }
}
