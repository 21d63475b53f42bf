package dev.dal.dialect.graph.kernel;

/**
 * Per-thread scratch arrays that kernels reuse across calls instead of allocating (and zeroing) them each time: the
 * im2col matrix of a convolution is tens of megabytes, the packed SGEMM panels hundreds of kilobytes per tile. A
 * kernel must not hold a slot across a call to another kernel that uses the same slot on the same thread.
 */
final class Scratch {
    /** The slots: one buffer per purpose, so nested uses of different purposes do not collide. */
    enum Slot {
        IM2COL,
        PACK_A,
        PACK_B,
        PREPACK,
        EDGE,
        DEPTHWISE_PLANE,
        DEPTHWISE_ACC,
        ROW_PANELS,
        TRANSPOSED
    }

    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[Slot.values().length][]);

    private Scratch() {}

    /**
     * {@return a float array of at least {@code n} elements (contents undefined) for this thread and slot}, with
     * {@link RowOps#SLACK} more behind them so masked vector tails stay inside it
     */
    static float[] floats(Slot slot, int n) {
        float[][] all = BUFFERS.get();
        float[] b = all[slot.ordinal()];
        if (b == null || b.length < n) {
            b = new float[n + RowOps.SLACK];
            all[slot.ordinal()] = b;
        }
        return b;
    }
}
