package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.dal.ir.Operation;
import java.util.List;

/** The node of {@code graph.none}: its result is the absent-operand marker {@link Tensor#none()}. */
final class NoneNode extends OpNode {
    NoneNode(Operation op, int[] resultSlots, int[] freeAfter) {
        super(op, new int[0], resultSlots, freeAfter);
    }

    @Override
    List<Tensor> compute(VirtualFrame frame, RunState state, List<RuntimeValue> inputs) {
        return List.of(Tensor.none());
    }
}
