package dev.dal.dialect.graph;

import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.GreedyRewriteConfig;
import dev.dal.ir.rewrite.GreedyRewriteDriver;
import dev.dal.ir.rewrite.GreedyRewriteResult;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code batch_normalization(conv(x, W, B), s, b, mean, var) -> conv(x, W * k, (B - mean) * k + b)} with
 * {@code k = s / sqrt(var + epsilon)} per output channel, when every weight and statistic is a constant, the conv's
 * result has no other user and the normalization is in inference mode: the inference graph of a trained network,
 * where exporters often keep BatchNormalization as its own node. The folded model computes the same function up to
 * float rounding (the scale is applied to the weights instead of the sums) and saves a full pass over the conv's
 * output. {@link #run} applies it to a module before interpretation, as ONNX Runtime's graph optimiser does.
 */
public final class FoldBatchNormIntoConv extends OpPattern<BatchNormalizationOp> {
    /** Creates the pattern. */
    public FoldBatchNormIntoConv() {
        super(BatchNormalizationOp.class, /* benefit= */ 1);
    }

    /** {@return what folding every foldable normalization in {@code module} did} */
    public static GreedyRewriteResult run(Operation module) {
        return GreedyRewriteDriver.applyPatternsAndFoldGreedily(
                module, List.of(new FoldBatchNormIntoConv()), new GreedyRewriteConfig().folding(false));
    }

    @Override
    public Match apply(BatchNormalizationOp bn, Rewriter rw) {
        if (bn.trainingMode().longValue() != 0) return rw.noMatch(bn, "training mode");
        if (!bn.runningMean().hasNoUses() || !bn.runningVar().hasNoUses())
            return rw.noMatch(bn, "the running statistics are used");
        if (!(bn.x() instanceof OpResult r && r.owner() instanceof ConvOp conv))
            return rw.noMatch(bn, "input is not produced by graph.conv");
        if (!conv.y().hasOneUse()) return rw.noMatch(bn, "the conv's result has other users");
        Optional<Tensor> w = constant(conv.weight()), s = constant(bn.scale()), b = constant(bn.bias());
        Optional<Tensor> mean = constant(bn.inputMean()), var = constant(bn.inputVar());
        boolean noBias = conv.bias().type() instanceof dev.dal.ir.NoneType;
        Optional<Tensor> convBias = noBias ? Optional.empty() : constant(conv.bias());
        if (w.isEmpty()
                || s.isEmpty()
                || b.isEmpty()
                || mean.isEmpty()
                || var.isEmpty()
                || (!noBias && convBias.isEmpty()))
            return rw.noMatch(bn, "weights or statistics are not f32 constants");
        int m = w.get().dim(0);
        for (Optional<Tensor> t : List.of(s, b, mean, var))
            if (t.get().rank() != 1 || t.get().size() != m)
                return rw.noMatch(bn, "statistics do not match the weights");
        if (convBias.isPresent() && convBias.get().size() != m)
            return rw.noMatch(bn, "bias does not match the weights");
        float[] wv = w.get().floats(), sv = s.get().floats(), bv = b.get().floats();
        float[] mv = mean.get().floats(), vv = var.get().floats();
        double eps = bn.epsilon().value();
        int per = wv.length / m;
        float[] w2 = new float[wv.length], b2 = new float[m];
        for (int o = 0; o < m; o++) {
            float k = (float) (sv[o] / Math.sqrt(vv[o] + eps));
            for (int i = 0; i < per; i++) w2[o * per + i] = wv[o * per + i] * k;
            float cb = convBias.isPresent() ? convBias.get().floats()[o] : 0f;
            b2[o] = (cb - mv[o]) * k + bv[o];
        }
        rw.setInsertionPoint(conv);
        Tensor wt = Tensor.of(w2, w.get().shape()), bt = Tensor.of(b2, m);
        ConstantOp wc = ConstantOp.create(rw, conv.loc(), conv.weight().type(), wt.toAttribute());
        ConstantOp bc = ConstantOp.create(rw, bn.loc(), bn.scale().type(), bt.toAttribute());
        List<Value> old = List.of(conv.weight(), conv.bias(), bn.scale(), bn.bias(), bn.inputMean(), bn.inputVar());
        rw.setOperand(conv, 1, wc.output());
        rw.setOperand(conv, 2, bc.output());
        rw.replaceAllUsesWith(bn.y(), conv.y());
        rw.eraseOp(bn);
        for (Value v : old) eraseIfDead(v, rw);
        return Match.APPLIED;
    }

    /** {@return the value of an f32 {@code graph.constant} producing {@code v}} */
    private static Optional<Tensor> constant(Value v) {
        if (!(v instanceof OpResult r && r.owner() instanceof ConstantOp c)) return Optional.empty();
        try {
            Tensor t = Tensor.fromAttribute(c.value());
            return t.dtype() == DType.F32 ? Optional.of(t) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void eraseIfDead(Value v, Rewriter rw) {
        if (v instanceof OpResult r
                && v.hasNoUses()
                && r.owner().numResults() == 1
                && r.owner().regions().isEmpty()
                && (r.owner() instanceof ConstantOp || r.owner().name().equals("graph.none"))) rw.eraseOp(r.owner());
    }
}
