package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;

/** The ONNX Reduce* family over f32, with axes (negative counting from the end; empty = all) and keepdims. */
public final class Reduce {
    private Reduce() {}

    /** The reductions. */
    public enum Op {
        SUM,
        MEAN,
        MAX,
        MIN,
        PROD,
        L1,
        L2,
        LOG_SUM,
        LOG_SUM_EXP,
        SUM_SQUARE
    }

    /**
     * {@return x reduced over {@code axes}}
     *
     * @param axes             the axes; empty reduces all unless {@code noopWithEmptyAxes}
     * @param noopWithEmptyAxes ONNX's attribute: with empty axes, return x unchanged
     */
    public static Tensor reduce(Tensor x, int[] axes, boolean keepDims, boolean noopWithEmptyAxes, Op op) {
        int r = x.rank();
        if (axes.length == 0 && noopWithEmptyAxes) return x;
        boolean[] red = new boolean[r];
        if (axes.length == 0) Arrays.fill(red, true);
        for (int a : axes) {
            int ax = a < 0 ? a + r : a;
            if (ax < 0 || ax >= r) throw new IllegalArgumentException("axis " + a + " out of range for rank " + r);
            red[ax] = true;
        }
        int[] s = x.shape();
        int[] kept = s.clone();
        for (int i = 0; i < r; i++) if (red[i]) kept[i] = 1;
        int outSize = 1;
        for (int d : kept) outSize *= d;
        // stride of each input dimension in the output (0 along reduced ones)
        int[] ostride = new int[r];
        int st = 1;
        for (int i = r - 1; i >= 0; i--) {
            ostride[i] = red[i] ? 0 : st;
            st *= kept[i];
        }
        double[] acc = new double[outSize];
        double init = switch (op) {
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case PROD -> 1;
            default -> 0;
        };
        Arrays.fill(acc, init);
        float[] in = x.floats();
        int[] idx = new int[r];
        int o = 0;
        for (float v : in) {
            acc[o] = switch (op) {
                case SUM, MEAN, LOG_SUM -> acc[o] + v;
                case MAX -> Float.isNaN(v) || Double.isNaN(acc[o]) ? Double.NaN : Math.max(acc[o], v);
                case MIN -> Float.isNaN(v) || Double.isNaN(acc[o]) ? Double.NaN : Math.min(acc[o], v);
                case PROD -> acc[o] * v;
                case L1 -> acc[o] + Math.abs(v);
                case L2, SUM_SQUARE -> acc[o] + (double) v * v;
                case LOG_SUM_EXP -> acc[o] + Math.exp(v);
            };
            for (int d = r - 1; d >= 0; d--) {
                o += ostride[d];
                if (++idx[d] < s[d]) break;
                o -= ostride[d] * s[d];
                idx[d] = 0;
            }
        }
        int count = outSize == 0 ? 0 : in.length / Math.max(1, outSize);
        float[] out = new float[outSize];
        for (int i = 0; i < outSize; i++) {
            out[i] = (float)
                    switch (op) {
                        case MEAN -> acc[i] / count;
                        case L2 -> Math.sqrt(acc[i]);
                        case LOG_SUM, LOG_SUM_EXP -> Math.log(acc[i]);
                        default -> acc[i];
                    };
        }
        if (keepDims) return Tensor.of(out, kept);
        int[] shape = new int[r - countTrue(red)];
        for (int i = 0, k = 0; i < r; i++) if (!red[i]) shape[k++] = s[i];
        return Tensor.of(out, shape);
    }

    private static int countTrue(boolean[] b) {
        int n = 0;
        for (boolean x : b) if (x) n++;
        return n;
    }

    /**
     * {@return ArgMax or ArgMin of x along {@code axis} as i64 indices}: ties go to the first index, or the last with
     * {@code selectLast}; a NaN counts as the extreme (as numpy does)
     */
    public static Tensor arg(Tensor x, int axis, boolean keepDims, boolean max, boolean selectLast) {
        int r = x.rank();
        int ax = axis < 0 ? axis + r : axis;
        if (ax < 0 || ax >= r) throw new IllegalArgumentException("axis " + axis + " out of range for rank " + r);
        int[] s = x.shape();
        int outer = 1, inner = 1, dim = s[ax];
        if (dim == 0) throw new IllegalArgumentException("cannot take the arg extreme of an empty axis");
        for (int i = 0; i < ax; i++) outer *= s[i];
        for (int i = ax + 1; i < r; i++) inner *= s[i];
        long[] out = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int best = 0;
                double bv = x.getDouble(o * dim * inner + in);
                for (int k = 1; k < dim && !Double.isNaN(bv); k++) {
                    double v = x.getDouble((o * dim + k) * inner + in);
                    boolean better = Double.isNaN(v) || (max ? v > bv : v < bv) || (selectLast && v == bv);
                    if (better) {
                        best = k;
                        bv = v;
                    }
                }
                out[o * inner + in] = best;
            }
        }
        int[] os;
        if (keepDims) {
            os = s.clone();
            os[ax] = 1;
        } else {
            os = new int[r - 1];
            for (int i = 0, j = 0; i < r; i++) if (i != ax) os[j++] = s[i];
        }
        return Tensor.of(out, os);
    }

    /**
     * {@return the running sum of x along {@code axis} (ONNX CumSum)}: {@code exclusive} leaves each element out of
     * its own sum, {@code reverse} sums from the end of the axis; floats add in double, integers in long
     */
    public static Tensor cumSum(Tensor x, int axis, boolean exclusive, boolean reverse) {
        int r = x.rank();
        if (axis < 0) axis += r;
        if (axis < 0 || axis >= r) throw new IllegalArgumentException("axis out of range");
        int[] s = x.shape();
        int len = s[axis], inner = 1, outer = 1;
        for (int d = axis + 1; d < r; d++) inner *= s[d];
        for (int d = 0; d < axis; d++) outer *= s[d];
        Tensor out = Tensor.zeros(x.dtype(), s);
        boolean fl = x.dtype().isFloat();
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) {
                double fs = 0;
                long ls = 0;
                for (int step = 0; step < len; step++) {
                    int a = reverse ? len - 1 - step : step;
                    int at = (o * len + a) * inner + i;
                    if (fl) {
                        double v = x.getDouble(at);
                        if (!exclusive) fs += v;
                        out.setDouble(at, fs);
                        if (exclusive) fs += v;
                    } else {
                        long v = x.getLong(at);
                        if (!exclusive) ls += v;
                        out.setLong(at, ls);
                        if (exclusive) ls += v;
                    }
                }
            }
        return out;
    }
}
