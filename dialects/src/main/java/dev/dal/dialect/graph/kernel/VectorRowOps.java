package dev.dal.dialect.graph.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowOps} with the Vector API: whole vectors first, then the tail as one masked vector
 * (the dot product's tail with the plain loop). In the row-wise ops
 * multiplies and adds stay separate (no fused multiply-add), so each element gets the same rounding as the plain
 * loop. Loaded only when the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorRowOps extends RowOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float SQRT_HALF = (float) Math.sqrt(0.5);
    // Abramowitz and Stegun 7.1.26, as Elementwise.erf
    private static final float ERF_P = 0.3275911f,
            ERF_A1 = 0.254829592f,
            ERF_A2 = -0.284496736f,
            ERF_A3 = 1.421413741f,
            ERF_A4 = -1.453152027f,
            ERF_A5 = 1.061405429f;

    @Override
    void copy(float[] src, int so, float[] dst, int d, int n) {
        copyRows(src, so, 0, dst, d, 0, 1, n);
    }

    @Override
    void copyRows(float[] src, int so, int srcStride, float[] dst, int d, int dstStride, int rows, int n) {
        int full = n / L * L;
        VectorMask<Float> tail = S.indexInRange(full, n);
        for (int r = 0; r < rows; r++) {
            int s0 = so + r * srcStride, d0 = d + r * dstStride;
            for (int i = 0; i < full; i += L)
                FloatVector.fromArray(S, src, s0 + i).intoArray(dst, d0 + i);
            if (full == n) continue;
            if (s0 + full + L <= src.length && d0 + full + L <= dst.length)
                FloatVector.fromArray(S, src, s0 + full, tail).intoArray(dst, d0 + full, tail);
            else for (int i = full; i < n; i++) dst[d0 + i] = src[s0 + i];
        }
    }

    @Override
    void copyRowsFrom(float[] src, int[] starts, int so, float[] dst, int d, int dstStride, int rows, int n) {
        // copyRows with a start per row; the same loop, not a shared helper: a mask passed to a method the JIT does
        // not inline is boxed, and a helper here cost mobilenet_v2 15% in paired runs
        int full = n / L * L;
        VectorMask<Float> tail = S.indexInRange(full, n);
        for (int r = 0; r < rows; r++) {
            int s0 = starts[r] + so, d0 = d + r * dstStride;
            for (int i = 0; i < full; i += L)
                FloatVector.fromArray(S, src, s0 + i).intoArray(dst, d0 + i);
            if (full == n) continue;
            if (s0 + full + L <= src.length && d0 + full + L <= dst.length)
                FloatVector.fromArray(S, src, s0 + full, tail).intoArray(dst, d0 + full, tail);
            else for (int i = full; i < n; i++) dst[d0 + i] = src[s0 + i];
        }
    }

    @Override
    void taps3(float[] acc, int n, float[] p, int a0, float w0, int a1, float w1, int a2, float w2) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, acc, i)
                    .add(FloatVector.fromArray(S, p, a0 + i).mul(w0))
                    .add(FloatVector.fromArray(S, p, a1 + i).mul(w1))
                    .add(FloatVector.fromArray(S, p, a2 + i).mul(w2));
            v.intoArray(acc, i);
        }
        if (i < n) {
            // the tail as one masked vector (rows of 7 or 14 outputs would otherwise be all tail)
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, acc, i, m)
                    .add(FloatVector.fromArray(S, p, a0 + i, m).mul(w0))
                    .add(FloatVector.fromArray(S, p, a1 + i, m).mul(w1))
                    .add(FloatVector.fromArray(S, p, a2 + i, m).mul(w2))
                    .intoArray(acc, i, m);
        }
    }

    @Override
    void productRow(float[] a, int ao, float[] b, int bo, float[] c, int co, int n, int k) {
        // a vector of C's row is summed in a register over all k steps, then stored once
        int j = 0;
        for (; j <= n - L; j += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int p = 0, bp = bo + j; p < k; p++, bp += n)
                acc = acc.add(FloatVector.fromArray(S, b, bp).mul(a[ao + p]));
            acc.intoArray(c, co + j);
        }
        // the tail column by column: a masked load past B's end would leave the intrinsic (attention's 17 = 16 + 1)
        for (; j < n; j++) {
            float acc = 0f;
            for (int p = 0, bp = bo + j; p < k; p++, bp += n) acc += a[ao + p] * b[bp];
            c[co + j] = acc;
        }
    }

    @Override
    void softmax(float[] in, float[] out, int o, int len) {
        if (len < L) {
            super.softmax(in, out, o, len);
            return;
        }
        FloatVector mv = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int j = 0;
        for (; j <= len - L; j += L) mv = mv.max(FloatVector.fromArray(S, in, o + j));
        float max = mv.reduceLanes(VectorOperators.MAX);
        for (int t = j; t < len; t++) max = Math.max(max, in[o + t]);
        FloatVector sv = FloatVector.zero(S);
        for (j = 0; j <= len - L; j += L) {
            FloatVector e = FloatVector.fromArray(S, in, o + j).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(out, o + j);
            sv = sv.add(e);
        }
        float sum = sv.reduceLanes(VectorOperators.ADD);
        for (int t = j; t < len; t++) {
            float e = (float) Math.exp(in[o + t] - max);
            out[o + t] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (j = 0; j <= len - L; j += L)
            FloatVector.fromArray(S, out, o + j).mul(inv).intoArray(out, o + j);
        for (int t = j; t < len; t++) out[o + t] *= inv;
    }

    @Override
    void gelu(float[] in, float[] out, int from, int to) {
        int i = from;
        for (; i <= to - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, in, i);
            FloatVector z = v.mul(SQRT_HALF), a = z.abs();
            FloatVector t = a.mul(ERF_P).add(1f);
            t = FloatVector.broadcast(S, 1f).div(t);
            FloatVector poly = t.mul(ERF_A5)
                    .add(ERF_A4)
                    .mul(t)
                    .add(ERF_A3)
                    .mul(t)
                    .add(ERF_A2)
                    .mul(t)
                    .add(ERF_A1)
                    .mul(t);
            FloatVector y =
                    poly.mul(z.mul(z).neg().lanewise(VectorOperators.EXP)).neg().add(1f);
            FloatVector erf = y.blend(y.neg(), z.compare(VectorOperators.LT, 0f));
            v.mul(0.5f).mul(erf.add(1f)).intoArray(out, i);
        }
        if (i < to) super.gelu(in, out, i, to);
    }

    @Override
    void taps9(float[] out, int oo, int n, float bias, float[] p, int[] a, float[] w, int wo, Finish finish) {
        // the offsets and the weights' vectors in registers, one vector of sums at a time from the bias to the store
        // (25% faster than taking them from the arrays per vector); consecutive vectors are independent, so the
        // out-of-order core overlaps their chains of adds
        int a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7], a8 = a[8];
        FloatVector w0 = FloatVector.broadcast(S, w[wo]), w1 = FloatVector.broadcast(S, w[wo + 1]);
        FloatVector w2 = FloatVector.broadcast(S, w[wo + 2]), w3 = FloatVector.broadcast(S, w[wo + 3]);
        FloatVector w4 = FloatVector.broadcast(S, w[wo + 4]), w5 = FloatVector.broadcast(S, w[wo + 5]);
        FloatVector w6 = FloatVector.broadcast(S, w[wo + 6]), w7 = FloatVector.broadcast(S, w[wo + 7]);
        FloatVector w8 = FloatVector.broadcast(S, w[wo + 8]);
        FloatVector b = FloatVector.broadcast(S, bias);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector v = b.add(FloatVector.fromArray(S, p, a0 + i).mul(w0))
                    .add(FloatVector.fromArray(S, p, a1 + i).mul(w1))
                    .add(FloatVector.fromArray(S, p, a2 + i).mul(w2))
                    .add(FloatVector.fromArray(S, p, a3 + i).mul(w3))
                    .add(FloatVector.fromArray(S, p, a4 + i).mul(w4))
                    .add(FloatVector.fromArray(S, p, a5 + i).mul(w5))
                    .add(FloatVector.fromArray(S, p, a6 + i).mul(w6))
                    .add(FloatVector.fromArray(S, p, a7 + i).mul(w7))
                    .add(FloatVector.fromArray(S, p, a8 + i).mul(w8));
            finish(v, finish).intoArray(out, oo + i);
        }
        if (i < n) {
            // the last, partial vector as one masked vector (a 7x7 plane's band is 61 floats), its taps a loop: the
            // method unrolled twice was too large for the JIT's first tiers
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector v = b;
            for (int t = 0; t < 9; t++)
                v = v.add(FloatVector.fromArray(S, p, a[t] + i, m).mul(w[wo + t]));
            finish(v, finish).intoArray(out, oo + i, m);
        }
    }

    /** {@return {@code v} after {@link #relu}'s or {@link #clamp}'s lane operations, or {@code v}} */
    private static FloatVector finish(FloatVector v, Finish finish) {
        return switch (finish.kind()) {
            case NONE -> v;
            case RELU -> v.blend(FloatVector.zero(S), v.compare(VectorOperators.LT, 0f));
            case CLAMP -> v.max(finish.lo()).min(finish.hi());
        };
    }

    @Override
    void taps1(float[] acc, int n, float[] p, int a0, float w0) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, acc, i)
                    .add(FloatVector.fromArray(S, p, a0 + i).mul(w0))
                    .intoArray(acc, i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, acc, i, m)
                    .add(FloatVector.fromArray(S, p, a0 + i, m).mul(w0))
                    .intoArray(acc, i, m);
        }
    }

    @Override
    float dot(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = acc0;
        int i = 0;
        for (; i <= n - 2 * L; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), acc0);
            acc1 = FloatVector.fromArray(S, x, xo + i + L).fma(FloatVector.fromArray(S, y, yo + i + L), acc1);
        }
        for (; i <= n - L; i += L)
            acc0 = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), acc0);
        // the lanes are summed in index order: reduceLanes(ADD) leaves its order unspecified, and its intrinsic and
        // its Java fallback differ, so the same product would round differently before and after the JIT compiles it
        float[] lanes = new float[L];
        acc0.add(acc1).intoArray(lanes, 0);
        float s = 0f;
        for (float v : lanes) s += v;
        for (; i < n; i++) s += x[xo + i] * y[yo + i];
        return s;
    }

    @Override
    void dot4(float[] x, int xo, float[] y, int yo, int ldy, int n, float[] out, int oo) {
        // the four rows' sums are independent chains that overlap in the pipeline (one row's two accumulators and
        // its lane sum are a chain of dependent adds); each row gets dot's operations in dot's order
        int y0 = yo, y1 = yo + ldy, y2 = yo + 2 * ldy, y3 = yo + 3 * ldy;
        FloatVector a0 = FloatVector.zero(S), b0 = a0, a1 = a0, b1 = a0, a2 = a0, b2 = a0, a3 = a0, b3 = a0;
        int i = 0;
        for (; i <= n - 2 * L; i += 2 * L) {
            FloatVector xa = FloatVector.fromArray(S, x, xo + i), xb = FloatVector.fromArray(S, x, xo + i + L);
            a0 = xa.fma(FloatVector.fromArray(S, y, y0 + i), a0);
            b0 = xb.fma(FloatVector.fromArray(S, y, y0 + i + L), b0);
            a1 = xa.fma(FloatVector.fromArray(S, y, y1 + i), a1);
            b1 = xb.fma(FloatVector.fromArray(S, y, y1 + i + L), b1);
            a2 = xa.fma(FloatVector.fromArray(S, y, y2 + i), a2);
            b2 = xb.fma(FloatVector.fromArray(S, y, y2 + i + L), b2);
            a3 = xa.fma(FloatVector.fromArray(S, y, y3 + i), a3);
            b3 = xb.fma(FloatVector.fromArray(S, y, y3 + i + L), b3);
        }
        for (; i <= n - L; i += L) {
            FloatVector xa = FloatVector.fromArray(S, x, xo + i);
            a0 = xa.fma(FloatVector.fromArray(S, y, y0 + i), a0);
            a1 = xa.fma(FloatVector.fromArray(S, y, y1 + i), a1);
            a2 = xa.fma(FloatVector.fromArray(S, y, y2 + i), a2);
            a3 = xa.fma(FloatVector.fromArray(S, y, y3 + i), a3);
        }
        float[] lanes = new float[4 * L];
        a0.add(b0).intoArray(lanes, 0);
        a1.add(b1).intoArray(lanes, L);
        a2.add(b2).intoArray(lanes, 2 * L);
        a3.add(b3).intoArray(lanes, 3 * L);
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        for (int l = 0; l < L; l++) {
            s0 += lanes[l];
            s1 += lanes[L + l];
            s2 += lanes[2 * L + l];
            s3 += lanes[3 * L + l];
        }
        for (; i < n; i++) {
            float xi = x[xo + i];
            s0 += xi * y[y0 + i];
            s1 += xi * y[y1 + i];
            s2 += xi * y[y2 + i];
            s3 += xi * y[y3 + i];
        }
        out[oo] += s0;
        out[oo + 1] += s1;
        out[oo + 2] += s2;
        out[oo + 3] += s3;
    }

    @Override
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, y, yo + i)
                    .add(FloatVector.fromArray(S, x, xo + i).mul(alpha))
                    .intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    void max3(float[] acc, int n, float[] p, int a0, int a1, int a2) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector.fromArray(S, acc, i)
                    .max(FloatVector.fromArray(S, p, a0 + i))
                    .max(FloatVector.fromArray(S, p, a1 + i))
                    .max(FloatVector.fromArray(S, p, a2 + i))
                    .intoArray(acc, i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, acc, i, m)
                    .max(FloatVector.fromArray(S, p, a0 + i, m))
                    .max(FloatVector.fromArray(S, p, a1 + i, m))
                    .max(FloatVector.fromArray(S, p, a2 + i, m))
                    .intoArray(acc, i, m);
        }
    }

    /**
     * Lane sources in two vectors read as one of 2L lanes, the even ones and the odd ones (sources past L are the
     * second vector's, as {@code rearrange(shuffle, v)} reads them).
     */
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i),
            ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);

    @Override
    void max2(float[] p, int a, int b, float[] out, int oo, int n) {
        int i = 0;
        for (; i <= n - L; i += L)
            FloatVector.fromArray(S, p, a + i)
                    .max(FloatVector.fromArray(S, p, b + i))
                    .intoArray(out, oo + i);
        if (i < n && Math.max(a, b) + i + L <= p.length && oo + i + L <= out.length) {
            // inside both arrays a masked vector is one instruction; past an end it is checked lane by lane
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, p, a + i, m)
                    .max(FloatVector.fromArray(S, p, b + i, m))
                    .intoArray(out, oo + i, m);
        } else for (; i < n; i++) out[oo + i] = Math.max(p[a + i], p[b + i]);
    }

    @Override
    void gather2(float[] src, int so, float[] dst, int d, int first, int end) {
        gather2Rows(src, so, 0, dst, d, 0, 1, first, end);
    }

    @Override
    void gather2Rows(
            float[] src, int so, int srcStride, float[] dst, int d, int dstStride, int rows, int first, int end) {
        // two vectors of input give one of even columns (the second may run into the next row, not past the array);
        // the row's tail is one masked store (rows of 7 to 56 outputs are mostly tail)
        int full = first + (end - first) / L * L;
        VectorMask<Float> tail = full == end ? null : S.indexInRange(full, end);
        for (int r = 0; r < rows; r++) {
            int s0 = so + r * srcStride, d0 = d + r * dstStride;
            int s = first;
            for (; s < full; s += L) {
                if (s0 + 2 * s + 2 * L > src.length) break;
                FloatVector lo = FloatVector.fromArray(S, src, s0 + 2 * s);
                FloatVector hi = FloatVector.fromArray(S, src, s0 + 2 * s + L);
                lo.rearrange(EVEN, hi).intoArray(dst, d0 + s);
            }
            if (s == full && s < end && s0 + 2 * s + 2 * L <= src.length && d0 + s + L <= dst.length) {
                FloatVector lo = FloatVector.fromArray(S, src, s0 + 2 * s);
                FloatVector hi = FloatVector.fromArray(S, src, s0 + 2 * s + L);
                lo.rearrange(EVEN, hi).intoArray(dst, d0 + s, tail);
                continue;
            }
            for (; s < end; s++) dst[d0 + s] = src[s0 + 2 * s];
        }
    }

    @Override
    void pairMax(float[] p, int po, float[] out, int oo, int n) {
        // two vectors of input pairs give one of outputs: the even lanes' and the odd lanes' maximum
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector lo = FloatVector.fromArray(S, p, po + 2 * i), hi = FloatVector.fromArray(S, p, po + 2 * i + L);
            lo.rearrange(EVEN, hi).max(lo.rearrange(ODD, hi)).intoArray(out, oo + i);
        }
        for (; i < n; i++) out[oo + i] = Math.max(p[po + 2 * i], p[po + 2 * i + 1]);
    }

    @Override
    void max1(float[] acc, int n, float[] p, int a0) {
        int i = 0;
        for (; i <= n - L; i += L)
            FloatVector.fromArray(S, acc, i)
                    .max(FloatVector.fromArray(S, p, a0 + i))
                    .intoArray(acc, i);
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, acc, i, m)
                    .max(FloatVector.fromArray(S, p, a0 + i, m))
                    .intoArray(acc, i, m);
        }
    }

    @Override
    void addScalar(float[] a, int off, int n, float v) {
        int i = 0;
        for (; i <= n - L; i += L) FloatVector.fromArray(S, a, off + i).add(v).intoArray(a, off + i);
        for (; i < n; i++) a[off + i] = a[off + i] + v;
    }

    @Override
    void addRow(float[] a, float[] b, int off, int n) {
        int i = 0;
        for (; i <= n - L; i += L)
            FloatVector.fromArray(S, a, off + i)
                    .add(FloatVector.fromArray(S, b, off + i))
                    .intoArray(a, off + i);
        for (; i < n; i++) a[off + i] = a[off + i] + b[off + i];
    }

    @Override
    void relu(float[] a, int off, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, off + i);
            v.blend(zero, v.compare(VectorOperators.LT, 0f)).intoArray(a, off + i);
        }
        if (i < n && off + i + L <= a.length) {
            // the tail as one masked vector (a depthwise band's 14 of 222 were as slow as the rest)
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(S, a, off + i, m);
            v.blend(zero, v.compare(VectorOperators.LT, 0f)).intoArray(a, off + i, m);
            return;
        }
        for (; i < n; i++) {
            float v = a[off + i];
            a[off + i] = v < 0 ? 0f : v;
        }
    }

    @Override
    void biasClamp(float[] a, int off, int n, float v, float lo, float hi) {
        int i = 0;
        for (; i <= n - L; i += L)
            FloatVector.fromArray(S, a, off + i).add(v).max(lo).min(hi).intoArray(a, off + i);
        for (; i < n; i++) a[off + i] = Math.min(hi, Math.max(lo, a[off + i] + v));
    }

    @Override
    void biasRelu(float[] a, int off, int n, float v) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, off + i).add(v);
            x.blend(zero, x.compare(VectorOperators.LT, 0f)).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            float x = a[off + i] + v;
            a[off + i] = x < 0 ? 0f : x;
        }
    }

    @Override
    void clamp(float[] a, int off, int n, float lo, float hi) {
        int i = 0;
        for (; i <= n - L; i += L)
            FloatVector.fromArray(S, a, off + i).max(lo).min(hi).intoArray(a, off + i);
        if (i < n && off + i + L <= a.length) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, a, off + i, m).max(lo).min(hi).intoArray(a, off + i, m);
            return;
        }
        for (; i < n; i++) a[off + i] = Math.min(hi, Math.max(lo, a[off + i]));
    }

    @Override
    void hardSwish(float[] a, int off, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, off + i);
            v.mul(v.div(6f).add(0.5f).min(1f).max(0f)).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            float v = a[off + i];
            a[off + i] = v * Math.max(0f, Math.min(1f, v / 6f + 0.5f));
        }
    }
}
