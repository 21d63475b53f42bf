package dev.dal.lowering.quantize;

import dev.dal.ir.Block;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.lowering.quantize.calib.CalibrationRun;
import dev.dal.lowering.quantize.calib.CalibrationStats;
import dev.dal.lowering.quantize.calib.Calibrator;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.SampleSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy level 1's choice among candidate scale sets (the calibrator's or min-max thresholds, EasyQuant's refinement
 * and bias correction of the better of them, and level 0's min-max): keep the one whose quantized function agrees best with the float
 * function, by the mean output cosine over the first calibration samples ({@link QuantizedTrials}: each candidate is
 * rewritten on a copy of the module and run in the interpreter).
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
        Evaluation eval = new Evaluation(new QuantizedTrials(module, func, perChannel, set, count), plan, wide);
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
     * Compares candidates by {@link QuantizedTrials}' mean output cosine on the first calibration samples, measuring
     * each candidate once.
     */
    private static final class Evaluation {
        private final QuantizedTrials trials;
        private final Map<Operation, LayerKind> plan;
        private final Set<Operation> wide;
        private final Map<Candidate, Double> cosines = new IdentityHashMap<>();

        Evaluation(QuantizedTrials trials, Map<Operation, LayerKind> plan, Set<Operation> wide) {
            this.trials = trials;
            this.plan = plan;
            this.wide = wide;
        }

        /**
         * {@return the mean cosine of the candidate's quantized outputs with the float outputs}
         *
         * @throws DataException naming a sample that could not be read or run
         */
        double cosine(Candidate c) throws DataException {
            Double known = cosines.get(c);
            if (known != null) return known;
            double cosine = trials.cosine(plan, wide, c.scales());
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
}
