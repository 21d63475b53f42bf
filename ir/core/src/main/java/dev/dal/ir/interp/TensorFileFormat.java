package dev.dal.ir.interp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A file format holding one tensor, chosen by file extension: NumPy {@code .npy} here ({@link Npy}), ONNX
 * {@code TensorProto} {@code .pb} from the ONNX frontend. Formats are found through {@link ServiceLoader}, so a module
 * that owns a format (and its wire-format library) registers it without the modules that read tensor files
 * (calibration data, tools) depending on it.
 */
public interface TensorFileFormat {
    /** {@return the file extension this format reads, lower case with its dot ({@code ".npy"})} */
    String extension();

    /**
     * {@return the tensor stored in {@code file}}
     *
     * @throws IOException if the file cannot be read or is malformed; the message names the file
     */
    Tensor read(Path file) throws IOException;

    /** {@return the formats on the class path, in service order} */
    static List<TensorFileFormat> available() {
        return ServiceLoader.load(TensorFileFormat.class, TensorFileFormat.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** {@return the format that reads {@code file}, judged by its extension} */
    static Optional<TensorFileFormat> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return available().stream().filter(f -> name.endsWith(f.extension())).findFirst();
    }
}
