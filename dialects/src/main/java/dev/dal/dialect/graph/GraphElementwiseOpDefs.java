package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.FloatType;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.OpFamily;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.RegionDef;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.Commutative;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.ReturnLike;
import dev.dal.ir.trait.SameOperandsAndResultType;
import dev.dal.ir.trait.Terminator;
import java.util.List;
import java.util.Optional;

/**
 * The elementwise ops of the {@code graph} dialect: activations, arithmetic with multidirectional
 * broadcasting, comparisons, logic and casts.
 */
@OpFamily(dialect = "graph")
public final class GraphElementwiseOpDefs {
    private GraphElementwiseOpDefs() {}

    /**
     * Rectified linear unit: {@code max(x, 0)}.
     *
     * <pre>{@code
     * %y = graph.relu %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "relu", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Relu extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code x} if positive, else {@code alpha * x}.
     *
     * <pre>{@code
     * %y = graph.leaky_relu %x {alpha = 2.000000e-01 : f32} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "leaky_relu", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface LeakyRelu extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        /** {@return the ONNX attribute `alpha` (default 0.01 : f32)} */
        @Attr(name = "alpha", defaultValue = "0.01 : f32", doc = "ONNX attribute `alpha` (default 0.01 : f32)")
        FloatAttr alpha();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code x} if positive, else {@code alpha * (exp(x) - 1)}.
     *
     * <pre>{@code
     * %y = graph.elu %x {alpha = 5.000000e-01 : f32} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "elu", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Elu extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        /** {@return the ONNX attribute `alpha` (default 1.0 : f32)} */
        @Attr(name = "alpha", defaultValue = "1.0 : f32", doc = "ONNX attribute `alpha` (default 1.0 : f32)")
        FloatAttr alpha();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Scaled ELU: {@code gamma * (x > 0 ? x : alpha * (exp(x) - 1))}.
     *
     * <pre>{@code
     * %y = graph.selu %x {gamma = 2.000000e+00 : f32} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "selu", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Selu extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        /** {@return the ONNX attribute `alpha` (default 1.67326319217681884765625 : f32)} */
        @Attr(name = "alpha", defaultValue = "1.67326319217681884765625 : f32", doc = "ONNX attribute `alpha` (default 1.67326319217681884765625 : f32)")
        FloatAttr alpha();

        /** {@return the ONNX attribute `gamma` (default 1.05070102214813232421875 : f32)} */
        @Attr(name = "gamma", defaultValue = "1.05070102214813232421875 : f32", doc = "ONNX attribute `gamma` (default 1.05070102214813232421875 : f32)")
        FloatAttr gamma();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Logistic function {@code 1 / (1 + exp(-x))}.
     *
     * <pre>{@code
     * %y = graph.sigmoid %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "sigmoid", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Sigmoid extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code max(0, min(1, alpha * x + beta))}.
     *
     * <pre>{@code
     * %y = graph.hard_sigmoid %x {alpha = 2.500000e-01 : f32} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "hard_sigmoid", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface HardSigmoid extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        /** {@return the ONNX attribute `alpha` (default 0.2 : f32)} */
        @Attr(name = "alpha", defaultValue = "0.2 : f32", doc = "ONNX attribute `alpha` (default 0.2 : f32)")
        FloatAttr alpha();

        /** {@return the ONNX attribute `beta` (default 0.5 : f32)} */
        @Attr(name = "beta", defaultValue = "0.5 : f32", doc = "ONNX attribute `beta` (default 0.5 : f32)")
        FloatAttr beta();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code x * max(0, min(1, x / 6 + 1 / 2))}.
     *
     * <pre>{@code
     * %y = graph.hard_swish %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "hard_swish", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface HardSwish extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Hyperbolic tangent.
     *
     * <pre>{@code
     * %y = graph.tanh %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "tanh", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Tanh extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Gauss error function.
     *
     * <pre>{@code
     * %y = graph.erf %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "erf", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Erf extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code log(exp(x) + 1)}.
     *
     * <pre>{@code
     * %y = graph.softplus %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "softplus", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Softplus extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code x / (1 + |x|)}.
     *
     * <pre>{@code
     * %y = graph.softsign %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "softsign", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Softsign extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Normalized exponential along {@code axis}.
     *
     * <pre>{@code
     * %y = graph.softmax %x {axis = 0 : i64} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "softmax", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Softmax extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        /** {@return the ONNX attribute `axis` (default -1 : i64)} */
        @Attr(name = "axis", defaultValue = "-1 : i64", doc = "ONNX attribute `axis` (default -1 : i64)")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), x(), false);
        }
    }

    /**
     * Logarithm of the softmax along {@code axis}.
     *
     * <pre>{@code
     * %y = graph.log_softmax %x {axis = 0 : i64} : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "log_softmax", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface LogSoftmax extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        /** {@return the ONNX attribute `axis` (default -1 : i64)} */
        @Attr(name = "axis", defaultValue = "-1 : i64", doc = "ONNX attribute `axis` (default -1 : i64)")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), x(), false);
        }
    }

    /**
     * Square root.
     *
     * <pre>{@code
     * %y = graph.sqrt %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "sqrt", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Sqrt extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code 1 / x}.
     *
     * <pre>{@code
     * %y = graph.reciprocal %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "reciprocal", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Reciprocal extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Exponential.
     *
     * <pre>{@code
     * %y = graph.exp %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "exp", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Exp extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Natural logarithm.
     *
     * <pre>{@code
     * %y = graph.log %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "log", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Log extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Negation.
     *
     * <pre>{@code
     * %y = graph.neg %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "neg", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Neg extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Absolute value.
     *
     * <pre>{@code
     * %y = graph.abs %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "abs", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Abs extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Round down.
     *
     * <pre>{@code
     * %y = graph.floor %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "floor", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Floor extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Round up.
     *
     * <pre>{@code
     * %y = graph.ceil %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "ceil", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Ceil extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Round to nearest, ties to even.
     *
     * <pre>{@code
     * %y = graph.round %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "round", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Round extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * {@code -1}, {@code 0} or {@code 1} by the sign of {@code x}.
     *
     * <pre>{@code
     * %y = graph.sign %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "sign", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Sign extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Sine.
     *
     * <pre>{@code
     * %y = graph.sin %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "sin", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Sin extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Cosine.
     *
     * <pre>{@code
     * %y = graph.cos %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "cos", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Cos extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "FLOAT_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "FLOAT_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Its input, unchanged.
     *
     * <pre>{@code
     * %y = graph.identity %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "identity", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Identity extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "ANY", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "ANY", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Logical negation of a boolean tensor.
     *
     * <pre>{@code
     * %y = graph.not %x : tensor<2xi1>
     * }</pre>
     */
    @Op(name = "not", traits = {Pure.class, SameOperandsAndResultType.class})
    public interface Not extends ShapeInferable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX output `y`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }

    /**
     * Elementwise sum, with multidirectional broadcasting.
     *
     * <pre>{@code
     * %y = graph.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "add", traits = {Pure.class, Commutative.class})
    public interface Add extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Elementwise difference, with multidirectional broadcasting.
     *
     * <pre>{@code
     * %y = graph.sub %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "sub", traits = {Pure.class})
    public interface Sub extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Elementwise product, with multidirectional broadcasting.
     *
     * <pre>{@code
     * %y = graph.mul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "mul", traits = {Pure.class, Commutative.class})
    public interface Mul extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Elementwise quotient, with multidirectional broadcasting.
     *
     * <pre>{@code
     * %y = graph.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "div", traits = {Pure.class})
    public interface Div extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code lhs} to the power {@code rhs}, elementwise with broadcasting.
     *
     * <pre>{@code
     * %y = graph.pow %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "pow", traits = {Pure.class})
    public interface Pow extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code lhs == rhs}, elementwise with broadcasting; boolean result.
     *
     * <pre>{@code
     * %y = graph.equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "equal", traits = {Pure.class, Commutative.class})
    public interface Equal extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code lhs < rhs}, elementwise with broadcasting; boolean result.
     *
     * <pre>{@code
     * %y = graph.less %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "less", traits = {Pure.class})
    public interface Less extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code lhs > rhs}, elementwise with broadcasting; boolean result.
     *
     * <pre>{@code
     * %y = graph.greater %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "greater", traits = {Pure.class})
    public interface Greater extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code lhs <= rhs}, elementwise with broadcasting; boolean result.
     *
     * <pre>{@code
     * %y = graph.less_or_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "less_or_equal", traits = {Pure.class})
    public interface LessOrEqual extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code lhs >= rhs}, elementwise with broadcasting; boolean result.
     *
     * <pre>{@code
     * %y = graph.greater_or_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "greater_or_equal", traits = {Pure.class})
    public interface GreaterOrEqual extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Logical and of boolean tensors, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.and %a, %b : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "and", traits = {Pure.class, Commutative.class})
    public interface And extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Logical or of boolean tensors, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.or %a, %b : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "or", traits = {Pure.class, Commutative.class})
    public interface Or extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Logical exclusive or of boolean tensors, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.xor %a, %b : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
     * }</pre>
     */
    @Op(name = "xor", traits = {Pure.class, Commutative.class})
    public interface Xor extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "BOOL_TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(IntegerType.I1, List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * Remainder with the sign of the divisor ({@code fmod = 0}) or of the dividend ({@code fmod = 1}), with broadcasting.
     *
     * <pre>{@code
     * %y = graph.mod %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
     * }</pre>
     */
    @Op(name = "mod", traits = {Pure.class})
    public interface Mod extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `lhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `lhs`")
        Value lhs();

        /** {@return the ONNX input `rhs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `rhs`")
        Value rhs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        /** {@return the ONNX attribute `fmod` (default 0 : i64)} */
        @Attr(name = "fmod", defaultValue = "0 : i64", doc = "ONNX attribute `fmod` (default 0 : i64)")
        IntegerAttr fmod();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "fmod", fmod().longValue()) && GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code x} if positive, else {@code slope * x}, with {@code slope} broadcast to {@code x}.
     *
     * <pre>{@code
     * %y = graph.p_relu %x, %s : (tensor<1x3x4xf32>, tensor<3x1xf32>) -> tensor<1x3x4xf32>
     * }</pre>
     */
    @Op(name = "p_relu", traits = {Pure.class})
    public interface PRelu extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX input `slope`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `slope`")
        Value slope();

        /** {@return the ONNX output `y`} */
        @Result(type = "TENSOR", doc = "the ONNX output `y`")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(x()), List.of(x(), slope()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(x(), slope()));
        }
    }

    /**
     * Elementwise maximum of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.max %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "max", traits = {Pure.class, Commutative.class})
    public interface Max extends ShapeInferable, Verifiable {
        /** {@return the ONNX inputs `inputs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `inputs`")
        List<Value> inputs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty() ? error(this, diag, "needs at least one input") : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Elementwise minimum of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.min %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "min", traits = {Pure.class, Commutative.class})
    public interface Min extends ShapeInferable, Verifiable {
        /** {@return the ONNX inputs `inputs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `inputs`")
        List<Value> inputs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty() ? error(this, diag, "needs at least one input") : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Elementwise sum of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.sum %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "sum", traits = {Pure.class, Commutative.class})
    public interface Sum extends ShapeInferable, Verifiable {
        /** {@return the ONNX inputs `inputs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `inputs`")
        List<Value> inputs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty() ? error(this, diag, "needs at least one input") : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Elementwise mean of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.mean %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "mean", traits = {Pure.class, Commutative.class})
    public interface Mean extends ShapeInferable, Verifiable {
        /** {@return the ONNX inputs `inputs`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `inputs`")
        List<Value> inputs();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty() ? error(this, diag, "needs at least one input") : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Limits values to {@code [min, max]}; an absent bound does not limit.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.clip %x, %lo, %n : (tensor<2x3xf32>, tensor<f32>, none) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "clip", traits = {Pure.class})
    public interface Clip extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `input`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `input`")
        Value input();

        /** {@return the ONNX input `min` (`none` when absent)} */
        @Operand(type = "TENSOR_OR_NONE", doc = "the ONNX input `min` (`none` when absent)")
        Value min();

        /** {@return the ONNX input `max` (`none` when absent)} */
        @Operand(type = "TENSOR_OR_NONE", doc = "the ONNX input `max` (`none` when absent)")
        Value max();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(input());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            for (Value v : List.of(min(), max()))
                if (!isNone(v) && rank(v) > 0 && !(rank(v) == 1 && dim(v, 0) == 1)) return error(this, diag, "min and max must be scalars, but one has type '" + text(v.type()) + "'");
            return true;
        }
    }

    /**
     * Picks from {@code x} where the condition holds, else from {@code y}, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.where %c, %a, %b : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(name = "where", traits = {Pure.class})
    public interface Where extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `condition`} */
        @Operand(type = "BOOL_TENSOR", doc = "the ONNX input `condition`")
        Value condition();

        /** {@return the ONNX input `x`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `x`")
        Value x();

        /** {@return the ONNX input `y`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `y`")
        Value y();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(x()), List.of(condition(), x(), y()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.broadcastable(this, diag, List.of(condition(), x(), y()));
        }
    }

    /**
     * Converts elements to the type given by {@code to} (an ONNX {@code TensorProto.DataType} code).
     *
     * <pre>{@code
     * %y = graph.cast %x {to = 7 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi64>
     * }</pre>
     */
    @Op(name = "cast", traits = {Pure.class})
    public interface Cast extends ShapeInferable, Verifiable {
        /** {@return the ONNX input `input`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `input`")
        Value input();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        /** {@return the ONNX attribute `saturate` (default 1 : i64)} */
        @Attr(name = "saturate", defaultValue = "1 : i64", doc = "ONNX attribute `saturate` (default 1 : i64)")
        IntegerAttr saturate();

        /** {@return the ONNX attribute `to`} */
        @Attr(name = "to", doc = "ONNX attribute `to`")
        IntegerAttr to();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphShapes.onnxElementType(to().longValue()).map(t -> List.of(withElem(input(), t)));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (GraphShapes.onnxElementType(to().longValue()).isPresent()) return true;
            return error(this, diag, "attribute 'to' = " + to().longValue() + " is not a supported ONNX data type");
        }
    }

    /**
     * Converts elements to the element type of {@code targetType}.
     *
     * <pre>{@code
     * %y = graph.cast_like %x, %t : (tensor<2x3xf32>, tensor<1xf16>) -> tensor<2x3xf16>
     * }</pre>
     */
    @Op(name = "cast_like", traits = {Pure.class})
    public interface CastLike extends ShapeInferable {
        /** {@return the ONNX input `input`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `input`")
        Value input();

        /** {@return the ONNX input `targetType`} */
        @Operand(type = "TENSOR", doc = "the ONNX input `targetType`")
        Value targetType();

        /** {@return the ONNX output `output`} */
        @Result(type = "TENSOR", doc = "the ONNX output `output`")
        OpResult output();

        /** {@return the ONNX attribute `saturate` (default 1 : i64)} */
        @Attr(name = "saturate", defaultValue = "1 : i64", doc = "ONNX attribute `saturate` (default 1 : i64)")
        IntegerAttr saturate();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(withElem(input(), elem(targetType())));
        }
    }
}
