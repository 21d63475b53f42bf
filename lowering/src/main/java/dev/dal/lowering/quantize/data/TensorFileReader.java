package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One tensor file ({@code .npy}, {@code .pb}) for a one-input model: one sample of the input's shape, or an array
 * whose first axis indexes samples ({@code images.npy} of shape {@code [270,1,16,16]} for an input
 * {@code tensor<1x1x16x16xf32>}).
 */
public final class TensorFileReader implements SampleReader {
    @Override
    public String name() {
        return "tensor-file";
    }

    @Override
    public boolean accepts(Path path) {
        return TensorFiles.isTensorFile(path);
    }

    @Override
    public SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException {
        if (inputs.size() != 1)
            throw new DataException(path + ": holds one array but the model has " + inputs.size() + " inputs ("
                    + String.join(", ", inputs.stream().map(ModelInput::name).toList())
                    + "); use an .npz file or one folder per sample");
        ModelInput in = inputs.getFirst();
        Batches b = Batches.of(TensorFiles.read(path), in, path.toString());
        return new SampleSet() {
            @Override
            public int size() {
                return b.count();
            }

            @Override
            public Map<String, Tensor> sample(int i) {
                return Map.of(in.name(), b.sample(i));
            }

            @Override
            public String source(int i) {
                return b.indexed() ? path + "[" + i + "]" : path.toString();
            }
        };
    }
}
