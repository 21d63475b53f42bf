package dev.dal.dialect.graph.kernel;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Single-precision GEMM, {@code C = alpha * op(A) * op(B) + beta * C} on row-major arrays, blocked for the caches:
 * C is cut into tiles of {@value #MC} rows by about 16 micro-tile columns that run in parallel; per tile, slabs of
 * {@value #KC} steps of A and B are packed into contiguous micro-panels, and a register-blocked micro-kernel
 * multiplies them (along C's rows for shallow slabs, down its columns for deep ones). A product with constant A and
 * few columns (a convolution over a 7x7 image) runs transposed, {@code C^T = B^T A^T} ({@link #transposes}). The
 * micro-kernel uses the Vector API when the {@code jdk.incubator.vector} module is present (start the JVM with
 * {@code --add-modules jdk.incubator.vector}) and a portable scalar one otherwise.
 */
public final class Sgemm {
    static final int MC = 96;
    static final int KC = 256;
    private static final MicroKernel KERNEL = chooseKernel();

    private Sgemm() {}

    private static MicroKernel chooseKernel() {
        if (Boolean.getBoolean("dal.kernel.scalar")) return new ScalarMicroKernel();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return new ScalarMicroKernel();
        try {
            return (MicroKernel) Class.forName("dev.dal.dialect.graph.kernel.VectorMicroKernel")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarMicroKernel();
        }
    }

    /** {@return the micro-kernel in use} */
    static MicroKernel kernel() {
        return KERNEL;
    }

    /** {@return whether the Vector API micro-kernel is in use} */
    public static boolean vectorized() {
        return !(KERNEL instanceof ScalarMicroKernel);
    }

    /**
     * Computes {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(A)} is {@code m x k} and {@code op(B)}
     * is {@code k x n}.
     *
     * @param transA whether A is stored transposed ({@code k x m}, element (i, p) at {@code a[aOff + p*lda + i]})
     * @param transB whether B is stored transposed ({@code n x k}, element (p, j) at {@code b[bOff + j*ldb + p]})
     * @param beta   0 ignores C's old contents (even NaNs)
     */
    public static void sgemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float beta,
            float[] c,
            int cOff,
            int ldc,
            ForkJoinPool pool) {
        sgemm(KERNEL, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, pool);
    }

    /** {@link #sgemm} with a given micro-kernel (tests run both kernels in one JVM). */
    static void sgemm(
            MicroKernel kern,
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float beta,
            float[] c,
            int cOff,
            int ldc,
            ForkJoinPool pool) {
        if (m <= 0 || n <= 0) return;
        // with beta 0 the blocked product stores its first slab instead of adding it, so C needs no zeroing first
        boolean overwrite = beta == 0f && k > 0 && alpha != 0f && m > 1;
        if (beta != 1f && !overwrite) {
            for (int i = 0; i < m; i++) {
                int o = cOff + i * ldc;
                if (beta == 0f) Arrays.fill(c, o, o + n, 0f);
                else for (int j = 0; j < n; j++) c[o + j] *= beta;
            }
        }
        if (k <= 0 || alpha == 0f) return;
        if (m == 1) {
            Gemv.gemv(transA, transB, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, pool);
            return;
        }
        PanelSource bs = (pc, kc, jc, ncols, nr, bp, bo) -> packB(transB, b, bOff, ldb, pc, kc, jc, ncols, nr, bp, bo);
        blocked(kern, transA, m, n, k, alpha, a, aOff, lda, null, null, bs, null, c, cOff, ldc, beta == 0f, null, pool);
    }

    /**
     * The columns of a B operand that is not stored as a matrix (a convolution's im2col view of its input), packed on
     * demand; it must be safe to call from several threads at once.
     */
    @FunctionalInterface
    public interface PanelSource {
        /**
         * Packs rows {@code pc..pc+kc} x columns {@code jc..jc+ncols} of B into {@code nr}-column panels, zero-padded
         * to whole panels: element (pc+s, jc+p*nr+q) at {@code bp[bo + p*nr*kc + s*nr + q]}.
         */
        void pack(int pc, int kc, int jc, int ncols, int nr, float[] bp, int bo);
    }

    /**
     * Work done on C's rows once their products are complete, tile by tile while they are in cache (a convolution's
     * bias, residual add and activation); it must be safe to call from several threads at once, on distinct stretches.
     */
    @FunctionalInterface
    public interface Epilogue {
        /** Finishes {@code c[off..off+len)}, a stretch of row {@code row} of C (rows counted from C's first). */
        void apply(float[] c, int row, int off, int len);
    }

    /** Runs {@code epi} on every row of an {@code m x n} C, for the paths that do not tile it. */
    private static void wholeRows(Epilogue epi, float[] c, int cOff, int ldc, int m, int n) {
        if (epi != null) for (int i = 0; i < m; i++) epi.apply(c, i, cOff + i * ldc, n);
    }

    /**
     * {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int,
     * int, ForkJoinPool)} with beta 0 and alpha 1, then {@code epi} on each row of C (null: none). A must be constant
     * weights: its packed panels are cached while the array lives.
     */
    public static void sgemm(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            int lda,
            float[] b,
            int bOff,
            int ldb,
            float[] c,
            int cOff,
            int ldc,
            Epilogue epi,
            ForkJoinPool pool) {
        if (m <= 1 || k <= 0) {
            sgemm(KERNEL, false, false, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc, pool);
            wholeRows(epi, c, cOff, ldc, m, n);
            return;
        }
        // A is a convolution's weights: packed once and cached (see PackedWeights), not on every run
        PanelSource bs = (pc, kc, jc, ncols, nr, bp, bo) -> packB(false, b, bOff, ldb, pc, kc, jc, ncols, nr, bp, bo);
        sgemm(m, n, k, a, aOff, lda, bs, c, cOff, ldc, epi, pool);
    }

    /** {@return {@code nr}, the panel width a {@link PanelSource} packs for} */
    public static int panelWidth() {
        return KERNEL.nr();
    }

    /** Computes {@code C = A * B} (C's old contents ignored) where B's panels come from {@code b}. */
    public static void sgemm(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            int lda,
            PanelSource b,
            float[] c,
            int cOff,
            int ldc,
            ForkJoinPool pool) {
        sgemm(m, n, k, a, aOff, lda, b, c, cOff, ldc, null, pool);
    }

    /**
     * Computes {@code C = A * B} (C's old contents ignored) where B's panels come from {@code b}, then {@code epi} on
     * each row of C (null: none), tile by tile.
     */
    public static void sgemm(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            int lda,
            PanelSource b,
            float[] c,
            int cOff,
            int ldc,
            Epilogue epi,
            ForkJoinPool pool) {
        if (m <= 0 || n <= 0) return;
        if (k <= 0) {
            for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            wholeRows(epi, c, cOff, ldc, m, n);
            return;
        }
        if (transposes(KERNEL, m, n)) {
            transposed(m, n, k, a, aOff, lda, b, c, cOff, ldc, epi, pool);
            return;
        }
        float[] packed = PackedWeights.get(
                a,
                aOff,
                lda,
                m,
                k,
                KERNEL.mr(),
                (ic, mc, pc, kc, ap, apOff) -> packA(false, a, aOff, lda, ic, mc, pc, kc, KERNEL.mr(), 1f, ap, apOff));
        blocked(KERNEL, false, m, n, k, 1f, a, aOff, lda, packed, null, b, null, c, cOff, ldc, true, epi, pool);
    }

    /**
     * {@return whether {@code C = A * B} with constant A ({@code m x k}) is faster as {@code C^T = B^T * A^T}}: when
     * C has few columns (a convolution over a 7x7 image: 49), its last column panel computes whole vectors of
     * padding (49 columns cost 64), while as C^T's rows they cost four-row blocks (52); A's rows must fill whole
     * column panels of C^T.
     */
    static boolean transposes(MicroKernel kern, int m, int n) {
        int nr = kern.nr(), lanes = kern.lanes();
        if (n > 2 * nr || m < 2 * nr || m % nr != 0) return false;
        int asColumns = n / nr * nr + (n % nr + lanes - 1) / lanes * lanes;
        int asRows = (n + 3) / 4 * 4;
        return asColumns > asRows;
    }

    /**
     * {@code C = A * B} computed as {@code C^T = B^T * A^T} (see {@link #transposes}): B's panels, packed {@code mr}
     * wide, are the row panels of B^T; A^T's column panels are packed once and cached with the weights. C^T goes to
     * a scratch array and is written back transposed, each row of C then getting the epilogue.
     */
    private static void transposed(
            int m,
            int n,
            int k,
            float[] a,
            int aOff,
            int lda,
            PanelSource b,
            float[] c,
            int cOff,
            int ldc,
            Epilogue epi,
            ForkJoinPool pool) {
        int nr = KERNEL.nr();
        float[] at = PackedWeights.panels(a, aOff, lda, m, k, nr, () -> {
            float[] all = new float[m / nr * nr * k];
            packAll(
                    (pc, kc, jc, ncols, w, bp, bo) -> packB(true, a, aOff, lda, pc, kc, jc, ncols, w, bp, bo),
                    m,
                    k,
                    nr,
                    all,
                    pool);
            return all;
        });
        float[] ct = Scratch.floats(Scratch.Slot.TRANSPOSED, n * m);
        blocked(KERNEL, false, n, m, k, 1f, null, 0, 0, null, b, null, at, ct, 0, m, true, null, pool);
        Parallel.forRange(pool, m, 32, (from, to) -> {
            for (int j = from; j < to; j++) {
                int o = cOff + j * ldc;
                for (int i = 0; i < n; i++) c[o + i] = ct[i * m + j];
                if (epi != null) epi.apply(c, j, o, n);
            }
        });
    }

    private static void blocked(
            MicroKernel kern,
            boolean transA,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] packedA,
            PanelSource aPanels,
            PanelSource b,
            float[] packedB,
            float[] c,
            int cOff,
            int ldc,
            boolean overwrite,
            Epilogue epi,
            ForkJoinPool pool) {
        int nr = kern.nr();
        int nc = nr * 16;
        int mTiles = (m + MC - 1) / MC;
        int nTiles = (n + nc - 1) / nc;
        // with few row tiles, narrower column tiles give every thread work (four tiles per thread, so uneven tiles
        // still balance); a product too small to be worth the hand-off to other threads stays on this one
        boolean small = (long) m * n * k < SMALL_WORK;
        while (!small
                && mTiles * nTiles < pool.getParallelism() * 4
                && nc > nr
                && nTiles * mTiles < (n + nr - 1) / nr) {
            nc = Math.max(nr, nc / 2 / nr * nr);
            nTiles = (n + nc - 1) / nc;
        }
        int ncf = nc;
        int ntf = nTiles;
        float[] shared = packedB != null ? packedB : mTiles > 1 ? prepack(b, n, k, nr, pool) : null;
        float[] rows = aPanels != null ? packRows(aPanels, m, k, kern.mr(), pool) : packedA;
        Parallel.forRange(pool, mTiles * nTiles, small ? mTiles * nTiles : 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                int ic = (t / ntf) * MC, jc = (t % ntf) * ncf;
                tile(
                        kern,
                        transA,
                        ic,
                        Math.min(MC, m - ic),
                        jc,
                        Math.min(ncf, n - jc),
                        k,
                        alpha,
                        a,
                        aOff,
                        lda,
                        rows,
                        b,
                        shared,
                        (n + nr - 1) / nr,
                        c,
                        cOff,
                        ldc,
                        overwrite,
                        epi);
            }
        });
    }

    /** Below this many multiply-adds (about 50 us of work) a product runs on the calling thread alone. */
    private static final long SMALL_WORK = 1L << 20;

    /** The largest B (in floats, padded to whole panels) packed once for all row tiles: 16 MB. */
    private static final long SHARED_LIMIT = 4L << 20;

    /**
     * {@return all of B packed once, slab by slab (slab {@code pc} at {@code pc * panels * nr}, its panel {@code p} at
     * {@code + p * nr * kc}), or null when it is too large}: with several row tiles, each would pack the same B panels
     * again (a convolution with many output channels and a small image packs its im2col view once instead of eight
     * times)
     */
    private static float[] prepack(PanelSource b, int n, int k, int nr, ForkJoinPool pool) {
        int panels = (n + nr - 1) / nr;
        if ((long) panels * nr * k > SHARED_LIMIT) return null;
        // every float is written (the packers zero-pad short panels); reused, not allocated and zeroed per product
        return packAll(b, n, k, nr, Scratch.floats(Scratch.Slot.PREPACK, panels * nr * k), pool);
    }

    /**
     * {@return the rows of A packed into {@code mr}-row panels as {@link PackedWeights} lays them out}, from a source
     * that packs A's transpose (B^T of a transposed product: its columns are A's rows)
     */
    private static float[] packRows(PanelSource at, int m, int k, int mr, ForkJoinPool pool) {
        float[] p = Scratch.floats(Scratch.Slot.ROW_PANELS, (m + mr - 1) / mr * mr * k);
        int tiles = (m + MC - 1) / MC, slabs = (k + KC - 1) / KC;
        Parallel.forEach(pool, tiles * slabs, t -> {
            int ic = (t / slabs) * MC, mc = Math.min(MC, m - ic), pc = (t % slabs) * KC;
            at.pack(pc, Math.min(KC, k - pc), ic, mc, mr, p, PackedWeights.offset(ic, mc, pc, k, mr));
        });
        return p;
    }

    /** {@return {@code all}, holding B packed slab by slab as {@link #prepack} lays it out} */
    private static float[] packAll(PanelSource b, int n, int k, int nr, float[] all, ForkJoinPool pool) {
        int panels = (n + nr - 1) / nr;
        int slabs = (k + KC - 1) / KC;
        int group = Math.max(1, Math.min(panels, 8));
        int groups = (panels + group - 1) / group;
        Parallel.forEach(pool, slabs * groups, t -> {
            int pc = (t / groups) * KC, kc = Math.min(KC, k - pc);
            int p0 = (t % groups) * group, p1 = Math.min(panels, p0 + group);
            int j0 = p0 * nr;
            b.pack(pc, kc, j0, Math.min(n, p1 * nr) - j0, nr, all, pc * panels * nr + p0 * nr * kc);
        });
        return all;
    }

    private static void tile(
            MicroKernel kern,
            boolean transA,
            int ic,
            int mc,
            int jc,
            int ncols,
            int k,
            float alpha,
            float[] a,
            int aOff,
            int lda,
            float[] packedA,
            PanelSource b,
            float[] shared,
            int sharedPanels,
            float[] c,
            int cOff,
            int ldc,
            boolean overwrite,
            Epilogue epi) {
        int mr = kern.mr(), nr = kern.nr(), lanes = kern.lanes();
        int mPanels = (mc + mr - 1) / mr, nPanels = (ncols + nr - 1) / nr;
        float[] ap = Scratch.floats(Scratch.Slot.PACK_A, mPanels * mr * KC);
        float[] bp = shared != null ? shared : Scratch.floats(Scratch.Slot.PACK_B, nPanels * nr * KC);
        float[] edge = Scratch.floats(Scratch.Slot.EDGE, mr * nr);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = !(overwrite && pc == 0);
            float[] aPanels = ap;
            int aBase = 0;
            if (packedA == null) packA(transA, a, aOff, lda, ic, mc, pc, kc, mr, alpha, ap, 0);
            else {
                aPanels = packedA;
                aBase = PackedWeights.offset(ic, mc, pc, k, mr);
            }
            int bBase = 0;
            if (shared == null) b.pack(pc, kc, jc, ncols, nr, bp, 0);
            else bBase = pc * sharedPanels * nr + (jc / nr) * nr * kc;
            // a shallow slab (a 1x1 convolution over few channels) writes C faster than it multiplies, so it goes
            // along C's rows: each row panel writes its mr rows front to back, streams the prefetchers follow (down
            // the columns every call stores to mr new rows; 20% slower at k = 16). A deep one goes down the columns,
            // each B panel staying in L1 while every A panel of the tile passes it (5-10% faster at k >= 576).
            boolean alongRows = kc < KC / 2;
            for (int t = 0; t < mPanels * nPanels; t++) {
                int ip = alongRows ? t / nPanels : t % mPanels, jp = alongRows ? t % nPanels : t / mPanels;
                int i0 = ip * mr, mw = Math.min(mr, mc - i0);
                int j0 = jp * nr, nw = Math.min(nr, ncols - j0);
                int co = cOff + (ic + i0) * ldc + jc + j0;
                if (mw == mr && nw == nr) {
                    kern.run(aPanels, aBase + ip * mr * kc, bp, bBase + jp * nr * kc, kc, c, co, ldc, add);
                } else if (nw % lanes == 0) {
                    kern.run(
                            aPanels,
                            aBase + ip * mr * kc,
                            bp,
                            bBase + jp * nr * kc,
                            kc,
                            c,
                            co,
                            ldc,
                            mw,
                            nw / lanes,
                            add);
                } else {
                    kern.run(
                            aPanels,
                            aBase + ip * mr * kc,
                            bp,
                            bBase + jp * nr * kc,
                            kc,
                            edge,
                            0,
                            nr,
                            mw,
                            (nw + lanes - 1) / lanes,
                            false);
                    for (int r = 0; r < mw; r++) {
                        int o = co + r * ldc;
                        if (add) for (int q = 0; q < nw; q++) c[o + q] += edge[r * nr + q];
                        else System.arraycopy(edge, r * nr, c, o, nw);
                    }
                }
            }
        }
        if (epi != null) for (int r = ic; r < ic + mc; r++) epi.apply(c, r, cOff + r * ldc + jc, ncols);
    }

    /**
     * Packs rows {@code ic..ic+mc} x steps {@code pc..pc+kc} of alpha*op(A) into mr-row panels from {@code apOff},
     * zero-padded.
     */
    private static void packA(
            boolean trans,
            float[] a,
            int aOff,
            int lda,
            int ic,
            int mc,
            int pc,
            int kc,
            int mr,
            float alpha,
            float[] ap,
            int apOff) {
        int panels = (mc + mr - 1) / mr;
        for (int p = 0; p < panels; p++) {
            int base = apOff + p * mr * kc;
            int rows = Math.min(mr, mc - p * mr);
            if (rows < mr) Arrays.fill(ap, base, base + mr * kc, 0f);
            for (int r = 0; r < rows; r++) {
                int row = ic + p * mr + r;
                if (trans) {
                    int o = aOff + pc * lda + row;
                    for (int q = 0; q < kc; q++) ap[base + q * mr + r] = alpha * a[o + q * lda];
                } else {
                    int o = aOff + row * lda + pc;
                    if (alpha == 1f) for (int q = 0; q < kc; q++) ap[base + q * mr + r] = a[o + q];
                    else for (int q = 0; q < kc; q++) ap[base + q * mr + r] = alpha * a[o + q];
                }
            }
        }
    }

    /**
     * Packs steps {@code pc..pc+kc} x columns {@code jc..jc+ncols} of op(B) into nr-column panels from {@code bo}, zero
     * padded.
     */
    private static void packB(
            boolean trans,
            float[] b,
            int bOff,
            int ldb,
            int pc,
            int kc,
            int jc,
            int ncols,
            int nr,
            float[] bp,
            int bo) {
        int panels = (ncols + nr - 1) / nr;
        for (int p = 0; p < panels; p++) {
            int base = bo + p * nr * kc;
            int j0 = jc + p * nr, w = Math.min(nr, ncols - p * nr);
            if (trans) {
                for (int q = 0; q < w; q++) {
                    int o = bOff + (j0 + q) * ldb + pc;
                    for (int s = 0; s < kc; s++) bp[base + s * nr + q] = b[o + s];
                }
                if (w < nr) for (int s = 0; s < kc; s++) Arrays.fill(bp, base + s * nr + w, base + s * nr + nr, 0f);
            } else {
                for (int s = 0; s < kc; s++) {
                    int o = bOff + (pc + s) * ldb + j0;
                    RowOps.INSTANCE.copy(b, o, bp, base + s * nr, w);
                    if (w < nr) Arrays.fill(bp, base + s * nr + w, base + s * nr + nr, 0f);
                }
            }
        }
    }
}
