package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.OpFamily;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.SameOperandsAndResultType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fused ops of the {@code graph} dialect: what {@code graph-fuse} makes of common ONNX subgraphs (a convolution
 * with its activation and residual, BatchNormalization as a per-channel scale and shift, decomposed GELU and SiLU).
 * They are not ONNX operators; each runs in the interpreter through the same kernels as the ops it replaces.
 */
@OpFamily(dialect = "graph")
public final class GraphFusedOpDefs {
    private GraphFusedOpDefs() {}

    /** The activations a {@code graph.fused_conv} can apply. */
    public static final Set<String> ACTIVATIONS =
            Set.of("none", "relu", "relu6", "leaky_relu", "hard_swish", "sigmoid", "clip");

    /**
     * A convolution (as {@code graph.conv}) plus an optional residual of the result's shape, then an activation:
     * {@code y = activation(conv(x, w, b) + residual)}. {@code alpha} is LeakyRelu's slope; {@code min} and
     * {@code max} bound {@code clip} (an absent bound is unbounded).
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.fused_conv %x, %w, %b, %n {activation = "relu6"} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>, none) -> tensor<1x4x6x6xf32>
     * }</pre>
     */
    @Op(
            name = "fused_conv",
            traits = {Pure.class})
    public interface FusedConv
            extends GraphNnOpDefs.ConvParts, ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphFusedExec.fusedConv(this, in, ctx);
        }

        /** {@return the residual added before the activation, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "the residual added before the activation, `none` when absent")
        Value residual();

        /** {@return the activation applied last (default 'none')} */
        @Attr(
                name = "activation",
                defaultValue = "\"none\"",
                doc = "none, relu, relu6, leaky_relu, hard_swish, sigmoid or clip (default 'none')")
        StringAttr activation();

        /** {@return the slope of {@code leaky_relu} below zero (default 0.01 : f32)} */
        @Attr(name = "alpha", defaultValue = "0.01 : f32", doc = "the slope of `leaky_relu` below zero")
        FloatAttr alpha();

        /** {@return the lower bound of {@code clip}, optional} */
        @Attr(name = "min", doc = "the lower bound of `clip`, optional")
        Optional<FloatAttr> min();

        /** {@return the upper bound of {@code clip}, optional} */
        @Attr(name = "max", doc = "the upper bound of `clip`, optional")
        Optional<FloatAttr> max();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.conv(x(), weight(), window(), elem(x()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.window(this, diag, x(), weight(), group().longValue(), window(), true)) return false;
            if (!isNone(bias()) && rank(bias()) >= 0 && rank(bias()) != 1)
                return error(this, diag, "bias must have rank 1, but has rank " + rank(bias()));
            String act = activation().value();
            if (!ACTIVATIONS.contains(act))
                return error(
                        this,
                        diag,
                        "unknown activation '" + act + "'; expected one of " + String.join(", ", ACTIVATIONS));
            if (!act.equals("clip") && (min().isPresent() || max().isPresent()))
                return error(this, diag, "'min' and 'max' are only for the 'clip' activation, not '" + act + "'");
            if (!isNone(residual())
                    && shape(residual()).isPresent()
                    && shape(y()).isPresent()
                    && !compatible(shape(residual()).get(), shape(y()).get()))
                return error(
                        this,
                        diag,
                        "residual type '" + text(residual().type()) + "' differs from the result type '"
                                + text(y().type()) + "'");
            return true;
        }
    }

    /**
     * A per-channel scale and shift on axis 1: {@code y[n, c, ...] = x[n, c, ...] * scale[c] + shift[c]} (an
     * inference-mode BatchNormalization with its statistics folded in).
     *
     * <pre>{@code
     * %y = graph.scale_shift %x, %s, %t : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
     * }</pre>
     */
    @Op(
            name = "scale_shift",
            traits = {Pure.class})
    public interface ScaleShift extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphFusedExec.scaleShift(in, ctx);
        }

        /** {@return the input, channels on axis 1} */
        @Operand(type = "FLOAT_TENSOR", doc = "the input, channels on axis 1")
        Value x();

        /** {@return one factor per channel} */
        @Operand(type = "FLOAT_TENSOR", doc = "one factor per channel")
        Value scale();

        /** {@return one offset per channel} */
        @Operand(type = "FLOAT_TENSOR", doc = "one offset per channel")
        Value shift();

        /** {@return the result} */
        @Result(type = "FLOAT_TENSOR", doc = "the result")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (rank(x()) >= 0 && rank(x()) < 2)
                return error(this, diag, "input must have rank at least 2, but has rank " + rank(x()));
            long c = dim(x(), 1);
            for (Value v : List.of(scale(), shift())) {
                if (!GraphChecks.rankIs(this, diag, "scale and shift", v, 1)) return false;
                if (c != DYN && dim(v, 0) != DYN && dim(v, 0) != c)
                    return error(
                            this,
                            diag,
                            "scale and shift must have " + c + " elements (the channels), but one has " + dim(v, 0));
            }
            return true;
        }
    }

    /**
     * Gaussian error linear unit, as ONNX Gelu (opset 20): {@code x * 0.5 * (1 + erf(x / sqrt(2)))}, or with
     * {@code approximate = "tanh"}, {@code x * 0.5 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))}.
     *
     * <pre>{@code
     * %y = graph.gelu %x {approximate = "tanh"} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "gelu",
            traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Gelu extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphFusedExec.gelu(approximate().value().equals("tanh"), in, ctx);
        }

        /** {@return the input} */
        @Operand(type = "FLOAT_TENSOR", doc = "the input")
        Value x();

        /** {@return the result} */
        @Result(type = "FLOAT_TENSOR", doc = "the result")
        OpResult y();

        /** {@return the approximation: 'none' (erf) or 'tanh' (default 'none')} */
        @Attr(name = "approximate", defaultValue = "\"none\"", doc = "'none' (erf) or 'tanh' (default 'none')")
        StringAttr approximate();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            String a = approximate().value();
            if (a.equals("none") || a.equals("tanh")) return true;
            return error(this, diag, "approximate must be 'none' or 'tanh', but is '" + a + "'");
        }
    }

    /**
     * Sigmoid linear unit (swish): {@code x * sigmoid(x)}.
     *
     * <pre>{@code
     * %y = graph.silu %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "silu",
            traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Silu extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphFusedExec.silu(in, ctx);
        }

        /** {@return the input} */
        @Operand(type = "FLOAT_TENSOR", doc = "the input")
        Value x();

        /** {@return the result} */
        @Result(type = "FLOAT_TENSOR", doc = "the result")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /** {@return whether two shapes can be equal: same rank, and equal where both dimensions are static} */
    static boolean compatible(List<Long> a, List<Long> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++)
            if (a.get(i) != DYN && b.get(i) != DYN && !a.get(i).equals(b.get(i))) return false;
        return true;
    }
}
