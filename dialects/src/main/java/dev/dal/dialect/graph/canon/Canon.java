package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.FlattenOp;
import dev.dal.dialect.graph.ReshapeOp;
import dev.dal.dialect.graph.SqueezeOp;
import dev.dal.dialect.graph.UnsqueezeOp;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.OperationFolder;
import dev.dal.ir.rewrite.Rewriter;
import java.util.List;
import java.util.Optional;

/** What the patterns ask of values: their constant contents, static shapes, producers. */
final class Canon {
    private Canon() {}

    /** {@return the tensor {@code v} holds when a constant op produces it} */
    static Optional<Tensor> constant(Value v) {
        try {
            return OperationFolder.constantValue(v).map(Tensor::fromAttribute);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@return the integers of a constant integer tensor {@code v}} */
    static Optional<long[]> constantInts(Value v) {
        Optional<Tensor> t = constant(v);
        if (t.isEmpty() || !t.get().dtype().isInteger()) return Optional.empty();
        return Optional.of(t.get().toLongs());
    }

    /** {@return whether {@code v} is an absent optional operand} */
    static boolean isNone(Value v) {
        return v.type() instanceof NoneType;
    }

    /** {@return the op producing {@code v} if it is a {@code type}} */
    static <T> Optional<T> producer(Value v, Class<T> type) {
        return v instanceof OpResult r && type.isInstance(r.owner())
                ? Optional.of(type.cast(r.owner()))
                : Optional.empty();
    }

    /** {@return the rank of a ranked tensor type, or -1} */
    static int rank(Type t) {
        return t instanceof ShapedType s && s.hasRank() ? s.rank() : -1;
    }

    /** {@return whether {@code t} is a tensor type with a static shape} */
    static boolean isStatic(Type t) {
        return t instanceof TensorType s && s.hasStaticShape();
    }

    /** {@return whether {@code op} only changes the shape, keeping the elements in row-major order} */
    static boolean isReshapeLike(Operation op) {
        return op instanceof ReshapeOp
                || op instanceof FlattenOp
                || op instanceof SqueezeOp
                || op instanceof UnsqueezeOp;
    }

    /** {@return the op that made {@code v} if it only changes the shape ({@link #isReshapeLike}), or empty} */
    static Optional<Operation> reshapeLikeProducer(Value v) {
        return v instanceof OpResult r && isReshapeLike(r.owner()) ? Optional.of(r.owner()) : Optional.empty();
    }

    /** {@return a new {@code graph.constant} holding the 1-D i64 tensor {@code values}} */
    static Value i64Constant(Rewriter rw, Location loc, long[] values) {
        TensorType t = TensorType.of(IntegerType.I64, values.length);
        return ConstantOp.create(rw, loc, t, Tensor.of(values, values.length).toAttribute())
                .output();
    }

    /** {@return the location of an op that replaces {@code ops}: their locations fused} */
    static Location fused(Operation... ops) {
        return Location.fuse(java.util.Arrays.stream(ops).map(Operation::loc).toList());
    }

    /** {@return the static dimensions of {@code t}} */
    static long[] dims(Type t) {
        List<Long> s = ((ShapedType) t).shape();
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.get(i);
        return out;
    }

    /** {@return the axes normalized to {@code [0, rank)}, sorted; empty if one is out of range} */
    static Optional<long[]> normalizedAxes(long[] axes, int rank) {
        long[] out = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            long a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank) return Optional.empty();
            out[i] = a;
        }
        java.util.Arrays.sort(out);
        return Optional.of(out);
    }
}
