package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import dev.dal.ir.interp.TensorFileFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading one-tensor files ({@code .npy}, and {@code .pb} when the ONNX frontend is present) for the readers. */
final class TensorFiles {
    private TensorFiles() {}

    /** {@return whether {@code p} is a regular file in a registered tensor format} */
    static boolean isTensorFile(Path p) {
        return Files.isRegularFile(p) && TensorFileFormat.forFile(p).isPresent();
    }

    /** {@return the tensor in {@code file}} @throws DataException naming the file */
    static Tensor read(Path file) throws DataException {
        TensorFileFormat f = TensorFileFormat.forFile(file)
                .orElseThrow(() -> new DataException(file + ": not a tensor file (formats: "
                        + String.join(
                                ", ",
                                TensorFileFormat.available().stream()
                                        .map(TensorFileFormat::extension)
                                        .toList())
                        + "; .pb needs the ONNX frontend on the class path)"));
        try {
            return f.read(file);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            throw new DataException(m.contains(file.toString()) ? m : file + ": " + m, e);
        }
    }

    /** {@return the stem of a file name: {@code input_0.pb -> input_0}} */
    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * {@return the file among {@code files} that feeds input {@code index} named {@code name}: the one named after
     * the input, else {@code input_<index>}, else the only file when the model has one input}
     */
    static Optional<Path> fileFor(List<Path> files, String name, int index, int inputs) {
        Optional<Path> named = namedFile(files, name, index);
        if (named.isPresent() || inputs != 1 || files.size() != 1) return named;
        return Optional.of(files.getFirst());
    }

    /**
     * {@return the file among {@code files} named after input {@code index} named {@code name}, else
     * {@code input_<index>} (the first in name order, so {@code .npy} before {@code .pb})}
     */
    static Optional<Path> namedFile(List<Path> files, String name, int index) {
        for (Path f : files) if (stem(f).equals(name)) return Optional.of(f);
        for (Path f : files) if (stem(f).equals("input_" + index)) return Optional.of(f);
        return Optional.empty();
    }

    /** {@return the tensor files of a folder, ONNX test sets' expected outputs ({@code output_N}) left out} */
    static List<Path> inputFiles(Path dir) throws DataException {
        return SampleReaders.list(dir).stream()
                .filter(TensorFiles::isTensorFile)
                .filter(p -> !stem(p).matches("output_\\d+"))
                .toList();
    }
}
