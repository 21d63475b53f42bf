package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Tensor;
import java.util.concurrent.ForkJoinPool;

/**
 * ONNX RoiAlign (Mask R-CNN): each region of interest of an NCHW feature map is cut into an output grid of bins; each
 * bin averages (or takes the maximum of) bilinear samples on a regular sub-grid, without rounding the region's
 * coordinates.
 */
public final class RoiAlign {
    private RoiAlign() {}

    /**
     * The attributes of a RoiAlign.
     *
     * @param halfPixel     {@code half_pixel} coordinates (shift by -0.5 pixel); {@code output_half_pixel}, the legacy
     *                      mode, does not shift and makes every region at least one pixel wide
     * @param max           {@code max} mode: the largest weighted sample term instead of the mean of the samples
     * @param samplingRatio samples per bin and axis, or 0 for {@code ceil(region size / output size)}
     */
    public record Options(
            int outputHeight, int outputWidth, int samplingRatio, float spatialScale, boolean halfPixel, boolean max) {}

    /**
     * {@return the pooled regions {@code [R, C, outputHeight, outputWidth]}}
     *
     * @param x            the feature map {@code [N, C, H, W]}
     * @param rois         the regions {@code [R, 4]} as {@code (x1, y1, x2, y2)} in input image coordinates
     * @param batchIndices the image of each region {@code [R]}
     */
    public static Tensor roiAlign(Tensor x, Tensor rois, Tensor batchIndices, Options o, ForkJoinPool pool) {
        if (x.rank() != 4) throw new IllegalArgumentException("X must have rank 4");
        if (rois.rank() != 2 || rois.dim(1) != 4) throw new IllegalArgumentException("rois must have shape [R, 4]");
        int rCount = rois.dim(0);
        if (batchIndices.rank() != 1 || batchIndices.dim(0) != rCount)
            throw new IllegalArgumentException("batch_indices must have shape [" + rCount + "]");
        if (o.outputHeight() < 1 || o.outputWidth() < 1 || o.samplingRatio() < 0)
            throw new IllegalArgumentException("output sizes must be positive and sampling_ratio not negative");
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int ph = o.outputHeight(), pw = o.outputWidth();
        float[] in = x.floats();
        float[] out = new float[rCount * c * ph * pw];
        long[] batch = batchIndices.toLongs();
        for (long b : batch)
            if (b < 0 || b >= n) throw new IllegalArgumentException("batch index " + b + " out of range for " + n);
        Parallel.forEach(pool, rCount, r -> {
            double offset = o.halfPixel() ? 0.5 : 0;
            double x1 = rois.getDouble(r * 4) * o.spatialScale() - offset;
            double y1 = rois.getDouble(r * 4 + 1) * o.spatialScale() - offset;
            double x2 = rois.getDouble(r * 4 + 2) * o.spatialScale() - offset;
            double y2 = rois.getDouble(r * 4 + 3) * o.spatialScale() - offset;
            double rw = x2 - x1, rh = y2 - y1;
            if (!o.halfPixel()) {
                rw = Math.max(rw, 1);
                rh = Math.max(rh, 1);
            }
            double binH = rh / ph, binW = rw / pw;
            int gridH = o.samplingRatio() > 0 ? o.samplingRatio() : (int) Math.ceil(rh / ph);
            int gridW = o.samplingRatio() > 0 ? o.samplingRatio() : (int) Math.ceil(rw / pw);
            int count = Math.max(gridH * gridW, 1);
            // the bilinear taps of every sample of the region, shared by all channels
            int samples = ph * pw * gridH * gridW;
            int[] at = new int[samples * 4];
            float[] wt = new float[samples * 4];
            int s = 0;
            for (int py = 0; py < ph; py++)
                for (int px = 0; px < pw; px++)
                    for (int iy = 0; iy < gridH; iy++) {
                        double y = y1 + py * binH + (iy + 0.5) * binH / gridH;
                        for (int ix = 0; ix < gridW; ix++, s++) {
                            double xx = x1 + px * binW + (ix + 0.5) * binW / gridW;
                            bilinear(y, xx, h, w, at, wt, s * 4);
                        }
                    }
            int plane = h * w;
            for (int ch = 0; ch < c; ch++) {
                int base = ((int) batch[r] * c + ch) * plane;
                int ob = (r * c + ch) * ph * pw;
                int k = 0;
                for (int bin = 0; bin < ph * pw; bin++) {
                    double acc = o.max() ? Double.NEGATIVE_INFINITY : 0;
                    for (int g = 0; g < gridH * gridW; g++, k++) {
                        int t = k * 4;
                        if (o.max()) {
                            for (int q = 0; q < 4; q++) acc = Math.max(acc, (double) wt[t + q] * in[base + at[t + q]]);
                        } else {
                            for (int q = 0; q < 4; q++) acc += (double) wt[t + q] * in[base + at[t + q]];
                        }
                    }
                    out[ob + bin] = (float) (o.max() ? (gridH * gridW == 0 ? 0 : acc) : acc / count);
                }
            }
        });
        return Tensor.of(out, rCount, c, ph, pw);
    }

    /**
     * Writes the four taps of a bilinear sample at (y, x): a sample more than one pixel outside the map contributes
     * nothing (its weights are 0); others are clamped to the map.
     */
    private static void bilinear(double y, double x, int h, int w, int[] at, float[] wt, int o) {
        if (y < -1 || y > h || x < -1 || x > w) {
            for (int q = 0; q < 4; q++) {
                at[o + q] = 0;
                wt[o + q] = 0;
            }
            return;
        }
        y = Math.max(y, 0);
        x = Math.max(x, 0);
        int y0 = (int) y, x0 = (int) x, y1, x1;
        if (y0 >= h - 1) {
            y0 = y1 = h - 1;
            y = y0;
        } else y1 = y0 + 1;
        if (x0 >= w - 1) {
            x0 = x1 = w - 1;
            x = x0;
        } else x1 = x0 + 1;
        double ly = y - y0, lx = x - x0, hy = 1 - ly, hx = 1 - lx;
        at[o] = y0 * w + x0;
        at[o + 1] = y0 * w + x1;
        at[o + 2] = y1 * w + x0;
        at[o + 3] = y1 * w + x1;
        wt[o] = (float) (hy * hx);
        wt[o + 1] = (float) (hy * lx);
        wt[o + 2] = (float) (ly * hx);
        wt[o + 3] = (float) (ly * lx);
    }
}
