package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
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
import java.util.List;
import java.util.Optional;

/**
 * The reduction ops of the {@code graph} dialect: {@code Reduce*}, {@code ArgMax}/{@code ArgMin}, {@code TopK},
 * {@code CumSum}.
 */
@OpFamily(dialect = "graph")
public final class GraphReduceOpDefs {
    private GraphReduceOpDefs() {}

    /**
     * Mean over {@code axes} (all dims when absent, unless {@code noop_with_empty_axes}), keeping reduced dims as 1 with {@code keepdims}.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.reduce_mean %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "reduce_mean",
            traits = {Pure.class})
    public interface ReduceMean extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reduce(
                    in.get(0),
                    in.get(1),
                    keepdims().longValue(),
                    noopWithEmptyAxes().longValue(),
                    dev.dal.dialect.graph.kernel.Reduce.Op.MEAN,
                    ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code noop_with_empty_axes} (default 0 : i64)} */
        @Attr(
                name = "noop_with_empty_axes",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `noop_with_empty_axes` (default 0 : i64)")
        IntegerAttr noopWithEmptyAxes();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reduce(
                    data(),
                    axes(),
                    constInts(constant(c, 1)),
                    keepdims().longValue() != 0,
                    noopWithEmptyAxes().longValue() != 0,
                    elem(data()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this,
                            diag,
                            "noop_with_empty_axes",
                            noopWithEmptyAxes().longValue());
        }
    }

    /**
     * Sum over {@code axes} (all dims when absent, unless {@code noop_with_empty_axes}), keeping reduced dims as 1 with {@code keepdims}.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.reduce_sum %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "reduce_sum",
            traits = {Pure.class})
    public interface ReduceSum extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reduce(
                    in.get(0),
                    in.get(1),
                    keepdims().longValue(),
                    noopWithEmptyAxes().longValue(),
                    dev.dal.dialect.graph.kernel.Reduce.Op.SUM,
                    ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code noop_with_empty_axes} (default 0 : i64)} */
        @Attr(
                name = "noop_with_empty_axes",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `noop_with_empty_axes` (default 0 : i64)")
        IntegerAttr noopWithEmptyAxes();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reduce(
                    data(),
                    axes(),
                    constInts(constant(c, 1)),
                    keepdims().longValue() != 0,
                    noopWithEmptyAxes().longValue() != 0,
                    elem(data()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this,
                            diag,
                            "noop_with_empty_axes",
                            noopWithEmptyAxes().longValue());
        }
    }

    /**
     * Maximum over {@code axes} (all dims when absent, unless {@code noop_with_empty_axes}), keeping reduced dims as 1 with {@code keepdims}.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.reduce_max %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "reduce_max",
            traits = {Pure.class})
    public interface ReduceMax extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reduce(
                    in.get(0),
                    in.get(1),
                    keepdims().longValue(),
                    noopWithEmptyAxes().longValue(),
                    dev.dal.dialect.graph.kernel.Reduce.Op.MAX,
                    ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code noop_with_empty_axes} (default 0 : i64)} */
        @Attr(
                name = "noop_with_empty_axes",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `noop_with_empty_axes` (default 0 : i64)")
        IntegerAttr noopWithEmptyAxes();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reduce(
                    data(),
                    axes(),
                    constInts(constant(c, 1)),
                    keepdims().longValue() != 0,
                    noopWithEmptyAxes().longValue() != 0,
                    elem(data()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this,
                            diag,
                            "noop_with_empty_axes",
                            noopWithEmptyAxes().longValue());
        }
    }

    /**
     * Minimum over {@code axes} (all dims when absent, unless {@code noop_with_empty_axes}), keeping reduced dims as 1 with {@code keepdims}.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.reduce_min %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "reduce_min",
            traits = {Pure.class})
    public interface ReduceMin extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reduce(
                    in.get(0),
                    in.get(1),
                    keepdims().longValue(),
                    noopWithEmptyAxes().longValue(),
                    dev.dal.dialect.graph.kernel.Reduce.Op.MIN,
                    ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code noop_with_empty_axes} (default 0 : i64)} */
        @Attr(
                name = "noop_with_empty_axes",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `noop_with_empty_axes` (default 0 : i64)")
        IntegerAttr noopWithEmptyAxes();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reduce(
                    data(),
                    axes(),
                    constInts(constant(c, 1)),
                    keepdims().longValue() != 0,
                    noopWithEmptyAxes().longValue() != 0,
                    elem(data()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this,
                            diag,
                            "noop_with_empty_axes",
                            noopWithEmptyAxes().longValue());
        }
    }

