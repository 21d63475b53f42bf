package dev.dal.dialect.graph.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: rows x vectors of accumulators kept in registers, one broadcast of A per row and one
 * load of B per vector and step. With 512-bit vectors (AVX-512 has 32 registers) it computes 12 rows x 2 vectors (24
 * accumulators + 2 + 1 registers), which measured 15% faster than 8 x 3 on the same registers: fewer vector loads
 * per multiply-add. With narrower vectors it computes 4 rows x 3 vectors (12 + 3 + 1, which fits AVX2's 16). A last
 * panel narrower than the tile runs with fewer vectors of accumulators instead of multiplying zero padding, and a last
 * row panel runs only its rows, four at a time. Loaded only when the {@code jdk.incubator.vector} module is present
 * (see {@link Sgemm}).
 */
final class VectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final boolean WIDE = L >= 16;
    private static final int VECTORS = WIDE ? 2 : 3;
    private static final int NR = VECTORS * L;
    private static final int MR = WIDE ? 12 : 4;

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
        if (WIDE) run12x2(ap, ao, bp, bo, kc, c, co, ldc, add);
        else rows4x3(ap, ao, bp, bo, kc, c, co, ldc, 4, add); // narrow vectors: MR is 4, the whole tile
    }

    @Override
    public void run(
            float[] ap,
            int ao,
            float[] bp,
            int bo,
            int kc,
            float[] c,
            int co,
            int ldc,
            int rows,
            int vectors,
            boolean add) {
        if (rows == MR && vectors >= VECTORS) {
            run(ap, ao, bp, bo, kc, c, co, ldc, add);
            return;
        }
        for (int r = 0; r < rows; r += 4) {
            int live = Math.min(4, rows - r), o = co + r * ldc;
            if (vectors >= 3) rows4x3(ap, ao + r, bp, bo, kc, c, o, ldc, live, add);
            else if (vectors == 2) rows4x2(ap, ao + r, bp, bo, kc, c, o, ldc, live, add);
            else rows4x1(ap, ao + r, bp, bo, kc, c, o, ldc, live, add);
        }
    }

    private static void run12x2(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S),
                c01 = c00,
                c10 = c00,
                c11 = c00,
                c20 = c00,
                c21 = c00,
                c30 = c00,
                c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        FloatVector c80 = c00, c81 = c00, c90 = c00, c91 = c00, ca0 = c00, ca1 = c00, cb0 = c00, cb1 = c00;
        // indices derived from k alone let C2 hoist the bounds checks out of the loop
        for (int k = 0; k < kc; k++) {
            int a = ao + 12 * k, b = bo + NR * k;
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
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            x = FloatVector.broadcast(S, ap[a + 8]);
            c80 = x.fma(b0, c80);
            c81 = x.fma(b1, c81);
            x = FloatVector.broadcast(S, ap[a + 9]);
            c90 = x.fma(b0, c90);
            c91 = x.fma(b1, c91);
            x = FloatVector.broadcast(S, ap[a + 10]);
            ca0 = x.fma(b0, ca0);
            ca1 = x.fma(b1, ca1);
            x = FloatVector.broadcast(S, ap[a + 11]);
            cb0 = x.fma(b0, cb0);
            cb1 = x.fma(b1, cb1);
        }
        // the epilogue written out: helper calls here would not be inlined (C2's node-count cutoff) and box vectors
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, co));
            c01 = c01.add(FloatVector.fromArray(S, c, co + L));
            c10 = c10.add(FloatVector.fromArray(S, c, co + 1 * ldc));
            c11 = c11.add(FloatVector.fromArray(S, c, co + 1 * ldc + L));
            c20 = c20.add(FloatVector.fromArray(S, c, co + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(S, c, co + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + L));
            c40 = c40.add(FloatVector.fromArray(S, c, co + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + L));
            c50 = c50.add(FloatVector.fromArray(S, c, co + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + L));
            c60 = c60.add(FloatVector.fromArray(S, c, co + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(S, c, co + 6 * ldc + L));
            c70 = c70.add(FloatVector.fromArray(S, c, co + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(S, c, co + 7 * ldc + L));
            c80 = c80.add(FloatVector.fromArray(S, c, co + 8 * ldc));
            c81 = c81.add(FloatVector.fromArray(S, c, co + 8 * ldc + L));
            c90 = c90.add(FloatVector.fromArray(S, c, co + 9 * ldc));
            c91 = c91.add(FloatVector.fromArray(S, c, co + 9 * ldc + L));
            ca0 = ca0.add(FloatVector.fromArray(S, c, co + 10 * ldc));
            ca1 = ca1.add(FloatVector.fromArray(S, c, co + 10 * ldc + L));
            cb0 = cb0.add(FloatVector.fromArray(S, c, co + 11 * ldc));
            cb1 = cb1.add(FloatVector.fromArray(S, c, co + 11 * ldc + L));
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + 1 * ldc);
        c11.intoArray(c, co + 1 * ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + L);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + L);
        c80.intoArray(c, co + 8 * ldc);
        c81.intoArray(c, co + 8 * ldc + L);
        c90.intoArray(c, co + 9 * ldc);
        c91.intoArray(c, co + 9 * ldc + L);
        ca0.intoArray(c, co + 10 * ldc);
        ca1.intoArray(c, co + 10 * ldc + L);
        cb0.intoArray(c, co + 11 * ldc);
        cb1.intoArray(c, co + 11 * ldc + L);
    }

    /**
     * Four rows of the A panel from {@code ao} (the panel's stride stays {@code MR} per step) by three vectors of
     * columns; only the first {@code live} rows are stored.
     */
    private static void rows4x3(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, int live, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        for (int k = 0; k < kc; k++) {
            int a = ao + MR * k, b = bo + NR * k;
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
        if (live > 1) store3(c, co + ldc, c10, c11, c12, add);
        if (live > 2) store3(c, co + 2 * ldc, c20, c21, c22, add);
        if (live > 3) store3(c, co + 3 * ldc, c30, c31, c32, add);
    }

    /** Four rows by two vectors of columns (the B panel keeps its stride of {@code NR}); the first {@code live} stored. */
    private static void rows4x2(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, int live, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int k = 0; k < kc; k++) {
            int a = ao + MR * k, b = bo + NR * k;
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
        store2(c, co, c00, c01, add);
        if (live > 1) store2(c, co + ldc, c10, c11, add);
        if (live > 2) store2(c, co + 2 * ldc, c20, c21, add);
        if (live > 3) store2(c, co + 3 * ldc, c30, c31, add);
    }

    /** Four rows by one vector of columns; the first {@code live} stored. */
    private static void rows4x1(
            float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, int live, boolean add) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int k = 0; k < kc; k++) {
            int a = ao + MR * k;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + NR * k);
            c0 = FloatVector.broadcast(S, ap[a]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[a + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[a + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[a + 3]).fma(b0, c3);
        }
        put(c, co, c0, add);
        if (live > 1) put(c, co + ldc, c1, add);
        if (live > 2) put(c, co + 2 * ldc, c2, add);
        if (live > 3) put(c, co + 3 * ldc, c3, add);
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
