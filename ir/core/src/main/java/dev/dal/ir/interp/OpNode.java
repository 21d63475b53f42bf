package dev.dal.ir.interp;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import dev.dal.ir.Operation;
import java.util.Arrays;
import java.util.List;

/**
 * The node of one op: reads its operands from their frame slots, computes, writes its results to their slots, calls
 * the run's probes, then clears the slots of values whose last use this op was (liveness), so intermediate tensors
 * become garbage as early as possible; in a function's body block it gives their arrays back to the run's
 * {@link BufferPool} when no other live value holds them.
 */
abstract class OpNode extends Node {
    final Operation op;
    private final int[] operandSlots;
    private final int[] resultSlots;
    private final int[] freeAfter;

    /** The slots to search for other holders of a dead tensor's array before the pool takes it; null: never take. */
    @CompilationFinal(dimensions = 1)
    private int[] holderSlots;

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
        BufferPool buffers = holderSlots == null ? null : state.buffers();
        for (int s : freeAfter) {
            Object dead = frame.getObject(s);
            frame.setObject(s, null);
            if (buffers != null && dead instanceof Tensor t && buffers.isLent(t.storage()))
                release(frame, buffers, (float[]) t.storage());
        }
    }

    /**
     * Lets this node give dead tensors' arrays back to the run's pool (only a function body's ops do: a region's
     * values may live on in its op's own state, a loop's carried values for instance).
     *
     * @param slots the frame slots that may hold values made during a run (every slot but constants')
     */
    final void recycleArrays(int[] slots) {
        this.holderSlots = slots;
    }

    /** Gives {@code a} back to the pool unless a live value (a view, a sequence element) still holds it. */
    private void release(VirtualFrame frame, BufferPool buffers, float[] a) {
        for (int s : holderSlots) if (holds(frame.getObject(s), a)) return;
        buffers.release(a);
    }

    private static boolean holds(Object v, float[] a) {
        return switch (v) {
            case Tensor t -> t.storage() == a;
            case TensorSequence q -> q.tensors().stream().anyMatch(t -> t.storage() == a);
            case OptionalValue o -> o.value().isPresent() && holds(o.value().get(), a);
            case null, default -> false;
        };
    }

    /** {@return the results of the op for its operand values} */
    abstract List<? extends RuntimeValue> compute(VirtualFrame frame, RunState state, List<RuntimeValue> inputs);
}
