package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of tensor files ({@code .npy}, {@code .pb}). Either every sample is a subfolder holding one file per
 * input (ONNX test data sets: {@code test_data_set_0/input_0.pb}; files named after the input or
 * {@code input_<position>}; expected outputs {@code output_N} are ignored), or, for a one-input model, every file is
 * one sample. A folder of files for a model of several inputs is one sample.
 */
public final class TensorFolderReader implements SampleReader {
    @Override
    public String name() {
        return "tensor-folder";
    }

    @Override
    public boolean accepts(Path path) {
        if (!Files.isDirectory(path)) return false;
        try {
            for (Path p : SampleReaders.list(path)) {
                if (TensorFiles.isTensorFile(p)) return true;
                if (Files.isDirectory(p) && !TensorFiles.inputFiles(p).isEmpty()) return true;
            }
        } catch (DataException e) {
            return false;
        }
        return false;
    }

    @Override
    public SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException {
        List<Path> dirs = new ArrayList<>();
        for (Path p : SampleReaders.list(path)) if (Files.isDirectory(p)) dirs.add(p);
        List<Path> files = TensorFiles.inputFiles(path);
        if (!dirs.isEmpty() && !files.isEmpty())
            throw new DataException(path + ": holds both tensor files and folders; put one sample per folder, or "
                    + "one file per sample for a one-input model");
        if (!dirs.isEmpty()) return new PerFolder(dirs, inputs);
        if (inputs.size() == 1) return new PerFile(files, inputs.getFirst());
        return new PerFolder(List.of(path), inputs);
    }

    /** Every file is one sample of the only input. */
    private record PerFile(List<Path> files, ModelInput input) implements SampleSet {
        @Override
        public int size() {
            return files.size();
        }

        @Override
        public Map<String, Tensor> sample(int i) throws DataException {
            return Map.of(input.name(), single(files.get(i), input));
        }

        @Override
        public String source(int i) {
            return files.get(i).toString();
        }
    }

    /** Every folder is one sample, a file per input. */
    private record PerFolder(List<Path> dirs, List<ModelInput> inputs) implements SampleSet {
        @Override
        public int size() {
            return dirs.size();
        }

        @Override
        public Map<String, Tensor> sample(int i) throws DataException {
            Path dir = dirs.get(i);
            List<Path> files = TensorFiles.inputFiles(dir);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int k = 0; k < inputs.size(); k++) {
                ModelInput in = inputs.get(k);
                int pos = k;
                Path f = TensorFiles.fileFor(files, in.name(), k, inputs.size())
                        .orElseThrow(() -> new DataException(dir + ": no file for input '" + in.name() + "' (expected "
                                + in.name() + ".npy/.pb or input_" + pos + ".npy/.pb)"));
                out.put(in.name(), single(f, in));
            }
            return out;
        }

        @Override
        public String source(int i) {
            return dirs.get(i).toString();
        }
    }

    /** {@return the one sample a file holds} @throws DataException if it holds another number of samples */
    static Tensor single(Path file, ModelInput in) throws DataException {
        Batches b = Batches.of(TensorFiles.read(file), in, file.toString());
        if (b.count() != 1)
            throw new DataException(file + ": holds " + b.count() + " samples of input '" + in.name()
                    + "'; a folder of files takes one sample per file");
        return b.sample(0);
    }
}
