package dev.dal.lowering.quantize.calib;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;

/**
 * Statistics of the values one tensor took over calibration: count, min, max, and optionally a histogram of
 * {@code |x|} in {@value #BINS} bins over {@code [0, 2^e)}, where {@code 2^e} is the smallest power of two above the
 * largest {@code |x|} seen (at least {@code 2^}{@value #MIN_EXPONENT}). Non-finite values are counted apart and
 * left out of everything else. Exact zeros are counted apart from the histogram too: every symmetric scale
 * represents them exactly, so they say nothing about where to clip, and the spike they make after a ReLU would
 * otherwise pull the KL threshold far down.
 *
 * <p>Merging is exact: value {@code x} falls in bin {@code floor(|x| * 2^(11-e))}, a product by a power of two that
 * floating point computes exactly, so when the range grows to {@code 2^(e+k)} the old bins {@code 2^k j} to
 * {@code 2^k (j+1) - 1} are exactly new bin {@code j}. The statistics of a data set split into shards, observed
 * apart and merged, therefore equal those of the whole set observed at once, in any order.
 *
 * <p>An observer is mutable and not thread-safe: each worker keeps its own and they are merged at the end.
 */
public final class TensorStats {
    /** Histogram bins. */
    public static final int BINS = 2048;

    /** The smallest range exponent: a tensor of zeros has the range {@code [0, 2^-64)}. */
    public static final int MIN_EXPONENT = -64;

    private static final int LOG2_BINS = 11;

    private long count;
    private long nonFinite;
    private long zeros;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final long[] histogram;
    private int exponent = MIN_EXPONENT;

    private TensorStats(boolean histogram) {
        this.histogram = histogram ? new long[BINS] : null;
    }

    /** {@return an empty observer of min and max only (what min-max calibration needs)} */
    public static TensorStats minMax() {
        return new TensorStats(false);
    }

    /** {@return an empty observer of min, max and the histogram of |x|} */
    public static TensorStats withHistogram() {
        return new TensorStats(true);
    }

    /** {@return an empty observer of the same kind as this one} */
    public TensorStats emptyLike() {
        return new TensorStats(hasHistogram());
    }

