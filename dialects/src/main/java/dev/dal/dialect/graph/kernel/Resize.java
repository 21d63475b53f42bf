package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * ONNX Resize (and the older Upsample) over N-D tensors: nearest, (multi-)linear and (multi-)cubic interpolation with
 * every coordinate transformation mode, antialiasing when downsampling and tf_crop_and_resize's extrapolation.
 *
 * <p>Linear and cubic interpolation in N dimensions weight each input element by the product of one 1-D weight per
 * axis, so the kernel resizes one axis at a time: for each axis it computes, once, the input taps (indices and
 * weights) of every output position, then sweeps the tensor along that axis. An axis whose taps are the identity is
 * skipped.
 */
public final class Resize {
    private Resize() {}

    /** The interpolation ({@code mode}). */
    public enum Mode {
        NEAREST,
        LINEAR,
        CUBIC
    }

    /** How an output coordinate maps back to an input coordinate ({@code coordinate_transformation_mode}). */
    public enum Coordinates {
        HALF_PIXEL,
        HALF_PIXEL_SYMMETRIC,
        PYTORCH_HALF_PIXEL,
        ALIGN_CORNERS,
        ASYMMETRIC,
        TF_CROP_AND_RESIZE,
        /** Opsets 11 and 12 only: {@code (x + 0.5) / scale}. */
        TF_HALF_PIXEL_FOR_NN
    }

    /** How nearest mode rounds a fractional input coordinate ({@code nearest_mode}). */
    public enum Rounding {
        ROUND_PREFER_FLOOR,
        ROUND_PREFER_CEIL,
        FLOOR,
        CEIL
    }

    /**
     * The attributes of a resize.
     *
     * @param cubicA         the cubic convolution coefficient {@code cubic_coeff_a}
     * @param excludeOutside whether taps outside the input get weight 0 (the rest renormalized)
     * @param extrapolation  the value of outputs whose tf_crop_and_resize coordinate falls outside the input
     * @param antialias      whether linear and cubic filters are stretched by {@code 1 / scale} when downsampling
     */
    public record Options(
            Mode mode,
            Coordinates coordinates,
            Rounding rounding,
            double cubicA,
            boolean excludeOutside,
            float extrapolation,
            boolean antialias) {
        /** {@return the options of ONNX Upsample (opset 7 to 9): asymmetric coordinates, nearest rounds down} */
        public static Options upsample(Mode mode) {
            return new Options(mode, Coordinates.ASYMMETRIC, Rounding.FLOOR, -0.75, false, 0f, false);
        }
    }

    /**
     * The output shape and the per-axis scales and regions of interest of a resize.
     *
     * @param outShape the output shape
     * @param scales   the scale of each axis (output over input length, or the given scale)
     * @param roiStart the normalized region start of each axis (tf_crop_and_resize; 0 otherwise)
     * @param roiEnd   the normalized region end of each axis (tf_crop_and_resize; 1 otherwise)
     * @param lengths  the target length of each axis before rounding to an integer: ONNX's coordinate
     *                 transformations use it (its {@code output_width}), so a scale of 0.6 on a length of 4 maps
     *                 as a length of 2.4, not 2
     */
    public record Geometry(int[] outShape, double[] scales, double[] roiStart, double[] roiEnd, double[] lengths) {}

