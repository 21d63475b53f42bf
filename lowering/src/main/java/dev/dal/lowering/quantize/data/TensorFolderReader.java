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
 * {@code input_<position>}; expected outputs {@code output_N} are ignored), or the folder's files hold the samples
 * directly: each input's file is named after it (or {@code input_<position>}), and for a one-input model without
 * such a file every file holds samples, in natural name order. A file holds one sample of the input's shape, or an
 * array whose first axis indexes samples ({@code images.npy} of shape {@code [270,1,16,16]} for an input
 * {@code tensor<1x1x16x16xf32>}); the files of several inputs hold the same number of samples.
 *
 * <p>Every file is read once when the folder is opened, to count its samples (so a file that fits no input is an
 * error at once); a file of many samples is kept, one of a single sample is read again when that sample is.
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
        List<Path> files = TensorFiles.inputFiles(path).stream()
                .filter(f -> !options.skips(f))
                .toList();
        if (!dirs.isEmpty() && !files.isEmpty())
            throw new DataException(path + ": holds both tensor files and folders; put one sample per folder, or "
                    + "one file per sample for a one-input model");
        if (!dirs.isEmpty()) return new PerFolder(dirs, inputs);
        if (inputs.size() == 1) {
            ModelInput in = inputs.getFirst();
            List<Path> mine =
                    TensorFiles.namedFile(files, in.name(), 0).map(List::of).orElse(files);
            return PerFile.of(mine, in, options.limit());
        }
        return byInput(path, files, inputs);
    }

    /** {@return the samples of a folder holding one file per input, each of one sample or many} */
    private static SampleSet byInput(Path dir, List<Path> files, List<ModelInput> inputs) throws DataException {
        Map<String, Batches> batches = new LinkedHashMap<>();
        Path first = null;
        for (int k = 0; k < inputs.size(); k++) {
            ModelInput in = inputs.get(k);
            int pos = k;
            Path f = TensorFiles.namedFile(files, in.name(), k)
                    .orElseThrow(() -> new DataException(dir + ": no file for input '" + in.name() + "' (expected "
                            + in.name() + ".npy/.pb or input_" + pos + ".npy/.pb)"));
            Batches b = Batches.of(TensorFiles.read(f), in, f.toString());
            if (first != null
                    && b.count() != batches.get(inputs.getFirst().name()).count())
                throw new DataException(f + ": holds " + b.count() + " samples for input '" + in.name() + "' but "
                        + first + " holds "
                        + batches.get(inputs.getFirst().name()).count() + " for input '"
                        + inputs.getFirst().name() + "'");
            if (first == null) first = f;
            batches.put(in.name(), b);
        }
        Batches b0 = batches.get(inputs.getFirst().name());
        return new SampleSet() {
            @Override
            public int size() {
                return b0.count();
            }

            @Override
            public Map<String, Tensor> sample(int i) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                batches.forEach((name, b) -> out.put(name, b.sample(i)));
                return out;
            }

            @Override
            public String source(int i) {
                return b0.indexed() ? dir + "[" + i + "]" : dir.toString();
            }
        };
    }

    /**
     * The samples of a one-input model's files, in order: one per file of a single sample (read again when
     * sampled), one per index of a file whose first axis indexes samples (kept).
     */
    private record PerFile(List<Path> files, List<Batches> kept, List<Integer> index, ModelInput input)
            implements SampleSet {
        /**
         * {@return the samples of {@code files}}; reading stops once more than {@code limit} samples are found,
         * which is enough for {@link SampleReaders#open} to know the set was cut
         */
        static PerFile of(List<Path> all, ModelInput in, int limit) throws DataException {
            List<Path> files = new ArrayList<>();
            List<Batches> kept = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (Path f : all) {
                if (files.size() > limit) break;
                Batches b = Batches.of(TensorFiles.read(f), in, f.toString());
                for (int i = 0; i < b.count(); i++) {
                    files.add(f);
                    kept.add(b.indexed() ? b : null);
                    index.add(b.indexed() ? i : -1);
                }
            }
            return new PerFile(files, kept, index, in);
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public Map<String, Tensor> sample(int i) throws DataException {
            Batches b = kept.get(i);
            return Map.of(input.name(), b == null ? single(files.get(i), input) : b.sample(index.get(i)));
        }

        @Override
        public String source(int i) {
            return kept.get(i) == null ? files.get(i).toString() : files.get(i) + "[" + index.get(i) + "]";
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
