package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.DivOp;
import dev.dal.dialect.graph.ErfOp;
import dev.dal.dialect.graph.GeluOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** {@code x * 0.5 * (1 + erf(x / sqrt(2))) -> gelu(x)} (also {@code erf(x * (1 / sqrt(2)))}; see {@link GeluTail}). */
final class FuseErfGelu extends OpPattern<ErfOp> {
    private static final double SQRT2 = Math.sqrt(2);

    FuseErfGelu() {
        super(ErfOp.class, 1);
    }

    @Override
    public Match apply(ErfOp erf, Rewriter rw) {
        Optional<Value> x = scaledInput(erf.x());
        if (x.isEmpty()) return rw.noMatch(erf, "erf's input is not x / sqrt(2)");
        Optional<Operation> y = GeluTail.match(erf.y(), x.get());
        if (y.isEmpty()) return rw.noMatch(erf, "erf's result is not used as x * 0.5 * (1 + erf)");
        GeluOp gelu = GeluOp.create(rw, fusedLoc(erf, y.get()), x.get().type(), x.get());
        rw.replaceOp(y.get(), gelu.y());
        return Match.APPLIED;
    }

    /** {@return x, for {@code x / sqrt(2)} or {@code x * (1 / sqrt(2))}} */
    private static Optional<Value> scaledInput(Value u) {
        Optional<DivOp> div = def(u, DivOp.class).filter(d -> isScalar(d.rhs(), SQRT2));
        if (div.isPresent()) return Optional.of(div.get().lhs());
        Optional<MulOp> mul = def(u, MulOp.class);
        if (mul.isEmpty()) return Optional.empty();
        if (isScalar(mul.get().rhs(), 1 / SQRT2)) return Optional.of(mul.get().lhs());
        if (isScalar(mul.get().lhs(), 1 / SQRT2)) return Optional.of(mul.get().rhs());
        return Optional.empty();
    }
}
