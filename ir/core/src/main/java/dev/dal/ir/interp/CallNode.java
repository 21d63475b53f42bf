package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.dal.ir.Operation;
import java.util.List;

/** The node of {@code func.call}: calls the callee's call target with the operand tensors. */
final class CallNode extends OpNode {
    private final FunctionRoot callee;

    CallNode(Operation op, int[] operandSlots, int[] resultSlots, int[] freeAfter, FunctionRoot callee) {
        super(op, operandSlots, resultSlots, freeAfter);
        this.callee = callee;
    }

    @Override
    List<RuntimeValue> compute(VirtualFrame frame, RunState state, List<RuntimeValue> inputs) {
        callee.checkArguments(op, inputs);
        Object r = callee.getCallTarget().call(state.nested(), inputs.toArray(RuntimeValue[]::new));
        return List.of((RuntimeValue[]) r);
    }
}
