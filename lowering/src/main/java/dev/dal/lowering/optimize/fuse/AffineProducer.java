package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.ConvOp;
import dev.dal.dialect.graph.ConvTransposeOp;
import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.dialect.graph.GemmOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * A Conv, ConvTranspose or Gemm (or a {@code graph.fused_conv} with neither activation nor residual) with constant
 * weights and bias whose result has one use: a per-channel affine map {@code y * s[c] + t[c]} applied to that result
 * folds into its weights and bias. The channel axis of the result is 1 in each case.
 *
 * @param op      the producer
 * @param weight  its weights (Conv: {@code [O, I/g, k...]}; ConvTranspose: {@code [I, O/g, k...]}; Gemm: B)
 * @param bias    its bias (Gemm: C), or empty when it has none
 * @param biasIdx the operand index of the bias
 */
record AffineProducer(Operation op, Tensor weight, Optional<Tensor> bias, int biasIdx) {

    /** {@return the producer of {@code v}, if it is one that can absorb an affine map} */
    static Optional<AffineProducer> of(Value v) {
        if (!v.hasOneUse() || !isF32(v)) return Optional.empty();
        Optional<Operation> def = def(v, Operation.class);
        if (def.isEmpty()) return Optional.empty();
        Operation op = def.get();
        boolean foldable = switch (op) {
            case ConvOp c -> true;
            case ConvTransposeOp c -> true;
            case GemmOp g -> true;
            case FusedConvOp f ->
                f.activation().value().equals("none")
                        && def(f.residual(), NoneOp.class).isPresent();
            default -> false;
        };
        if (!foldable) return Optional.empty();
        Optional<Tensor> w = constant(op.operand(1));
        if (w.isEmpty() || w.get().rank() < 2) return Optional.empty();
        Value b = op.operand(2);
        if (def(b, NoneOp.class).isPresent()) return Optional.of(new AffineProducer(op, w.get(), Optional.empty(), 2));
        Optional<Tensor> bt = constant(b);
        return bt.map(t -> new AffineProducer(op, w.get(), Optional.of(t), 2));
    }

    /** {@return the number of output channels} */
    int channels() {
        return switch (op) {
            case ConvTransposeOp c -> weight.dim(1) * Math.toIntExact(c.group().longValue());
            case GemmOp g -> weight.dim(g.transB().longValue() != 0 ? 0 : 1);
            default -> weight.dim(0);
        };
    }

    /** {@return the rank of the result} */
    int resultRank() {
        return rank(op.result(0));
    }

    /**
     * Makes the producer compute {@code y * s[c] + t[c]}: new weight and bias constants before it, its location
     * fused with {@code extra}'s.
     */
    void scaleAndShift(Rewriter rw, float[] s, float[] t, Operation extra) {
        rw.setInsertionPoint(op);
        Location loc = fusedLoc(op, extra);
        Value w = newConstant(rw, loc, scaledWeight(s));
        Value b = newConstant(rw, loc, op instanceof GemmOp g ? gemmAddend(g, s, t) : shiftedBias(s, t));
        rw.setOperand(op, 1, w);
        rw.setOperand(op, biasIdx, b);
        if (op instanceof GemmOp g && g.beta().value() != 1.0) rw.removeAttribute(op, GemmOp.BETA_ATTR);
        rw.setLoc(op, loc);
        rw.setInsertionPoint(extra);
    }

    /** {@return the weights with each output channel's slice scaled} */
    private Tensor scaledWeight(float[] s) {
        float[] w = weight.floats().clone();
        int[] shape = weight.shape();
        switch (op) {
            case GemmOp g -> {
                int rows = shape[0], cols = shape[1];
                boolean transB = g.transB().longValue() != 0;
                for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) w[r * cols + c] *= s[transB ? r : c];
            }
            case ConvTransposeOp c -> {
                int in = shape[0],
                        outPerGroup = shape[1],
                        inPerGroup = in / Math.toIntExact(c.group().longValue());
                int plane = w.length / (in * outPerGroup);
                for (int i = 0; i < in; i++)
                    for (int j = 0; j < outPerGroup; j++) {
                        float k = s[(i / inPerGroup) * outPerGroup + j];
                        int o = (i * outPerGroup + j) * plane;
                        for (int p = 0; p < plane; p++) w[o + p] *= k;
                    }
            }
            default -> {
                int plane = w.length / shape[0];
                for (int o = 0; o < shape[0]; o++) for (int p = 0; p < plane; p++) w[o * plane + p] *= s[o];
            }
        }
        return Tensor.of(w, shape);
    }

    /** {@return {@code b * s + t} for a conv bias (0 where absent)} */
    private Tensor shiftedBias(float[] s, float[] t) {
        float[] b = new float[s.length];
        for (int c = 0; c < b.length; c++)
            b[c] = (float) ((bias.isPresent() ? (double) bias.get().getFloat(c) : 0.0) * s[c] + t[c]);
        return Tensor.of(b, b.length);
    }

    /**
     * {@return Gemm's new C, {@code beta * C * s + t} with beta then 1}: {@code [N]} when C is absent or does not
     * vary along rows, else {@code [M, N]}
     */
    private Tensor gemmAddend(GemmOp g, float[] s, float[] t) {
        int n = s.length;
        double beta = g.beta().value();
        Tensor c = bias.orElse(null);
        int rows = c != null && c.rank() == 2 ? c.dim(0) : 1;
        int cols = c == null || c.rank() == 0 ? 1 : c.dim(c.rank() - 1);
        float[] out = new float[rows * n];
        for (int m = 0; m < rows; m++)
            for (int k = 0; k < n; k++) {
                double cv = c == null ? 0 : c.getFloat(m * cols + (cols == 1 ? 0 : k));
                out[m * n + k] = (float) (beta * cv * s[k] + t[k]);
            }
        return rows == 1 ? Tensor.of(out, n) : Tensor.of(out, rows, n);
    }
}
