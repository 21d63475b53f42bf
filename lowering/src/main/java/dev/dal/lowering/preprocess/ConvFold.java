package dev.dal.lowering.preprocess;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.dialect.graph.ConvOp;
import dev.dal.ir.Location;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Rewriter;
import java.util.List;
import java.util.Optional;

/**
 * Folds a pre-head into the {@code graph.conv} that reads the normalised value: {@code conv(x*s + t, W, b) ->
 * conv(x, W*s, b + sum(W*t))}, with the channel map folded by summing (for BGR, permuting; for GRAY, adding up)
 * the weights of the input channels that read one raw channel.
 *
 * <p>Padding: the conv pads the <em>normalised</em> value with zeros, which the raw value would need as
 * {@code -shift/scale = mean}, so folding the shift into the bias is exact only without padding. A padded conv
 * gets the scale folded into its weights and keeps the shift as an explicit {@code graph.add} of {@code -mean}
 * before it: {@code conv(pad((x - mean)*s), W) = conv(pad(x - mean), W*s)}, exact at the borders too. The channel
 * map then stays folded only if the model channels that read one raw channel share their mean (GRAY with one
 * mean); otherwise, and for grouped convs (whose input channels cannot be permuted across groups), it stays an
 * explicit {@code graph.gather}.
 */
final class ConvFold {
    private final ConvOp conv;
    private final PreHead head;
    private final boolean gather;
    private final boolean unpadded;
    private final Tensor weight;
    private final Optional<Tensor> bias;

    private ConvFold(ConvOp conv, PreHead head, boolean gather, boolean unpadded, Tensor weight, Optional<Tensor> b) {
        this.conv = conv;
        this.head = head;
        this.gather = gather;
        this.unpadded = unpadded;
        this.weight = weight;
        this.bias = b;
    }

    /** {@return the fold of {@code head} into {@code conv}, or empty if its weights or bias are not constants} */
    static Optional<ConvFold> of(ConvOp conv, PreHead head) {
        Optional<Tensor> w = constant(conv.weight());
        if (w.isEmpty() || w.get().rank() != 4) return Optional.empty();
        Optional<Tensor> b = Optional.empty();
        if (!(conv.bias().type() instanceof NoneType)) {
            b = constant(conv.bias());
            if (b.isEmpty()) return Optional.empty();
        }
        int group = Math.toIntExact(conv.group().value().longValueExact());
        if (group < 1 || w.get().dim(1) * group != head.channels() || w.get().dim(0) % group != 0)
            return Optional.empty();
        boolean unpadded = unpadded(conv);
        boolean gather = !head.identitySource() && !(group == 1 && (unpadded || head.meanPerRawChannel()));
        return Optional.of(new ConvFold(conv, gather ? head.gathered() : head, gather, unpadded, w.get(), b));
    }

    private static Optional<Tensor> constant(Value v) {
        if (!(v instanceof OpResult r && r.owner() instanceof ConstantOp c)) return Optional.empty();
        Tensor t;
        try {
            t = Tensor.fromAttribute(c.value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return t.dtype() == DType.F32 ? Optional.of(t) : Optional.empty();
    }

    private static boolean unpadded(ConvOp conv) {
        String autoPad = conv.autoPad().value();
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) return false;
        if (autoPad.equals("VALID") || conv.pads().isEmpty()) return true;
        for (long p : conv.pads().get().toLongArray()) if (p != 0) return false;
        return true;
    }

    /** {@return whether the channel map stays an explicit gather before the conv} */
    boolean gather() {
        return gather;
    }

    /** {@return the per-channel constant to add before the conv (minus the mean), when padding keeps the shift} */
    Optional<double[]> subtractMean() {
        if (unpadded || head.zeroMean()) return Optional.empty();
        double[] neg = new double[head.rawChannels()];
        for (int c = 0; c < head.channels(); c++) neg[head.source()[c]] = -head.mean()[c];
        return Optional.of(neg);
    }

    /**
     * Gives the conv the folded weights (and bias) and {@code input} as its input; its location becomes the fusion
     * of its own and the pre-head's ({@code preHead}).
     */
    void rewrite(Rewriter rw, Value input, Location preHead) {
        int m = weight.dim(0), cg = weight.dim(1), k = weight.dim(2) * weight.dim(3);
        int group = head.channels() / cg, mg = m / group;
        int inner = group == 1 ? head.rawChannels() : cg;
        float[] w = weight.floats();
        double[] folded = new double[m * inner * k];
        double[] b = new double[m];
        boolean newBias = unpadded && (bias.isPresent() || !head.zeroMean());
        for (int o = 0; o < m; o++) {
            b[o] = bias.isPresent() ? bias.get().getFloat(o) : 0;
            for (int ic = 0; ic < cg; ic++) {
                int c = (o / mg) * cg + ic;
                int p = group == 1 ? head.source()[c] : ic;
                for (int j = 0; j < k; j++) {
                    double wv = w[(o * cg + ic) * k + j];
                    folded[(o * inner + p) * k + j] += wv * head.scale()[c];
                    if (unpadded) b[o] += wv * head.shift(c);
                }
            }
        }
        rw.setInsertionPoint(conv);
        Value newWeight = constant(rw, toFloats(folded), m, inner, weight.dim(2), weight.dim(3));
        replaceOperand(rw, 1, newWeight);
        if (newBias) replaceOperand(rw, 2, constant(rw, toFloats(b), m));
        rw.setOperand(conv, 0, input);
        rw.setLoc(conv, Location.fuse(List.of(conv.loc(), preHead)));
    }

    private void replaceOperand(Rewriter rw, int index, Value v) {
        Value old = conv.operand(index);
        rw.setOperand(conv, index, v);
        if (old instanceof OpResult r && r.hasNoUses()) {
            Operation def = r.owner();
            rw.eraseOp(def);
        }
    }

    private Value constant(Rewriter rw, float[] data, int... shape) {
        Tensor t = Tensor.of(data, shape);
        return ConstantOp.create(rw, conv.loc(), t.irType(), t.toAttribute()).output();
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
