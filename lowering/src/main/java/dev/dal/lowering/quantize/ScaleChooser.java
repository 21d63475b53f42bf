package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.dialect.graph.GemmOp;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.calib.BiasCorrection;
import dev.dal.lowering.quantize.calib.CalibrationRun;
import dev.dal.lowering.quantize.calib.CalibrationStats;
import dev.dal.lowering.quantize.calib.Calibrator;
import dev.dal.lowering.quantize.calib.EasyQuant;
import dev.dal.lowering.quantize.calib.OpLayerKernel;
import dev.dal.lowering.quantize.calib.QuantMath;
import dev.dal.lowering.quantize.calib.TensorStats;
import dev.dal.lowering.quantize.calib.ValueKey;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.SampleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the scales of the {@code quantize} pass from calibration statistics: the clipping threshold of every float
 * activation (scale {@code T / 127}, or {@code T / 32767} for int16), the weight scales of each conv, gemm and matmul
 * (per output channel or per tensor, {@code max |w| / 127}), and at accuracy level 1 the EasyQuant refinement of each
 * such layer's input and weight scales. Values joined by ops that keep their input's type (pooling, data movement)
 * share the threshold of the value they start from.
 */
final class ScaleChooser {
    private final CalibrationRun run;
    /**
     * EasyQuant measures a layer on input samples until they hold this many values (at least one sample, at most
     * {@code easyquant-samples}): a 112x112x32 feature map is one sample, a 16x16 image many.
     */
    static final long EASYQUANT_ELEMENTS = 1 << 18;

    private final Map<Operation, LayerKind> plan;
    private final Map<Value, Double> thresholds = new IdentityHashMap<>();
    private final Map<Operation, double[]> weightScales = new IdentityHashMap<>();
    private final Set<Value> unsigned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Operation, float[]> biases = new IdentityHashMap<>();
    private boolean unsignedActivations;

    ScaleChooser(CalibrationRun run, Map<Operation, LayerKind> plan) {
        this.run = run;
        this.plan = plan;
    }

