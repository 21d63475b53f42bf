package dev.dal.lowering.quantize;

import static dev.dal.lowering.quantize.ValueQuantizer.qtype;
import static dev.dal.lowering.quantize.ValueQuantizer.scale;

import dev.dal.dialect.graph.AveragePoolOp;
import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.dialect.graph.GemmOp;
import dev.dal.dialect.graph.MaxPoolOp;
import dev.dal.dialect.graph.ResizeOp;
import dev.dal.dialect.quant.QuantChecks;
import dev.dal.dialect.quant.kernel.Lut;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emits the quantized form of one planned op ({@link LayerKind}) in place of the float op: the {@code qnn} op with its
 * fixed-point requantization attributes ({@code QuantChecks.rescaleAttrs}), or for data movement the same graph op on
 * the input's quantized type.
 */
final class QnnEmitter {
    private final ValueQuantizer vq;
    private final Map<Operation, double[]> weightScales;
    private final Map<Operation, float[]> biases;
    private final boolean perChannel;

    QnnEmitter(
            ValueQuantizer vq,
            Map<Operation, double[]> weightScales,
            Map<Operation, float[]> biases,
            boolean perChannel) {
        this.vq = vq;
        this.weightScales = weightScales;
        this.biases = biases;
        this.perChannel = perChannel;
    }

    /** Replaces {@code op} by its quantized form with activations of {@code bits} bits. */
    void emit(Operation op, LayerKind kind, int bits) {
        switch (kind) {
            case CONV -> conv(op, bits);
            case GEMM -> gemm((GemmOp) op, bits);
            case MATMUL -> matmul(op, bits);
            case ADD -> binary(op, bits, true);
            case MUL -> binary(op, bits, false);
            case MAX_POOL -> maxPool((MaxPoolOp) op);
            case AVERAGE_POOL -> averagePool((AveragePoolOp) op, bits);
            case GLOBAL_AVERAGE_POOL -> globalAveragePool(op, bits);
            case CONCAT -> concat(op, bits);
            case RESIZE -> resize((ResizeOp) op);
            case MOVE -> move(op);
            case LUT -> lut(op);
        }
    }

    private void conv(Operation op, int bits) {
        Value x = vq.quantized(op.operand(0), bits);
        Value y = op.result(0);
        double sx = scale(x), sy = vq.activationType(y, bits).scale(0);
        double[] sw = weightScales.get(op);
        Tensor w = Constants.of(op.operand(1)).orElseThrow();
        Value qw = vq.weights(op, w, 0, sw, perChannel);
        Value qb = Constants.of(op.operand(2))
                .map(b -> vq.bias(op, biases.getOrDefault(op, b.toF32().floats()), sx, sw))
                .orElseGet(vq::none);
        Value residual = op.numOperands() > 3 && !Constants.isNone(op.operand(3))
                ? vq.quantized(op.operand(3), bits)
                : vq.none();
        OperationState s = state(op, "qnn.conv", List.of(x, qw, qb, residual), vq.activationType(y, bits));
        copy(op, s, "strides", "pads", "dilations", "group");
        rescale(s, "", ratios(sx, sw, sy));
        if (residual != vq.none()) rescale(s, "residual_", scale(residual) / sy);
        if (op instanceof FusedConvOp f && !f.activation().value().equals("none")) {
            s.addAttribute("activation", f.activation());
            copy(op, s, "min", "max");
        }
        vq.replace(op, s);
    }

    private void gemm(GemmOp op, int bits) {
        Value a = vq.quantized(op.lhs(), bits);
        double sa = scale(a), sy = vq.activationType(op.output(), bits).scale(0);
        double alpha = op.alpha().value(), beta = op.beta().value();
        boolean transB = op.transB().longValue() != 0;
        Tensor b = scaled(Constants.of(op.rhs()).orElseThrow(), alpha);
        double[] sw = weightScales.get(op).clone();
        for (int i = 0; i < sw.length; i++) sw[i] *= Math.abs(alpha);
        int n = Math.toIntExact(((TensorType) op.output().type()).shape().get(1));
        Value qb = Constants.of(op.addend())
                .map(c -> vq.bias(op, columns(c, beta, n), sa, sw))
                .orElseGet(vq::none);
        OperationState s = state(
                op,
                "qnn.gemm",
                List.of(a, vq.weights(op, b, transB ? 0 : 1, sw, perChannel), qb),
                vq.activationType(op.output(), bits));
        if (transB) s.addAttribute("trans_b", BoolAttr.TRUE);
        rescale(s, "", ratios(sa, sw, sy));
        vq.replace(op, s);
    }

    private void matmul(Operation op, int bits) {
        Value a = vq.quantized(op.operand(0), bits);
        double sa = scale(a), sy = vq.activationType(op.result(0), bits).scale(0);
        double[] sw;
        Value b;
        if (weightScales.containsKey(op)) {
            sw = weightScales.get(op);
            b = vq.weights(op, Constants.of(op.operand(1)).orElseThrow(), 1, sw, perChannel);
        } else {
            b = vq.quantized(op.operand(1), bits);
            sw = new double[] {scale(b)};
        }
        OperationState s = state(op, "qnn.matmul", List.of(a, b), vq.activationType(op.result(0), bits));
        rescale(s, "", ratios(sa, sw, sy));
        vq.replace(op, s);
    }

