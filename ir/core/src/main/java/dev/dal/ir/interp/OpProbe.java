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

    /**
     * {@return whether the probe may keep the tensors it sees after {@link #after} returns} If any probe of a run may,
     * the run reuses no arrays of dead tensors (it would overwrite what the probe kept); a probe that only reads them
     * during the call ({@link #readingOnly}) leaves the run as fast as an unprobed one.
     */
    default boolean keepsTensors() {
        return true;
    }

    /** {@return {@code probe}, declared to read the tensors only during {@link #after}} */
    static OpProbe readingOnly(OpProbe probe) {
        return new OpProbe() {
            @Override
            public void after(Operation op, List<Tensor> inputs, List<Tensor> outputs) {
                probe.after(op, inputs, outputs);
            }

            @Override
            public boolean keepsTensors() {
                return false;
            }
        };
    }
}
