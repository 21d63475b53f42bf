package dev.dal.lowering.optimize.fuse;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.ir.Block;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.TensorType;
import dev.dal.ir.Value;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the fusion patterns share: reading constants, walking single uses, making constants and locations. */
final class FuseSupport {
    private FuseSupport() {}

    /** {@return the op of class {@code c} that defines {@code v} as its first result, if that is what defines it} */
    static <T extends Operation> Optional<T> def(Value v, Class<T> c) {
        return v instanceof OpResult r && r.index() == 0 && c.isInstance(r.owner())
                ? Optional.of(c.cast(r.owner()))
                : Optional.empty();
    }

    /** {@return the value of a {@code graph.constant}, of any element type} */
    static Optional<Tensor> anyConstant(Value v) {
        Optional<ConstantOp> c = def(v, ConstantOp.class);
        if (c.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Tensor.fromAttribute(c.get().value()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@return the value of a {@code graph.constant} of f32 elements} */
    static Optional<Tensor> constant(Value v) {
        return anyConstant(v).filter(t -> t.dtype() == DType.F32);
    }

    /** {@return the element of a one-element numeric constant} */
    static OptionalDouble scalar(Value v) {
        Optional<Tensor> t =
                anyConstant(v).filter(c -> c.dtype().isFloat() || c.dtype().isInteger());
        return t.isPresent() && t.get().size() == 1 ? OptionalDouble.of(t.get().getDouble(0)) : OptionalDouble.empty();
    }

    /** {@return whether {@code v} is a one-element constant equal to {@code expected} up to float rounding} */
    static boolean isScalar(Value v, double expected) {
        OptionalDouble s = scalar(v);
        return s.isPresent() && near(s.getAsDouble(), expected);
    }

    /** {@return whether a float constant stands for {@code expected}: equal within 1e-6 relative} */
    static boolean near(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
    }

    /** {@return the single op using {@code v}, if exactly one operand uses it} */
    static Optional<Operation> onlyUser(Value v) {
        return v.hasOneUse() ? Optional.of(v.uses().getFirst().owner()) : Optional.empty();
    }

    /** {@return the single user of {@code v} if it is of class {@code c}} */
    static <T extends Operation> Optional<T> onlyUser(Value v, Class<T> c) {
        return onlyUser(v).filter(c::isInstance).map(c::cast);
    }

    /** {@return the operand of a binary op other than {@code v}, if {@code v} is one of its two operands} */
    static Optional<Value> other(Operation binary, Value v) {
        if (binary.numOperands() != 2) return Optional.empty();
        if (binary.operand(0) == v) return Optional.of(binary.operand(1));
        if (binary.operand(1) == v) return Optional.of(binary.operand(0));
        return Optional.empty();
    }

    /** {@return whether the value is a tensor of f32 elements} */
    static boolean isF32(Value v) {
        return v.type() instanceof TensorType t && t.elementType().equals(dev.dal.ir.FloatType.F32);
    }

    /** {@return the rank of a ranked tensor value, or -1} */
    static int rank(Value v) {
        return v.type() instanceof TensorType t ? t.shape().size() : -1;
    }

    /** {@return the fusion of the ops' locations: {@code loc(fused["conv1", "bn1"])}} */
    static Location fusedLoc(Operation... ops) {
        return Location.fuse(Arrays.stream(ops).map(Operation::loc).toList());
    }

    /** Creates a {@code graph.constant} holding {@code t} at the rewriter's insertion point. */
    static Value newConstant(Rewriter rw, Location loc, Tensor t) {
        return ConstantOp.create(rw, loc, t.irType(), t.toAttribute()).output();
    }

    /**
     * {@return a {@code graph.none} value usable at {@code op}}: one of {@code op}'s block before it, or a new one at
     * the start of the block. The insertion point is left at {@code op}.
     */
    static Value none(Rewriter rw, Operation op) {
        Block block = op.parentBlock().orElseThrow();
        for (Operation o : block.ops()) {
            if (o == op) break;
            if (o instanceof NoneOp n) return n.output();
        }
        rw.setInsertionPointToStart(block);
        Value v = NoneOp.create(rw, Location.unknown(), dev.dal.ir.NoneType.INSTANCE)
                .output();
        rw.setInsertionPoint(op);
        return v;
    }

    /**
     * {@return the per-channel values of a constant that broadcasts along axis 1 of a result of rank {@code rank}
     * with {@code channels} channels}: its shape, aligned to the right, is 1 everywhere except perhaps on axis 1,
     * where it is the channel count (one value each) or 1 (the same value for all)
     */
    static Optional<float[]> perChannel(Tensor c, int rank, int channels) {
        int[] s = c.shape();
        if (s.length > rank || rank < 2) return Optional.empty();
        int offset = rank - s.length;
        int along = 1;
        for (int i = 0; i < s.length; i++) {
            int axis = offset + i;
            if (axis == 1) along = s[i];
            else if (s[i] != 1) return Optional.empty();
        }
        if (along != 1 && along != channels) return Optional.empty();
        float[] values = new float[channels];
        for (int k = 0; k < channels; k++) values[k] = c.getFloat(along == 1 ? 0 : k);
        return Optional.of(values);
    }
}
