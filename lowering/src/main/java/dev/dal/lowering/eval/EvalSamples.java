package dev.dal.lowering.eval;

import dev.dal.ir.TensorType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.trait.Traits;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.ModelInput;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.lowering.quantize.data.SampleReaders;
import dev.dal.lowering.quantize.data.SampleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluation samples at a path, read by the calibration data readers ({@link SampleReaders}: {@code .npy},
 * {@code .npz}, {@code .pb}, folders of them, ONNX test data sets, image folders and plugin formats), so that
 * {@code dal-eval} and the {@code quantize} pass take the same data.
 */
public final class EvalSamples {
    private EvalSamples() {}

    /**
     * {@return the samples at {@code data} for the models' inputs}; each sample is checked against the inputs when
     * it is read
     *
     * @throws EvalException if an input is not a ranked tensor of numbers, or the data cannot be read or does not fit
     *                       the inputs (naming the file and the input)
     */
    public static SampleSource open(Path data, List<Evaluator.Input> inputs, ReadOptions options) throws EvalException {
        List<ModelInput> modelInputs = new ArrayList<>();
        for (Evaluator.Input in : inputs) {
            if (!(in.type() instanceof TensorType t)
                    || DType.fromIrType(t.elementType()).isEmpty())
                throw new EvalException(
                        "input '" + in.name() + "' is not a ranked tensor of numbers: " + Traits.typeText(in.type()));
            modelInputs.add(new ModelInput(in.name(), t));
        }
        try {
            return of(SampleReaders.open(data, modelInputs, options));
        } catch (DataException e) {
            throw new EvalException(e.getMessage());
        }
    }

    /** {@return {@code set} as evaluation samples, its read errors becoming {@link EvalException}s} */
    public static SampleSource of(SampleSet set) {
        return new SampleSource() {
            @Override
            public int size() {
                return set.size();
            }

            @Override
            public String describe(int i) {
                return set.source(i);
            }

            @Override
            public Map<String, Tensor> inputs(int i) throws EvalException {
                try {
                    return set.sample(i);
                } catch (DataException e) {
                    throw new EvalException(e.getMessage());
                }
            }

            @Override
            public boolean bounded() {
                return set.bounded();
            }
        };
    }
}
