package dev.dal.dialect.dtest;

import dev.dal.ir.OpResult;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;

/** {@code neg(neg(x)) -> x}. The inner negation stays for dead-code removal if it has other users. */
public final class NegNegPattern extends OpPattern<NegOp> {
    /** Creates the pattern. */
    public NegNegPattern() {
        super(NegOp.class, /* benefit= */ 1);
    }

    @Override
    public Match apply(NegOp op, Rewriter rw) {
        if (!(op.input() instanceof OpResult r && r.owner() instanceof NegOp inner))
            return rw.noMatch(op, "input is not produced by dtest.neg");
        rw.replaceOp(op, inner.input());
        return Match.APPLIED;
    }
}