    private void binary(Operation op, int bits, boolean add) {
        Value a = vq.quantized(op.operand(0), bits), b = vq.quantized(op.operand(1), bits);
        QuantizedElementType ty = vq.activationType(op.result(0), bits);
        OperationState s = state(op, add ? "qnn.add" : "qnn.mul", List.of(a, b), ty);
        double sy = ty.scale(0);
        if (add) rescale(s, "", scale(a) / sy, scale(b) / sy);
        else rescale(s, "", scale(a) * scale(b) / sy);
        vq.replace(op, s);
    }

    private void maxPool(MaxPoolOp op) {
        Value x = vq.quantized(op.x(), 0);
        OperationState s = state(op, "qnn.max_pool", List.of(x), ValueQuantizer.sameElementType(op.y(), x));
        copy(op, s, "kernel_shape", "strides", "pads");
        vq.replace(op, s);
    }

    private void averagePool(AveragePoolOp op, int bits) {
        Value x = vq.quantized(op.x(), bits);
        QuantizedElementType ty = vq.activationType(op.y(), bits);
        OperationState s = state(op, "qnn.average_pool", List.of(x), ty);
        copy(op, s, "kernel_shape", "strides", "pads", "count_include_pad");
        rescale(s, "", scale(x) / ty.scale(0));
        vq.replace(op, s);
    }

    private void globalAveragePool(Operation op, int bits) {
        Value x = vq.quantized(op.operand(0), bits);
        QuantizedElementType ty = vq.activationType(op.result(0), bits);
        OperationState s = state(op, "qnn.global_average_pool", List.of(x), ty);
        rescale(s, "", scale(x) / ty.scale(0));
        vq.replace(op, s);
    }

    private void concat(Operation op, int bits) {
        List<Value> ins = new ArrayList<>();
        for (Value v : op.operands()) ins.add(vq.quantized(v, bits));
        QuantizedElementType ty = vq.activationType(op.result(0), bits);
        double[] f = new double[ins.size()];
        for (int i = 0; i < f.length; i++) f[i] = scale(ins.get(i)) / ty.scale(0);
        OperationState s = state(op, "qnn.concat", ins, ty);
        copy(op, s, "axis");
        rescale(s, "", f);
        vq.replace(op, s);
    }

    private void resize(ResizeOp op) {
        Value x = vq.quantized(op.x(), 0);
        OperationState s = state(op, "qnn.resize", List.of(x), ValueQuantizer.sameElementType(op.y(), x));
        copy(op, s, "mode", "coordinate_transformation_mode", "nearest_mode");
        vq.replace(op, s);
    }

    private void move(Operation op) {
        List<Value> operands = new ArrayList<>(op.operands());
        operands.set(0, vq.quantized(operands.getFirst(), 0));
        OperationState s = new OperationState(op.name(), op.loc())
                .addOperands(operands)
                .addResultType(ValueQuantizer.sameElementType(op.result(0), operands.getFirst()));
        for (NamedAttribute a : op.attributes()) s.addAttribute(a.name(), a.value());
        vq.replace(op, s);
    }

    private void lut(Operation op) {
        LayerKinds.LutFunction fn = LayerKinds.lutFunction(op).orElseThrow();
        Value x = vq.quantized(op.operand(0), 8);
        QuantizedElementType ty = vq.activationType(op.result(0), 8);
        int[] table = Lut.build(fn.f(), qtype(x), ty);
        long[] t = new long[table.length];
        for (int i = 0; i < t.length; i++) t[i] = table[i];
        OperationState s = state(op, "qnn.lut", List.of(x), ty);
        s.addAttribute("table", new DenseArrayAttr(IntegerType.I32, t));
        s.addAttribute("function", StringAttr.of(fn.name()));
        vq.replace(op, s);
    }

    private static OperationState state(Operation op, String name, List<Value> operands, Object result) {
        Type type = result instanceof QuantizedElementType q
                ? TensorType.of(((TensorType) op.result(0).type()).shape(), q)
                : (Type) result;
        return new OperationState(name, op.loc()).addOperands(operands).addResultType(type);
    }

    private static void copy(Operation op, OperationState s, String... names) {
        for (String n : names) op.attribute(n).ifPresent(a -> s.addAttribute(n, a));
        if (List.of(names).contains("group") && op.attribute("group").isEmpty())
            s.addAttribute("group", IntegerAttr.i64(1));
    }

    private static void rescale(OperationState s, String prefix, double... factors) {
        List<DenseArrayAttr> a = QuantChecks.rescaleAttrs(factors);
        s.addAttribute(prefix + "multiplier", a.get(0));
        s.addAttribute(prefix + "shift", a.get(1));
    }

    private static double[] ratios(double sx, double[] sw, double sy) {
        double[] f = new double[sw.length];
        for (int i = 0; i < f.length; i++) f[i] = sx * sw[i] / sy;
        return f;
    }

    private static Tensor scaled(Tensor t, double alpha) {
        if (alpha == 1) return t;
        float[] x = t.toF32().floats(), out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) (alpha * x[i]);
        return Tensor.of(out, t.shape());
    }

    /** {@return Gemm's {@code beta * C} as one value per column (a single value broadcast to all)} */
    private static float[] columns(Tensor c, double beta, int n) {
        float[] x = c.toF32().floats(), out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (beta * x[x.length == 1 ? 0 : i]);
        return out;
    }
}
