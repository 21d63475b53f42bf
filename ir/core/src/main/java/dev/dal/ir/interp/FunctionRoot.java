package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import dev.dal.ir.Operation;
import dev.dal.ir.Type;
import java.util.List;

/**
 * The Truffle root of one {@code func.func}: a frame with a slot per SSA value, the body block as its child. Called
 * with {@code (RunState, RuntimeValue[])}; returns {@code RuntimeValue[]}.
 */
final class FunctionRoot extends RootNode {
    final Operation func;
    final String name;
    final List<Type> argTypes;

    @Child
    private BlockNode body;

    FunctionRoot(FrameDescriptor frame, Operation func, String name, List<Type> argTypes) {
        super(null, frame);
        this.func = func;
        this.name = name;
        this.argTypes = argTypes;
    }

    void setBody(BlockNode b) {
        this.body = insert(b);
    }

    void checkArguments(Operation caller, List<? extends RuntimeValue> args) {
        if (args.size() != argTypes.size())
            throw InterpreterException.atOp(
                    caller, "passes " + args.size() + " arguments to @" + name + ", which takes " + argTypes.size());
        for (int i = 0; i < args.size(); i++) {
            int k = i;
            TypeChecks.mismatch(argTypes.get(i), args.get(i)).ifPresent(m -> {
                throw InterpreterException.atOp(caller, "argument #" + k + " of @" + name + ": " + m);
            });
        }
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] a = frame.getArguments();
        return body.execute(frame, (RunState) a[0], (RuntimeValue[]) a[1]);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "@" + name;
    }
}
