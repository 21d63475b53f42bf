package dev.dal.lowering.quantize.calib;

import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Executable;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * A {@link LayerKernel} that runs an op's own interpreter kernel (a {@code graph.conv}, {@code graph.gemm}, fused
 * conv, ...) with the activation and weight operands replaced and its other operands (bias) as given, so EasyQuant
 * measures exactly what the interpreter computes.
 *
 * @param op        the op, which must be {@link Executable} and have no regions to run
 * @param input     the index of the activation operand
 * @param weights   the index of the weight operand
 * @param operands  the values of all operands (the activation and weight entries are replaced on each call)
 * @param pool      the threads the kernel may use
 */
public record OpLayerKernel(Operation op, int input, int weights, List<Tensor> operands, ForkJoinPool pool)
        implements LayerKernel {
    /** Checks the op can run and copies the operands. */
    public OpLayerKernel {
        if (!(op instanceof Executable))
            throw new IllegalArgumentException("'" + op.name() + "' has no interpreter kernel");
        operands = List.copyOf(operands);
        if (operands.size() != op.numOperands()
                || input == weights
                || input >= operands.size()
                || weights >= operands.size())
            throw new IllegalArgumentException("bad operands for '" + op.name() + "'");
    }

    /** {@return the kernel of {@code op} on the common pool} */
    public static OpLayerKernel of(Operation op, int input, int weights, List<Tensor> operands) {
        return new OpLayerKernel(op, input, weights, operands, ForkJoinPool.commonPool());
    }

    @Override
    public Tensor apply(Tensor x, Tensor w) {
        List<Tensor> args = new ArrayList<>(operands);
        args.set(input, x);
        args.set(weights, w);
        return ((Executable) op).execute(args, new Context()).getFirst();
    }

    /** The op alone: no regions, errors located at the op. */
    private final class Context implements ExecContext {
        @Override
        public Operation op() {
            return op;
        }

        @Override
        public ForkJoinPool pool() {
            return pool;
        }

        @Override
        public List<Tensor> runRegion(Region region, List<Tensor> args) {
            throw InterpreterException.atOp(op, "has regions, which a layer kernel does not run");
        }

        @Override
        public InterpreterException error(String message) {
            return InterpreterException.atOp(op, message);
        }
    }
}
