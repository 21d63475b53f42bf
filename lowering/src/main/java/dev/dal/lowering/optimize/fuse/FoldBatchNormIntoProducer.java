package dev.dal.lowering.optimize.fuse;

import dev.dal.dialect.graph.BatchNormalizationOp;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code batch_norm(conv(x, w, b)) -> conv(x, w * s, b * s + t)} with {@code s = scale / sqrt(var + eps)} and
 * {@code t = bias - mean * s} per output channel; likewise for ConvTranspose and Gemm (inference mode only).
 */
final class FoldBatchNormIntoProducer extends OpPattern<BatchNormalizationOp> {
    FoldBatchNormIntoProducer() {
        super(BatchNormalizationOp.class, 2);
    }

    @Override
    public Match apply(BatchNormalizationOp bn, Rewriter rw) {
        Optional<BatchNormAffine> affine = BatchNormAffine.of(bn, rw);
        if (affine.isEmpty()) return Match.NO_MATCH;
        Optional<AffineProducer> p = AffineProducer.of(bn.x());
        if (p.isEmpty())
            return rw.noMatch(bn, "input is not a conv, conv_transpose or gemm with constant weights and one use");
        if (p.get().channels() != affine.get().scale().length)
            return rw.noMatch(
                    bn,
                    "producer has " + p.get().channels() + " output channels, not "
                            + affine.get().scale().length);
        p.get().scaleAndShift(rw, affine.get().scale(), affine.get().shift(), bn);
        rw.replaceAllUsesWith(bn.y(), p.get().op().result(0));
        rw.eraseOp(bn);
        return Match.APPLIED;
    }
}
