package dev.dal.lowering.quantize.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads calibration or evaluation samples from one kind of path. The built-in readers take NumPy files, tensor file
 * folders and image folders; a plugin adds its own by implementing this interface and listing the class in
 * {@code META-INF/services/dev.dal.lowering.quantize.data.SampleReader}. {@link SampleReaders#open} asks readers by
 * descending {@link #priority()} and uses the first that {@linkplain #accepts accepts} the path.
 */
public interface SampleReader {
    /** {@return a short name of the format, for messages ({@code "npz"})} */
    String name();

    /** {@return whether this reader understands what {@code path} holds (judged cheaply, by names)} */
    boolean accepts(Path path);

    /** {@return the order in which readers are asked: higher first; the built-in readers use 0} */
    default int priority() {
        return 0;
    }

    /**
     * {@return the samples at {@code path} for the given model inputs}; a reader may stop reading once it has more
     * than {@link ReadOptions#limit()} of them ({@link SampleReaders#open} cuts the set to the limit and reports it
     * as {@linkplain SampleSet#bounded() bounded})
     *
     * @throws DataException if the path cannot be read, holds no samples, or its tensors do not fit the inputs
     */
    SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException;
}
