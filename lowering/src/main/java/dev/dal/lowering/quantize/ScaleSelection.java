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
 * and bias correction of the better of them, and level 0's min-max): keep the one whose quantized function agrees best with the float
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
     * 8-bit activations where calibration saw no negative value, the one whose quantized function is closer to the
     * float one is the start; then the best of the start refined by EasyQuant and bias correction, the start with bias
     * correction only, the start itself and level 0's min-max scales, all on the first {@code easyQuantSamples}
     * samples}
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
        Evaluation eval = new Evaluation(module, func, plan, wide, perChannel, set, count);
        ScaleChooser level0 = new ScaleChooser(run, plan);
        level0.calibrate(body.arguments(), ops, stats, Calibrator.minMax(), perChannel);
        ScaleChooser minMax = new ScaleChooser(run, plan).unsignedActivations(true);
        minMax.calibrate(body.arguments(), ops, stats, Calibrator.minMax(), perChannel);
        Candidate fromCal = new Candidate(cal.name(), copy(scales.scales()));
        Candidate fromMinMax = new Candidate("min-max", copy(minMax.scales()));
        boolean kl = eval.cosine(fromCal) >= eval.cosine(fromMinMax);
        Candidate start = kl ? fromCal : fromMinMax;
        ScaleChooser refined = kl ? scales : minMax;
        ScaleChooser corrected = new ScaleChooser(run, plan).unsignedActivations(true);
        corrected.calibrate(body.arguments(), ops, stats, kl ? cal : Calibrator.minMax(), perChannel);
        refined.refine(set, count, wide, ops, true);
        corrected.refine(set, count, wide, ops, false);
        return eval.best(List.of(
                new Candidate(start.name() + "+easyquant+bias-correction", refined.scales()),
                new Candidate(start.name() + "+bias-correction", corrected.scales()),
                start,
                new Candidate("level-0 min-max", level0.scales())));
    }

    private static ScaleChooser.Scales copy(ScaleChooser.Scales s) {
        Map<Value, Double> t = new IdentityHashMap<>(s.thresholds());
        Map<Operation, double[]> w = new IdentityHashMap<>();
        s.weights().forEach((op, x) -> w.put(op, x.clone()));
        Set<Value> u = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        u.addAll(s.unsigned());
        return new ScaleChooser.Scales(t, w, u, new IdentityHashMap<>(s.biases()));
    }

    /**
     * Runs candidates on the first {@code count} samples and compares their outputs with the float function's
     * (computed once); each candidate is rewritten on a copy of the module and evaluated once.
     */
    private static final class Evaluation {
        private final Operation module;
        private final String fn;
        private final Map<Operation, LayerKind> plan;
        private final Set<Operation> wide;
        private final boolean perChannel;
        private final SampleSet samples;
        private final List<Map<String, Tensor>> inputs = new ArrayList<>();
        private final Map<Candidate, Double> cosines = new IdentityHashMap<>();
        private float[] reference;

        Evaluation(
                Operation module,
                FuncOp func,
                Map<Operation, LayerKind> plan,
                Set<Operation> wide,
                boolean perChannel,
                SampleSet samples,
                int count)
                throws DataException {
            this.module = module;
            this.fn = func.symName().value();
            this.plan = plan;
            this.wide = wide;
            this.perChannel = perChannel;
            this.samples = samples;
            for (int i = 0; i < Math.min(count, samples.size()); i++) inputs.add(samples.sample(i));
        }

        /**
         * {@return the cosine of the candidate's quantized outputs with the float outputs}
         *
         * @throws DataException naming a sample that could not be read or run
         */
        double cosine(Candidate c) throws DataException {
            Double known = cosines.get(c);
            if (known != null) return known;
            if (reference == null) reference = outputs(module, fn, inputs, samples);
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
                    copyFunc.body().entry(), copyPlan, copyWide, c.scales().translate(mapping), perChannel);
            double cosine = Metrics.cosine(reference, outputs(copy, fn, inputs, samples));
            cosines.put(c, cosine);
            return cosine;
        }

        /**
         * {@return the candidate with the highest cosine (the first on a tie)}
         *
         * @throws DataException naming a sample that could not be read or run
         */
        Choice best(List<Candidate> candidates) throws DataException {
            double[] c = new double[candidates.size()];
            int best = 0;
            for (int i = 0; i < c.length; i++) {
                c[i] = cosine(candidates.get(i));
                if (c[i] > c[best]) best = i;
            }
            return new Choice(candidates, candidates.get(best), c);
        }
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
