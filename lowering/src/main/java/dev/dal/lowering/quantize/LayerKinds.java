package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.AveragePoolOp;
import dev.dal.dialect.graph.ClipOp;
import dev.dal.dialect.graph.ConcatOp;
import dev.dal.dialect.graph.ConvOp;
import dev.dal.dialect.graph.EluOp;
import dev.dal.dialect.graph.ExpOp;
import dev.dal.dialect.graph.FlattenOp;
import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.dialect.graph.GeluOp;
import dev.dal.dialect.graph.GemmOp;
import dev.dal.dialect.graph.GlobalAveragePoolOp;
import dev.dal.dialect.graph.HardSigmoidOp;
import dev.dal.dialect.graph.HardSwishOp;
import dev.dal.dialect.graph.IdentityOp;
import dev.dal.dialect.graph.LeakyReluOp;
import dev.dal.dialect.graph.MatMulOp;
import dev.dal.dialect.graph.MaxPoolOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.dialect.graph.ReluOp;
import dev.dal.dialect.graph.ReshapeOp;
import dev.dal.dialect.graph.ResizeOp;
import dev.dal.dialect.graph.SigmoidOp;
import dev.dal.dialect.graph.SiluOp;
import dev.dal.dialect.graph.SliceOp;
import dev.dal.dialect.graph.SoftplusOp;
import dev.dal.dialect.graph.SqueezeOp;
import dev.dal.dialect.graph.TanhOp;
import dev.dal.dialect.graph.TransposeOp;
import dev.dal.dialect.graph.UnsqueezeOp;
import dev.dal.dialect.quant.kernel.Lut;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.Operation;
import dev.dal.ir.TensorType;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Which graph ops the {@code quantize} pass can rewrite, and to what ({@link LayerKind}). An op qualifies when its
 * activations are f32 tensors and its attributes are ones the {@code qnn} kernels implement (no auto padding, ceil
 * mode or dilated pooling; constant weights and biases); anything else stays float.
 */
final class LayerKinds {
    private LayerKinds() {}

    /** A real function a {@code qnn.lut} samples, by the name written in its {@code function} attribute. */
    record LutFunction(String name, DoubleUnaryOperator f) {}

    private static final Set<String> CONV_ACTIVATIONS = Set.of("none", "relu", "relu6", "clip");
    private static final Set<String> RESIZE_MODES = Set.of("nearest", "linear");
    private static final Set<String> RESIZE_COORDINATES =
            Set.of("half_pixel", "pytorch_half_pixel", "asymmetric", "align_corners");
    private static final Set<String> NEAREST_MODES = Set.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil");

    /** {@return how {@code op} is quantized, or empty when it has no integer form and stays float} */
    static Optional<LayerKind> of(Operation op) {
        if (op.numResults() == 0 || !isF32(op.result(0))) return Optional.empty();
        LayerKind k = kind(op);
        return k != null && op.numOperands() > 0 && isF32(op.operand(0)) ? Optional.of(k) : Optional.empty();
    }

    private static LayerKind kind(Operation op) {
        return switch (op) {
            case ConvOp c -> conv(c.x(), c.weight(), c.bias(), c.autoPad().value()) ? LayerKind.CONV : null;
            case FusedConvOp c ->
                conv(c.x(), c.weight(), c.bias(), c.autoPad().value())
                                && CONV_ACTIVATIONS.contains(c.activation().value())
                                && (Constants.isNone(c.residual()) || isF32(c.residual()))
                        ? LayerKind.CONV
                        : null;
            case GemmOp g -> gemm(g) ? LayerKind.GEMM : null;
            case MatMulOp m -> matmul(m) ? LayerKind.MATMUL : null;
            case AddOp a -> isF32(a.rhs()) ? LayerKind.ADD : null;
            case MulOp m -> isF32(m.rhs()) ? LayerKind.MUL : null;
            case MaxPoolOp p ->
                rank(p.x()) == 4
                                && p.indices().uses().isEmpty()
                                && p.ceilMode().longValue() == 0
                                && p.autoPad().value().equals("NOTSET")
                                && ones(p.dilations())
                                && p.kernelShape().size() == 2
                        ? LayerKind.MAX_POOL
                        : null;
            case AveragePoolOp p ->
                rank(p.x()) == 4
                                && p.ceilMode().longValue() == 0
                                && p.autoPad().value().equals("NOTSET")
                                && ones(p.dilations())
                                && p.kernelShape().size() == 2
                        ? LayerKind.AVERAGE_POOL
                        : null;
            case GlobalAveragePoolOp p -> rank(p.x()) >= 3 ? LayerKind.GLOBAL_AVERAGE_POOL : null;
            case ConcatOp c -> c.inputs().stream().allMatch(LayerKinds::isF32) ? LayerKind.CONCAT : null;
            case ResizeOp r -> resize(r) ? LayerKind.RESIZE : null;
            case ReshapeOp x -> LayerKind.MOVE;
            case FlattenOp x -> LayerKind.MOVE;
            case TransposeOp x -> LayerKind.MOVE;
            case SqueezeOp x -> LayerKind.MOVE;
            case UnsqueezeOp x -> LayerKind.MOVE;
            case IdentityOp x -> LayerKind.MOVE;
            case SliceOp x -> LayerKind.MOVE;
            default -> lutFunction(op).isPresent() ? LayerKind.LUT : null;
        };
    }

