package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import dev.dal.ir.Operation;
import java.util.Arrays;
import java.util.List;

/**
 * The node of one op: reads its operands from their frame slots, computes, writes its results to their slots, calls
 * the run's probes, then clears the slots of values whose last use this op was (liveness), so intermediate tensors
 * become garbage as early as possible.
 */
abstract class OpNode extends Node {
    final Operation op;
    private final int[] operandSlots;
    private final int[] resultSlots;
    private final int[] freeAfter;

    @Child
    private ProbeNode probe = ProbeNodeGen.create();

    OpNode(Operation op, int[] operandSlots, int[] resultSlots, int[] freeAfter) {
        this.op = op;
        this.operandSlots = operandSlots;
        this.resultSlots = resultSlots;
        this.freeAfter = freeAfter;
    }

    /** Runs the op on the frame. */
    final void execute(VirtualFrame frame, RunState state) {
        RuntimeValue[] in = new RuntimeValue[operandSlots.length];
        for (int i = 0; i < in.length; i++) {
            Object v = frame.getObject(operandSlots[i]);
            if (!(v instanceof RuntimeValue t))
                throw InterpreterException.atOp(
                        op, "operand #" + i + " has no value (internal error: freed too early)");
            in[i] = t;
        }
        List<RuntimeValue> inputs = Arrays.asList(in);
        List<? extends RuntimeValue> out = compute(frame, state, inputs);
        if (out.size() != resultSlots.length)
            throw InterpreterException.atOp(
                    op, "produced " + out.size() + " values for " + resultSlots.length + " results");
        for (int i = 0; i < resultSlots.length; i++) {
            RuntimeValue t = out.get(i);
            if (t == null) throw InterpreterException.atOp(op, "produced no value for result #" + i);
            if (state.checkResultTypes()) TypeChecks.checkResult(op, i, t);
            frame.setObject(resultSlots[i], t);
        }
        probe.execute(state.probes(), op, inputs, out);
        for (int s : freeAfter) frame.setObject(s, null);
    }

    /** {@return the results of the op for its operand values} */
    abstract List<? extends RuntimeValue> compute(VirtualFrame frame, RunState state, List<RuntimeValue> inputs);
}
