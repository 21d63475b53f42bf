package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.ir.OpResult;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import java.util.Optional;

/** Reading the constant operands (weights, biases, clip bounds) of the ops the {@code quantize} pass rewrites. */
final class Constants {
    private Constants() {}

    /** {@return the value of {@code v} when a {@code graph.constant} defines it} */
    static Optional<Tensor> of(Value v) {
        if (!(v instanceof OpResult r && r.owner() instanceof ConstantOp c)) return Optional.empty();
        try {
            return Optional.of(Tensor.fromAttribute(c.value()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an elided or unsupported constant is not a weight we can quantize
        }
    }

    /** {@return whether {@code graph.none} defines {@code v} (an absent optional operand)} */
    static boolean isNone(Value v) {
        return v instanceof OpResult r && r.owner() instanceof NoneOp;
    }

    /** {@return whether {@code v} is absent or a constant} */
    static boolean noneOrConstant(Value v) {
        return isNone(v) || of(v).isPresent();
    }
}
