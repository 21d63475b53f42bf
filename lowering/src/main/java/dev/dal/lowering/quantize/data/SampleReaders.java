package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Chooses the {@link SampleReader} for a path and checks every sample it gives against the model's inputs. */
public final class SampleReaders {
    private SampleReaders() {}

    /** {@return the readers on the class path, in the order they are asked} */
    public static List<SampleReader> available() {
        return ServiceLoader.load(SampleReader.class, SampleReader.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(SampleReader::priority).reversed())
                .toList();
    }

    /**
     * {@return the samples at {@code path} for {@code inputs}, read by the first reader that accepts the path}; every
     * sample is checked (names, dtypes, static dimensions) when it is read
     *
     * @throws DataException if the sample count is below 1, the path does not exist or is an empty folder, no reader
     *                       accepts it, or the reader fails
     */
    public static SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException {
        if (options.limit() < 1)
            throw new DataException(path + ": the sample count must be at least 1, got " + options.limit());
        if (!Files.exists(path)) throw new DataException(path + ": no such file or folder");
        if (inputs.isEmpty()) throw new DataException(path + ": the model has no inputs to feed");
        if (Files.isDirectory(path) && list(path).isEmpty()) throw new DataException(path + ": the folder is empty");
        for (SampleReader r : available())
            if (r.accepts(path)) {
                SampleSet set = r.open(path, inputs, options);
                if (set.size() == 0) throw new DataException(path + ": holds no samples");
                return checked(set, inputs, Math.min(set.size(), options.limit()));
            }
        throw new DataException(path + ": no sample reader understands it (readers: "
                + String.join(", ", available().stream().map(SampleReader::name).toList())
                + "); expected a .npy or .npz file, or a folder of .npy/.pb/.npz files, test data sets or images");
    }

    /** {@return {@code set} cut to {@code size} samples, each checked against {@code inputs} as it is read} */
    static SampleSet checked(SampleSet set, List<ModelInput> inputs, int size) {
        return new SampleSet() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Map<String, Tensor> sample(int i) throws DataException {
                Map<String, Tensor> s = set.sample(i);
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (ModelInput in : inputs) {
                    Tensor t = s.get(in.name());
                    if (t == null)
                        throw new DataException(set.source(i) + ": no tensor for input '" + in.name() + "' (found: "
                                + String.join(", ", s.keySet()) + ")");
                    var bad = in.mismatch(t);
                    if (bad.isPresent()) throw new DataException(set.source(i) + ": " + bad.get());
                    out.put(in.name(), t);
                }
                return out;
            }

            @Override
            public String source(int i) {
                return set.source(i);
            }

            @Override
            public boolean bounded() {
                return size < set.size() || set.bounded();
            }
        };
    }

    /** {@return the entries of a folder in natural name order ({@link #naturalOrder}), hidden files left out} */
    static List<Path> list(Path dir) throws DataException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), SampleReaders::naturalOrder))
                    .toList();
        } catch (java.io.IOException e) {
            throw new DataException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    /**
     * Compares file names in natural order: runs of digits by their value, so {@code s2} comes before {@code s10}
     * and {@code test_data_set_10} after {@code test_data_set_9}; other characters one by one.
     */
    static int naturalOrder(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                int c = new java.math.BigInteger(a.substring(si, i))
                        .compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) return c;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** {@return the lower-case file name of {@code p}} */
    static String lowerName(Path p) {
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
