package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.MulOp;
import dev.dal.dialect.graph.SigmoidOp;
import dev.dal.dialect.graph.SiluOp;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** {@code x * sigmoid(x) -> silu(x)}. */
final class FuseSilu extends OpPattern<SigmoidOp> {
    FuseSilu() {
        super(SigmoidOp.class, 2);
    }

    @Override
    public Match apply(SigmoidOp sig, Rewriter rw) {
        Optional<MulOp> mul = onlyUser(sig.y(), MulOp.class)
                .filter(m -> other(m, sig.y()).orElseThrow() == sig.x())
                .filter(m -> m.output().type().equals(sig.x().type()));
        if (mul.isEmpty()) return rw.noMatch(sig, "result is not used only as x * sigmoid(x)");
        SiluOp silu = SiluOp.create(rw, fusedLoc(sig, mul.get()), sig.x().type(), sig.x());
        rw.replaceOp(mul.get(), silu.y());
        return Match.APPLIED;
    }
}
