package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Conv;
import dev.dal.dialect.graph.kernel.NonMaxSuppression;
import dev.dal.dialect.graph.kernel.Quantized;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bodies of the quantized ops' and NonMaxSuppression's {@code execute} methods: they check the runtime operand
 * types the kernels rely on (reporting through {@link ExecContext#error}) and call {@link Quantized} or
 * {@link NonMaxSuppression}.
 */
final class GraphQuantExec {
    private GraphQuantExec() {}

    static List<Tensor> quantizeLinear(GraphQuantOpDefs.QuantizeLinear op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0), scale = in.get(1), zero = in.get(2);
        noBlocks(op.blockSize().longValue(), ctx);
        if (!x.dtype().isFloat() && x.dtype() != DType.I32)
            throw ctx.error("x must be a float or i32 tensor, got " + x.dtype());
        floatScale("y_scale", scale, ctx);
        DType out;
        if (!zero.isNone()) out = storageType("y_zero_point", zero, ctx);
        else if (op.outputDtype().longValue() != 0)
            out = storageCode(op.outputDtype().longValue())
                    .orElseThrow(() -> ctx.error("output_dtype "
                            + op.outputDtype().longValue() + " is not an integer type this kernel supports"));
        else out = DType.UI8;
        return GraphExec.one(
                Quantized.quantize(x, scale, zero, Math.toIntExact(op.axis().longValue()), out));
    }

    static List<Tensor> dequantizeLinear(GraphQuantOpDefs.DequantizeLinear op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0), scale = in.get(1), zero = in.get(2);
        noBlocks(op.blockSize().longValue(), ctx);
        if (!x.dtype().isInteger()) throw ctx.error("x must be an integer tensor, got " + x.dtype());
        floatScale("x_scale", scale, ctx);
        if (!zero.isNone() && zero.dtype() != x.dtype())
            throw ctx.error("x_zero_point must have x's type " + x.dtype() + ", got " + zero.dtype());
        return GraphExec.one(
                Quantized.dequantize(x, scale, zero, Math.toIntExact(op.axis().longValue())));
    }

    static List<Tensor> dynamicQuantizeLinear(List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        if (!x.dtype().isFloat()) throw ctx.error("x must be a float tensor, got " + x.dtype());
        Quantized.Dynamic d = Quantized.dynamicQuantize(x);
        return List.of(d.y(), d.scale(), d.zeroPoint());
    }

    static List<Tensor> matMulInteger(List<Tensor> in, ExecContext ctx) {
        Tensor a = operand("A", in.get(0), ctx), b = operand("B", in.get(1), ctx);
        sameType("a_zero_point", in.get(2), a, ctx);
        sameType("b_zero_point", in.get(3), b, ctx);
        return GraphExec.one(Quantized.matMulInteger(a, b, in.get(2), in.get(3)));
    }

    static List<Tensor> convInteger(GraphQuantOpDefs.ConvInteger op, List<Tensor> in, ExecContext ctx) {
        Tensor x = operand("x", in.get(0), ctx), w = operand("w", in.get(1), ctx);
        sameType("x_zero_point", in.get(2), x, ctx);
        sameType("w_zero_point", in.get(3), w, ctx);
        Conv.Window win =
                window(op.autoPad().value(), op.kernelShape(), op.strides(), op.dilations(), op.pads(), x, w, ctx);
        return GraphExec.one(Quantized.convInteger(
                x, w, in.get(2), in.get(3), win, group(op.group().longValue(), ctx)));
    }

    static List<Tensor> qLinearConv(GraphQuantOpDefs.QLinearConv op, List<Tensor> in, ExecContext ctx) {
        Tensor x = operand("x", in.get(0), ctx), w = operand("w", in.get(3), ctx);
        qParams("x", x, in.get(1), in.get(2), ctx);
        qParams("w", w, in.get(4), in.get(5), ctx);
        floatScale("y_scale", in.get(6), ctx);
        storageType("y_zero_point", in.get(7), ctx);
        Tensor bias = in.get(8);
        if (!bias.isNone() && bias.dtype() != DType.I32)
            throw ctx.error("bias must be an i32 tensor, got " + bias.dtype());
        Conv.Window win =
                window(op.autoPad().value(), op.kernelShape(), op.strides(), op.dilations(), op.pads(), x, w, ctx);
        return GraphExec.one(Quantized.qLinearConv(
                x,
                in.get(1),
                in.get(2),
                w,
                in.get(4),
                in.get(5),
                in.get(6),
                in.get(7),
                bias,
                win,
                group(op.group().longValue(), ctx)));
    }

    static List<Tensor> qLinearMatMul(List<Tensor> in, ExecContext ctx) {
        Tensor a = operand("a", in.get(0), ctx), b = operand("b", in.get(3), ctx);
        qParams("a", a, in.get(1), in.get(2), ctx);
        qParams("b", b, in.get(4), in.get(5), ctx);
        floatScale("y_scale", in.get(6), ctx);
        storageType("y_zero_point", in.get(7), ctx);
        return GraphExec.one(
                Quantized.qLinearMatMul(a, in.get(1), in.get(2), b, in.get(4), in.get(5), in.get(6), in.get(7)));
    }

    static Tensor nonMaxSuppression(GraphNnOpDefs.NonMaxSuppression op, List<Tensor> in, ExecContext ctx) {
        Tensor boxes = in.get(0), scores = in.get(1);
        if (!boxes.dtype().isFloat() || !scores.dtype().isFloat())
            throw ctx.error("boxes and scores must be float tensors, got " + boxes.dtype() + " and " + scores.dtype());
        long max = in.get(2).isNone() || in.get(2).size() == 0 ? 0 : in.get(2).getLong(0);
        float iou = in.get(3).isNone() || in.get(3).size() == 0 ? 0 : in.get(3).getFloat(0);
        float score = in.get(4).isNone() || in.get(4).size() == 0
                ? Float.NEGATIVE_INFINITY
                : in.get(4).getFloat(0);
        if (iou < 0 || iou > 1) throw ctx.error("iou_threshold must be in [0, 1], got " + iou);
        return NonMaxSuppression.select(
                boxes,
                scores,
                new NonMaxSuppression.Params(
                        Math.max(0, max), iou, score, op.centerPointBox().longValue() != 0));
    }

    private static Conv.Window window(
            String autoPad,
            Optional<DenseArrayAttr> kernelShape,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> dilations,
            Optional<DenseArrayAttr> pads,
            Tensor x,
            Tensor w,
            ExecContext ctx) {
        if (x.rank() < 3 || w.rank() != x.rank())
            throw ctx.error("x " + x + " and w " + w + " must have the same rank, at least 3");
        long[] kernel = kernelShape
                .map(DenseArrayAttr::toLongArray)
                .orElseGet(() ->
                        Arrays.stream(w.shape(), 2, w.rank()).asLongStream().toArray());
        return GraphExec.window(autoPad, kernel, strides, dilations, pads, x.shape(), ctx);
    }

    private static int group(long g, ExecContext ctx) {
        if (g < 1) throw ctx.error("group must be at least 1, got " + g);
        return Math.toIntExact(g);
    }

    private static void noBlocks(long blockSize, ExecContext ctx) {
        if (blockSize != 0) throw ctx.error("blocked quantization (block_size = " + blockSize + ") is not supported");
    }

    private static Tensor operand(String name, Tensor t, ExecContext ctx) {
        if (t.dtype() != DType.UI8 && t.dtype() != DType.I8)
            throw ctx.error(name + " must be a ui8 or i8 tensor, got " + t.dtype());
        return t;
    }

    private static void sameType(String name, Tensor zero, Tensor of, ExecContext ctx) {
        if (!zero.isNone() && zero.dtype() != of.dtype())
            throw ctx.error(name + " must have the type of its operand, " + of.dtype() + ", got " + zero.dtype());
    }

    private static void qParams(String name, Tensor t, Tensor scale, Tensor zero, ExecContext ctx) {
        floatScale(name + "_scale", scale, ctx);
        sameType(name + "_zero_point", zero, t, ctx);
    }

    private static void floatScale(String name, Tensor s, ExecContext ctx) {
        if (!s.dtype().isFloat()) throw ctx.error(name + " must be a float tensor, got " + s.dtype());
    }

    private static DType storageType(String name, Tensor zero, ExecContext ctx) {
        if (!zero.dtype().isInteger()) throw ctx.error(name + " must be an integer tensor, got " + zero.dtype());
        return zero.dtype();
    }

    /** {@return the integer storage type of an ONNX data type code} */
    private static Optional<DType> storageCode(long code) {
        return Optional.ofNullable(
                switch ((int) code) {
                    case 2 -> DType.UI8;
                    case 3 -> DType.I8;
                    case 4 -> DType.UI16;
                    case 5 -> DType.I16;
                    case 6 -> DType.I32;
                    default -> null;
                });
    }
}
