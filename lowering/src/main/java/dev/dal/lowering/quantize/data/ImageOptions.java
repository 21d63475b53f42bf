package dev.dal.lowering.quantize.data;

import java.util.List;

/**
 * How an image file becomes a model input, with the options of the {@code preprocess} pass: the image is resized
 * (bilinear, half-pixel centres) to the input's height and width, its channels are put in the model's order, each
 * model channel {@code c} becomes {@code (pixel - mean[c]) / std[c]} on the 0 to 255 pixel scale, and the result is
 * laid out as the input is and converted to its element type (f32, f64, or u8/i8 rounded and saturated).
 *
 * @param mean   the mean per model channel, or one for all (empty: 0)
 * @param std    the standard deviation per model channel, or one for all (empty: 1)
 * @param layout the input's layout
 * @param color  the input's channel order
 */
public record ImageOptions(List<Double> mean, List<Double> std, Layout layout, Color color) {
    /** The layout of a four-dimensional image input. */
    public enum Layout {
        /** NCHW when dimension 1 has 1 or 3 channels, else NHWC. */
        AUTO,
        /** Batch, channels, height, width. */
        NCHW,
        /** Batch, height, width, channels. */
        NHWC
    }

    /** The channel order the model input expects. */
    public enum Color {
        /** GRAY for a one-channel input, RGB for three. */
        AUTO,
        /** Red, green, blue. */
        RGB,
        /** Blue, green, red. */
        BGR,
        /** Luminance ({@code 0.299 R + 0.587 G + 0.114 B}), replicated over the input's channels. */
        GRAY
    }

    /** Copies the lists. */
    public ImageOptions {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        java.util.Objects.requireNonNull(layout);
        java.util.Objects.requireNonNull(color);
    }

    /** {@return no normalisation, layout and colour from the input's shape} */
    public static ImageOptions defaults() {
        return new ImageOptions(List.of(), List.of(), Layout.AUTO, Color.AUTO);
    }
}
