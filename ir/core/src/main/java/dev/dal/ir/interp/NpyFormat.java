package dev.dal.ir.interp;

import java.io.IOException;
import java.nio.file.Path;

/** NumPy's {@code .npy} as a {@link TensorFileFormat} (the reading is {@link Npy}'s). */
public final class NpyFormat implements TensorFileFormat {
    @Override
    public String extension() {
        return ".npy";
    }

    @Override
    public Tensor read(Path file) throws IOException {
        return Npy.read(file);
    }
}
