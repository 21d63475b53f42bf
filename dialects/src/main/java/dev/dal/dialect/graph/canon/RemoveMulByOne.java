package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.MulOp;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** {@code x * 1 -> x} and {@code 1 * x -> x}, when broadcasting against the ones leaves the type of {@code x}. */
final class RemoveMulByOne extends OpPattern<MulOp> {
    RemoveMulByOne() {
        super(MulOp.class, 1);
    }

    @Override
    public Match apply(MulOp op, Rewriter rw) {
        Optional<Value> x = NeutralOperand.kept(op, 1, rw);
        if (x.isEmpty()) return Match.NO_MATCH;
        rw.replaceOp(op, x.get());
        return Match.APPLIED;
    }
}
