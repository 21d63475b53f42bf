package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.BatchNormalizationOp;
import dev.dal.dialect.graph.ScaleShiftOp;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code batch_norm(x) -> scale_shift(x, s, t)} with {@code s = scale / sqrt(var + eps)}, {@code t = bias - mean * s}:
 * the BatchNormalizations no producer absorbs (tried after {@link FoldBatchNormIntoProducer}).
 */
final class BatchNormToScaleShift extends OpPattern<BatchNormalizationOp> {
    BatchNormToScaleShift() {
        super(BatchNormalizationOp.class, 1);
    }

    @Override
    public Match apply(BatchNormalizationOp bn, Rewriter rw) {
        Optional<BatchNormAffine> affine = BatchNormAffine.of(bn, rw);
        if (affine.isEmpty()) return Match.NO_MATCH;
        float[] s = affine.get().scale(), t = affine.get().shift();
        var s0 = newConstant(rw, bn.loc(), Tensor.of(s, s.length));
        var t0 = newConstant(rw, bn.loc(), Tensor.of(t, t.length));
        ScaleShiftOp ss = ScaleShiftOp.create(rw, bn.loc(), bn.y().type(), bn.x(), s0, t0);
        rw.replaceAllUsesWith(bn.y(), ss.y());
        rw.eraseOp(bn);
        return Match.APPLIED;
    }
}