    /** {@return the function of an elementwise non-linear op that becomes a lookup table} */
    static Optional<LutFunction> lutFunction(Operation op) {
        return Optional.ofNullable(
                switch (op) {
                    case ReluOp r -> new LutFunction("relu", x -> Math.max(0, x));
                    case LeakyReluOp l -> {
                        double a = l.alpha().value();
                        yield new LutFunction("leaky_relu", x -> x >= 0 ? x : a * x);
                    }
                    case EluOp e -> {
                        double a = e.alpha().value();
                        yield new LutFunction("elu", x -> x >= 0 ? x : a * Math.expm1(x));
                    }
                    case HardSigmoidOp h -> {
                        double a = h.alpha().value(), b = h.beta().value();
                        yield new LutFunction("hard_sigmoid", x -> Math.max(0, Math.min(1, a * x + b)));
                    }
                    case GeluOp g ->
                        g.approximate().value().equals("tanh")
                                ? new LutFunction(
                                        "gelu",
                                        x -> 0.5
                                                * x
                                                * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))))
                                : named(Lut.Function.GELU);
                    case SigmoidOp s -> named(Lut.Function.SIGMOID);
                    case TanhOp t -> named(Lut.Function.TANH);
                    case HardSwishOp h -> named(Lut.Function.HARD_SWISH);
                    case SiluOp s -> named(Lut.Function.SILU);
                    case ExpOp e -> named(Lut.Function.EXP);
                    case SoftplusOp s -> named(Lut.Function.SOFTPLUS);
                    case ClipOp c -> clip(c);
                    default -> null;
                });
    }

    private static LutFunction named(Lut.Function f) {
        return new LutFunction(f.irName(), f.function());
    }

    private static LutFunction clip(ClipOp c) {
        Optional<Double> lo = bound(c.min()), hi = bound(c.max());
        if (lo == null || hi == null) return null;
        double a = lo.orElse(Double.NEGATIVE_INFINITY), b = hi.orElse(Double.POSITIVE_INFINITY);
        return new LutFunction("clip", x -> Math.max(a, Math.min(b, x)));
    }

    /** {@return a clip bound: empty when absent, null when not a constant scalar} */
    private static Optional<Double> bound(Value v) {
        if (Constants.isNone(v)) return Optional.empty();
        Optional<Tensor> t = Constants.of(v);
        return t.isPresent() && t.get().size() == 1
                ? Optional.of(t.get().toF32().floats()[0] * 1.0)
                : null;
    }

    private static boolean conv(Value x, Value w, Value b, String autoPad) {
        return rank(x) == 4
                && rank(w) == 4
                && Constants.of(w).isPresent()
                && Constants.noneOrConstant(b)
                && autoPad.equals("NOTSET");
    }

    private static boolean gemm(GemmOp g) {
        if (g.transA().longValue() != 0 || rank(g.lhs()) != 2 || rank(g.rhs()) != 2) return false;
        if (Constants.of(g.rhs()).isEmpty() || !isF32(g.rhs())) return false;
        if (Constants.isNone(g.addend())) return true;
        long n = ((TensorType) g.output().type()).shape().get(1);
        return Constants.of(g.addend()).map(c -> c.size() == n || c.size() == 1).orElse(false);
    }

    private static boolean matmul(MatMulOp m) {
        if (!isF32(m.rhs()) || rank(m.lhs()) < 2) return false;
        if (Constants.of(m.rhs()).isPresent() && rank(m.rhs()) == 2) return true;
        List<Long> a = shape(m.lhs()), b = shape(m.rhs());
        return a.size() == b.size() && a.subList(0, a.size() - 2).equals(b.subList(0, b.size() - 2));
    }

    private static boolean resize(ResizeOp r) {
        return rank(r.x()) == 4
                && r.y().type() instanceof TensorType t
                && t.hasStaticShape()
                && r.antialias().longValue() == 0
                && r.axes().isEmpty()
                && RESIZE_MODES.contains(r.mode().value())
                && RESIZE_COORDINATES.contains(r.coordinateTransformationMode().value())
                && NEAREST_MODES.contains(r.nearestMode().value());
    }

    static boolean isF32(Value v) {
        return v.type() instanceof TensorType t && t.elementType().equals(FloatType.F32);
    }

    static int rank(Value v) {
        return v.type() instanceof TensorType t ? t.shape().size() : -1;
    }

    static List<Long> shape(Value v) {
        return ((TensorType) v.type()).shape();
    }

    private static boolean ones(Optional<DenseArrayAttr> a) {
        return a.map(d -> java.util.Arrays.stream(d.toLongArray()).allMatch(x -> x == 1))
                .orElse(true);
    }
}