    /**
     * {@return the geometry of a resize from its operands}, as ONNX Resize defines it: with {@code scales}, each
     * listed axis has length {@code floor(in * (roiEnd - roiStart) * scale)}; with {@code sizes}, the lengths are
     * given ({@code stretch}) or come from one common scale that keeps the aspect ratio ({@code not_larger},
     * {@code not_smaller}: {@code round(scale * in)}, halves up)
     *
     * @param inShape the input shape
     * @param axes    the axes that roi, scales and sizes list (empty: all; negative counts from the end)
     * @param roi     starts then ends of the listed axes, or empty
     * @param scales  one scale per listed axis, or empty when sizes are given
     * @param sizes   one length per listed axis, or empty when scales are given
     * @param policy  {@code stretch}, {@code not_larger} or {@code not_smaller}
     * @param crop    whether the mode is tf_crop_and_resize (only then does roi count)
     */
    public static Geometry geometry(
            int[] inShape, long[] axes, double[] roi, double[] scales, long[] sizes, String policy, boolean crop) {
        int r = inShape.length;
        int[] ax = new int[axes.length == 0 ? r : axes.length];
        for (int i = 0; i < ax.length; i++) {
            long a = axes.length == 0 ? i : axes[i] < 0 ? axes[i] + r : axes[i];
            if (a < 0 || a >= r) throw new IllegalArgumentException("axis " + axes[i] + " out of range for rank " + r);
            ax[i] = (int) a;
        }
        int n = ax.length;
        if (scales.length == 0 && sizes.length == 0)
            throw new IllegalArgumentException("one of 'scales' and 'sizes' must be given");
        if (scales.length != 0 && sizes.length != 0)
            throw new IllegalArgumentException("only one of 'scales' and 'sizes' may be given");
        if (scales.length != 0 && scales.length != n)
            throw new IllegalArgumentException("'scales' has " + scales.length + " entries, expected " + n);
        if (sizes.length != 0 && sizes.length != n)
            throw new IllegalArgumentException("'sizes' has " + sizes.length + " entries, expected " + n);
        if (crop && roi.length != 2 * n)
            throw new IllegalArgumentException("'roi' has " + roi.length + " entries, expected " + 2 * n);
        int[] out = inShape.clone();
        double[] sc = new double[r], rs = new double[r], re = new double[r], len = new double[r];
        for (int a = 0; a < r; a++) len[a] = inShape[a];
        Arrays.fill(sc, 1);
        Arrays.fill(re, 1);
        for (int i = 0; i < n; i++) {
            if (crop) {
                rs[ax[i]] = roi[i];
                re[ax[i]] = roi[n + i];
            }
        }
        if (scales.length != 0) {
            for (int i = 0; i < n; i++) {
                if (!(scales[i] > 0)) throw new IllegalArgumentException("scales must be positive, got " + scales[i]);
                int a = ax[i];
                sc[a] = scales[i];
                len[a] = inShape[a] * (re[a] - rs[a]) * scales[i];
                out[a] = (int) Math.floor(len[a]);
            }
            return new Geometry(out, sc, rs, re, len);
        }
        for (long s : sizes) if (s < 0) throw new IllegalArgumentException("sizes must not be negative, got " + s);
        switch (policy) {
            case "stretch" -> {
                for (int i = 0; i < n; i++) {
                    out[ax[i]] = Math.toIntExact(sizes[i]);
                    len[ax[i]] = sizes[i];
                    sc[ax[i]] = (double) sizes[i] / inShape[ax[i]];
                }
            }
            case "not_larger", "not_smaller" -> {
                double common = policy.equals("not_larger") ? Double.POSITIVE_INFINITY : 0;
                for (int i = 0; i < n; i++) {
                    double s = (double) sizes[i] / inShape[ax[i]];
                    common = policy.equals("not_larger") ? Math.min(common, s) : Math.max(common, s);
                }
                for (int a : ax) {
                    len[a] = common * inShape[a];
                    out[a] = (int) Math.floor(len[a] + 0.5);
                    sc[a] = common;
                }
            }
            default -> throw new IllegalArgumentException("unknown keep_aspect_ratio_policy '" + policy + "'");
        }
        return new Geometry(out, sc, rs, re, len);
    }

