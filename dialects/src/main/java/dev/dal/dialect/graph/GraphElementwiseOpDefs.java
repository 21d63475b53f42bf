package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
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
import dev.dal.ir.trait.Commutative;
import dev.dal.ir.trait.Pure;
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
     * Elementwise sum, with multidirectional broadcasting.
     *
     * <pre>{@code
     * %y = graph.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "add",
            traits = {Pure.class, Commutative.class})
    public interface Add
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.add();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.arith(
                    in, dev.dal.dialect.graph.kernel.Elementwise.BinaryOp.ADD, (a, b) -> a + b, (a, b) -> a + b, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "sub",
            traits = {Pure.class})
    public interface Sub extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.arith(
                    in, dev.dal.dialect.graph.kernel.Elementwise.BinaryOp.SUB, (a, b) -> a - b, (a, b) -> a - b, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "mul",
            traits = {Pure.class, Commutative.class})
    public interface Mul
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.mul();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.arith(
                    in, dev.dal.dialect.graph.kernel.Elementwise.BinaryOp.MUL, (a, b) -> a * b, (a, b) -> a * b, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "div",
            traits = {Pure.class})
    public interface Div extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.arith(
                    in, dev.dal.dialect.graph.kernel.Elementwise.BinaryOp.DIV, (a, b) -> a / b, (a, b) -> a / b, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "pow",
            traits = {Pure.class})
    public interface Pow extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.pow(in, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "equal",
            traits = {Pure.class, Commutative.class})
    public interface Equal extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.compare(in, c -> c == 0);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "less",
            traits = {Pure.class})
    public interface Less extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.compare(in, c -> c < 0);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "greater",
            traits = {Pure.class})
    public interface Greater extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.compare(in, c -> c > 0);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "less_or_equal",
            traits = {Pure.class})
    public interface LessOrEqual extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.compare(in, c -> c <= 0);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "greater_or_equal",
            traits = {Pure.class})
    public interface GreaterOrEqual extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.compare(in, c -> c >= 0);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "and",
            traits = {Pure.class, Commutative.class})
    public interface And extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.logical(in, (a, b) -> a && b);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "or",
            traits = {Pure.class, Commutative.class})
    public interface Or extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.logical(in, (a, b) -> a || b);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "xor",
            traits = {Pure.class, Commutative.class})
    public interface Xor extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.logical(in, (a, b) -> a ^ b);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "mod",
            traits = {Pure.class})
    public interface Mod extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.mod(fmod().longValue() != 0, in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code fmod} (default 0 : i64)} */
        @Attr(name = "fmod", defaultValue = "0 : i64", doc = "ONNX attribute `fmod` (default 0 : i64)")
        IntegerAttr fmod();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return broadcastResult(elem(lhs()), List.of(lhs(), rhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "fmod", fmod().longValue())
                    && GraphChecks.broadcastable(this, diag, List.of(lhs(), rhs()));
        }
    }

    /**
     * {@code x} if positive, else {@code slope * x}, with {@code slope} broadcast to {@code x}.
     *
     * <pre>{@code
     * %y = graph.p_relu %x, %s : (tensor<1x3x4xf32>, tensor<3x1xf32>) -> tensor<1x3x4xf32>
     * }</pre>
     */
    @Op(
            name = "p_relu",
            traits = {Pure.class})
    public interface PRelu extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Elementwise.binary(
                    GraphExec.f32(in.get(0), ctx),
                    GraphExec.f32(in.get(1), ctx),
                    dev.dal.dialect.graph.kernel.Elementwise.BinaryOp.PRELU,
                    ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value slope();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "max",
            traits = {Pure.class, Commutative.class})
    public interface Max extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.variadic(in, dev.dal.dialect.graph.kernel.Elementwise.Variadic.MAX, ctx));
        }

        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty()
                    ? error(this, diag, "needs at least one input")
                    : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Elementwise minimum of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.min %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "min",
            traits = {Pure.class, Commutative.class})
    public interface Min extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.variadic(in, dev.dal.dialect.graph.kernel.Elementwise.Variadic.MIN, ctx));
        }

        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty()
                    ? error(this, diag, "needs at least one input")
                    : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Elementwise sum of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.sum %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "sum",
            traits = {Pure.class, Commutative.class})
    public interface Sum extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.variadic(in, dev.dal.dialect.graph.kernel.Elementwise.Variadic.SUM, ctx));
        }

        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty()
                    ? error(this, diag, "needs at least one input")
                    : GraphChecks.broadcastable(this, diag, inputs());
        }
    }

    /**
     * Elementwise mean of its inputs, with broadcasting.
     *
     * <pre>{@code
     * %y = graph.mean %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1x1xf32>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "mean",
            traits = {Pure.class, Commutative.class})
    public interface Mean extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphExec.variadic(in, dev.dal.dialect.graph.kernel.Elementwise.Variadic.MEAN, ctx));
        }

        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty() ? Optional.empty() : broadcastResult(elem(inputs().getFirst()), inputs());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return inputs().isEmpty()
                    ? error(this, diag, "needs at least one input")
                    : GraphChecks.broadcastable(this, diag, inputs());
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
    @Op(
            name = "clip",
            traits = {Pure.class})
    public interface Clip extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.clip(in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value min();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value max();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(input());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            for (Value v : List.of(min(), max()))
                if (!isNone(v) && rank(v) > 0 && !(rank(v) == 1 && dim(v, 0) == 1))
                    return error(this, diag, "min and max must be scalars, but one has type '" + text(v.type()) + "'");
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
    @Op(
            name = "where",
            traits = {Pure.class})
    public interface Where extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.where(in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #0")
        Value condition();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value x();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value y();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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
    @Op(
            name = "cast",
            traits = {Pure.class})
    public interface Cast
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.cast();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.cast(in.get(0), to().longValue(), ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code saturate} (default 1 : i64)} */
        @Attr(name = "saturate", defaultValue = "1 : i64", doc = "ONNX attribute `saturate` (default 1 : i64)")
        IntegerAttr saturate();

        /** {@return the ONNX attribute {@code to}} */
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
    @Op(
            name = "cast_like",
            traits = {Pure.class})
    public interface CastLike extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.dialect.graph.kernel.Cast.cast(in.get(0), in.get(1).dtype()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value targetType();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code saturate} (default 1 : i64)} */
        @Attr(name = "saturate", defaultValue = "1 : i64", doc = "ONNX attribute `saturate` (default 1 : i64)")
        IntegerAttr saturate();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(withElem(input(), elem(targetType())));
        }
    }
}
