package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A plugin reader, registered from the tests' services file: a {@code .csv} file of one sample per line. */
public final class CsvSampleReader implements SampleReader {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean accepts(Path path) {
        return Files.isRegularFile(path) && path.toString().endsWith(".csv");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new DataException(path + ": " + e.getMessage(), e);
        }
        ModelInput in = inputs.getFirst();
        return new SampleSet() {
            @Override
            public int size() {
                return lines.size();
            }

            @Override
            public Map<String, Tensor> sample(int i) {
                String[] cells = lines.get(i).split(",");
                float[] v = new float[cells.length];
                for (int k = 0; k < v.length; k++) v[k] = Float.parseFloat(cells[k].strip());
                return Map.of(in.name(), Tensor.of(v, 1, v.length));
            }

            @Override
            public String source(int i) {
                return path + ":" + (i + 1);
            }
        };
    }
}
