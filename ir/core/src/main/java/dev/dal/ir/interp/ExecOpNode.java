package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The node of an op that implements {@link Executable} (tensors only: any other operand value is an error naming it)
 * or {@link ValueExecutable} (any value); its regions are child block nodes it runs on request.
 */
final class ExecOpNode extends OpNode {
    private final Executable executable;
    private final ValueExecutable valueExecutable;

    @Children
    private final BlockNode[] regions;

    ExecOpNode(Operation op, int[] operandSlots, int[] resultSlots, int[] freeAfter, BlockNode[] regions) {
        super(op, operandSlots, resultSlots, freeAfter);
        this.valueExecutable = op instanceof ValueExecutable v ? v : null;
        this.executable = valueExecutable == null ? (Executable) op : null;
        this.regions = regions;
    }

    @Override
    List<? extends RuntimeValue> compute(VirtualFrame frame, RunState state, List<RuntimeValue> inputs) {
        Context ctx = new Context(frame.materialize(), state);
        try {
            if (valueExecutable != null) return valueExecutable.executeValues(inputs, ctx);
            return executable.execute(tensors(inputs), ctx);
        } catch (InterpreterException e) {
            throw e;
        } catch (RuntimeException e) {
            // a kernel's argument check (bad shapes, bad attribute values) becomes an error at the op
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InterpreterException(op.loc(), "'" + op.name() + "' op " + m, e);
        }
    }

    /** {@return the operands as tensors, for an op that runs on tensors only} */
    private List<Tensor> tensors(List<RuntimeValue> inputs) {
        List<Tensor> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            if (!(inputs.get(i) instanceof Tensor t))
                throw InterpreterException.atOp(
                        op, "operand #" + i + " is a " + inputs.get(i).describe() + ", but the op takes tensors");
            out.add(t);
        }
        return out;
    }

    private final class Context implements ExecContext {
        private final MaterializedFrame frame;
        private final RunState state;

        Context(MaterializedFrame frame, RunState state) {
            this.frame = frame;
            this.state = state;
        }

        @Override
        public Operation op() {
            return op;
        }

        @Override
        public ForkJoinPool pool() {
            return state.pool();
        }

        @Override
        public List<Tensor> runRegion(Region region, List<Tensor> args) {
            if (region.parentOp().orElse(null) != op) throw error("can only run its own regions");
            BlockNode body = regions[region.index()];
            if (body == null) throw error("region #" + region.index() + " is empty");
            RuntimeValue[] out = body.execute(frame, state, args.toArray(RuntimeValue[]::new));
            List<Tensor> tensors = new ArrayList<>(out.length);
            for (int i = 0; i < out.length; i++) {
                if (!(out[i] instanceof Tensor t))
                    throw error("region #" + region.index() + " yields a " + out[i].describe() + " as value #" + i
                            + ", where a tensor is expected");
                tensors.add(t);
            }
            return tensors;
        }

        @Override
        public InterpreterException error(String message) {
            return InterpreterException.atOp(op, message);
        }
    }
}
