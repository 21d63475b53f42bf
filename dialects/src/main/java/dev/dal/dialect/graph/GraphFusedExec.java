package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Activations;
import dev.dal.dialect.graph.kernel.Conv;
import dev.dal.dialect.graph.kernel.Elementwise;
import dev.dal.dialect.graph.kernel.Normalization;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.List;

/** The execute bodies of the fused ops ({@link GraphFusedOpDefs}): the unfused ops' kernels, one after the other. */
final class GraphFusedExec {
    private GraphFusedExec() {}

    static List<Tensor> fusedConv(GraphFusedOpDefs.FusedConv op, List<Tensor> in, ExecContext ctx) {
        Tensor x = GraphExec.f32(in.get(0), ctx), w = GraphExec.f32(in.get(1), ctx);
        long[] kernel = op.kernelShape()
                .map(DenseArrayAttr::toLongArray)
                .orElseGet(() ->
                        Arrays.stream(w.shape(), 2, w.rank()).asLongStream().toArray());
        Conv.Window win =
                GraphExec.window(op.autoPad().value(), kernel, op.strides(), op.dilations(), op.pads(), x.shape(), ctx);
        Tensor y = Conv.conv(x, w, in.get(2), win, Math.toIntExact(op.group().longValue()), ctx.pool());
        Tensor residual = in.get(3);
        if (!residual.isNone()) {
            if (!Arrays.equals(residual.shape(), y.shape()))
                throw ctx.error("residual shape " + Tensor.shapeText(residual.shape())
                        + " differs from the convolution's " + Tensor.shapeText(y.shape()));
            y = Elementwise.binary(y, GraphExec.f32(residual, ctx), Elementwise.BinaryOp.ADD, ctx.pool());
        }
        String act = op.activation().value();
        if (act.equals("none")) return GraphExec.one(y);
        float lo = op.min().map(a -> (float) a.value()).orElse(Float.NEGATIVE_INFINITY);
        float hi = op.max().map(a -> (float) a.value()).orElse(Float.POSITIVE_INFINITY);
        try {
            return GraphExec.one(Elementwise.unary(
                    y, Activations.named(act, (float) op.alpha().value(), lo, hi), ctx.pool()));
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
    }

    /** {@code x * scale[c] + shift[c]}: BatchNormalization's kernel with mean 0, variance 1 and epsilon 0. */
    static List<Tensor> scaleShift(List<Tensor> in, ExecContext ctx) {
        Tensor x = GraphExec.f32(in.get(0), ctx),
                scale = in.get(1).toF32(),
                shift = in.get(2).toF32();
        if (x.rank() < 2) throw ctx.error("expects an input of rank at least 2, got " + Tensor.shapeText(x.shape()));
        int c = x.dim(1);
        if (scale.size() != c || shift.size() != c)
            throw ctx.error("scale and shift must have " + c + " elements (the channels), got " + scale.size() + " and "
                    + shift.size());
        float[] ones = new float[c];
        Arrays.fill(ones, 1f);
        return GraphExec.one(Normalization.batchNorm(
                x, scale, shift, Tensor.zeros(DType.F32, c), Tensor.of(ones, c), 0f, ctx.pool()));
    }

    static List<Tensor> gelu(boolean tanh, List<Tensor> in, ExecContext ctx) {
        return GraphExec.one(GraphExec.unary(in.get(0), tanh ? Activations.geluTanh() : Activations.gelu(), ctx));
    }

    static List<Tensor> silu(List<Tensor> in, ExecContext ctx) {
        return GraphExec.one(GraphExec.unary(in.get(0), Activations.silu(), ctx));
    }
}