    /** Adds the values of a floating-point tensor; other dtypes are ignored. */
    public void observe(Tensor t) {
        if (t.isNone() || !t.dtype().isFloat()) return;
        if (t.dtype() == DType.F32) {
            observe(t.floats());
            return;
        }
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) d[i] = t.getDouble(i);
        observe(d);
    }

    /** Adds values. */
    public void observe(float[] values) {
        // the common case, every value finite, is one vectorised pass; NaN or infinity anywhere takes the careful one
        RangeScan.Range r = RangeScan.INSTANCE.range(values);
        float lo = r.lo(), hi = r.hi();
        long n = values.length;
        if (!r.finite()) {
            lo = Float.POSITIVE_INFINITY;
            hi = Float.NEGATIVE_INFINITY;
            n = 0;
            for (float v : values) {
                if (!Float.isFinite(v)) continue;
                n++;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        nonFinite += values.length - n;
        if (n == 0) return;
        count += n;
        // +0.0 for -0.0, so that the result does not depend on the order values arrive in
        min = Math.min(min, lo + 0.0);
        max = Math.max(max, hi + 0.0);
        if (histogram == null) return;
        growTo(exponentFor(Math.max(Math.abs((double) lo), Math.abs((double) hi))));
        // |v| * 2^(11-e) is exact in double (no overflow below 2^11, no underflow for any float), so the product
        // is what Math.scalb gives, at the cost of a multiply
        double toBin = Math.scalb(1.0, LOG2_BINS - exponent);
        if (n == values.length) {
            // all finite: no branch per value (after a ReLU half of them are zeros, and a branch on that
            // mispredicts); zeros go to bin 0 with the rest and are then taken out of it
            long z = 0;
            for (float v : values) {
                histogram[(int) (Math.abs((double) v) * toBin)]++;
                z += v == 0 ? 1 : 0;
            }
            histogram[0] -= z;
            zeros += z;
            return;
        }
        for (float v : values) {
            if (v == 0) zeros++;
            else if (Float.isFinite(v)) histogram[(int) (Math.abs((double) v) * toBin)]++;
        }
    }

    /** Adds values. */
    public void observe(double[] values) {
        double absMax = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                nonFinite++;
                continue;
            }
            count++;
            min = Math.min(min, v + 0.0);
            max = Math.max(max, v + 0.0);
            absMax = Math.max(absMax, Math.abs(v));
        }
        if (histogram == null) return;
        growTo(exponentFor(absMax));
        int shift = LOG2_BINS - exponent;
        for (double v : values) {
            if (v == 0) zeros++;
            else if (Double.isFinite(v)) histogram[(int) Math.scalb(Math.abs(v), shift)]++;
        }
    }

    /** {@return the range exponent {@code e} with {@code 2^e} the smallest power of two above {@code absMax}} */
    static int exponentFor(double absMax) {
        return Math.max(MIN_EXPONENT, Math.getExponent(absMax) + 1);
    }

    private void growTo(int e) {
        if (e <= exponent) return;
        int k = e - exponent;
        long[] old = histogram.clone();
        Arrays.fill(histogram, 0);
        for (int i = 0; i < BINS; i++) histogram[k >= LOG2_BINS ? 0 : i >> k] += old[i];
        exponent = e;
    }

    /**
     * Adds another observer's statistics to this one (exactly: see the class comment).
     *
     * @throws IllegalArgumentException if one has a histogram and the other not
     */
    public void merge(TensorStats other) {
        if (hasHistogram() != other.hasHistogram())
            throw new IllegalArgumentException("cannot merge statistics with and without a histogram");
        count += other.count;
        nonFinite += other.nonFinite;
        zeros += other.zeros;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (histogram == null) return;
        growTo(Math.max(exponent, other.exponent));
        int k = exponent - other.exponent; // other's bins 2^k j .. 2^k (j+1) - 1 are this one's bin j
        for (int i = 0; i < BINS; i++) histogram[k >= LOG2_BINS ? 0 : i >> k] += other.histogram[i];
    }

    /** {@return an independent copy} */
    public TensorStats copy() {
        TensorStats c = new TensorStats(hasHistogram());
        c.count = count;
        c.nonFinite = nonFinite;
        c.zeros = zeros;
        c.min = min;
        c.max = max;
        c.exponent = exponent;
        if (histogram != null) System.arraycopy(histogram, 0, c.histogram, 0, BINS);
        return c;
    }

    /** {@return how many finite values were observed} */
    public long count() {
        return count;
    }

    /** {@return how many NaN or infinite values were observed (and left out)} */
    public long nonFinite() {
        return nonFinite;
    }

    /** {@return how many exact zeros a histogram observer saw (they are not in the histogram; 0 without one)} */
    public long zeros() {
        return zeros;
    }

    /** {@return the smallest finite value observed (+inf if none)} */
    public double min() {
        return min;
    }

    /** {@return the largest finite value observed (-inf if none)} */
    public double max() {
        return max;
    }

    /** {@return the largest |x| observed (0 if none)} */
    public double absMax() {
        return count == 0 ? 0 : Math.max(Math.abs(min), Math.abs(max));
    }

    /** {@return whether this observer keeps a histogram} */
    public boolean hasHistogram() {
        return histogram != null;
    }

    /** {@return a copy of the histogram of |x|} @throws IllegalStateException if there is none */
    public long[] histogram() {
        if (histogram == null) throw new IllegalStateException("these statistics have no histogram");
        return histogram.clone();
    }

    /** {@return the upper end of the histogram's range, {@code 2^e}} */
    public double range() {
        return Math.scalb(1.0, exponent);
    }

    /** {@return the width of one histogram bin} */
    public double binWidth() {
        return Math.scalb(1.0, exponent - LOG2_BINS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorStats s
                && count == s.count
                && nonFinite == s.nonFinite
                && zeros == s.zeros
                && Double.compare(min, s.min) == 0
                && Double.compare(max, s.max) == 0
                && exponent == s.exponent
                && Arrays.equals(histogram, s.histogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Double.hashCode(max) + Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return "TensorStats{count=" + count + ", min=" + min + ", max=" + max
                + (histogram == null ? "" : ", range=" + range()) + "}";
    }
}
