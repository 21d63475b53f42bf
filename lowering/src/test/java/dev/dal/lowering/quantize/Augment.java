package dev.dal.lowering.quantize;

import dev.dal.ir.interp.Tensor;
import java.util.Random;

/**
 * Deterministic variants of an NCHW image tensor, for calibrating models that come with only a few inputs (each
 * variant keeps the values within the original's range), and rounding to an int8 grid.
 */
final class Augment {
    private Augment() {}

    /** {@return the image mirrored left to right} */
    static Tensor mirror(Tensor t) {
        float[] x = t.toF32().floats(), out = new float[x.length];
        int w = t.dim(t.rank() - 1);
        for (int row = 0; row < x.length / w; row++)
            for (int i = 0; i < w; i++) out[row * w + i] = x[row * w + w - 1 - i];
        return Tensor.of(out, t.shape());
    }

    /** {@return the image moved {@code dx} columns right and {@code dy} rows down, the edges repeated} */
    static Tensor shift(Tensor t, int dx, int dy) {
        float[] x = t.toF32().floats(), out = new float[x.length];
        int w = t.dim(t.rank() - 1), h = t.dim(t.rank() - 2), plane = w * h;
        for (int p = 0; p < x.length / plane; p++)
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                    out[p * plane + r * w + c] = x[p * plane + Math.max(0, r - dy) * w + Math.max(0, c - dx)];
        return Tensor.of(out, t.shape());
    }

    /** {@return the image plus Gaussian noise of {@code fraction} of its value range, clamped to that range} */
    static Tensor noise(Tensor t, double fraction, Random random) {
        float[] x = t.toF32().floats(), out = new float[x.length];
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double sigma = fraction * (hi - lo);
        for (int i = 0; i < x.length; i++)
            out[i] = (float) Math.max(lo, Math.min(hi, x[i] + sigma * random.nextGaussian()));
        return Tensor.of(out, t.shape());
    }

    /** {@return the tensor rounded to the symmetric int8 grid of step {@code scale} (half away from zero, saturated)} */
    static Tensor roundToGrid(Tensor t, double scale) {
        float[] x = t.toF32().floats(), out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double q = Math.signum(x[i]) * Math.floor(Math.abs(x[i] / scale) + 0.5);
            out[i] = (float) (Math.max(-127, Math.min(127, q)) * scale);
        }
        return Tensor.of(out, t.shape());
    }
}
