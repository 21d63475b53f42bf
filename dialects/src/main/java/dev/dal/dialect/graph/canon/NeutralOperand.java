package dev.dal.dialect.graph.canon;

import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** Shared by {@link RemoveMulByOne} and {@link RemoveAddOfZero}: a binary op with a constant neutral operand. */
final class NeutralOperand {
    private NeutralOperand() {}

    /**
     * {@return the operand of binary {@code op} to replace it with: the other one is a constant whose every element
     * is {@code neutral}, and broadcasting against it leaves the kept operand's type unchanged}
     */
    static Optional<Value> kept(Operation op, double neutral, Rewriter rw) {
        for (int i = 0; i < 2; i++) {
            Value keep = op.operand(i);
            Optional<Tensor> c = Canon.constant(op.operand(1 - i));
            if (c.isEmpty() || !allEqual(c.get(), neutral)) continue;
            if (keep.type().equals(op.result(0).type())) return Optional.of(keep);
            rw.noMatch(op, "broadcasting against the constant changes the shape");
            return Optional.empty();
        }
        rw.noMatch(op, "no operand is a constant " + neutral);
        return Optional.empty();
    }

    private static boolean allEqual(Tensor t, double v) {
        if (!t.dtype().isFloat() && !t.dtype().isInteger()) return false;
        for (int i = 0; i < t.size(); i++) if (t.getDouble(i) != v) return false;
        return true;
    }
}
