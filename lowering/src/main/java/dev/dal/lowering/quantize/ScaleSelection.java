package dev.dal.lowering.quantize;

import dev.dal.ir.Block;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.eval.Metrics;
import dev.dal.lowering.quantize.calib.CalibrationRun;
import dev.dal.lowering.quantize.calib.CalibrationStats;
import dev.dal.lowering.quantize.calib.Calibrator;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.SampleSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy level 1's choice among candidate scale sets (the calibrator's or min-max thresholds, EasyQuant's refinement
 * of the better of them, and level 0's min-max): keep the one whose quantized function agrees best with the float
 * function, by the cosine of all outputs over the first calibration samples. Each candidate is rewritten on a copy of the module and run in the interpreter.
 * This makes level 1 never worse than level 0 on the calibration samples, which matters when few samples make the KL
 * histograms sparse and their thresholds clip too much.
 */
final class ScaleSelection {
    private ScaleSelection() {}

    /** A candidate's name (for the pass's report) and scales. */
    record Candidate(String name, ScaleChooser.Scales scales) {}

    /** The candidates, the chosen one and the cosine of each, in order. */
    record Choice(List<Candidate> candidates, Candidate best, double[] cosines) {}

    /**
     * {@return level 1's choice: of the calibrator's thresholds ({@code scales}) and min-max ones, both with unsigned
     * 8-bit activations where calibration saw no negative value, EasyQuant refines the one whose quantized function
     * is closer to the float one; then the best of the refined scales, their start and level 0's min-max scales, all
     * on the first {@code easyQuantSamples} samples}
     *
     * @throws DataException naming a sample that could not be read or run
     */
    static Choice levelOne(
            Operation module,
            FuncOp func,
            CalibrationRun run,
            SampleSet set,
            CalibrationStats stats,
            Calibrator cal,
            ScaleChooser scales,
            Map<Operation, LayerKind> plan,
            Set<Operation> wide,
            List<Operation> ops,
            boolean perChannel,
            int easyQuantSamples)
            throws DataException {
        Block body = func.body().entry();
        int count = Math.min(easyQuantSamples, set.size());
        ScaleChooser level0 = new ScaleChooser(run, plan);
        level0.calibrate(body.arguments(), ops, stats, Calibrator.minMax(), perChannel);
        ScaleChooser minMax = new ScaleChooser(run, plan).unsignedActivations(true);
        minMax.calibrate(body.arguments(), ops, stats, Calibrator.minMax(), perChannel);
        List<Candidate> starts = List.of(
                new Candidate(cal.name(), copy(scales.scales())), new Candidate("min-max", copy(minMax.scales())));
        Choice start = best(module, func, plan, wide, perChannel, starts, set, count);
        ScaleChooser refined = start.best() == starts.getFirst() ? scales : minMax;
        refined.refine(set, count, wide, ops);
        List<Candidate> candidates = List.of(
                new Candidate(start.best().name() + "+easyquant", refined.scales()),
                start.best(),
                new Candidate("level-0 min-max", level0.scales()));
        return best(module, func, plan, wide, perChannel, candidates, set, count);
    }

    private static ScaleChooser.Scales copy(ScaleChooser.Scales s) {
        Map<Value, Double> t = new IdentityHashMap<>(s.thresholds());
        Map<Operation, double[]> w = new IdentityHashMap<>();
        s.weights().forEach((op, x) -> w.put(op, x.clone()));
        Set<Value> u = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        u.addAll(s.unsigned());
        return new ScaleChooser.Scales(t, w, u);
    }

    /**
     * {@return the candidate whose quantized function's outputs have the highest cosine with the float outputs over
     * the first {@code count} samples (the first candidate on a tie)}
     *
     * @throws DataException naming a sample that could not be read or run
     */
    static Choice best(
            Operation module,
            FuncOp func,
            Map<Operation, LayerKind> plan,
            Set<Operation> wide,
            boolean perChannel,
            List<Candidate> candidates,
            SampleSet samples,
            int count)
            throws DataException {
        String fn = func.symName().value();
        List<Map<String, Tensor>> inputs = new ArrayList<>();
        for (int i = 0; i < Math.min(count, samples.size()); i++) inputs.add(samples.sample(i));
        float[] reference = outputs(module, fn, inputs, samples);
        double[] cosines = new double[candidates.size()];
        int best = 0;
        for (int c = 0; c < candidates.size(); c++) {
            Map<Value, Value> mapping = new IdentityHashMap<>();
            Operation copy = module.clone(mapping);
            FuncOp copyFunc = (FuncOp) copy.region(0).blocks().getFirst().opList().stream()
                    .filter(op -> op instanceof FuncOp f && f.symName().value().equals(fn))
                    .findFirst()
                    .orElse(copy instanceof FuncOp f ? f : null);
            Map<Operation, LayerKind> copyPlan = new java.util.LinkedHashMap<>();
            plan.forEach((op, k) -> copyPlan.put(ScaleChooser.translate(op, mapping), k));
            Set<Operation> copyWide = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Operation op : wide) copyWide.add(ScaleChooser.translate(op, mapping));
            FunctionRewrite.apply(
                    copyFunc.body().entry(),
                    copyPlan,
                    copyWide,
                    candidates.get(c).scales().translate(mapping),
                    perChannel);
            cosines[c] = Metrics.cosine(reference, outputs(copy, fn, inputs, samples));
            if (cosines[c] > cosines[best]) best = c;
        }
        return new Choice(candidates, candidates.get(best), cosines);
    }

    private static float[] outputs(Operation module, String fn, List<Map<String, Tensor>> inputs, SampleSet samples)
            throws DataException {
        Interpreter interp = Interpreter.load(module);
        List<float[]> all = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < inputs.size(); i++) {
            List<Tensor> outs;
            try {
                outs = interp.run(fn, inputs.get(i), RunOptions.defaults());
            } catch (InterpreterException e) {
                throw new DataException(samples.source(i) + ": the model failed on this sample: " + e.getMessage(), e);
            }
            for (Tensor t : outs)
                if (!t.isNone() && t.dtype().isFloat()) {
                    float[] f = t.toF32().floats();
                    all.add(f);
                    n += f.length;
                }
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] f : all) {
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }
}
