package dev.dal.lowering.quantize;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.Severity;
import dev.dal.lowering.quantize.data.DataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code quantize} pass's {@code auto-mixed-precision}: keeps the fewest layers at higher precision (16-bit
 * activations, or float) that bring the quantized function's output cosine up to a target, by the greedy
 * {@link PrefixSearch} over the layers' measured sensitivities ({@link QuantizedTrials} on a few calibration samples,
 * with the scales calibration chose). A layer asked for 16 bits that has no faithful 16-bit form (a lookup table, a
 * matmul of two activations) stays float.
 */
final class MixedPrecision {
    /** The name of the module attribute that records the choice. */
    static final String ATTRIBUTE = "dal.mixed_precision";

    /**
     * What was chosen.
     *
     * @param int16    the layers given 16-bit activations, most sensitive first
     * @param floats   the layers kept float, most sensitive first
     * @param cosine   the output cosine reached with them
     * @param baseline the output cosine with every layer 8-bit
     * @param target   the target
     * @param reached  whether the target was met
     * @param trials   how many quantized copies were measured
     * @param samples  how many samples each measurement ran
     */
    record Choice(
            List<Operation> int16,
            List<Operation> floats,
            double cosine,
            double baseline,
            double target,
            boolean reached,
            int trials,
            int samples) {
        /** {@return how many layers are kept at higher precision} */
        int layers() {
            return int16.size() + floats.size();
        }
    }

    private final Map<Operation, LayerKind> plan;
    private final Set<Operation> wide;
    private final boolean asFloat;

    /**
     * @param plan    the ops to quantize and how (the user's float layers already left out)
     * @param wide    the user's 16-bit layers
     * @param asFloat whether kept layers stay float rather than take 16 bits
     */
    MixedPrecision(Map<Operation, LayerKind> plan, Set<Operation> wide, boolean asFloat) {
        this.plan = plan;
        this.wide = wide;
        this.asFloat = asFloat;
    }

    /**
     * {@return the layers to keep at higher precision for an output cosine of {@code target}}
     *
     * @throws DataException naming a sample a trial could not run
     */
    Choice choose(QuantizedTrials trials, ScaleChooser.Scales scales, double target) throws DataException {
        List<Operation> candidates = new ArrayList<>();
        for (Map.Entry<Operation, LayerKind> e : plan.entrySet())
            if (isLayer(e.getValue()) && !wide.contains(e.getKey())) candidates.add(e.getKey());
        PrefixSearch.Result<Operation> r;
        try {
            r = PrefixSearch.search(
                    candidates,
                    kept -> {
                        Map<Operation, LayerKind> p = new LinkedHashMap<>(plan);
                        Set<Operation> w = Collections.newSetFromMap(new IdentityHashMap<>());
                        w.addAll(wide);
                        apply(kept, p, w);
                        try {
                            return trials.cosine(p, w, scales);
                        } catch (DataException e) {
                            throw new TrialFailed(e);
                        }
                    },
                    target);
        } catch (TrialFailed e) {
            throw e.cause;
        }
        List<Operation> int16 = new ArrayList<>(), floats = new ArrayList<>();
        for (Operation op : r.kept()) (staysFloat(op) ? floats : int16).add(op);
        return new Choice(int16, floats, r.measure(), r.baseline(), target, r.reached(), r.trials(), trials.samples());
    }

    /** Carries a trial's {@link DataException} out of the search's measure. */
    private static final class TrialFailed extends RuntimeException {
        final DataException cause;

        TrialFailed(DataException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** Keeps {@code kept} at higher precision in {@code plan} and {@code wide}. */
    void apply(List<Operation> kept, Map<Operation, LayerKind> plan, Set<Operation> wide) {
        for (Operation op : kept)
            if (staysFloat(op)) plan.remove(op);
            else wide.add(op);
    }

    /** {@return whether a kept layer stays float: asked to, or it has no 16-bit form that computes it faithfully} */
    private boolean staysFloat(Operation op) {
        return asFloat || !FunctionRewrite.hasFaithfulInt16Form(op, plan.get(op));
    }

    /** {@return whether an op of this kind computes new values (data movement and max pooling only pass them on)} */
    private static boolean isLayer(LayerKind k) {
        return !k.keepsInputType();
    }

    /** {@return the choice as a module attribute: layer names by precision, the cosine reached and the target} */
    static Attribute attribute(Choice c) {
        return new DictionaryAttr(List.of(
                new NamedAttribute("cosine", FloatAttr.of(c.cosine(), FloatType.F64)),
                new NamedAttribute("float", names(c.floats())),
                new NamedAttribute("int16", names(c.int16())),
                new NamedAttribute("target", FloatAttr.of(c.target(), FloatType.F64))));
    }

    /** {@return a remark saying what was chosen, or a warning when the target could not be met} */
    static Diagnostic diagnostic(Location at, Choice c) {
        String layers = c.layers() + " layer" + (c.layers() == 1 ? "" : "s");
        String which = (c.int16().isEmpty() ? "" : "; int16: " + text(c.int16()))
                + (c.floats().isEmpty() ? "" : "; float: " + text(c.floats()));
        String measured = String.format(
                Locale.ROOT, " (all 8-bit: %.6f; %d trials on %d samples)", c.baseline(), c.trials(), c.samples());
        if (c.reached())
            return new Diagnostic(
                    Severity.REMARK,
                    at,
                    String.format(
                            Locale.ROOT,
                            "quantize: auto-mixed-precision keeps %s at higher precision for an output cosine of %.6f"
                                    + " >= %s%s%s",
                            layers,
                            c.cosine(),
                            c.target(),
                            measured,
                            which),
                    List.of());
        return Diagnostic.warning(
                at,
                String.format(
                        Locale.ROOT,
                        "quantize: auto-mixed-precision cannot reach an output cosine of %s: the best reached is %.6f,"
                                + " with %s at higher precision%s%s",
                        c.target(),
                        c.cosine(),
                        layers,
                        measured,
                        which));
    }

    private static ArrayAttr names(List<Operation> ops) {
        List<Attribute> out = new ArrayList<>();
        for (Operation op : ops) out.add(StringAttr.of(name(op)));
        return new ArrayAttr(out);
    }

    private static String text(List<Operation> ops) {
        List<String> out = new ArrayList<>();
        for (Operation op : ops) out.add(name(op));
        return String.join(", ", out);
    }

    /** {@return the layer's name as {@code int16-layers} and {@code float-layers} take it, else its op name} */
    static String name(Operation op) {
        return LayerNames.of(op).orElse(op.name());
    }
}
