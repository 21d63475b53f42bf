package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.DivOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import java.util.Optional;

/**
 * The part both GELU forms share: from {@code f} (erf or tanh of the scaled input) to
 * {@code y = x * 0.5 * (1 + f)}, in the groupings exporters write: {@code (x * (1 + f)) * 0.5},
 * {@code (x * (1 + f)) / 2}, {@code x * ((1 + f) * 0.5)} and {@code (x * 0.5) * (1 + f)}.
 */
final class GeluTail {
    private GeluTail() {}

    /** {@return the op computing y, given f's value and x} */
    static Optional<Operation> match(Value f, Value x) {
        Optional<AddOp> onePlus =
                onlyUser(f, AddOp.class).filter(a -> isScalar(other(a, f).orElseThrow(), 1));
        if (onePlus.isEmpty()) return Optional.empty();
        Value a = onePlus.get().output();
        Optional<MulOp> m1 = onlyUser(a, MulOp.class);
        if (m1.isEmpty()) return Optional.empty();
        Value k = other(m1.get(), a).orElseThrow();
        Optional<Operation> y;
        if (k == x) y = half(m1.get().output()); // (x * (1 + f)) * 0.5
        else if (isScalar(k, 0.5)) // x * ((1 + f) * 0.5)
        y = onlyUser(m1.get().output(), MulOp.class)
                .filter(m2 -> other(m2, m1.get().output()).orElseThrow() == x)
                .map(Operation.class::cast);
        else
            y = def(k, MulOp.class) // (x * 0.5) * (1 + f)
                    .filter(h -> other(h, x).filter(c -> isScalar(c, 0.5)).isPresent())
                    .map(h -> (Operation) m1.get());
        return y.filter(op -> op.result(0).type().equals(x.type()));
    }

    /** {@return the single user of v that halves it: {@code v * 0.5} or {@code v / 2}} */
    private static Optional<Operation> half(Value v) {
        Optional<Operation> u = onlyUser(v);
        if (u.isEmpty()) return Optional.empty();
        if (u.get() instanceof MulOp m && isScalar(other(m, v).orElseThrow(), 0.5)) return u;
        if (u.get() instanceof DivOp d && d.lhs() == v && isScalar(d.rhs(), 2)) return u;
        return Optional.empty();
    }
}
