package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
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
import java.util.List;
import java.util.Optional;

/**
 * The indexing and tensor-creation ops of the {@code graph} dialect: gathering, scattering, shapes, ranges,
 * one-hot encoding and Einstein summation.
 */
@OpFamily(dialect = "graph")
public final class GraphIndexOpDefs {
    private GraphIndexOpDefs() {}

    /**
     * Takes slices of {@code data} along {@code axis} at the given indices.
     *
     * <pre>{@code
     * %y = graph.gather %x, %i {axis = 1 : i64} : (tensor<5x4xf32>, tensor<2x3xi64>) -> tensor<5x2x3xf32>
     * }</pre>
     */
    @Op(
            name = "gather",
            traits = {Pure.class})
    public interface Gather
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.gather();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.gather(
                    in.get(0), in.get(1), Math.toIntExact(axis().longValue())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value indices();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code axis} (default 0 : i64)} */
        @Attr(name = "axis", defaultValue = "0 : i64", doc = "ONNX attribute `axis` (default 0 : i64)")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.gather(data(), indices(), axis().longValue());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), data(), false);
        }
    }

    /**
     * Takes elements of {@code data} along {@code axis}; the output has the indices' shape.
     *
     * <pre>{@code
     * %y = graph.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x3xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "gather_elements",
            traits = {Pure.class})
    public interface GatherElements extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.gatherElements(
                    in.get(0), in.get(1), Math.toIntExact(axis().longValue())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value indices();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code axis} (default 0 : i64)} */
        @Attr(name = "axis", defaultValue = "0 : i64", doc = "ONNX attribute `axis` (default 0 : i64)")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(withElem(indices(), elem(data())));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.axis(this, diag, "axis", axis().longValue(), data(), false)) return false;
            if (rank(data()) >= 0 && rank(indices()) >= 0 && rank(data()) != rank(indices()))
                return error(
                        this, diag, "data rank " + rank(data()) + " and indices rank " + rank(indices()) + " differ");
            return true;
        }
    }

    /**
     * Gathers slices of {@code data} addressed by the last dim of {@code indices}, after {@code batch_dims}.
     *
     * <pre>{@code
     * %y = graph.gather_nd %x, %i : (tensor<2x3x4xf32>, tensor<5x2xi64>) -> tensor<5x4xf32>
     * }</pre>
     */
    @Op(
            name = "gather_nd",
            traits = {Pure.class})
    public interface GatherND extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Indexing.gatherNd(
                    in.get(0), in.get(1), Math.toIntExact(batchDims().longValue())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value indices();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code batch_dims} (default 0 : i64)} */
        @Attr(name = "batch_dims", defaultValue = "0 : i64", doc = "ONNX attribute `batch_dims` (default 0 : i64)")
        IntegerAttr batchDims();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.gatherNd(data(), indices(), batchDims().longValue());
        }
    }

    /**
     * Writes {@code updates} into a copy of {@code data} at the index tuples of {@code indices}.
     *
     * <pre>{@code
     * %y = graph.scatter_nd %x, %i, %u {reduction = "add"} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
     * }</pre>
     */
    @Op(
            name = "scatter_nd",
            traits = {Pure.class})
    public interface ScatterND extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Scatter.scatterNd(
                    in.get(0),
                    in.get(1),
                    in.get(2),
                    dev.dal.dialect.graph.kernel.Scatter.Reduction.of(
                            reduction().value())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value indices();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value updates();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code reduction} (default 'none')} */
        @Attr(name = "reduction", defaultValue = "\"none\"", doc = "ONNX attribute `reduction` (default 'none')")
        StringAttr reduction();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(data());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.oneOf(this, diag, "reduction", reduction().value(), "none", "add", "mul", "max", "min");
        }
    }

    /**
     * Writes {@code updates} into a copy of {@code data} at per-element indices along {@code axis}.
     *
     * <pre>{@code
     * %y = graph.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<3x3xf32>, tensor<1x2xi64>, tensor<1x2xf32>) -> tensor<3x3xf32>
     * }</pre>
     */
    @Op(
            name = "scatter_elements",
            traits = {Pure.class})
    public interface ScatterElements extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Scatter.scatterElements(
                    in.get(0),
                    in.get(1),
                    in.get(2),
                    Math.toIntExact(axis().longValue()),
                    dev.dal.dialect.graph.kernel.Scatter.Reduction.of(
                            reduction().value())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value indices();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value updates();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code axis} (default 0 : i64)} */
        @Attr(name = "axis", defaultValue = "0 : i64", doc = "ONNX attribute `axis` (default 0 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code reduction} (default 'none')} */
        @Attr(name = "reduction", defaultValue = "\"none\"", doc = "ONNX attribute `reduction` (default 'none')")
        StringAttr reduction();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(data());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), data(), false)
                    && GraphChecks.oneOf(
                            this, diag, "reduction", reduction().value(), "none", "add", "mul", "max", "min");
        }
    }

    /**
     * The input's shape as a 1-D {@code i64} tensor, optionally the dims {@code [start, end)} only.
     *
     * <pre>{@code
     * %y = graph.shape %x {start = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2xi64>
     * }</pre>
     */
    @Op(
            name = "shape",
            traits = {Pure.class})
    public interface Shape
            extends ShapeInferable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.shape();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.shape(this, in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX output #0} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #0")
        OpResult shape();

        /** {@return the ONNX attribute {@code end}, optional} */
        @Attr(name = "end", doc = "ONNX attribute `end`, optional")
        Optional<IntegerAttr> end();

        /** {@return the ONNX attribute {@code start} (default 0 : i64)} */
        @Attr(name = "start", defaultValue = "0 : i64", doc = "ONNX attribute `start` (default 0 : i64)")
        IntegerAttr start();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.shapeOf(data(), start().longValue(), end().map(IntegerAttr::longValue));
        }
    }

    /**
     * The input's number of elements as an {@code i64} scalar.
     *
     * <pre>{@code
     * %y = graph.size %x : (tensor<2x3xf32>) -> tensor<i64>
     * }</pre>
     */
    @Op(
            name = "size",
            traits = {Pure.class})
    public interface Size extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.ir.interp.Tensor.of(new long[] {in.get(0).size()}));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX output #0} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #0")
        OpResult size();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(tensor(List.of(), IntegerType.I64));
        }
    }

    /**
     * A tensor of the given shape filled with the one element of {@code value} (0.0 f32 by default).
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<[2, 3]> : tensor<2xi64>} : tensor<2xi64>
     * %y = graph.constant_of_shape %s {value = dense<1> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x3xi32>
     * }</pre>
     */
    @Op(
            name = "constant_of_shape",
            traits = {Pure.class})
    public interface ConstantOfShape extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.constantOfShape(value(), in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code value}, optional} */
        @Attr(name = "value", doc = "ONNX attribute `value`, optional")
        Optional<Attribute> value();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            Type et = value().flatMap(Attribute::type)
                    .map(t -> t instanceof dev.dal.ir.ShapedType s ? s.elementType() : t)
                    .orElse(FloatType.F32);
            Optional<long[]> s = constInts(constant(c, 0));
            if (s.isEmpty()) return one(dynamicOfRank(length1d(input()), et));
            List<Long> dims = new java.util.ArrayList<>();
            for (long d : s.get()) dims.add(d);
            return one(tensor(dims, et));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.rankIs(this, diag, "input", input(), 1);
        }
    }

    /**
     * The sequence {@code start, start + delta, ...} up to (excluding) {@code limit}.
     *
     * <pre>{@code
     * %y = graph.range %a, %b, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
     * }</pre>
     */
    @Op(
            name = "range",
            traits = {Pure.class})
    public interface Range extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.range(in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value start();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value limit();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value delta();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.range(
                    start(),
                    GraphInference.asDoubles(constant(c, 0)),
                    GraphInference.asDoubles(constant(c, 1)),
                    GraphInference.asDoubles(constant(c, 2)));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            for (Value v : List.of(start(), limit(), delta()))
                if (rank(v) > 0)
                    return error(
                            this,
                            diag,
                            "start, limit and delta must be scalars, but one has type '" + text(v.type()) + "'");
            return true;
        }
    }

    /**
     * The indices of the non-zero elements, one column per element ({@code [rank, ?]}, {@code i64}).
     *
     * <pre>{@code
     * %y = graph.non_zero %x : (tensor<2x3xf32>) -> tensor<2x?xi64>
     * }</pre>
     */
    @Op(
            name = "non_zero",
            traits = {Pure.class})
    public interface NonZero extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Indexing.nonZero(in.get(0)));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #0")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(
                    rank(x()) < 0
                            ? dynamicOfRank(2, IntegerType.I64)
                            : tensor(List.of((long) rank(x()), DYN), IntegerType.I64));
        }
    }

    /**
     * Keeps the upper or lower triangle of the last two dims, shifted by diagonal offset {@code k}.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.trilu %x, %n {upper = 0 : i64} : (tensor<3x3xf32>, none) -> tensor<3x3xf32>
     * }</pre>
     */
    @Op(
            name = "trilu",
            traits = {Pure.class})
    public interface Trilu extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            long k = in.get(1).isNone() || in.get(1).size() == 0 ? 0 : in.get(1).getLong(0);
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.trilu(in.get(0), k, upper().longValue() != 0));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value k();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code upper} (default 1 : i64)} */
        @Attr(name = "upper", defaultValue = "1 : i64", doc = "ONNX attribute `upper` (default 1 : i64)")
        IntegerAttr upper();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(input());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "upper", upper().longValue())
                    && (rank(input()) < 0
                            || rank(input()) >= 2
                            || error(this, diag, "input must have rank at least 2, but has rank " + rank(input())));
        }
    }

    /**
     * One-hot encoding: {@code values[1]} at each index along a new {@code axis} of size {@code depth}, {@code values[0]} elsewhere.
     *
     * <pre>{@code
     * %d = graph.constant {value = dense<5> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.one_hot %i, %d, %v : (tensor<3xi64>, tensor<1xi64>, tensor<2xf32>) -> tensor<3x5xf32>
     * }</pre>
     */
    @Op(
            name = "one_hot",
            traits = {Pure.class})
    public interface OneHot extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.oneHot(
                    in.get(0), (long) in.get(1).getDouble(0), in.get(2), Math.toIntExact(axis().longValue())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value indices();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value depth();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value values();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code axis} (default -1 : i64)} */
        @Attr(name = "axis", defaultValue = "-1 : i64", doc = "ONNX attribute `axis` (default -1 : i64)")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.oneHot(indices(), constInts(constant(c, 1)), values(), axis().longValue());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            int r = rank(indices());
            if (r >= 0 && (axis().longValue() < -r - 1 || axis().longValue() > r))
                return error(
                        this,
                        diag,
                        "attribute 'axis' = " + axis().longValue() + " is out of range [" + (-r - 1) + ", " + r
                                + "] for rank " + r);
            return true;
        }
    }

    /**
     * Einstein summation over its inputs as given by {@code equation}.
     *
     * <pre>{@code
     * %y = graph.einsum %a, %b {equation = "ij,jk->ik"} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
     * }</pre>
     */
    @Op(
            name = "einsum",
            traits = {Pure.class})
    public interface Einsum extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.dialect.graph.kernel.Einsum.einsum(equation().value(), in, ctx.pool()));
        }

        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code equation}} */
        @Attr(name = "equation", doc = "ONNX attribute `equation`")
        StringAttr equation();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return inputs().isEmpty()
                    ? Optional.empty()
                    : GraphInference.einsum(inputs(), equation().value(), elem(inputs().getFirst()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            String eq = equation().value().replace(" ", "");
            int terms = eq.split("->", -1)[0].split(",", -1).length;
            if (eq.isEmpty()) return error(this, diag, "attribute 'equation' must not be empty");
            if (terms != inputs().size())
                return error(
                        this,
                        diag,
                        "equation '" + equation().value() + "' has " + terms + " input terms, but the op has "
                                + inputs().size() + " inputs");
            return true;
        }
    }
}
