package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.ShapeInferable;
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
import dev.dal.ir.trait.SameOperandsAndResultElementType;
import java.util.List;
import java.util.Optional;

/**
 * The activation and other one-input elementwise ops of the {@code graph} dialect: their result has the type of
 * their input.
 */
@OpFamily(dialect = "graph")
public final class GraphActivationOpDefs {
    private GraphActivationOpDefs() {}

    /**
     * Rectified linear unit: {@code max(x, 0)}.
     *
     * <pre>{@code
     * %y = graph.relu %x : tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "relu",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Relu extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.dialect.graph.kernel.Activation.relu(GraphExec.f32(in.get(0), ctx), ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "leaky_relu",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface LeakyRelu extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            float a = (float) alpha().value();
            return GraphExec.one(GraphExec.unary(in.get(0), v -> v < 0 ? v * a : v, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code alpha} (default 0.01 : f32)} */
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
    @Op(
            name = "elu",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Elu extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            float a = (float) alpha().value();
            return GraphExec.one(GraphExec.unary(in.get(0), v -> v < 0 ? (float) (a * Math.expm1(v)) : v, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code alpha} (default 1.0 : f32)} */
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
    @Op(
            name = "selu",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Selu extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            float a = (float) alpha().value(), g = (float) gamma().value();
            return GraphExec.one(GraphExec.unary(in.get(0), v -> v > 0 ? g * v : (float) (g * a * Math.expm1(v)), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code alpha} (default 1.67326319217681884765625 : f32)} */
        @Attr(
                name = "alpha",
                defaultValue = "1.67326319217681884765625 : f32",
                doc = "ONNX attribute `alpha` (default 1.67326319217681884765625 : f32)")
        FloatAttr alpha();

        /** {@return the ONNX attribute {@code gamma} (default 1.05070102214813232421875 : f32)} */
        @Attr(
                name = "gamma",
                defaultValue = "1.05070102214813232421875 : f32",
                doc = "ONNX attribute `gamma` (default 1.05070102214813232421875 : f32)")
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
    @Op(
            name = "sigmoid",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Sigmoid extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) (1.0 / (1.0 + Math.exp(-v))), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "hard_sigmoid",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface HardSigmoid extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            float a = (float) alpha().value(), b = (float) beta().value();
            return GraphExec.one(dev.dal.dialect.graph.kernel.Activation.hardSigmoid(
                    GraphExec.f32(in.get(0), ctx), a, b, ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code alpha} (default 0.2 : f32)} */
        @Attr(name = "alpha", defaultValue = "0.2 : f32", doc = "ONNX attribute `alpha` (default 0.2 : f32)")
        FloatAttr alpha();

        /** {@return the ONNX attribute {@code beta} (default 0.5 : f32)} */
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
    @Op(
            name = "hard_swish",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface HardSwish extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.dialect.graph.kernel.Activation.hardSwish(GraphExec.f32(in.get(0), ctx), ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "tanh",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Tanh extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.tanh(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "erf",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Erf extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    GraphExec.unary(in.get(0), v -> (float) dev.dal.dialect.graph.kernel.Elementwise.erf(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "softplus",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Softplus extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) (v > 20 ? v : Math.log1p(Math.exp(v))), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "softsign",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Softsign extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> v / (1f + Math.abs(v)), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "softmax",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Softmax extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Softmax.softmax(
                    GraphExec.f32(in.get(0), ctx), Math.toIntExact(axis().longValue()), false, ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code axis} (default -1 : i64)} */
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
    @Op(
            name = "log_softmax",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface LogSoftmax extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Softmax.softmax(
                    GraphExec.f32(in.get(0), ctx), Math.toIntExact(axis().longValue()), true, ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code axis} (default -1 : i64)} */
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
    @Op(
            name = "sqrt",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Sqrt extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.sqrt(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "reciprocal",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Reciprocal extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> 1f / v, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "exp",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Exp extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.exp(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "log",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Log extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.log(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "neg",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Neg extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unaryOrInt(in.get(0), v -> -v, v -> -v, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "abs",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Abs extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unaryOrInt(in.get(0), Math::abs, Math::abs, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "floor",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Floor extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.floor(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "ceil",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Ceil extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.ceil(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "round",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Round extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.rint(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "sign",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Sign extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unaryOrInt(in.get(0), Math::signum, Long::signum, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "sin",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Sin extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.sin(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "cos",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Cos extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.unary(in.get(0), v -> (float) Math.cos(v), ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "FLOAT_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "identity",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Identity
            extends ShapeInferable,
                    dev.dal.ir.interp.Executable,
                    dev.dal.ir.interp.ValueExecutable,
                    dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.identity();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return List.of(in.get(0));
        }

        /** Identity also passes sequences and optionals. */
        @Override
        default java.util.List<dev.dal.ir.interp.RuntimeValue> executeValues(
                java.util.List<dev.dal.ir.interp.RuntimeValue> in, dev.dal.ir.interp.ExecContext ctx) {
            return List.of(in.get(0));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "ANY", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "ANY", doc = "ONNX output #0")
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
    @Op(
            name = "not",
            traits = {Pure.class, SameOperandsAndResultElementType.class})
    public interface Not extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.not(in.get(0));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }
    }
}
