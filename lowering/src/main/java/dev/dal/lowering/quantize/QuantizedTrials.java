package dev.dal.lowering.quantize;

import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.eval.Metrics;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.SampleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures how well one way of quantizing a function keeps its outputs: the rewrite is applied to a copy of the
 * module, and the copy and the float function run in the interpreter on the same few samples. The measure is the
 * mean over samples of the cosine similarity between the float and the quantized outputs (a sample's float outputs
 * taken together), which is what {@code dal-eval} reports as an output's cosine. The float outputs are computed once.
 */
final class QuantizedTrials {
    private final Operation module;
    private final String function;
    private final boolean perChannel;
    private final SampleSet samples;
    private final List<Map<String, Tensor>> inputs = new ArrayList<>();
    private final List<float[]> reference = new ArrayList<>();

    /**
     * Runs the float function on the first {@code count} samples.
     *
     * @throws DataException naming a sample that cannot be read or run
     */
    QuantizedTrials(Operation module, FuncOp func, boolean perChannel, SampleSet samples, int count)
            throws DataException {
        this.module = module;
        this.function = func.symName().value();
        this.perChannel = perChannel;
        this.samples = samples;
        for (int i = 0; i < Math.min(count, samples.size()); i++) inputs.add(samples.sample(i));
        Interpreter interp = Interpreter.load(module);
        for (int i = 0; i < inputs.size(); i++) reference.add(outputs(interp, i));
    }

    /** {@return how many samples each trial runs} */
    int samples() {
        return inputs.size();
    }

    /**
     * {@return the mean output cosine of the function quantized with {@code plan}, {@code wide} and {@code scales}}
     *
     * @throws DataException naming a sample the quantized copy fails on
     */
    double cosine(Map<Operation, LayerKind> plan, Set<Operation> wide, ScaleChooser.Scales scales)
            throws DataException {
        Map<Value, Value> mapping = new IdentityHashMap<>();
        Operation copy = module.clone(mapping);
        FuncOp copyFunc = copy.collect(FuncOp.class).stream()
                .filter(f -> f.symName().value().equals(function))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the copy lost @" + function));
        Map<Operation, LayerKind> copyPlan = new LinkedHashMap<>();
        plan.forEach((op, k) -> copyPlan.put(ScaleChooser.translate(op, mapping), k));
        Set<Operation> copyWide = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Operation op : wide) copyWide.add(ScaleChooser.translate(op, mapping));
        FunctionRewrite.apply(copyFunc.body().entry(), copyPlan, copyWide, scales.translate(mapping), perChannel);
        Interpreter interp = Interpreter.load(copy);
        double sum = 0;
        for (int i = 0; i < inputs.size(); i++) sum += Metrics.cosine(reference.get(i), outputs(interp, i));
        return sum / inputs.size();
    }

    /** {@return the float outputs of sample {@code i}, concatenated} */
    private float[] outputs(Interpreter interp, int i) throws DataException {
        List<Tensor> outs;
        try {
            outs = interp.run(function, inputs.get(i), RunOptions.defaults());
        } catch (InterpreterException e) {
            throw new DataException(samples.source(i) + ": the model failed on this sample: " + e.getMessage(), e);
        }
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (Tensor t : outs)
            if (!t.isNone() && t.dtype().isFloat()) {
                float[] f = t.toF32().floats();
                parts.add(f);
                n += f.length;
            }
        float[] all = new float[n];
        int at = 0;
        for (float[] f : parts) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }
}
