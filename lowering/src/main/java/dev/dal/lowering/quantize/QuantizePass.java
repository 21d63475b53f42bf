package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.ir.Block;
import dev.dal.ir.Operation;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.pass.Option;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import dev.dal.ir.pass.Statistic;
import dev.dal.lowering.quantize.calib.CalibrationRun;
import dev.dal.lowering.quantize.calib.CalibrationStats;
import dev.dal.lowering.quantize.calib.Calibrator;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.lowering.quantize.data.SampleReaders;
import dev.dal.lowering.quantize.data.SampleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code quantize}: post-training int8 quantization of a model's function (DESIGN §7). Runs the calibration samples
 * through the interpreter's probes, chooses scales (level 0: min-max; level 1: KL then EasyQuant on each conv, gemm
 * and matmul), and rewrites the graph ops that have an integer form to {@code qnn} ops with fixed-point
 * requantization, weights to integer constants with {@code quant.scast}, non-linear functions to {@code qnn.lut}.
 * Inputs get {@code quant.qcast} and outputs {@code quant.dcast}, so the function's signature stays float; ops with
 * no integer form stay float between a {@code quant.dcast} and a {@code quant.qcast}. See docs/quantize-pass.md.
 */
public final class QuantizePass extends Pass {
    /** How activation thresholds are chosen. */
    public enum CalibratorKind {
        /** By accuracy level: min-max at 0, KL at 1. */
        DEFAULT,
        /** The largest magnitude seen. */
        MIN_MAX,
        /** TensorRT entropy calibration over the 2048-bin histogram. */
        KL,
        /** The magnitude below which {@code percentile} % of the values lie. */
        PERCENTILE
    }

    @Option(name = "calibration-data", help = "Calibration samples: a folder or file any sample reader takes")
    String calibrationData = "";

    @Option(name = "samples", help = "Most calibration samples read")
    int samples = 100;

    @Option(name = "accuracy-level", help = "0: min-max scales; 1: KL scales refined by EasyQuant")
    int accuracyLevel = 0;

    @Option(name = "calibrator", help = "Activation calibrator (default: by accuracy level)")
    CalibratorKind calibrator = CalibratorKind.DEFAULT;

    @Option(name = "percentile", help = "Percentile of the percentile calibrator")
    double percentile = 99.99;

    @Option(name = "per-channel", help = "Weight scales per output channel (false: per tensor)")
    boolean perChannel = true;

    @Option(name = "float-layers", help = "Layers (location names, or one '+' component) kept float")
    List<String> floatLayers = new ArrayList<>();

    @Option(name = "int16-layers", help = "Layers quantized with 16-bit activations")
    List<String> int16Layers = new ArrayList<>();

    /** What {@code auto-mixed-precision} keeps its chosen layers at. */
    public enum MixedPrecisionType {
        /** 16-bit activations where the layer has a 16-bit form (not lookup tables), else float. */
        INT16,
        /** Float. */
        FLOAT
    }

    @Option(
            name = "auto-mixed-precision",
            help = "Target output cosine (0 < c <= 1): keep the fewest layers, by measured sensitivity, at higher"
                    + " precision that reach it (0: off)")
    double autoMixedPrecision = 0;

    @Option(name = "mixed-precision-type", help = "What auto-mixed-precision keeps its layers at")
    MixedPrecisionType mixedPrecisionType = MixedPrecisionType.INT16;

    @Option(name = "mixed-precision-samples", help = "Calibration samples auto-mixed-precision measures on")
    int mixedPrecisionSamples = 8;

    @Option(name = "easyquant-samples", help = "Samples EasyQuant measures each layer on (accuracy level 1)")
    int easyQuantSamples = 16;

