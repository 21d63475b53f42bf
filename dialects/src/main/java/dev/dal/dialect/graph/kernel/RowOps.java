package dev.dal.dialect.graph.kernel;

/**
 * Loops over one contiguous row that the JIT does not vectorise by itself: a Vector API implementation when the
 * {@code jdk.incubator.vector} module is present ({@link VectorRowOps}), plain loops otherwise. The row-wise
 * ops compute every element with the same float operations in the same order in both, so their results do not
 * depend on which one runs; {@link #dot} sums in a different order (in vector lanes).
 */
class RowOps {
    /** The implementation in use. */
    static final RowOps INSTANCE = choose();

    /**
     * Floats to allocate past the end of a row buffer: a masked tail vector then lies inside the array, and the
     * Vector API compiles a masked access to one instruction only when the whole vector does; one partly outside
     * the array takes a per-lane checked path about 20 times slower (rows of 4-14 outputs are all tail). 64 floats
     * cover the widest vectors a JVM can have (2048-bit).
     */
    static final int SLACK = 64;

    private static RowOps choose() {
        if (Boolean.getBoolean("dal.kernel.scalar")) return new RowOps();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return new RowOps();
        try {
            return (RowOps) Class.forName("dev.dal.dialect.graph.kernel.VectorRowOps")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new RowOps();
        }
    }

    /**
     * Copies {@code n} floats from {@code src[so..]} to {@code dst[d..]} (ranges that do not overlap): the runs of a
     * GEMM panel, 7 to 56 floats, where {@code System.arraycopy}'s set-up costs as much as the copy.
     */
    void copy(float[] src, int so, float[] dst, int d, int n) {
        System.arraycopy(src, so, dst, d, n);
    }

    /**
     * Copies {@code rows} runs of {@code n} floats, run {@code r} from {@code src[so + r * srcStride..]} to {@code
     * dst[d + r * dstStride..]}: a small image's rows into a padded plane and back, with the tail's set-up done once.
     */
    void copyRows(float[] src, int so, int srcStride, float[] dst, int d, int dstStride, int rows, int n) {
        for (int r = 0; r < rows; r++) System.arraycopy(src, so + r * srcStride, dst, d + r * dstStride, n);
    }

    /**
     * Copies {@code rows} runs of {@code n} floats, run {@code r} from {@code src[starts[r] + so..]} to {@code dst[d +
     * r * dstStride..]}: a GEMM panel's rows, each from where its kernel tap reads the image, in one call.
     */
    void copyRowsFrom(float[] src, int[] starts, int so, float[] dst, int d, int dstStride, int rows, int n) {
        for (int r = 0; r < rows; r++) System.arraycopy(src, starts[r] + so, dst, d + r * dstStride, n);
    }

    /** {@code dst[d + s] = src[so + 2 * s]} for {@code s} in {@code [first, end)}: stride 2's even columns. */
    void gather2(float[] src, int so, float[] dst, int d, int first, int end) {
        for (int s = first; s < end; s++) dst[d + s] = src[so + 2 * s];
    }

    /**
     * {@link #gather2} on {@code rows} rows, row {@code r} from {@code src[so + r * srcStride..]} to {@code dst[d + r *
     * dstStride..]}: a stride-2 convolution's column phase of a small image in one call.
     */
    void gather2Rows(
            float[] src, int so, int srcStride, float[] dst, int d, int dstStride, int rows, int first, int end) {
        for (int r = 0; r < rows; r++) gather2(src, so + r * srcStride, dst, d + r * dstStride, first, end);
    }

    /** {@code acc[i] = acc[i] + w0 * p[a0 + i] + w1 * p[a1 + i] + w2 * p[a2 + i]} for {@code i < n}, in that order. */
    void taps3(float[] acc, int n, float[] p, int a0, float w0, int a1, float w1, int a2, float w2) {
        for (int i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a0 + i] + w1 * p[a1 + i] + w2 * p[a2 + i];
    }

    /**
     * What {@link #taps9} applies to its sums before it stores them: nothing, {@link #relu}'s ReLU, or {@link #clamp}'s
     * clip to {@code [lo, hi]}.
     */
    record Finish(Kind kind, float lo, float hi) {
        enum Kind {
            NONE,
            RELU,
            CLAMP
        }

        static final Finish NONE = new Finish(Kind.NONE, 0f, 0f);
        static final Finish RELU = new Finish(Kind.RELU, 0f, 0f);

        static Finish clamp(float lo, float hi) {
            return new Finish(Kind.CLAMP, lo, hi);
        }
    }

    /**
     * A 3x3 window over a band: {@code out[oo + i] = bias + w[wo] * p[a[0] + i] + ... + w[wo + 8] * p[a[8] + i]} for {@code
     * i < n}, summed in that order (as {@link #taps3} three times on an accumulator holding the bias), then {@code
     * finish} before the store: one pass instead of five.
     */
    void taps9(float[] out, int oo, int n, float bias, float[] p, int[] a, float[] w, int wo, Finish finish) {
        for (int i = 0; i < n; i++) {
            float v = bias;
            for (int t = 0; t < 9; t++) v = v + w[wo + t] * p[a[t] + i];
            out[oo + i] = switch (finish.kind()) {
                case NONE -> v;
                case RELU -> v < 0 ? 0f : v;
                case CLAMP -> Math.min(finish.hi(), Math.max(finish.lo(), v));
            };
        }
    }

    /** {@code acc[i] = acc[i] + w0 * p[a0 + i]} for {@code i < n}. */
    void taps1(float[] acc, int n, float[] p, int a0, float w0) {
        for (int i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a0 + i];
    }

    /** {@return the sum of {@code x[xo + i] * y[yo + i]} for {@code i < n}} */
    float dot(float[] x, int xo, float[] y, int yo, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += x[xo + i] * y[yo + i];
        return s;
    }

