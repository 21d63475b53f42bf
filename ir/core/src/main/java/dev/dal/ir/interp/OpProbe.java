package dev.dal.ir.interp;

import dev.dal.ir.Operation;
import java.util.List;

/**
 * Observes every op a run executes (constants and calls included, terminators and {@code graph.none} not), after it
 * ran and before any of its inputs are freed. The calibrator and per-layer accuracy tools attach one through
 * {@link RunOptions#withProbe(OpProbe)}; the interpreter's nodes do not change. Probes run on the interpreter's
 * thread; they must not change the tensors.
 */
@FunctionalInterface
public interface OpProbe {
    /**
     * Called once per execution of {@code op}.
     *
     * @param op      the op
     * @param inputs  its operand values
     * @param outputs its result values
     */
    void after(Operation op, List<Tensor> inputs, List<Tensor> outputs);
}
