package dev.dal.dialect.quant.kernel;

/**
 * The NPU's int8 resize of the two spatial dimensions of NCHW data, input and output of one type. Nearest mode copies
 * stored values; linear mode weights the four neighbours with Q15 fixed-point weights and rounds the sum half away
 * from zero. Coordinates map as ONNX Resize's {@code coordinate_transformation_mode}.
 */
public final class QResize {
    /** The fraction bits of the linear interpolation weights. */
    public static final int WEIGHT_BITS = 15;

    private QResize() {}

    /** {@return the input coordinate of output index {@code o}, per ONNX's transformation modes} */
    public static double source(String mode, int o, int in, int out) {
        double scale = (double) out / in;
        return switch (mode) {
            case "asymmetric" -> o / scale;
            case "align_corners" -> out == 1 ? 0 : (double) o * (in - 1) / (out - 1);
            case "pytorch_half_pixel" -> out > 1 ? (o + 0.5) / scale - 0.5 : 0;
            case "half_pixel" -> (o + 0.5) / scale - 0.5;
            default -> throw new IllegalArgumentException("unknown coordinate_transformation_mode '" + mode + "'");
        };
    }

    /** {@return the nearest input index of coordinate {@code x}, per ONNX's {@code nearest_mode}, clamped} */
    public static int nearest(String mode, double x, int in) {
        double f = Math.floor(x);
        double frac = x - f;
        int i = switch (mode) {
            case "round_prefer_floor" -> (int) (frac <= 0.5 ? f : f + 1);
            case "round_prefer_ceil" -> (int) (frac < 0.5 ? f : f + 1);
            case "floor" -> (int) f;
            case "ceil" -> (int) Math.ceil(x);
            default -> throw new IllegalArgumentException("unknown nearest_mode '" + mode + "'");
        };
        return Math.max(0, Math.min(in - 1, i));
    }

    /**
     * {@return the output's stored values, {@code [n, c, oh, ow]}}
     *
     * @param x      the stored input values (for linear mode: minus the zero point)
     * @param linear linear interpolation, else nearest
     * @param zp     the zero point added back in linear mode (0 in nearest mode)
     */
    public static long[] resize(
            int[] x,
            int[] xShape,
            int oh,
            int ow,
            boolean linear,
            String coordMode,
            String nearestMode,
            long zp,
            long lo,
            long hi) {
        int nc = xShape[0] * xShape[1], h = xShape[2], w = xShape[3];
        long[] out = new long[nc * oh * ow];
        int[] y0 = new int[oh], y1 = new int[oh], wy = new int[oh];
        int[] x0 = new int[ow], x1 = new int[ow], wx = new int[ow];
        axis(linear, coordMode, nearestMode, h, oh, y0, y1, wy);
        axis(linear, coordMode, nearestMode, w, ow, x0, x1, wx);
        long one = 1L << WEIGHT_BITS;
        int at = 0;
        for (int p = 0; p < nc; p++) {
            int base = p * h * w;
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++, at++) {
                    if (!linear) {
                        out[at] = x[base + y0[i] * w + x0[j]];
                        continue;
                    }
                    long top = (one - wx[j]) * x[base + y0[i] * w + x0[j]] + wx[j] * (long) x[base + y0[i] * w + x1[j]];
                    long bot = (one - wx[j]) * x[base + y1[i] * w + x0[j]] + wx[j] * (long) x[base + y1[i] * w + x1[j]];
                    long acc = (one - wy[i]) * top + wy[i] * bot;
                    out[at] = Rounding.saturate(zp + Rounding.shiftRoundHalfAway(acc, 2 * WEIGHT_BITS), lo, hi);
                }
        }
        return out;
    }

    private static void axis(
            boolean linear, String coordMode, String nearestMode, int in, int out, int[] i0, int[] i1, int[] weight) {
        for (int o = 0; o < out; o++) {
            double s = source(coordMode, o, in, out);
            if (!linear) {
                i0[o] = nearest(nearestMode, s, in);
                continue;
            }
            s = Math.max(0, Math.min(in - 1, s));
            int f = (int) Math.floor(s);
            i0[o] = f;
            i1[o] = Math.min(f + 1, in - 1);
            weight[o] = (int) Math.round((s - f) * (1 << WEIGHT_BITS));
        }
    }
}
