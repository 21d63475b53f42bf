package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import java.util.Arrays;

/**
 * A block: binds its arguments to their slots, runs its op nodes in order, and returns the values of its
 * terminator's operands.
 */
final class BlockNode extends Node {
    private final int[] argSlots;

    @Children
    private final OpNode[] ops;

    private final int[] resultSlots;
    private final int[] freeArgs;

    BlockNode(int[] argSlots, OpNode[] ops, int[] resultSlots, int[] freeArgs) {
        this.argSlots = argSlots;
        this.ops = ops;
        this.resultSlots = resultSlots;
        this.freeArgs = freeArgs;
    }

    /** {@return the op nodes, in order} */
    OpNode[] ops() {
        return ops;
    }

    int argumentCount() {
        return argSlots.length;
    }

    @ExplodeLoop
    RuntimeValue[] execute(VirtualFrame frame, RunState state, RuntimeValue[] args) {
        if (args.length != argSlots.length)
            throw new IllegalArgumentException("block takes " + argSlots.length + " arguments, got " + args.length);
        for (int i = 0; i < args.length; i++) frame.setObject(argSlots[i], args[i]);
        for (int s : freeArgs) frame.setObject(s, null);
        for (OpNode n : ops) n.execute(frame, state);
        RuntimeValue[] out = new RuntimeValue[resultSlots.length];
        for (int i = 0; i < out.length; i++) out[i] = (RuntimeValue) frame.getObject(resultSlots[i]);
        return out;
    }

    @Override
    public String toString() {
        return "BlockNode" + Arrays.toString(argSlots);
    }
}
