package dev.dal.lowering.quantize.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * How to read samples.
 *
 * @param limit the most samples to take (the first ones, in file name order); {@link SampleReaders#open} rejects a
 *              limit below 1
 * @param image how images become model inputs
 * @param skip  files of a data folder that are not samples (dal-eval's labels file, when it sits there)
 */
public record ReadOptions(int limit, ImageOptions image, Set<Path> skip) {
    /** Checks the image options are present and copies the skipped files. */
    public ReadOptions {
        java.util.Objects.requireNonNull(image);
        skip = Set.copyOf(skip);
    }

    /** Options that skip no file. */
    public ReadOptions(int limit, ImageOptions image) {
        this(limit, image, Set.of());
    }

    /** {@return every sample, images with the default conversion} */
    public static ReadOptions defaults() {
        return new ReadOptions(Integer.MAX_VALUE, ImageOptions.defaults());
    }

    /** {@return these options taking at most {@code n} samples} */
    public ReadOptions withLimit(int n) {
        return new ReadOptions(n, image, skip);
    }

    /** {@return these options with another image conversion} */
    public ReadOptions withImage(ImageOptions i) {
        return new ReadOptions(limit, i, skip);
    }

    /** {@return these options also skipping {@code file} where it is in a data folder} */
    public ReadOptions withSkipped(Path file) {
        Set<Path> s = new HashSet<>(skip);
        s.add(file);
        return new ReadOptions(limit, image, s);
    }

    /** {@return whether {@code file} is one of the skipped files (the same file, however named)} */
    public boolean skips(Path file) {
        for (Path p : skip)
            try {
                if (Files.exists(p) && Files.isSameFile(p, file)) return true;
            } catch (IOException e) {
                // an unreadable path is not the same file
            }
        return false;
    }
}
