package dev.dal.dialect.quant.kernel;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API tile kernel of {@link IntGemm}: int32 lanes, whose multiply and add wrap as Java's {@code int} does.
 * {@code A * B} keeps a 4-row x 2-vector block of C in registers (8 accumulators, 2 loads of B and 4 broadcasts of A
 * per step, within AVX2's 16 registers) over slabs of {@value #KC} steps, so the slab of B stays in the L1 cache while
 * the rows of A pass over it; leftover rows and columns take a 1-row kernel, the last columns (fewer than a vector)
 * plain loops. {@code A * B^T} takes dot products of 4 rows of B against one row of A, reduced across lanes at the
 * end. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorIntGemm implements IntGemm.Kernel {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int KC = 256;

    @Override
    public void nn(
            int[] a,
            int aOff,
            int lda,
            int[] b,
            int bOff,
            int ldb,
            int[] c,
            int cOff,
            int ldc,
            int i0,
            int i1,
            int j0,
            int j1,
            int k) {
        if (k == 0) {
            for (int i = i0; i < i1; i++) java.util.Arrays.fill(c, cOff + i * ldc + j0, cOff + i * ldc + j1, 0);
            return;
        }
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean add = p0 > 0;
            int j = j0;
            for (; j + 2 * L <= j1; j += 2 * L) {
                int i = i0;
                for (; i + 4 <= i1; i += 4)
                    tile4x2(
                            a,
                            aOff + i * lda + p0,
                            lda,
                            b,
                            bOff + p0 * ldb + j,
                            ldb,
                            c,
                            cOff + i * ldc + j,
                            ldc,
                            kc,
                            add);
                for (; i < i1; i++)
                    tile1x2(a, aOff + i * lda + p0, b, bOff + p0 * ldb + j, ldb, c, cOff + i * ldc + j, kc, add);
            }
            for (; j + L <= j1; j += L)
                for (int i = i0; i < i1; i++)
                    tile1x1(a, aOff + i * lda + p0, b, bOff + p0 * ldb + j, ldb, c, cOff + i * ldc + j, kc, add);
            // the last columns one by one: a masked load past the end of an array leaves the intrinsic's fast path
            for (; j < j1; j++)
                for (int i = i0; i < i1; i++) {
                    int ao = aOff + i * lda + p0, bo = bOff + p0 * ldb + j, co = cOff + i * ldc + j;
                    int acc = add ? c[co] : 0;
                    for (int p = 0; p < kc; p++) acc += a[ao + p] * b[bo + p * ldb];
                    c[co] = acc;
                }
        }
    }

    private static void tile4x2(
            int[] a, int ao, int lda, int[] b, int bo, int ldb, int[] c, int co, int ldc, int kc, boolean add) {
        IntVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (add) {
            c00 = IntVector.fromArray(S, c, co);
            c01 = IntVector.fromArray(S, c, co + L);
            c10 = IntVector.fromArray(S, c, co + ldc);
            c11 = IntVector.fromArray(S, c, co + ldc + L);
            c20 = IntVector.fromArray(S, c, co + 2 * ldc);
            c21 = IntVector.fromArray(S, c, co + 2 * ldc + L);
            c30 = IntVector.fromArray(S, c, co + 3 * ldc);
            c31 = IntVector.fromArray(S, c, co + 3 * ldc + L);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = IntVector.zero(S);
        }
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * ldb;
            IntVector b0 = IntVector.fromArray(S, b, bp), b1 = IntVector.fromArray(S, b, bp + L);
            int a0 = a[ao + p], a1 = a[ao + lda + p], a2 = a[ao + 2 * lda + p], a3 = a[ao + 3 * lda + p];
            c00 = c00.add(b0.mul(a0));
            c01 = c01.add(b1.mul(a0));
            c10 = c10.add(b0.mul(a1));
            c11 = c11.add(b1.mul(a1));
            c20 = c20.add(b0.mul(a2));
            c21 = c21.add(b1.mul(a2));
            c30 = c30.add(b0.mul(a3));
            c31 = c31.add(b1.mul(a3));
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
    }

    private static void tile1x2(int[] a, int ao, int[] b, int bo, int ldb, int[] c, int co, int kc, boolean add) {
        IntVector c0 = add ? IntVector.fromArray(S, c, co) : IntVector.zero(S);
        IntVector c1 = add ? IntVector.fromArray(S, c, co + L) : IntVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * ldb, av = a[ao + p];
            c0 = c0.add(IntVector.fromArray(S, b, bp).mul(av));
            c1 = c1.add(IntVector.fromArray(S, b, bp + L).mul(av));
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + L);
    }

    private static void tile1x1(int[] a, int ao, int[] b, int bo, int ldb, int[] c, int co, int kc, boolean add) {
        IntVector c0 = add ? IntVector.fromArray(S, c, co) : IntVector.zero(S);
        for (int p = 0; p < kc; p++)
            c0 = c0.add(IntVector.fromArray(S, b, bo + p * ldb).mul(a[ao + p]));
        c0.intoArray(c, co);
    }

    @Override
    public void nt(
            int[] a,
            int aOff,
            int lda,
            int[] b,
            int bOff,
            int ldb,
            int[] c,
            int cOff,
            int ldc,
            int i0,
            int i1,
            int j0,
            int j1,
            int k) {
        int kv = k - k % L;
        for (int i = i0; i < i1; i++) {
            int ar = aOff + i * lda, cr = cOff + i * ldc;
            int j = j0;
            for (; j + 4 <= j1; j += 4) {
                int b0 = bOff + j * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                IntVector s0 = IntVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0; p < kv; p += L) {
                    IntVector av = IntVector.fromArray(S, a, ar + p);
                    s0 = s0.add(av.mul(IntVector.fromArray(S, b, b0 + p)));
                    s1 = s1.add(av.mul(IntVector.fromArray(S, b, b1 + p)));
                    s2 = s2.add(av.mul(IntVector.fromArray(S, b, b2 + p)));
                    s3 = s3.add(av.mul(IntVector.fromArray(S, b, b3 + p)));
                }
                int r0 = s0.reduceLanes(VectorOperators.ADD), r1 = s1.reduceLanes(VectorOperators.ADD);
                int r2 = s2.reduceLanes(VectorOperators.ADD), r3 = s3.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < k; p++) {
                    int av = a[ar + p];
                    r0 += av * b[b0 + p];
                    r1 += av * b[b1 + p];
                    r2 += av * b[b2 + p];
                    r3 += av * b[b3 + p];
                }
                c[cr + j] = r0;
                c[cr + j + 1] = r1;
                c[cr + j + 2] = r2;
                c[cr + j + 3] = r3;
            }
            for (; j < j1; j++) {
                int br = bOff + j * ldb;
                IntVector s = IntVector.zero(S);
                for (int p = 0; p < kv; p += L)
                    s = s.add(IntVector.fromArray(S, a, ar + p).mul(IntVector.fromArray(S, b, br + p)));
                int r = s.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < k; p++) r += a[ar + p] * b[br + p];
                c[cr + j] = r;
            }
        }
    }
}
