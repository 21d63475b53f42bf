package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/** MatMul (NumPy semantics: batched, broadcast batch dimensions, 1-D operands promoted) and ONNX Gemm, over SGEMM. */
public final class MatMul {
    private MatMul() {}

    /** {@return {@code a @ b} as numpy.matmul} */
    public static Tensor matmul(Tensor a, Tensor b, ForkJoinPool pool) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length == 0 || bs.length == 0) throw new IllegalArgumentException("matmul operands must not be scalars");
        boolean aVec = as.length == 1, bVec = bs.length == 1;
        int[] a2 = aVec ? new int[] {1, as[0]} : as;
        int[] b2 = bVec ? new int[] {bs[0], 1} : bs;
        int m = a2[a2.length - 2], k = a2[a2.length - 1], kb = b2[b2.length - 2], n = b2[b2.length - 1];
        if (k != kb)
            throw new IllegalArgumentException(
                    "matmul inner dimensions differ: " + Arrays.toString(as) + " and " + Arrays.toString(bs));
        int[] aBatch = Arrays.copyOf(a2, a2.length - 2), bBatch = Arrays.copyOf(b2, b2.length - 2);
        Broadcast bc = Broadcast.of(aBatch, bBatch);
        int[] batch = bc.shape();
        int batches = bc.size();
        float[] x = a.floats(), y = b.floats();
        float[] out = Buffers.floats(batches * m * n); // every product overwrites its C
        int[][] offs = new int[batches][2];
        int[] idx = new int[batch.length];
        for (int t = 0; t < batches; t++) {
            for (int d = 0; d < batch.length; d++) {
                offs[t][0] += idx[d] * bc.stride(0, d);
                offs[t][1] += idx[d] * bc.stride(1, d);
            }
            for (int d = batch.length - 1; d >= 0; d--) {
                if (++idx[d] < batch[d]) break;
                idx[d] = 0;
            }
        }
        boolean small = (long) m * n * k <= 32 * 32 * 32;
        // many small products (attention heads) are spread over the threads when there is enough of them: a
        // digits-sized attention (4 heads of 17x16x17, 20 us) runs faster on one thread than handed out
        if (small && batches > 1 && (long) batches * m * n * k >= 1 << 16) {
            Parallel.forEach(
                    pool, batches, t -> small(x, offs[t][0] * m * k, y, offs[t][1] * k * n, out, t * m * n, m, n, k));
        } else {
            for (int t = 0; t < batches; t++) {
                if (small) small(x, offs[t][0] * m * k, y, offs[t][1] * k * n, out, t * m * n, m, n, k);
                else
                    Sgemm.sgemm(
                            false,
                            false,
                            m,
                            n,
                            k,
                            1f,
                            x,
                            offs[t][0] * m * k,
                            k,
                            y,
                            offs[t][1] * k * n,
                            n,
                            0f,
                            out,
                            t * m * n,
                            n,
                            pool);
            }
        }
        int[] shape = new int[batch.length + 2];
        System.arraycopy(batch, 0, shape, 0, batch.length);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        int[] res = shape;
        if (aVec && bVec) res = Arrays.copyOf(batch, batch.length);
        else if (aVec) res = dropAt(shape, batch.length);
        else if (bVec) res = dropAt(shape, batch.length + 1);
        return Tensor.of(out, res);
    }

    /** A product too small for packing to pay: a row of C at a time ({@link RowOps#productRow}), C overwritten. */
    private static void small(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int n, int k) {
        for (int i = 0; i < m; i++) RowOps.INSTANCE.productRow(a, ao + i * k, b, bo, c, co + i * n, n, k);
    }

    private static int[] dropAt(int[] s, int i) {
        int[] r = new int[s.length - 1];
        for (int j = 0, o = 0; j < s.length; j++) if (j != i) r[o++] = s[j];
        return r;
    }

    /**
     * {@return ONNX Gemm: {@code alpha * op(A) * op(B) + beta * C}} with 2-D A and B and C (optional, may be
     * {@link Tensor#none()}) broadcast to the result
     */
    public static Tensor gemm(
            Tensor a, Tensor b, Tensor c, float alpha, float beta, boolean transA, boolean transB, ForkJoinPool pool) {
        if (a.rank() != 2 || b.rank() != 2) throw new IllegalArgumentException("gemm operands must be 2-D");
        int m = transA ? a.dim(1) : a.dim(0), k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0), n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) throw new IllegalArgumentException("gemm inner dimensions differ: " + k + " and " + kb);
        float[] out = new float[m * n];
        float betaUsed = 0f;
        if (!c.isNone() && beta != 0f) {
            Broadcast bc = Broadcast.of(c.shape(), new int[] {m, n});
            if (!Arrays.equals(bc.shape(), new int[] {m, n}))
                throw new IllegalArgumentException("gemm C of shape " + Arrays.toString(c.shape())
                        + " does not broadcast to [" + m + ", " + n + "]");
            float[] cv = c.floats();
            bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
                for (int j = 0; j < len; j++) out[o + j] = beta * cv[offs[0] + j * st[0]];
            });
            betaUsed = 1f;
        }
        Sgemm.sgemm(
                transA,
                transB,
                m,
                n,
                k,
                alpha,
                a.floats(),
                0,
                a.dim(1),
                b.floats(),
                0,
                b.dim(1),
                betaUsed,
                out,
                0,
                n,
                pool);
        return Tensor.of(out, m, n);
    }
}
