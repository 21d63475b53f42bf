package dev.dal.ir.interp;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.dal.ir.Operation;
import java.util.List;

/**
 * Calls the run's probes after an op. Specialized by the Truffle DSL: while runs have no probes the node does
 * nothing (and copies no lists); once a run brings probes it calls them in order.
 */
@GenerateInline(false)
abstract class ProbeNode extends Node {
    abstract void execute(List<OpProbe> probes, Operation op, List<Tensor> inputs, List<Tensor> outputs);

    @Specialization(guards = "probes.isEmpty()")
    void noProbes(List<OpProbe> probes, Operation op, List<Tensor> inputs, List<Tensor> outputs) {
        // nothing to observe
    }

    @Specialization(replaces = "noProbes")
    @TruffleBoundary
    void callProbes(List<OpProbe> probes, Operation op, List<Tensor> inputs, List<Tensor> outputs) {
        if (probes.isEmpty()) return;
        List<Tensor> ins = List.copyOf(inputs);
        List<Tensor> outs = List.copyOf(outputs);
        for (OpProbe p : probes) p.after(op, ins, outs);
    }
}
