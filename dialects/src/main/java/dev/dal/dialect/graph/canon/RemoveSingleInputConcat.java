package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.ConcatOp;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;

/** {@code concat(x) -> x}. */
final class RemoveSingleInputConcat extends OpPattern<ConcatOp> {
    RemoveSingleInputConcat() {
        super(ConcatOp.class, 2);
    }

    @Override
    public Match apply(ConcatOp c, Rewriter rw) {
        if (c.inputs().size() != 1)
            return rw.noMatch(c, "concat has " + c.inputs().size() + " inputs");
        if (!c.inputs().getFirst().type().equals(c.concatResult().type()))
            return rw.noMatch(c, "concat changes the type");
        rw.replaceOp(c, c.inputs().getFirst());
        return Match.APPLIED;
    }
}