    /**
     * The scales one rewrite uses.
     *
     * @param thresholds the clipping threshold of each float value calibration observed
     * @param weights    the weight scales of each layer with constant weights
     * @param unsigned   the values stored as unsigned 8-bit ({@link ActivationSigns})
     * @param biases     the corrected float biases of layers ({@link BiasCorrection}); others use their own
     */
    record Scales(
            Map<Value, Double> thresholds,
            Map<Operation, double[]> weights,
            Set<Value> unsigned,
            Map<Operation, float[]> biases) {
        /** {@return the same scales for a copy of the function, through the copy's value mapping} */
        Scales translate(Map<Value, Value> mapping) {
            Map<Value, Double> t = new IdentityHashMap<>();
            thresholds.forEach((v, x) -> t.put(mapping.getOrDefault(v, v), x));
            Map<Operation, double[]> w = new IdentityHashMap<>();
            weights.forEach((op, x) -> w.put(ScaleChooser.translate(op, mapping), x));
            Set<Value> u = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Value v : unsigned) u.add(mapping.getOrDefault(v, v));
            Map<Operation, float[]> b = new IdentityHashMap<>();
            biases.forEach((op, x) -> b.put(ScaleChooser.translate(op, mapping), x));
            return new Scales(t, w, u, b);
        }
    }

    /** {@return an op's copy, found through its first result} */
    static Operation translate(Operation op, Map<Value, Value> mapping) {
        return ((OpResult) mapping.get(op.result(0))).owner();
    }

    /** {@return the chosen scales} */
    Scales scales() {
        return new Scales(thresholds, weightScales, unsigned, biases);
    }

    /**
     * Stores the values calibration never saw negative as unsigned 8-bit from the next {@link #calibrate} on
     * (accuracy level 1). @return this chooser
     */
    ScaleChooser unsignedActivations(boolean on) {
        unsignedActivations = on;
        return this;
    }

    /** {@return the clipping threshold of each float value calibration observed} */
    Map<Value, Double> thresholds() {
        return thresholds;
    }

    /** {@return the weight scales of each layer with constant weights} */
    Map<Operation, double[]> weightScales() {
        return weightScales;
    }

    /** Takes every observed value's threshold from {@code stats}, then the weights' scales from their values. */
    void calibrate(
            List<BlockArgument> args, List<Operation> ops, CalibrationStats stats, Calibrator c, boolean perChannel) {
        for (BlockArgument a : args)
            stats.get(ValueKey.input(run.inputs().get(a.index()).name())).ifPresent(s -> put(a, c, s));
        for (Operation op : ops)
            for (OpResult r : op.results())
                run.keyOf(op, r.index()).flatMap(stats::get).ifPresent(s -> put(r, c, s));
        for (Operation op : ops) {
            Optional<Weights> w = weights(op);
            w.ifPresent(x -> weightScales.put(
                    op,
                    perChannel
                            ? QuantMath.perChannelScales(x.tensor(), x.axis())
                            : new double[] {QuantMath.perTensorScale(x.tensor())}));
        }
        propagate(ops);
    }

    private void put(Value v, Calibrator c, TensorStats s) {
        if (s.count() > 0) thresholds.put(v, c.threshold(s));
        if (unsignedActivations && ActivationSigns.nonNegative(s)) unsigned.add(v);
    }

    /**
     * EasyQuant (accuracy level 1): refines each 8-bit layer's weight scales, and its input's threshold when the layer
     * is that value's only user, on the first {@code count} samples.
     */
    void refine(SampleSet samples, int count, Set<Operation> int16, List<Operation> ops) throws DataException {
        refine(samples, count, int16, ops, true);
    }

    /**
     * Level 1's per-layer refinement of each 8-bit layer with constant weights on the first {@code count} samples:
     * EasyQuant's search when {@code search} (weight scales, and the input's threshold when the layer is that value's
     * only user), then for convs the bias correction of the scales the layer ends with.
     */
    void refine(SampleSet samples, int count, Set<Operation> int16, List<Operation> ops, boolean search)
            throws DataException {
        List<Operation> layers = new ArrayList<>();
        for (Operation op : ops) if (weightScales.containsKey(op) && !int16.contains(op)) layers.add(op);
        if (layers.isEmpty()) return;
        Map<Operation, List<List<Tensor>>> captured = run.captureOperands(samples, layers, count);
        for (Operation op : layers) {
            List<List<Tensor>> seen = captured.get(op);
            Value x = op.operand(0);
            Double t = thresholds.get(root(x));
            if (seen == null || seen.isEmpty() || t == null) continue;
            boolean u = unsigned.contains(root(x));
            List<Tensor> operands = new ArrayList<>(seen.getFirst());
            // a residual differs per sample; the layer's own error is measured without it
            if (operands.size() > 3) operands.set(3, Tensor.none());
            List<Tensor> inputs = new ArrayList<>();
            long elements = 0;
            for (List<Tensor> s : seen) {
                if (elements >= EASYQUANT_ELEMENTS) break; // enough values to measure the layer on
                inputs.add(s.getFirst());
                elements += s.getFirst().size();
            }
            Weights w = weights(op).orElseThrow();
            int outAxis = plan.get(op) == LayerKind.CONV ? 1 : LayerKinds.rank(op.result(0)) - 1;
            EasyQuant.Layer layer =
                    new EasyQuant.Layer(inputs, w.tensor(), w.axis(), outAxis, OpLayerKernel.of(op, 0, 1, operands), u);
            double sIn = ActivationSigns.scale(t, u);
            if (search) {
                EasyQuant.Result r = EasyQuant.search(layer, sIn, weightScales.get(op), EasyQuant.Options.defaults());
                weightScales.put(op, r.weightScales());
                if (x.uses().size() == 1 && Constants.of(x).isEmpty()) {
                    sIn = r.inputScale();
                    thresholds.put(root(x), ActivationSigns.threshold(sIn, u));
                }
            }
            double inputScale = sIn;
            if (plan.get(op) == LayerKind.CONV)
                Constants.of(op.operand(2))
                        .ifPresent(b -> biases.put(op, corrected(op, layer, b, inputScale, weightScales.get(op))));
        }
        propagate(ops);
    }

    /**
     * {@return the conv's float bias less the mean output shift that quantizing its input and weights at these scales
     * causes, measured before the activation and without the residual}
     */
    private static float[] corrected(
            Operation op, EasyQuant.Layer layer, Tensor bias, double inputScale, double[] weightScales) {
        Operation linear = op.clone();
        try {
            if (linear instanceof FusedConvOp) linear.setAttribute("activation", StringAttr.of("none"));
            List<Tensor> operands = new ArrayList<>(((OpLayerKernel) layer.kernel()).operands());
            EasyQuant.Layer pre = new EasyQuant.Layer(
                    layer.inputs(),
                    layer.weights(),
                    layer.weightAxis(),
                    layer.outputAxis(),
                    OpLayerKernel.of(linear, 0, 1, operands),
                    layer.unsigned());
            return BiasCorrection.corrected(bias.toF32().floats(), BiasCorrection.shift(pre, inputScale, weightScales));
        } finally {
            linear.erase();
        }
    }

    /** The constant weights of a layer and their output-channel axis. */
    record Weights(Tensor tensor, int axis) {}

    private Optional<Weights> weights(Operation op) {
        LayerKind k = plan.get(op);
        if (k == null || !k.hasWeights() || LayerKinds.rank(op.operand(1)) != (k == LayerKind.CONV ? 4 : 2))
            return Optional.empty();
        int axis =
                k == LayerKind.CONV ? 0 : op instanceof GemmOp g && g.transB().longValue() != 0 ? 0 : 1;
        return Constants.of(op.operand(1)).map(t -> new Weights(t, axis));
    }

    /** Values an op passes through with its input's type take the threshold of that input. */
    private void propagate(List<Operation> ops) {
        for (Operation op : ops) {
            LayerKind k = plan.get(op);
            if (k != null && k.keepsInputType() && thresholds.containsKey(root(op.operand(0)))) {
                thresholds.put(op.result(0), thresholds.get(root(op.operand(0))));
                if (unsigned.contains(root(op.operand(0)))) unsigned.add(op.result(0));
                else unsigned.remove(op.result(0));
            }
        }
    }

    /** {@return the value a chain of type-keeping ops starts from} */
    private Value root(Value v) {
        while (v instanceof OpResult r
                && plan.getOrDefault(r.owner(), LayerKind.ADD).keepsInputType())
            v = r.owner().operand(0);
        return v;
    }
}
