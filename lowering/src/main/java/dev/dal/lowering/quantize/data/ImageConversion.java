package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.data.ImageOptions.Color;
import dev.dal.lowering.quantize.data.ImageOptions.Layout;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.util.List;

/**
 * Turns a decoded image into a model input of shape {@code [1,C,H,W]} or {@code [1,H,W,C]}: bilinear resize with
 * half-pixel centres (clamped at the borders, no antialiasing), the model's channel order, {@code (p - mean) / std}
 * per model channel, and the input's element type.
 *
 * @param input    the model input
 * @param layout   its layout (resolved, never AUTO)
 * @param color    its channel order (resolved, never AUTO)
 * @param channels C
 * @param height   H
 * @param width    W
 * @param mean     per model channel
 * @param std      per model channel
 */
record ImageConversion(
        ModelInput input,
        Layout layout,
        Color color,
        int channels,
        int height,
        int width,
        double[] mean,
        double[] std) {

    /** {@return the conversion for {@code input}} @throws DataException if the input or options do not fit */
    static ImageConversion of(ModelInput in, ImageOptions o) throws DataException {
        String what = "input '" + in.name() + "' of type " + in.typeText();
        if (in.rank() != 4 || !(in.dim(0) == 1 || in.dim(0) < 0))
            throw new DataException(what + " is not an image input of batch 1 ([1,C,H,W] or [1,H,W,C])");
        Layout layout = o.layout();
        if (layout == Layout.AUTO) layout = in.dim(1) == 1 || in.dim(1) == 3 ? Layout.NCHW : Layout.NHWC;
        long c = layout == Layout.NCHW ? in.dim(1) : in.dim(3);
        long h = layout == Layout.NCHW ? in.dim(2) : in.dim(1);
        long w = layout == Layout.NCHW ? in.dim(3) : in.dim(2);
        if (c < 0 || h < 0 || w < 0) throw new DataException(what + " needs static channels, height and width");
        if (c != 1 && c != 3)
            throw new DataException(what + " has " + c + " channels in layout " + layout + "; images give 1 or 3");
        Color color = o.color() == Color.AUTO ? (c == 1 ? Color.GRAY : Color.RGB) : o.color();
        if (c == 1 && color != Color.GRAY)
            throw new DataException("color " + color + " needs 3 channels, " + what + " has 1 (use GRAY)");
        DType t = in.dtype();
        if (t != DType.F32 && t != DType.F64 && t != DType.UI8 && t != DType.I8)
            throw new DataException(what + ": images convert to f32, f64, ui8 or i8 inputs only");
        return new ImageConversion(
                in,
                layout,
                color,
                (int) c,
                (int) h,
                (int) w,
                perChannel("mean", o.mean(), c, 0),
                perChannel("std", o.std(), c, 1));
    }

    private static double[] perChannel(String option, List<Double> v, long c, double dflt) throws DataException {
        if (v.size() > 1 && v.size() != c)
            throw new DataException(
                    "option '" + option + "' has " + v.size() + " values, the input has " + c + " channels");
        double[] out = new double[(int) c];
        for (int i = 0; i < c; i++) {
            out[i] = v.isEmpty() ? dflt : v.get(v.size() == 1 ? 0 : i);
            if (option.equals("std") && !(out[i] > 0))
                throw new DataException("option 'std' must hold positive numbers, got " + out[i]);
        }
        return out;
    }

    /** {@return the model input for {@code img}} */
    Tensor apply(BufferedImage img) {
        float[][] planes = rgb(img); // r, g, b planes on the 0..255 scale, at the image's size
        int ih = img.getHeight(), iw = img.getWidth();
        float[][] model = new float[channels][];
        for (int c = 0; c < channels; c++) {
            float[] src = switch (color) {
                case RGB -> planes[c];
                case BGR -> planes[2 - c];
                default -> gray(planes);
            };
            model[c] = resize(src, ih, iw, height, width);
        }
        int n = channels * height * width;
        double[] v = new double[n];
        for (int c = 0; c < channels; c++)
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++) {
                    int at = layout == Layout.NCHW ? (c * height + y) * width + x : (y * width + x) * channels + c;
                    v[at] = (model[c][y * width + x] - mean[c]) / std[c];
                }
        int[] shape =
                layout == Layout.NCHW ? new int[] {1, channels, height, width} : new int[] {1, height, width, channels};
        return switch (input.dtype()) {
            case F32 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) f[i] = (float) v[i];
                yield Tensor.of(f, shape);
            }
            case F64 -> Tensor.of(v, shape);
            default -> {
                boolean unsigned = input.dtype() == DType.UI8;
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    long r = Math.round(v[i]);
                    b[i] = (byte) Math.max(unsigned ? 0 : -128, Math.min(unsigned ? 255 : 127, r));
                }
                yield Tensor.ofArray(input.dtype(), b, shape);
            }
        };
    }

    /**
     * {@return the red, green and blue planes of an image}: a one-band grey image's samples are taken as they are
     * (scaled to 8 bits), since {@code getRGB} would pass them through a colour-space conversion
     */
    private static float[][] rgb(BufferedImage img) {
        int h = img.getHeight(), w = img.getWidth();
        float[][] p = new float[3][h * w];
        Raster r = img.getRaster();
        if (img.getColorModel() instanceof ComponentColorModel cm
                && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            int bits = cm.getComponentSize(0);
            double scale = 255.0 / ((1L << bits) - 1);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    float g = (float) (r.getSample(x, y, 0) * scale);
                    p[0][y * w + x] = g;
                    p[1][y * w + x] = g;
                    p[2][y * w + x] = g;
                }
            return p;
        }
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                p[0][y * w + x] = (argb >> 16) & 0xFF;
                p[1][y * w + x] = (argb >> 8) & 0xFF;
                p[2][y * w + x] = argb & 0xFF;
            }
        return p;
    }

    private static float[] gray(float[][] rgb) {
        float[] g = new float[rgb[0].length];
        for (int i = 0; i < g.length; i++) g[i] = (float) (0.299 * rgb[0][i] + 0.587 * rgb[1][i] + 0.114 * rgb[2][i]);
        return g;
    }

    /** {@return a plane resized bilinearly: source coordinate {@code (d + 0.5) * in / out - 0.5}, clamped} */
    static float[] resize(float[] src, int ih, int iw, int oh, int ow) {
        if (ih == oh && iw == ow) return src;
        float[] out = new float[oh * ow];
        for (int y = 0; y < oh; y++) {
            double sy = Math.min(Math.max((y + 0.5) * ih / oh - 0.5, 0), ih - 1);
            int y0 = (int) sy, y1 = Math.min(y0 + 1, ih - 1);
            double fy = sy - y0;
            for (int x = 0; x < ow; x++) {
                double sx = Math.min(Math.max((x + 0.5) * iw / ow - 0.5, 0), iw - 1);
                int x0 = (int) sx, x1 = Math.min(x0 + 1, iw - 1);
                double fx = sx - x0;
                double top = src[y0 * iw + x0] * (1 - fx) + src[y0 * iw + x1] * fx;
                double bottom = src[y1 * iw + x0] * (1 - fx) + src[y1 * iw + x1] * fx;
                out[y * ow + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
