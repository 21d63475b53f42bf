package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.AddOp;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Arrays;
import java.util.Optional;

/** {@code conv(x, w, b) + k[c] -> conv(x, w, b + k)} for a constant {@code k} per output channel (or scalar). */
final class FoldChannelAddIntoProducer extends OpPattern<AddOp> {
    FoldChannelAddIntoProducer() {
        super(AddOp.class, 3);
    }

    @Override
    public Match apply(AddOp add, Rewriter rw) {
        for (Value v : add.operands()) {
            Optional<AffineProducer> p = AffineProducer.of(v);
            if (p.isEmpty() || !add.output().type().equals(v.type())) continue;
            Optional<Tensor> k = constant(other(add, v).orElseThrow());
            if (k.isEmpty()) return rw.noMatch(add, "the addend is not constant");
            int channels = p.get().channels();
            Optional<float[]> t = perChannel(k.get(), p.get().resultRank(), channels);
            if (t.isEmpty()) return rw.noMatch(add, "the addend is not per channel");
            float[] ones = new float[channels];
            Arrays.fill(ones, 1f);
            p.get().scaleAndShift(rw, ones, t.get(), add);
            rw.replaceOp(add, p.get().op().result(0));
            return Match.APPLIED;
        }
        return rw.noMatch(add, "no operand is a conv, conv_transpose or gemm with constant weights and one use");
    }
}