    private final Statistic quantized = statistic("ops-quantized", "Number of ops rewritten to quantized form");
    private final Statistic keptFloat = statistic("ops-float", "Number of compute ops kept float");
    private final Statistic int16 = statistic("ops-int16", "Number of ops quantized with 16-bit activations");
    private final Statistic luts = statistic("luts", "Number of lookup tables built");
    private final Statistic klKept = statistic(
            "level1-calibrator-kept", "1 when level 1 kept the calibrator's scales over the min-max candidates");
    private final Statistic mixedLayers =
            statistic("mixed-precision-layers", "Layers auto-mixed-precision keeps at higher precision");
    private final Statistic mixedCosine =
            statistic("mixed-precision-cosine-ppm", "Output cosine auto-mixed-precision reached, in millionths");

    @Override
    public String argument() {
        return "quantize";
    }

    @Override
    public String description() {
        return "Post-training int8 quantization from calibration data: graph ops to qnn ops, weights to int8";
    }

    @Override
    public void runOnOperation(Operation module, PassContext ctx) {
        try {
            run(module, ctx);
        } catch (QuantizeException e) {
            ctx.diagnostics().report(Diagnostic.error(e.at.loc(), "quantize: " + e.getMessage()));
            ctx.signalPassFailure();
        }
    }

    /** A user error, reported at an op. */
    private static final class QuantizeException extends Exception {
        final Operation at;

