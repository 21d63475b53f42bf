package dev.dal.ir.interp;

import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** The node of an op that implements {@link Executable}; its regions are child block nodes it runs on request. */
final class ExecOpNode extends OpNode {
    private final Executable executable;

    @Children
    private final BlockNode[] regions;

    ExecOpNode(Operation op, int[] operandSlots, int[] resultSlots, int[] freeAfter, BlockNode[] regions) {
        super(op, operandSlots, resultSlots, freeAfter);
        this.executable = (Executable) op;
        this.regions = regions;
    }

    @Override
    List<Tensor> compute(VirtualFrame frame, RunState state, List<Tensor> inputs) {
        Context ctx = new Context(frame.materialize(), state);
        try {
            return executable.execute(inputs, ctx);
        } catch (InterpreterException e) {
            throw e;
        } catch (RuntimeException e) {
            // a kernel's argument check (bad shapes, bad attribute values) becomes an error at the op
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InterpreterException(op.loc(), "'" + op.name() + "' op " + m, e);
        }
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
            return new ArrayList<>(List.of(body.execute(frame, state, args.toArray(Tensor[]::new))));
        }

        @Override
        public InterpreterException error(String message) {
            return InterpreterException.atOp(op, message);
        }
    }
}
