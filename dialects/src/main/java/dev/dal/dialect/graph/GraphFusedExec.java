package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Activation;
import dev.dal.dialect.graph.kernel.Activations;
import dev.dal.dialect.graph.kernel.Conv;
import dev.dal.dialect.graph.kernel.ConvEpilogue;
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
        Tensor residual = in.get(3);
        float[] res = null;
        if (!residual.isNone()) {
            int[] shape = outputShape(x, w, win);
            if (!Arrays.equals(residual.shape(), shape))
                throw ctx.error("residual shape " + Tensor.shapeText(residual.shape())
                        + " differs from the convolution's " + Tensor.shapeText(shape));
            res = GraphExec.f32(residual, ctx).floats();
        }
        float lo = op.min().map(a -> (float) a.value()).orElse(Float.NEGATIVE_INFINITY);
        float hi = op.max().map(a -> (float) a.value()).orElse(Float.POSITIVE_INFINITY);
        ConvEpilogue epi;
        try {
            epi = ConvEpilogue.of(
                    res, op.activation().value(), (float) op.alpha().value(), lo, hi);
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage());
        }
        // the residual add and the activation run on each output row as the kernel finishes it
        return GraphExec.one(Conv.conv(
                x,
                w,
                in.get(2),
                win,
                Math.toIntExact(op.group().longValue()),
                epi.isIdentity() ? null : epi,
                ctx.pool()));
    }

    /** {@return the convolution's output shape}: [N, M, spatial...] for a 1-D or 2-D input */
    private static int[] outputShape(Tensor x, Tensor w, Conv.Window win) {
        if (x.rank() == 3) return new int[] {x.dim(0), w.dim(0), win.outW(x.dim(2), false)};
        return new int[] {x.dim(0), w.dim(0), win.outH(x.dim(2), false), win.outW(x.dim(3), false)};
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
        if (tanh) return GraphExec.one(GraphExec.unary(in.get(0), Activations.geluTanh(), ctx));
        return GraphExec.one(Activation.gelu(GraphExec.f32(in.get(0), ctx), ctx.pool()));
    }

    static List<Tensor> silu(List<Tensor> in, ExecContext ctx) {
        return GraphExec.one(GraphExec.unary(in.get(0), Activations.silu(), ctx));
    }
}
