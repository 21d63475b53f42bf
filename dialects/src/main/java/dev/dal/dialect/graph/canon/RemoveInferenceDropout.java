package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.DropoutOp;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code dropout(x, ratio, false) -> x} when the mask is unused: in inference mode (training_mode absent or a constant
 * false) Dropout passes its input through.
 */
final class RemoveInferenceDropout extends OpPattern<DropoutOp> {
    RemoveInferenceDropout() {
        super(DropoutOp.class, 1);
    }

    @Override
    public Match apply(DropoutOp d, Rewriter rw) {
        if (!d.mask().hasNoUses()) return rw.noMatch(d, "the mask is used");
        if (!isFalse(d.trainingMode())) return rw.noMatch(d, "training_mode is not known to be false");
        if (!d.data().type().equals(d.output().type())) return rw.noMatch(d, "dropout changes the type");
        rw.replaceAllUsesWith(d.output(), d.data());
        rw.eraseOp(d);
        return Match.APPLIED;
    }

    private static boolean isFalse(Value trainingMode) {
        if (Canon.isNone(trainingMode)) return true;
        Optional<Tensor> t = Canon.constant(trainingMode);
        return t.isPresent() && t.get().size() == 1 && t.get().getDouble(0) == 0;
    }
}
