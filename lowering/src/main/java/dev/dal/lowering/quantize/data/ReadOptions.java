package dev.dal.lowering.quantize.data;

/**
 * How to read samples.
 *
 * @param limit the most samples to take (the first ones, in file name order); {@link SampleReaders#open} rejects a
 *              limit below 1
 * @param image how images become model inputs
 */
public record ReadOptions(int limit, ImageOptions image) {
    /** Checks the image options are present. */
    public ReadOptions {
        java.util.Objects.requireNonNull(image);
    }

    /** {@return every sample, images with the default conversion} */
    public static ReadOptions defaults() {
        return new ReadOptions(Integer.MAX_VALUE, ImageOptions.defaults());
    }

    /** {@return these options taking at most {@code n} samples} */
    public ReadOptions withLimit(int n) {
        return new ReadOptions(n, image);
    }

    /** {@return these options with another image conversion} */
    public ReadOptions withImage(ImageOptions i) {
        return new ReadOptions(limit, i);
    }
}