        QuantizeException(Operation at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private void run(Operation module, PassContext ctx) throws QuantizeException {
        if (accuracyLevel < 0 || accuracyLevel > 1)
            throw new QuantizeException(module, "option 'accuracy-level' must be 0 or 1, got " + accuracyLevel);
        if (samples < 1) throw new QuantizeException(module, "option 'samples' must be at least 1, got " + samples);
        if (!(autoMixedPrecision >= 0 && autoMixedPrecision <= 1))
            throw new QuantizeException(
                    module,
                    "option 'auto-mixed-precision' must be a target cosine in (0, 1] (0: off), got "
                            + autoMixedPrecision);
        if (mixedPrecisionSamples < 1)
            throw new QuantizeException(
                    module, "option 'mixed-precision-samples' must be at least 1, got " + mixedPrecisionSamples);
        if (easyQuantSamples < 1)
            throw new QuantizeException(
                    module, "option 'easyquant-samples' must be at least 1, got " + easyQuantSamples);
        FuncOp func = function(module);
        Block body = func.body().entry();
        List<Operation> ops = List.copyOf(body.opList());
        checkNames(func, ops, floatLayers, "float-layers");
        checkNames(func, ops, int16Layers, "int16-layers");
        if (calibrationData.isEmpty())
            throw new QuantizeException(
                    module, "option 'calibration-data' is required (a folder or file of calibration samples)");
        for (Operation op : ops) if (op instanceof FusedConvOp c && !named(op, floatLayers)) ActivationSplit.apply(c);
        ops = List.copyOf(body.opList());
        Map<Operation, LayerKind> plan = new LinkedHashMap<>();
        Set<Operation> wide = new HashSet<>();
        for (Operation op : ops) {
            if (named(op, floatLayers)) continue;
            LayerKinds.of(op).ifPresent(k -> plan.put(op, k));
            if (named(op, int16Layers)) wide.add(op);
        }
        if (plan.values().stream().allMatch(k -> k == LayerKind.MOVE))
            throw new QuantizeException(
                    func, "nothing to calibrate: @" + func.symName().value() + " has no op that can be quantized");
        ScaleChooser.Scales chosen;
        try {
            CalibrationRun run = CalibrationRun.of(module, func.symName().value());
            SampleSet set = SampleReaders.open(
                    Path.of(calibrationData),
                    run.inputs(),
                    ReadOptions.defaults().withLimit(samples));
            if (set.size() == 0)
                throw new QuantizeException(func, "no calibration samples in '" + calibrationData + "'");
            Calibrator cal = calibrator();
            CalibrationStats stats = run.collect(set, accuracyLevel == 1 ? Calibrator.kl() : cal);
            ScaleChooser scales = new ScaleChooser(run, plan).unsignedActivations(accuracyLevel == 1);
            scales.calibrate(body.arguments(), ops, stats, cal, perChannel);
            if (accuracyLevel == 0) chosen = scales.scales();
            else {
                ScaleSelection.Choice c = ScaleSelection.levelOne(
                        module, func, run, set, stats, cal, scales, plan, wide, ops, perChannel, easyQuantSamples);
                klKept.add(c.best().name().startsWith(cal.name()) ? 1 : 0);
                chosen = c.best().scales();
            }
            if (autoMixedPrecision > 0) mixedPrecision(module, func, set, chosen, plan, wide, ctx);
        } catch (DataException e) {
            throw new QuantizeException(func, "calibration data: " + e.getMessage());
        }
        record(FunctionRewrite.apply(body, plan, wide, chosen, perChannel));
    }

    /** Keeps the layers {@link MixedPrecision} chooses at higher precision, and reports and records them. */
    private void mixedPrecision(
            Operation module,
            FuncOp func,
            SampleSet set,
            ScaleChooser.Scales scales,
            Map<Operation, LayerKind> plan,
            Set<Operation> wide,
            PassContext ctx)
            throws DataException {
        MixedPrecision mp = new MixedPrecision(plan, wide, mixedPrecisionType == MixedPrecisionType.FLOAT);
        QuantizedTrials trials = new QuantizedTrials(module, func, perChannel, set, mixedPrecisionSamples);
        MixedPrecision.Choice c = mp.choose(trials, scales, autoMixedPrecision);
        List<Operation> kept = new ArrayList<>(c.int16());
        kept.addAll(c.floats());
        mp.apply(kept, plan, wide);
        mixedLayers.add(c.layers());
        mixedCosine.add(Math.round(c.cosine() * 1e6));
        module.setAttribute(MixedPrecision.ATTRIBUTE, MixedPrecision.attribute(c));
        ctx.diagnostics().report(MixedPrecision.diagnostic(func.loc(), c));
    }

    private Calibrator calibrator() {
        return switch (calibrator) {
            case DEFAULT -> accuracyLevel == 0 ? Calibrator.minMax() : Calibrator.kl();
            case MIN_MAX -> Calibrator.minMax();
            case KL -> Calibrator.kl();
            case PERCENTILE -> Calibrator.percentile(percentile);
        };
    }

    private void record(FunctionRewrite.Counts c) {
        quantized.add(c.quantized());
        int16.add(c.int16());
        luts.add(c.luts());
        keptFloat.add(c.keptFloat());
    }

    private static boolean named(Operation op, List<String> names) {
        for (String n : names) if (LayerNames.matches(op, n)) return true;
        return false;
    }

    private static void checkNames(FuncOp func, List<Operation> ops, List<String> names, String option)
            throws QuantizeException {
        List<String> unknown = new ArrayList<>();
        for (String n : names) if (ops.stream().noneMatch(op -> LayerNames.matches(op, n))) unknown.add(n);
        if (!unknown.isEmpty())
            throw new QuantizeException(
                    func,
                    "unknown layer name" + (unknown.size() > 1 ? "s" : "") + " in '" + option + "': "
                            + String.join(", ", unknown));
    }

    /** {@return the function to quantize: {@code @main}, or the module's only function} */
    private static FuncOp function(Operation module) throws QuantizeException {
        List<FuncOp> funcs = new ArrayList<>();
        if (module instanceof FuncOp f) funcs.add(f);
        else
            for (Operation op : module.region(0).blocks().getFirst().opList()) if (op instanceof FuncOp f) funcs.add(f);
        for (FuncOp f : funcs) if (f.symName().value().equals("main")) return f;
        if (funcs.size() == 1) return funcs.getFirst();
        throw new QuantizeException(
                module,
                funcs.isEmpty()
                        ? "no function to quantize"
                        : "several functions and none named @main: quantize needs one model function");
    }
}
