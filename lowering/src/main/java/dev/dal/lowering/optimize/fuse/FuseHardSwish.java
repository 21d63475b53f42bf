package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.ClipOp;
import dev.dal.dialect.graph.DivOp;
import dev.dal.dialect.graph.HardSwishOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code x * clip(x + 3, 0, 6) / 6 -> hard_swish(x)}, with the division as {@code / 6} or {@code * (1/6)} either
 * after the product or on the clip.
 */
final class FuseHardSwish extends OpPattern<ClipOp> {
    FuseHardSwish() {
        super(ClipOp.class, 2);
    }

    @Override
    public Match apply(ClipOp clip, Rewriter rw) {
        if (!isScalar(clip.min(), 0) || !isScalar(clip.max(), 6)) return rw.noMatch(clip, "bounds are not 0 and 6");
        Optional<AddOp> add = def(clip.input(), AddOp.class);
        Optional<Value> x = add.flatMap(a -> a.operands().stream()
                .filter(v -> isScalar(other(a, v).orElseThrow(), 3))
                .findFirst());
        if (x.isEmpty()) return rw.noMatch(clip, "input is not x + 3");
        Optional<Operation> y = product(clip.output(), x.get());
        if (y.isEmpty()) return rw.noMatch(clip, "result is not used as x * clip / 6");
        if (!y.get().result(0).type().equals(x.get().type())) return rw.noMatch(clip, "the result broadcasts x");
        HardSwishOp hs = HardSwishOp.create(
                rw, fusedLoc(add.get(), clip, y.get()), x.get().type(), x.get());
        rw.replaceOp(y.get(), hs.y());
        return Match.APPLIED;
    }

    /** {@return the op computing {@code x * c / 6} from c, in either order of product and division} */
    private static Optional<Operation> product(Value c, Value x) {
        Optional<Operation> u = onlyUser(c);
        if (u.isEmpty()) return Optional.empty();
        if (u.get() instanceof MulOp m && other(m, c).orElseThrow() == x) return sixth(m.output());
        return sixth(c).flatMap(s -> onlyUser(s.result(0), MulOp.class)
                .filter(m -> other(m, s.result(0)).orElseThrow() == x)
                .map(Operation.class::cast));
    }

    /** {@return the single user of v dividing it by 6 ({@code v / 6} or {@code v * (1/6)})} */
    private static Optional<Operation> sixth(Value v) {
        Optional<Operation> u = onlyUser(v);
        if (u.isEmpty()) return Optional.empty();
        if (u.get() instanceof DivOp d && d.lhs() == v && isScalar(d.rhs(), 6)) return u;
        if (u.get() instanceof MulOp m && isScalar(other(m, v).orElseThrow(), 1.0 / 6)) return u;
        return Optional.empty();
    }
}
