package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.MulOp;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/** {@code conv(x, w, b) * k[c] -> conv(x, w * k, b * k)} for a constant {@code k} per output channel (or scalar). */
final class FoldChannelMulIntoProducer extends OpPattern<MulOp> {
    FoldChannelMulIntoProducer() {
        super(MulOp.class, 3);
    }

    @Override
    public Match apply(MulOp mul, Rewriter rw) {
        for (Value v : mul.operands()) {
            Optional<AffineProducer> p = AffineProducer.of(v);
            if (p.isEmpty() || !mul.output().type().equals(v.type())) continue;
            Optional<Tensor> k = constant(other(mul, v).orElseThrow());
            if (k.isEmpty()) return rw.noMatch(mul, "the factor is not constant");
            int channels = p.get().channels();
            Optional<float[]> s = perChannel(k.get(), p.get().resultRank(), channels);
            if (s.isEmpty()) return rw.noMatch(mul, "the factor is not per channel");
            p.get().scaleAndShift(rw, s.get(), new float[channels], mul);
            rw.replaceOp(mul, p.get().op().result(0));
            return Match.APPLIED;
        }
        return rw.noMatch(mul, "no operand is a conv, conv_transpose or gemm with constant weights and one use");
    }
}
