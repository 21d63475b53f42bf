package dev.dal.ir.interp;

import dev.dal.ir.Attribute;
import dev.dal.ir.NoneType;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.OperationFolder;
import dev.dal.ir.trait.Pure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Computes the results of an op whose operands are all constants by running the op's own kernel (its
 * {@link Executable#execute}), so constant folding and the interpreter share one implementation of each op's meaning.
 *
 * <p>An op qualifies when it is {@link Executable} and {@link Pure}, has no regions, every operand is the result of a
 * {@link dev.dal.ir.trait.ConstantLike} op (or a {@code none} value), and every result is a statically shaped tensor of
 * at most {@code maxElements} elements. A kernel that rejects its inputs makes the op not foldable (the interpreter
 * reports the error when the program runs), as does a kernel result that does not match the declared result type.
 */
public final class ConstantEvaluator {
    private ConstantEvaluator() {}

    /** Why an op was not evaluated, or that it was. */
    public enum Verdict {
        /** The op was evaluated. */
        FOLDED,
        /** The op is not a pure executable op without regions, or an operand is not constant. */
        NOT_CONSTANT,
        /** A result has more elements than allowed. */
        TOO_LARGE,
        /** A result is not a statically shaped tensor, or the kernel failed or produced something else. */
        FAILED
    }

    /**
     * The outcome of {@link #evaluate}: the verdict, and on {@link Verdict#FOLDED} one dense attribute per result.
     *
     * @param verdict what happened
     * @param values  the results' values (empty unless folded)
     */
    public record Outcome(Verdict verdict, List<Attribute> values) {}

    /** {@return whether every operand of {@code op} is a constant or {@code none}, and {@code op} may run early} */
    public static boolean hasConstantOperands(Operation op) {
        if (!(op instanceof Executable)
                || !(op instanceof Pure)
                || !op.regions().isEmpty()
                || op.numResults() == 0) return false;
        for (Value v : op.operands())
            if (!(v.type() instanceof NoneType)
                    && OperationFolder.constantValue(v).isEmpty()) return false;
        return true;
    }

    /** Evaluates {@code op} if it has constant operands and results of at most {@code maxElements} elements each. */
    public static Outcome evaluate(Operation op, long maxElements) {
        if (!hasConstantOperands(op)) return new Outcome(Verdict.NOT_CONSTANT, List.of());
        for (Type t : op.resultTypes())
            if (!(t instanceof TensorType s) || !s.hasStaticShape()) return new Outcome(Verdict.FAILED, List.of());
        for (Type t : op.resultTypes())
            if (((TensorType) t).numElements() > maxElements) return new Outcome(Verdict.TOO_LARGE, List.of());
        List<Tensor> in = new ArrayList<>();
        List<Tensor> out;
        try {
            for (Value v : op.operands())
                in.add(
                        v.type() instanceof NoneType
                                ? Tensor.none()
                                : Tensor.fromAttribute(
                                        OperationFolder.constantValue(v).orElseThrow()));
            out = ((Executable) op).execute(in, new Context(op));
        } catch (RuntimeException e) {
            return new Outcome(Verdict.FAILED, List.of());
        }
        if (out.size() != op.numResults()) return new Outcome(Verdict.FAILED, List.of());
        List<Attribute> values = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Optional<Attribute> a =
                    asAttribute(out.get(i), (ShapedType) op.result(i).type());
            if (a.isEmpty()) return new Outcome(Verdict.FAILED, List.of());
            values.add(a.get());
        }
        return new Outcome(Verdict.FOLDED, List.copyOf(values));
    }

    private static Optional<Attribute> asAttribute(Tensor t, ShapedType type) {
        if (t.isNone() || t.dtype() == DType.STRING) return Optional.empty();
        try {
            Attribute a = t.toAttribute();
            return a.type().filter(type::equals).map(x -> a);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The context of an op run outside a program: the common pool, no regions. */
    private record Context(Operation op) implements ExecContext {
        @Override
        public ForkJoinPool pool() {
            return ForkJoinPool.commonPool();
        }

        @Override
        public List<Tensor> runRegion(Region region, List<Tensor> args) {
            throw error("has no regions to run while folding");
        }

        @Override
        public InterpreterException error(String message) {
            return InterpreterException.atOp(op, message);
        }
    }
}
