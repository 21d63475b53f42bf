package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.IdentityOp;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;

/** {@code identity(x) -> x}. */
final class RemoveIdentity extends OpPattern<IdentityOp> {
    RemoveIdentity() {
        super(IdentityOp.class, 1);
    }

    @Override
    public Match apply(IdentityOp id, Rewriter rw) {
        if (!id.x().type().equals(id.y().type())) return rw.noMatch(id, "identity changes the type");
        rw.replaceOp(id, id.x());
        return Match.APPLIED;
    }
}
