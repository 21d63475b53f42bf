package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.VirtualFrame;
import dev.dal.ir.Operation;
import java.util.List;

/**
 * The node of a constant ({@code graph.constant}, {@code dal.constant}): its tensor is made once, on the first run,
 * and shared by every later run (views of mapped blobs are not copied).
 */
final class ConstantNode extends OpNode {
    private volatile Tensor value; // runs may share the node from several threads

    ConstantNode(Operation op, int[] resultSlots, int[] freeAfter) {
        super(op, new int[0], resultSlots, freeAfter);
    }

    @Override
    List<Tensor> compute(VirtualFrame frame, RunState state, List<RuntimeValue> inputs) {
        Tensor v = value;
        if (v == null) {
            var attr =
                    op.attribute("value").orElseThrow(() -> InterpreterException.atOp(op, "has no 'value' attribute"));
            try {
                v = Tensor.fromAttribute(attr);
            } catch (IllegalArgumentException e) {
                throw InterpreterException.atOp(op, e.getMessage());
            }
            value = v;
        }
        return List.of(v);
    }
}