    /**
     * Product over {@code axes} (all dims when absent, unless {@code noop_with_empty_axes}), keeping reduced dims as 1 with {@code keepdims}.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.reduce_prod %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "reduce_prod",
            traits = {Pure.class})
    public interface ReduceProd extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reduce(
                    in.get(0),
                    in.get(1),
                    keepdims().longValue(),
                    noopWithEmptyAxes().longValue(),
                    dev.dal.dialect.graph.kernel.Reduce.Op.PROD,
                    ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code noop_with_empty_axes} (default 0 : i64)} */
        @Attr(
                name = "noop_with_empty_axes",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `noop_with_empty_axes` (default 0 : i64)")
        IntegerAttr noopWithEmptyAxes();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reduce(
                    data(),
                    axes(),
                    constInts(constant(c, 1)),
                    keepdims().longValue() != 0,
                    noopWithEmptyAxes().longValue() != 0,
                    elem(data()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this,
                            diag,
                            "noop_with_empty_axes",
                            noopWithEmptyAxes().longValue());
        }
    }

    /**
     * Euclidean norm over {@code axes} (all dims when absent, unless {@code noop_with_empty_axes}), keeping reduced dims as 1 with {@code keepdims}.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.reduce_l2 %x, %a {keepdims = 0 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "reduce_l2",
            traits = {Pure.class})
    public interface ReduceL2 extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reduce(
                    in.get(0),
                    in.get(1),
                    keepdims().longValue(),
                    noopWithEmptyAxes().longValue(),
                    dev.dal.dialect.graph.kernel.Reduce.Op.L2,
                    ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code noop_with_empty_axes} (default 0 : i64)} */
        @Attr(
                name = "noop_with_empty_axes",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `noop_with_empty_axes` (default 0 : i64)")
        IntegerAttr noopWithEmptyAxes();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reduce(
                    data(),
                    axes(),
                    constInts(constant(c, 1)),
                    keepdims().longValue() != 0,
                    noopWithEmptyAxes().longValue() != 0,
                    elem(data()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this,
                            diag,
                            "noop_with_empty_axes",
                            noopWithEmptyAxes().longValue());
        }
    }

