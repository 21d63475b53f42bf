package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Convolution weights packed once into SGEMM's A panels and kept while the weight array lives (a constant's array is
 * the same on every run). Packing A is cheap next to the product for large images but as costly as the product for
 * a 7x7 image with 4,608-step rows, where every run repacked all of it. Layout: row tile {@code ic / MC} at
 * {@code ic * k}, its slab {@code pc} at {@code + panels * mr * pc}, as {@link Sgemm}'s per-tile packing lays it out.
 * The cache holds the arrays weakly, so weights that are dropped are dropped here too.
 */
final class PackedWeights {
    private static final Map<float[], Map<Key, float[]>> CACHE = new WeakHashMap<>();

    private PackedWeights() {}

    private record Key(int aOff, int lda, int m, int k, int mr) {}

    /** Packs one block: rows {@code ic..ic+mc}, steps {@code pc..pc+kc}, into {@code ap} from {@code apOff}. */
    @FunctionalInterface
    interface BlockPacker {
        void pack(int ic, int mc, int pc, int kc, float[] ap, int apOff);
    }

    /** {@return where row tile {@code ic}'s slab {@code pc} starts} */
    static int offset(int ic, int mc, int pc, int k, int mr) {
        int panels = (mc + mr - 1) / mr;
        return ic * k + panels * mr * pc;
    }

    /**
     * {@return A^T's column panels ({@code nr} wide, all of {@code A}'s {@code m} rows) for a transposed product,
     * made by {@code pack} on first use and cached as {@link #get} caches A's row panels}
     */
    static float[] panels(float[] a, int aOff, int lda, int m, int k, int nr, Supplier<float[]> pack) {
        // a negative width keeps these apart from the row panels of the same weights
        return cached(a, new Key(aOff, lda, m, k, -nr), pack);
    }

    private static float[] cached(float[] a, Key key, Supplier<float[]> pack) {
        // an array the interpreter reuses for other tensors is packed every time (its contents change)
        boolean cache = !Buffers.isPooled(a);
        if (cache)
            synchronized (CACHE) {
                float[] p = CACHE.getOrDefault(a, Map.of()).get(key);
                if (p != null) return p;
            }
        float[] p = pack.get();
        if (cache)
            synchronized (CACHE) {
                CACHE.computeIfAbsent(a, x -> new HashMap<>()).put(key, p);
            }
        return p;
    }

    /** {@return the packed panels of A ({@code m x k} at {@code aOff}, row stride {@code lda}), packed on first use} */
    static float[] get(float[] a, int aOff, int lda, int m, int k, int mr, BlockPacker packer) {
        return cached(a, new Key(aOff, lda, m, k, mr), () -> {
            int mRounded = (m + mr - 1) / mr * mr;
            float[] p = new float[Math.multiplyExact(mRounded, k)];
            for (int ic = 0; ic < m; ic += Sgemm.MC) {
                int mc = Math.min(Sgemm.MC, m - ic);
                for (int pc = 0; pc < k; pc += Sgemm.KC)
                    packer.pack(ic, mc, pc, Math.min(Sgemm.KC, k - pc), p, offset(ic, mc, pc, k, mr));
            }
            return p;
        });
    }
}
