package dev.dal.ir.interp;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.dal.ir.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Calls the run's probes after an op. Specialized by the Truffle DSL: while runs have no probes the node does
 * nothing (and copies no lists); once a run brings probes it calls them in order.
 */
@GenerateInline(false)
abstract class ProbeNode extends Node {
    abstract void execute(
            List<OpProbe> probes, Operation op, List<RuntimeValue> inputs, List<? extends RuntimeValue> outputs);

    @Specialization(guards = "probes.isEmpty()")
    void noProbes(List<OpProbe> probes, Operation op, List<RuntimeValue> inputs, List<? extends RuntimeValue> outputs) {
        // nothing to observe
    }

    @Specialization(replaces = "noProbes")
    @TruffleBoundary
    void callProbes(
            List<OpProbe> probes, Operation op, List<RuntimeValue> inputs, List<? extends RuntimeValue> outputs) {
        if (probes.isEmpty()) return;
        List<Tensor> ins = tensors(inputs);
        List<Tensor> outs = tensors(outputs);
        for (OpProbe p : probes) p.after(op, ins, outs);
    }

    /**
     * Probes observe tensors: sequences and optionals reach them as {@link Tensor#none()}. A list of tensors only
     * (almost every op's) is passed as it is, read-only, so probing costs no copy per op.
     */
    @SuppressWarnings("unchecked")
    private static List<Tensor> tensors(List<? extends RuntimeValue> values) {
        boolean allTensors = true;
        for (RuntimeValue v : values) allTensors &= v instanceof Tensor;
        if (allTensors) return Collections.unmodifiableList((List<Tensor>) values);
        List<Tensor> out = new ArrayList<>(values.size());
        for (RuntimeValue v : values) out.add(v instanceof Tensor t ? t : Tensor.none());
        return out;
    }
}
