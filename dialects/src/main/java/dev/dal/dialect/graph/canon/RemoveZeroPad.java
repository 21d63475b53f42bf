package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.PadOp;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** {@code pad(x, pads = 0) -> x}, in any mode. */
final class RemoveZeroPad extends OpPattern<PadOp> {
    RemoveZeroPad() {
        super(PadOp.class, 1);
    }

    @Override
    public Match apply(PadOp pad, Rewriter rw) {
        Optional<long[]> pads = Canon.constantInts(pad.pads());
        if (pads.isEmpty()) return rw.noMatch(pad, "the pads are not constant");
        for (long p : pads.get()) if (p != 0) return rw.noMatch(pad, "a pad is not zero");
        if (!pad.data().type().equals(pad.output().type())) return rw.noMatch(pad, "pad changes the type");
        rw.replaceOp(pad, pad.data());
        return Match.APPLIED;
    }
}