    /**
     * Four dot products of {@code x} with rows of {@code y} {@code ldy} apart: {@code out[i] += dot(x, xo, y, yo + i
     * * ldy, n)} for {@code i < 4}, each summed exactly as {@link #dot} sums it.
     */
    void dot4(float[] x, int xo, float[] y, int yo, int ldy, int n, float[] out, int oo) {
        for (int i = 0; i < 4; i++) out[oo + i] += dot(x, xo, y, yo + i * ldy, n);
    }

    /**
     * One row of a small matrix product: {@code c[co + j] = sum over p < k of a[ao + p] * b[bo + p * n + j]} for
     * {@code j < n}, summed from 0 in the order of {@code p}, each step a multiply then an add.
     */
    void productRow(float[] a, int ao, float[] b, int bo, float[] c, int co, int n, int k) {
        for (int j = 0; j < n; j++) c[co + j] = 0f;
        for (int p = 0; p < k; p++) {
            float av = a[ao + p];
            int brow = bo + p * n;
            for (int j = 0; j < n; j++) c[co + j] += av * b[brow + j];
        }
    }

    /**
     * {@code out[i] = x * (1 + erf(x / sqrt 2)) / 2} for {@code x = in[i]}, {@code i} in {@code [from, to)}: GELU with
     * {@link Elementwise#erf}'s formula (the vector form evaluates it in float, within 1e-6 of this one)
     */
    void gelu(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = in[i];
            out[i] = (float) (0.5 * v * (1 + Elementwise.erf(v * Math.sqrt(0.5))));
        }
    }

    /**
     * {@code out[o + j] = exp(in[o + j] - max) / sum} over the contiguous row {@code j < len} (Softmax along the last
     * axis); the plain form sums in double, the vector form in float lanes (within 1e-6 of it)
     */
    void softmax(float[] in, float[] out, int o, int len) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) max = Math.max(max, in[o + j]);
        double sum = 0;
        for (int j = 0; j < len; j++) {
            float e = (float) Math.exp(in[o + j] - max);
            out[o + j] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int j = 0; j < len; j++) out[o + j] *= inv;
    }

    /** {@code y[yo + i] += alpha * x[xo + i]} for {@code i < n}. */
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    /** {@code acc[i] = max(acc[i], p[a0 + i], p[a1 + i], p[a2 + i])} for {@code i < n}, NaN if any is NaN. */
    void max3(float[] acc, int n, float[] p, int a0, int a1, int a2) {
        for (int i = 0; i < n; i++) acc[i] = Math.max(Math.max(Math.max(acc[i], p[a0 + i]), p[a1 + i]), p[a2 + i]);
    }

    /** {@code acc[i] = max(acc[i], p[a0 + i])} for {@code i < n}, NaN if either is NaN. */
    void max1(float[] acc, int n, float[] p, int a0) {
        for (int i = 0; i < n; i++) acc[i] = Math.max(acc[i], p[a0 + i]);
    }

    /** {@code out[oo + i] = max(p[a + i], p[b + i])} for {@code i < n}, NaN if either is NaN. */
    void max2(float[] p, int a, int b, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.max(p[a + i], p[b + i]);
    }

    /**
     * {@code out[oo + i] = max(p[po + 2i], p[po + 2i + 1])} for {@code i < n}, NaN if either is NaN; {@code p} has
     * {@link #SLACK} readable floats past {@code po + 2n}.
     */
    void pairMax(float[] p, int po, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = Math.max(p[po + 2 * i], p[po + 2 * i + 1]);
    }

    /** {@code a[i] = a[i] + v} for {@code off <= i < off + n}. */
    void addScalar(float[] a, int off, int n, float v) {
        for (int i = off; i < off + n; i++) a[i] = a[i] + v;
    }

    /** {@code a[i] = a[i] + b[i]} for {@code off <= i < off + n}. */
    void addRow(float[] a, float[] b, int off, int n) {
        for (int i = off; i < off + n; i++) a[i] = a[i] + b[i];
    }

    /** {@code a[i] = a[i] < 0 ? 0 : a[i]} for {@code off <= i < off + n} (NaN and -0 kept). */
    void relu(float[] a, int off, int n) {
        for (int i = off; i < off + n; i++) {
            float v = a[i];
            a[i] = v < 0 ? 0f : v;
        }
    }

    /** {@code a[i] = min(hi, max(lo, a[i] + v))} for {@code off <= i < off + n}: a bias and a clip in one pass. */
    void biasClamp(float[] a, int off, int n, float v, float lo, float hi) {
        for (int i = off; i < off + n; i++) a[i] = Math.min(hi, Math.max(lo, a[i] + v));
    }

    /** {@code a[i] = relu(a[i] + v)} for {@code off <= i < off + n}: a bias and a ReLU in one pass. */
    void biasRelu(float[] a, int off, int n, float v) {
        for (int i = off; i < off + n; i++) {
            float x = a[i] + v;
            a[i] = x < 0 ? 0f : x;
        }
    }

    /** {@code a[i] = min(hi, max(lo, a[i]))} for {@code off <= i < off + n} (NaN kept). */
    void clamp(float[] a, int off, int n, float lo, float hi) {
        for (int i = off; i < off + n; i++) a[i] = Math.min(hi, Math.max(lo, a[i]));
    }

    /** {@code a[i] = a[i] * max(0, min(1, a[i] / 6 + 0.5))} for {@code off <= i < off + n}. */
    void hardSwish(float[] a, int off, int n) {
        for (int i = off; i < off + n; i++) {
            float v = a[i];
            a[i] = v * Math.max(0f, Math.min(1f, v / 6f + 0.5f));
        }
    }
}