    /** {@return x resized to the geometry's shape} */
    public static Tensor resize(Tensor x, Geometry g, Options o, ForkJoinPool pool) {
        int r = x.rank();
        if (g.outShape().length != r) throw new IllegalArgumentException("output rank differs from input rank");
        if (x.dtype() != dev.dal.ir.interp.DType.F32) {
            if (o.mode() != Mode.NEAREST || o.coordinates() == Coordinates.TF_CROP_AND_RESIZE)
                throw new IllegalArgumentException(
                        "only nearest resizing without extrapolation supports " + x.dtype() + " tensors");
            return nearestAnyType(x, g, o);
        }
        float[] cur = x.floats();
        int[] shape = x.shape();
        for (int a = 0; a < r; a++) {
            Taps t = taps(shape[a], g.outShape()[a], g.lengths()[a], g.scales()[a], g.roiStart()[a], g.roiEnd()[a], o);
            if (t.isIdentity(shape[a])) continue;
            int outer = 1, inner = 1;
            for (int i = 0; i < a; i++) outer *= shape[i];
            for (int i = a + 1; i < r; i++) inner *= shape[i];
            cur = sweep(cur, outer, shape[a], inner, t, o.extrapolation(), pool);
            shape[a] = t.count();
        }
        return cur == x.floats() ? x : Tensor.of(cur, shape);
    }

    private static Tensor nearestAnyType(Tensor x, Geometry g, Options o) {
        Tensor cur = x;
        for (int a = 0; a < x.rank(); a++) {
            int in = x.dim(a);
            Taps t = taps(in, g.outShape()[a], g.lengths()[a], g.scales()[a], 0, 1, o);
            if (t.isIdentity(in)) continue;
            long[] idx = new long[t.count()];
            for (int i = 0; i < idx.length; i++) idx[i] = t.index()[i];
            cur = Layout.gather(cur, Tensor.of(idx, idx.length), a);
        }
        return cur;
    }

    /**
     * The input taps of each output position along one axis: position o reads {@code index[o * width + k]} with
     * weight {@code weight[o * width + k]} for k below width; {@code outside[o]} marks an extrapolated position.
     */
    record Taps(int width, int[] index, float[] weight, boolean[] outside) {
        int count() {
            return outside.length;
        }

        boolean isIdentity(int in) {
            if (count() != in) return false;
            for (int o = 0; o < count(); o++) {
                if (outside[o]) return false;
                for (int k = 0; k < width; k++) {
                    float w = weight[o * width + k];
                    if (w != 0 && (w != 1 || index[o * width + k] != o)) return false;
                }
            }
            return true;
        }
    }

    /**
     * {@return the input coordinate of output position o along an axis, per the coordinate transformation mode}
     *
     * @param out    the output length (an integer)
     * @param length the target output length, fractional when it comes from a scale
     */
    static double sourceCoordinate(
            int o, int in, int out, double length, double scale, double roiStart, double roiEnd, Coordinates c) {
        return switch (c) {
            case HALF_PIXEL -> (o + 0.5) / scale - 0.5;
            case TF_HALF_PIXEL_FOR_NN -> (o + 0.5) / scale;
            case HALF_PIXEL_SYMMETRIC -> {
                // the centre of the output maps to the centre of the input even when in * scale is fractional
                double adjustment = out / length;
                double offset = in / 2.0 * (1 - adjustment);
                yield offset + (o + 0.5) / scale - 0.5;
            }
            case PYTORCH_HALF_PIXEL -> length > 1 ? (o + 0.5) / scale - 0.5 : 0;
            case ALIGN_CORNERS -> length != 1 ? o * (in - 1.0) / (length - 1) : 0;
            case ASYMMETRIC -> o / scale;
            case TF_CROP_AND_RESIZE ->
                length != 1
                        ? roiStart * (in - 1) + o * (roiEnd - roiStart) * (in - 1) / (length - 1)
                        : 0.5 * (roiStart + roiEnd) * (in - 1);
        };
    }

