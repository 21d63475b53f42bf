package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.AddOp;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code x + 0 -> x} and {@code 0 + x -> x}, when broadcasting against the zeros leaves the type of {@code x} (an
 * added zero of a larger shape broadcasts {@code x}, and stays).
 */
final class RemoveAddOfZero extends OpPattern<AddOp> {
    RemoveAddOfZero() {
        super(AddOp.class, 1);
    }

    @Override
    public Match apply(AddOp op, Rewriter rw) {
        Optional<Value> x = NeutralOperand.kept(op, 0, rw);
        if (x.isEmpty()) return Match.NO_MATCH;
        rw.replaceOp(op, x.get());
        return Match.APPLIED;
    }
}
