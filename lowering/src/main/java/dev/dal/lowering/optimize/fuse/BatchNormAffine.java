package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.BatchNormalizationOp;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * An inference-mode BatchNormalization with constant parameters as the per-channel affine map it computes:
 * {@code y = x * scale[c] + shift[c]}.
 */
record BatchNormAffine(float[] scale, float[] shift) {

    /** {@return the map, or empty (with the reason told to the rewriter) when the op does not qualify} */
    static Optional<BatchNormAffine> of(BatchNormalizationOp bn, Rewriter rw) {
        if (bn.trainingMode().longValue() != 0) return none(bn, rw, "training mode");
        if (!bn.runningMean().hasNoUses() || !bn.runningVar().hasNoUses())
            return none(bn, rw, "running mean or variance is used");
        if (rank(bn.x()) < 2 || !isF32(bn.x())) return none(bn, rw, "input is not an f32 tensor of rank 2 or more");
        Optional<Tensor> g = constant(bn.scale()), b = constant(bn.bias());
        Optional<Tensor> m = constant(bn.inputMean()), v = constant(bn.inputVar());
        if (g.isEmpty() || b.isEmpty() || m.isEmpty() || v.isEmpty())
            return none(bn, rw, "scale, bias, mean or variance is not constant");
        int c = g.get().size();
        if (b.get().size() != c || m.get().size() != c || v.get().size() != c)
            return none(bn, rw, "scale, bias, mean and variance differ in size");
        double eps = bn.epsilon().value();
        float[] s = new float[c], t = new float[c];
        for (int i = 0; i < c; i++) {
            double k = g.get().getFloat(i) / Math.sqrt(v.get().getFloat(i) + eps);
            s[i] = (float) k;
            t[i] = (float) (b.get().getFloat(i) - m.get().getFloat(i) * k);
        }
        return Optional.of(new BatchNormAffine(s, t));
    }

    private static Optional<BatchNormAffine> none(BatchNormalizationOp bn, Rewriter rw, String reason) {
        rw.noMatch(bn, reason);
        return Optional.empty();
    }
}
