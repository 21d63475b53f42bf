package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * NumPy {@code .npz} archives (a zip of {@code <key>.npy}, stored or deflated, as {@code numpy.savez} and
 * {@code savez_compressed} write them): one archive whose arrays' first axis indexes samples, or a folder of
 * archives, one sample each. Keys name the inputs; a one-input model also takes an archive's only array whatever
 * its key.
 */
public final class NpzReader implements SampleReader {
    @Override
    public String name() {
        return "npz";
    }

    @Override
    public boolean accepts(Path path) {
        if (Files.isRegularFile(path)) return isNpz(path);
        if (!Files.isDirectory(path)) return false;
        try {
            List<Path> all = SampleReaders.list(path);
            return !all.isEmpty() && all.stream().allMatch(NpzReader::isNpz);
        } catch (DataException e) {
            return false;
        }
    }

    private static boolean isNpz(Path p) {
        return Files.isRegularFile(p) && SampleReaders.lowerName(p).endsWith(".npz");
    }

    @Override
    public SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException {
        if (Files.isDirectory(path)) return new PerArchive(SampleReaders.list(path), inputs);
        Map<String, Tensor> arrays = read(path);
        Map<String, Batches> batches = new LinkedHashMap<>();
        int count = -1;
        String first = "";
        for (int k = 0; k < inputs.size(); k++) {
            ModelInput in = inputs.get(k);
            String key = keyFor(arrays, in, inputs.size(), path);
            Batches b = Batches.of(arrays.get(key), in, path + "[" + key + "]");
            if (count >= 0 && b.count() != count)
                throw new DataException(path + ": array '" + key + "' holds " + b.count() + " samples, array '" + first
                        + "' holds " + count);
            if (count < 0) first = key;
            count = b.count();
            batches.put(in.name(), b);
        }
        int n = count;
        return new SampleSet() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Map<String, Tensor> sample(int i) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                batches.forEach((name, b) -> out.put(name, b.sample(i)));
                return out;
            }

            @Override
            public String source(int i) {
                return path + "[" + i + "]";
            }
        };
    }

    /** Every archive is one sample. */
    private record PerArchive(List<Path> files, List<ModelInput> inputs) implements SampleSet {
        @Override
        public int size() {
            return files.size();
        }

        @Override
        public Map<String, Tensor> sample(int i) throws DataException {
            Path f = files.get(i);
            Map<String, Tensor> arrays = read(f);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (ModelInput in : inputs) {
                String key = keyFor(arrays, in, inputs.size(), f);
                Batches b = Batches.of(arrays.get(key), in, f + "[" + key + "]");
                if (b.count() != 1)
                    throw new DataException(f + "[" + key + "]: holds " + b.count() + " samples; a folder of .npz "
                            + "files takes one sample per file");
                out.put(in.name(), b.sample(0));
            }
            return out;
        }

        @Override
        public String source(int i) {
            return files.get(i).toString();
        }
    }

    private static String keyFor(Map<String, Tensor> arrays, ModelInput in, int inputs, Path file)
            throws DataException {
        if (arrays.containsKey(in.name())) return in.name();
        if (inputs == 1 && arrays.size() == 1) return arrays.keySet().iterator().next();
        throw new DataException(
                file + ": no array for input '" + in.name() + "' (keys: " + String.join(", ", arrays.keySet()) + ")");
    }

    /** {@return the arrays of an archive by key (entry name without {@code .npy}), in archive order} */
    static Map<String, Tensor> read(Path file) throws DataException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) entries.add(e.nextElement());
            for (ZipEntry e : entries) {
                if (e.isDirectory() || !e.getName().endsWith(".npy")) continue;
                String key = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, Npy.read(ByteBuffer.wrap(in.readAllBytes())));
                } catch (Npy.NpyException x) {
                    throw new DataException(file + "[" + key + "]: " + x.getMessage(), x);
                }
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the .npz archive: " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new DataException(file + ": the .npz archive holds no arrays");
        return out;
    }
}
