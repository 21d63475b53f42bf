package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.HardSigmoidOp;
import dev.dal.dialect.graph.HardSwishOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** {@code x * hard_sigmoid(x){alpha = 1/6, beta = 0.5} -> hard_swish(x)}. */
final class FuseHardSigmoidSwish extends OpPattern<HardSigmoidOp> {
    FuseHardSigmoidSwish() {
        super(HardSigmoidOp.class, 1);
    }

    @Override
    public Match apply(HardSigmoidOp hs, Rewriter rw) {
        if (!near(hs.alpha().value(), 1.0 / 6) || !near(hs.beta().value(), 0.5))
            return rw.noMatch(hs, "alpha and beta are not 1/6 and 0.5");
        Optional<MulOp> mul = onlyUser(hs.y(), MulOp.class)
                .filter(m -> other(m, hs.y()).orElseThrow() == hs.x())
                .filter(m -> m.output().type().equals(hs.x().type()));
        if (mul.isEmpty()) return rw.noMatch(hs, "result is not used only as x * hard_sigmoid(x)");
        HardSwishOp swish =
                HardSwishOp.create(rw, fusedLoc(hs, mul.get()), hs.x().type(), hs.x());
        rw.replaceOp(mul.get(), swish.y());
        return Match.APPLIED;
    }
}