    /**
     * The index ({@code i64}) of the largest element along {@code axis}, the first or (with {@code select_last_index}) last of ties.
     *
     * <pre>{@code
     * %y = graph.arg_max %x {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
     * }</pre>
     */
    @Op(
            name = "arg_max",
            traits = {Pure.class})
    public interface ArgMax extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Reduce.arg(
                    in.get(0),
                    Math.toIntExact(axis().longValue()),
                    keepdims().longValue() != 0,
                    true,
                    selectLastIndex().longValue() != 0));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX output #0} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code axis} (default 0 : i64)} */
        @Attr(name = "axis", defaultValue = "0 : i64", doc = "ONNX attribute `axis` (default 0 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code select_last_index} (default 0 : i64)} */
        @Attr(
                name = "select_last_index",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `select_last_index` (default 0 : i64)")
        IntegerAttr selectLastIndex();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.argReduce(
                    data(), axis().longValue(), keepdims().longValue() != 0);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), data(), false)
                    && GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this, diag, "select_last_index", selectLastIndex().longValue());
        }
    }

    /**
     * The index ({@code i64}) of the smallest element along {@code axis}, the first or (with {@code select_last_index}) last of ties.
     *
     * <pre>{@code
     * %y = graph.arg_min %x {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
     * }</pre>
     */
    @Op(
            name = "arg_min",
            traits = {Pure.class})
    public interface ArgMin extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Reduce.arg(
                    in.get(0),
                    Math.toIntExact(axis().longValue()),
                    keepdims().longValue() != 0,
                    false,
                    selectLastIndex().longValue() != 0));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX output #0} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #0")
        OpResult reduced();

        /** {@return the ONNX attribute {@code axis} (default 0 : i64)} */
        @Attr(name = "axis", defaultValue = "0 : i64", doc = "ONNX attribute `axis` (default 0 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code keepdims} (default 1 : i64)} */
        @Attr(name = "keepdims", defaultValue = "1 : i64", doc = "ONNX attribute `keepdims` (default 1 : i64)")
        IntegerAttr keepdims();

        /** {@return the ONNX attribute {@code select_last_index} (default 0 : i64)} */
        @Attr(
                name = "select_last_index",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `select_last_index` (default 0 : i64)")
        IntegerAttr selectLastIndex();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.argReduce(
                    data(), axis().longValue(), keepdims().longValue() != 0);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), data(), false)
                    && GraphChecks.flag(this, diag, "keepdims", keepdims().longValue())
                    && GraphChecks.flag(
                            this, diag, "select_last_index", selectLastIndex().longValue());
        }
    }

    /**
     * The {@code k} largest (or smallest) elements along {@code axis} and their {@code i64} indices.
     *
     * <pre>{@code
     * %k = graph.constant {value = dense<4> : tensor<1xi64>} : tensor<1xi64>
     * %y:2 = graph.top_k %x, %k {largest = 0 : i64} : (tensor<3x10xf32>, tensor<1xi64>) -> (tensor<3x4xf32>, tensor<3x4xi64>)
     * }</pre>
     */
    @Op(
            name = "top_k",
            traits = {Pure.class})
    public interface TopK extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            dev.dal.ir.interp.Tensor k = in.get(1);
            if (k.size() != 1) throw ctx.error("k must hold one element, got " + k.size());
            var r = dev.dal.dialect.graph.kernel.Indexing.topK(
                    in.get(0),
                    k.getLong(0),
                    Math.toIntExact(axis().longValue()),
                    largest().longValue() != 0);
            return java.util.List.of(r.values(), r.indices());
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value k();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult values();

        /** {@return ONNX output #1} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #1")
        OpResult indices();

        /** {@return the ONNX attribute {@code axis} (default -1 : i64)} */
        @Attr(name = "axis", defaultValue = "-1 : i64", doc = "ONNX attribute `axis` (default -1 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code largest} (default 1 : i64)} */
        @Attr(name = "largest", defaultValue = "1 : i64", doc = "ONNX attribute `largest` (default 1 : i64)")
        IntegerAttr largest();

        /** {@return the ONNX attribute {@code sorted} (default 1 : i64)} */
        @Attr(name = "sorted", defaultValue = "1 : i64", doc = "ONNX attribute `sorted` (default 1 : i64)")
        IntegerAttr sorted();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.topK(x(), constInts(constant(c, 1)), axis().longValue());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), x(), false)
                    && GraphChecks.flag(this, diag, "largest", largest().longValue())
                    && GraphChecks.flag(this, diag, "sorted", sorted().longValue());
        }
    }

    /**
     * Cumulative sum along the axis given by a scalar operand, optionally exclusive or reversed.
     *
     * <pre>{@code
     * %y = graph.cum_sum %x, %a {reverse = 1 : i64} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "cum_sum",
            traits = {Pure.class})
    public interface CumSum extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Reduce.cumSum(
                    in.get(0),
                    Math.toIntExact(in.get(1).getLong(0)),
                    exclusive().longValue() != 0,
                    reverse().longValue() != 0));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value axis();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code exclusive} (default 0 : i64)} */
        @Attr(name = "exclusive", defaultValue = "0 : i64", doc = "ONNX attribute `exclusive` (default 0 : i64)")
        IntegerAttr exclusive();

        /** {@return the ONNX attribute {@code reverse} (default 0 : i64)} */
        @Attr(name = "reverse", defaultValue = "0 : i64", doc = "ONNX attribute `reverse` (default 0 : i64)")
        IntegerAttr reverse();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "exclusive", exclusive().longValue())
                    && GraphChecks.flag(this, diag, "reverse", reverse().longValue())
                    && (rank(axis()) <= 0
                            || (rank(axis()) == 1 && dim(axis(), 0) == 1)
                            || error(this, diag, "axis must be a scalar, but has type '" + text(axis().type()) + "'"));
        }
    }
}