    static Taps taps(int in, int out, double length, double scale, double roiStart, double roiEnd, Options o) {
        boolean[] outside = new boolean[out];
        if (o.mode() == Mode.NEAREST) {
            int[] index = new int[out];
            float[] weight = new float[out];
            for (int i = 0; i < out; i++) {
                double x = sourceCoordinate(i, in, out, length, scale, roiStart, roiEnd, o.coordinates());
                if (extrapolated(x, in, o)) {
                    outside[i] = true;
                    continue;
                }
                index[i] = Math.clamp(nearest(x, o.rounding()), 0, in - 1);
                weight[i] = 1;
            }
            return new Taps(1, index, weight, outside);
        }
        double support = o.mode() == Mode.LINEAR ? 1 : 2;
        // antialiasing widens the filter by 1 / scale when downsampling, so every input element contributes
        double stretch = o.antialias() && scale < 1 ? scale : 1;
        double radius = support / stretch;
        int width = (int) Math.ceil(2 * radius) + 1;
        int[] index = new int[out * width];
        float[] weight = new float[out * width];
        double[] w = new double[width];
        for (int i = 0; i < out; i++) {
            double x = sourceCoordinate(i, in, out, length, scale, roiStart, roiEnd, o.coordinates());
            if (extrapolated(x, in, o)) {
                outside[i] = true;
                continue;
            }
            int first = (int) Math.floor(x - radius) + 1;
            double sum = 0;
            for (int k = 0; k < width; k++) {
                int j = first + k;
                double d = Math.abs((j - x) * stretch);
                double v = d >= support ? 0 : o.mode() == Mode.LINEAR ? 1 - d : cubic(d, o.cubicA());
                if (o.excludeOutside() && (j < 0 || j >= in)) v = 0;
                w[k] = v;
                sum += v;
            }
            boolean normalize = o.antialias() || o.excludeOutside();
            for (int k = 0; k < width; k++) {
                index[i * width + k] = Math.clamp(first + k, 0, in - 1);
                weight[i * width + k] = (float) (normalize && sum != 0 ? w[k] / sum : w[k]);
            }
        }
        return new Taps(width, index, weight, outside);
    }

    private static boolean extrapolated(double x, int in, Options o) {
        return o.coordinates() == Coordinates.TF_CROP_AND_RESIZE && (x < 0 || x > in - 1);
    }

    private static int nearest(double x, Rounding r) {
        double f = Math.floor(x), frac = x - f;
        return (int)
                switch (r) {
                    case ROUND_PREFER_FLOOR -> frac <= 0.5 ? f : f + 1;
                    case ROUND_PREFER_CEIL -> frac < 0.5 ? f : f + 1;
                    case FLOOR -> f;
                    case CEIL -> Math.ceil(x);
                };
    }

    /** Keys' cubic convolution kernel at distance {@code d >= 0} with coefficient {@code a}. */
    private static double cubic(double d, double a) {
        if (d <= 1) return ((a + 2) * d - (a + 3)) * d * d + 1;
        return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;
    }

    /** Resamples {@code [outer, in, inner]} to {@code [outer, taps.count(), inner]}. */
    private static float[] sweep(
            float[] src, int outer, int in, int inner, Taps t, float extrapolation, ForkJoinPool pool) {
        int out = t.count(), width = t.width();
        float[] dst = new float[outer * out * inner];
        int[] index = t.index();
        float[] weight = t.weight();
        boolean[] outside = t.outside();
        Parallel.forRange(pool, outer * out, Math.max(1, 4096 / Math.max(1, inner * width)), (from, to) -> {
            for (int p = from; p < to; p++) {
                int q = p / out, o = p % out;
                int d = p * inner;
                if (outside[o]) {
                    Arrays.fill(dst, d, d + inner, extrapolation);
                    continue;
                }
                int base = q * in * inner;
                if (inner == 1) {
                    float s = 0;
                    for (int k = 0; k < width; k++) s += weight[o * width + k] * src[base + index[o * width + k]];
                    dst[d] = s;
                    continue;
                }
                for (int k = 0; k < width; k++) {
                    float wk = weight[o * width + k];
                    if (wk == 0) continue;
                    int s = base + index[o * width + k] * inner;
                    for (int i = 0; i < inner; i++) dst[d + i] += wk * src[s + i];
                }
            }
        });
        return dst;
    }
}
