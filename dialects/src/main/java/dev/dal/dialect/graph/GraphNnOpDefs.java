package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatAttr;
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
 * The neural-network ops of the {@code graph} dialect: convolution, pooling, normalization, matrix products.
 */
@OpFamily(dialect = "graph")
public final class GraphNnOpDefs {
    /**
     * The operands, result and window attributes of a convolution, as ONNX's Conv has them; {@code graph.conv},
     * {@code graph.conv_transpose} and {@code graph.fused_conv} extend it.
     */
    public interface ConvParts {
        /** {@return the input, {@code [n, c, ...]}} */
        @Operand(type = "FLOAT_TENSOR", doc = "the input, `[n, c, ...]`")
        Value x();

        /** {@return the filters} */
        @Operand(type = "FLOAT_TENSOR", doc = "the filters")
        Value weight();

        /** {@return the per-output-channel bias, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "the per-output-channel bias, `none` when absent")
        Value bias();

        /** {@return the result} */
        @Result(type = "FLOAT_TENSOR", doc = "the result")
        OpResult y();

        /** {@return the ONNX attribute {@code auto_pad} (default 'NOTSET')} */
        @Attr(name = "auto_pad", defaultValue = "\"NOTSET\"", doc = "ONNX attribute `auto_pad` (default 'NOTSET')")
        StringAttr autoPad();

        /** {@return the ONNX attribute {@code dilations}, optional} */
        @Attr(name = "dilations", doc = "ONNX attribute `dilations`, optional")
        Optional<DenseArrayAttr> dilations();

        /** {@return the ONNX attribute {@code group} (default 1 : i64)} */
        @Attr(name = "group", defaultValue = "1 : i64", doc = "ONNX attribute `group` (default 1 : i64)")
        IntegerAttr group();

        /** {@return the ONNX attribute {@code kernel_shape}, optional} */
        @Attr(name = "kernel_shape", doc = "ONNX attribute `kernel_shape`, optional")
        Optional<DenseArrayAttr> kernelShape();

        /** {@return the ONNX attribute {@code pads}, optional} */
        @Attr(name = "pads", doc = "ONNX attribute `pads`, optional")
        Optional<DenseArrayAttr> pads();

        /** {@return the ONNX attribute {@code strides}, optional} */
        @Attr(name = "strides", doc = "ONNX attribute `strides`, optional")
        Optional<DenseArrayAttr> strides();

        /** {@return the window the attributes describe} */
        default GraphInference.Window window() {
            return new GraphInference.Window(autoPad().value(), kernelShape(), strides(), dilations(), pads(), false);
        }
    }

    private GraphNnOpDefs() {}

    /**
     * Convolution of an N-D input with a filter bank, with optional bias, padding, strides, dilations and groups.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.conv %x, %w, %n {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, none) -> tensor<1x6x4x4xf32>
     * }</pre>
     */
    @Op(
            name = "conv",
            traits = {Pure.class})
    public interface Conv extends ConvParts, ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.conv(this, in, ctx);
        }

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.conv(x(), weight(), window(), elem(x()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.window(this, diag, x(), weight(), group().longValue(), window(), true)) return false;
            if (!isNone(bias()) && rank(bias()) >= 0 && rank(bias()) != 1)
                return error(this, diag, "bias must have rank 1, but has rank " + rank(bias()));
            if (!isNone(bias())
                    && dim(bias(), 0) != DYN
                    && dim(weight(), 0) != DYN
                    && dim(bias(), 0) != dim(weight(), 0))
                return error(
                        this,
                        diag,
                        "bias has " + dim(bias(), 0) + " elements, but there are " + dim(weight(), 0)
                                + " output channels");
            return true;
        }
    }

    /**
     * Transposed convolution (the gradient of Conv), with output padding or an explicit output shape.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.conv_transpose %x, %w, %n {strides = array<i64: 2, 2>} : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>, none) -> tensor<1x3x11x11xf32>
     * }</pre>
     */
    @Op(
            name = "conv_transpose",
            traits = {Pure.class})
    public interface ConvTranspose extends ConvParts, ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphSpatialExec.convTranspose(this, in, ctx);
        }

        /** {@return the ONNX attribute {@code output_padding}, optional} */
        @Attr(name = "output_padding", doc = "ONNX attribute `output_padding`, optional")
        Optional<DenseArrayAttr> outputPadding();

        /** {@return the ONNX attribute {@code output_shape}, optional} */
        @Attr(name = "output_shape", doc = "ONNX attribute `output_shape`, optional")
        Optional<DenseArrayAttr> outputShape();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.convTranspose(
                    x(), weight(), window(), group().longValue(), outputPadding(), outputShape());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.window(this, diag, x(), weight(), group().longValue(), window(), false)) return false;
            int spatial = rank(x()) - 2;
            return spatial < 0 || GraphChecks.length(this, diag, "output_padding", outputPadding(), spatial);
        }
    }

    /**
     * Normalizes each channel with given (inference) or batch (training) mean and variance, then scales and shifts.
     *
     * <pre>{@code
     * %y:3 = graph.batch_normalization %x, %s, %s, %s, %s {epsilon = 1.000000e-03 : f32} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>)
     * }</pre>
     */
    @Op(
            name = "batch_normalization",
            traits = {Pure.class})
    public interface BatchNormalization extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.batchNorm(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #1")
        Value scale();

        /** {@return ONNX input #2} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #2")
        Value bias();

        /** {@return ONNX input #3} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #3")
        Value inputMean();

        /** {@return ONNX input #4} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #4")
        Value inputVar();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return ONNX output #1} */
        @Result(type = "TENSOR", doc = "ONNX output #1")
        OpResult runningMean();

        /** {@return ONNX output #2} */
        @Result(type = "TENSOR", doc = "ONNX output #2")
        OpResult runningVar();

        /** {@return the ONNX attribute {@code epsilon} (default 1.0E-5 : f32)} */
        @Attr(name = "epsilon", defaultValue = "1.0E-5 : f32", doc = "ONNX attribute `epsilon` (default 1.0E-5 : f32)")
        FloatAttr epsilon();

        /** {@return the ONNX attribute {@code momentum} (default 0.9 : f32)} */
        @Attr(name = "momentum", defaultValue = "0.9 : f32", doc = "ONNX attribute `momentum` (default 0.9 : f32)")
        FloatAttr momentum();

        /** {@return the ONNX attribute {@code training_mode} (default 0 : i64)} */
        @Attr(
                name = "training_mode",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `training_mode` (default 0 : i64)")
        IntegerAttr trainingMode();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return Optional.of(
                    List.of(x().type(), inputMean().type(), inputVar().type()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.flag(this, diag, "training_mode", trainingMode().longValue())) return false;
            long c = dim(x(), 1);
            for (Value v : List.of(scale(), bias(), inputMean(), inputVar())) {
                if (!GraphChecks.rankIs(this, diag, "scale, bias, mean and variance", v, 1)) return false;
                if (c != DYN && dim(v, 0) != DYN && dim(v, 0) != c)
                    return error(
                            this,
                            diag,
                            "scale, bias, mean and variance must have " + c + " elements (the channels), but one has "
                                    + dim(v, 0));
            }
            return true;
        }
    }

    /**
     * Normalizes each instance and channel over its spatial dims, then scales and shifts.
     *
     * <pre>{@code
     * %y = graph.instance_normalization %x, %s, %s : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
     * }</pre>
     */
    @Op(
            name = "instance_normalization",
            traits = {Pure.class})
    public interface InstanceNormalization extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Normalization.instanceNorm(
                    GraphExec.f32(in.get(0), ctx),
                    in.get(1),
                    in.get(2),
                    (float) epsilon().value(),
                    ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #1")
        Value scale();

        /** {@return ONNX input #2} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #2")
        Value bias();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code epsilon} (default 1.0E-5 : f32)} */
        @Attr(name = "epsilon", defaultValue = "1.0E-5 : f32", doc = "ONNX attribute `epsilon` (default 1.0E-5 : f32)")
        FloatAttr epsilon();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return same(input());
        }
    }

    /**
     * Normalizes over the trailing dims from {@code axis}, then scales and (optionally) shifts.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y:3 = graph.layer_normalization %x, %s, %n {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<4xf32>, none) -> (tensor<2x3x4xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
     * }</pre>
     */
    @Op(
            name = "layer_normalization",
            traits = {Pure.class})
    public interface LayerNormalization extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.layerNorm(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #1")
        Value scale();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value bias();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return ONNX output #1} */
        @Result(type = "TENSOR", doc = "ONNX output #1")
        OpResult mean();

        /** {@return ONNX output #2} */
        @Result(type = "TENSOR", doc = "ONNX output #2")
        OpResult invStdDev();

        /** {@return the ONNX attribute {@code axis} (default -1 : i64)} */
        @Attr(name = "axis", defaultValue = "-1 : i64", doc = "ONNX attribute `axis` (default -1 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code epsilon} (default 1.0E-5 : f32)} */
        @Attr(name = "epsilon", defaultValue = "1.0E-5 : f32", doc = "ONNX attribute `epsilon` (default 1.0E-5 : f32)")
        FloatAttr epsilon();

        /** {@return the ONNX attribute {@code stash_type} (default 1 : i64)} */
        @Attr(name = "stash_type", defaultValue = "1 : i64", doc = "ONNX attribute `stash_type` (default 1 : i64)")
        IntegerAttr stashType();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            Type stash = GraphShapes.onnxElementType(stashType().longValue()).orElse(elem(x()));
            int r = rank(x());
            if (r < 0) return Optional.of(List.of(x().type(), unranked(stash), unranked(stash)));
            int a = normalizeAxis(axis().longValue(), r);
            if (a < 0) return Optional.empty();
            List<Long> s = new java.util.ArrayList<>(shape(x()).get());
            for (int i = a; i < r; i++) s.set(i, 1L);
            return Optional.of(List.of(x().type(), tensor(s, stash), tensor(s, stash)));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), x(), false);
        }
    }

    /**
     * Max pooling over sliding windows; the second result holds the flat indices of the maxima.
     *
     * <pre>{@code
     * %y:2 = graph.max_pool %x {ceil_mode = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xi64>)
     * }</pre>
     */
    @Op(
            name = "max_pool",
            traits = {Pure.class})
    public interface MaxPool extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.maxPool(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return ONNX output #1} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #1")
        OpResult indices();

        /** {@return the ONNX attribute {@code auto_pad} (default 'NOTSET')} */
        @Attr(name = "auto_pad", defaultValue = "\"NOTSET\"", doc = "ONNX attribute `auto_pad` (default 'NOTSET')")
        StringAttr autoPad();

        /** {@return the ONNX attribute {@code ceil_mode} (default 0 : i64)} */
        @Attr(name = "ceil_mode", defaultValue = "0 : i64", doc = "ONNX attribute `ceil_mode` (default 0 : i64)")
        IntegerAttr ceilMode();

        /** {@return the ONNX attribute {@code dilations}, optional} */
        @Attr(name = "dilations", doc = "ONNX attribute `dilations`, optional")
        Optional<DenseArrayAttr> dilations();

        /** {@return the ONNX attribute {@code kernel_shape}} */
        @Attr(name = "kernel_shape", doc = "ONNX attribute `kernel_shape`")
        DenseArrayAttr kernelShape();

        /** {@return the ONNX attribute {@code pads}, optional} */
        @Attr(name = "pads", doc = "ONNX attribute `pads`, optional")
        Optional<DenseArrayAttr> pads();

        /** {@return the ONNX attribute {@code storage_order} (default 0 : i64)} */
        @Attr(
                name = "storage_order",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `storage_order` (default 0 : i64)")
        IntegerAttr storageOrder();

        /** {@return the ONNX attribute {@code strides}, optional} */
        @Attr(name = "strides", doc = "ONNX attribute `strides`, optional")
        Optional<DenseArrayAttr> strides();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            Optional<List<Type>> y = GraphInference.pool(
                    x(),
                    new GraphInference.Window(
                            autoPad().value(),
                            Optional.of(kernelShape()),
                            strides(),
                            dilations(),
                            pads(),
                            ceilMode().longValue() != 0),
                    elem(x()));
            return y.map(t -> List.of(
                    t.getFirst(),
                    t.getFirst() instanceof dev.dal.ir.TensorType tt
                            ? tensor(tt.shape(), IntegerType.I64)
                            : unranked(IntegerType.I64)));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.window(
                            this,
                            diag,
                            x(),
                            null,
                            1,
                            new GraphInference.Window(
                                    autoPad().value(),
                                    Optional.of(kernelShape()),
                                    strides(),
                                    dilations(),
                                    pads(),
                                    false),
                            true)
                    && GraphChecks.flag(this, diag, "ceil_mode", ceilMode().longValue())
                    && GraphChecks.flag(
                            this, diag, "storage_order", storageOrder().longValue())
                    && GraphChecks.positive(this, diag, "kernel_shape", Optional.of(kernelShape()));
        }
    }

    /**
     * Average pooling over sliding windows, counting padding or not.
     *
     * <pre>{@code
     * %y = graph.average_pool %x {auto_pad = "SAME_UPPER", kernel_shape = array<i64: 3, 3>, strides = array<i64: 3, 3>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
     * }</pre>
     */
    @Op(
            name = "average_pool",
            traits = {Pure.class})
    public interface AveragePool extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.averagePool(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code auto_pad} (default 'NOTSET')} */
        @Attr(name = "auto_pad", defaultValue = "\"NOTSET\"", doc = "ONNX attribute `auto_pad` (default 'NOTSET')")
        StringAttr autoPad();

        /** {@return the ONNX attribute {@code ceil_mode} (default 0 : i64)} */
        @Attr(name = "ceil_mode", defaultValue = "0 : i64", doc = "ONNX attribute `ceil_mode` (default 0 : i64)")
        IntegerAttr ceilMode();

        /** {@return the ONNX attribute {@code count_include_pad} (default 0 : i64)} */
        @Attr(
                name = "count_include_pad",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `count_include_pad` (default 0 : i64)")
        IntegerAttr countIncludePad();

        /** {@return the ONNX attribute {@code dilations}, optional} */
        @Attr(name = "dilations", doc = "ONNX attribute `dilations`, optional")
        Optional<DenseArrayAttr> dilations();

        /** {@return the ONNX attribute {@code kernel_shape}} */
        @Attr(name = "kernel_shape", doc = "ONNX attribute `kernel_shape`")
        DenseArrayAttr kernelShape();

        /** {@return the ONNX attribute {@code pads}, optional} */
        @Attr(name = "pads", doc = "ONNX attribute `pads`, optional")
        Optional<DenseArrayAttr> pads();

        /** {@return the ONNX attribute {@code strides}, optional} */
        @Attr(name = "strides", doc = "ONNX attribute `strides`, optional")
        Optional<DenseArrayAttr> strides();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.pool(
                    x(),
                    new GraphInference.Window(
                            autoPad().value(),
                            Optional.of(kernelShape()),
                            strides(),
                            dilations(),
                            pads(),
                            ceilMode().longValue() != 0),
                    elem(x()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.window(
                            this,
                            diag,
                            x(),
                            null,
                            1,
                            new GraphInference.Window(
                                    autoPad().value(),
                                    Optional.of(kernelShape()),
                                    strides(),
                                    dilations(),
                                    pads(),
                                    false),
                            true)
                    && GraphChecks.flag(this, diag, "ceil_mode", ceilMode().longValue())
                    && GraphChecks.flag(
                            this, diag, "count_include_pad", countIncludePad().longValue())
                    && GraphChecks.positive(this, diag, "kernel_shape", Optional.of(kernelShape()));
        }
    }

    /**
     * Averages each channel over all spatial dims.
     *
     * <pre>{@code
     * %y = graph.global_average_pool %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
     * }</pre>
     */
    @Op(
            name = "global_average_pool",
            traits = {Pure.class})
    public interface GlobalAveragePool extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.dialect.graph.kernel.Pool.global(GraphExec.f32(in.get(0), ctx), false, ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.globalPool(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return rank(x()) < 0
                    || rank(x()) >= 3
                    || error(this, diag, "input must have rank at least 3, but has rank " + rank(x()));
        }
    }

    /**
     * Takes the maximum of each channel over all spatial dims.
     *
     * <pre>{@code
     * %y = graph.global_max_pool %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
     * }</pre>
     */
    @Op(
            name = "global_max_pool",
            traits = {Pure.class})
    public interface GlobalMaxPool extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(
                    dev.dal.dialect.graph.kernel.Pool.global(GraphExec.f32(in.get(0), ctx), true, ctx.pool()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.globalPool(x());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return rank(x()) < 0
                    || rank(x()) >= 3
                    || error(this, diag, "input must have rank at least 3, but has rank " + rank(x()));
        }
    }

    /**
     * Matrix product with NumPy semantics: 1-D operands are promoted, batch dims broadcast.
     *
     * <pre>{@code
     * %y = graph.mat_mul %a, %b : (tensor<5x2x3xf32>, tensor<3x4xf32>) -> tensor<5x2x4xf32>
     * }</pre>
     */
    @Op(
            name = "mat_mul",
            traits = {Pure.class})
    public interface MatMul extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.MatMul.matmul(
                    GraphExec.f32(in.get(0), ctx), GraphExec.f32(in.get(1), ctx), ctx.pool()));
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
            return GraphInference.matMul(lhs(), rhs(), elem(lhs()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.matMul(this, diag, lhs(), rhs());
        }
    }

    /**
     * General matrix multiply: {@code alpha * A' * B' + beta * C} with optional transposes and a broadcast C.
     *
     * <pre>{@code
     * %y = graph.gemm %a, %b, %c {alpha = 5.000000e-01 : f32, transA = 1 : i64, transB = 1 : i64} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
     * }</pre>
     */
    @Op(
            name = "gemm",
            traits = {Pure.class})
    public interface Gemm extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.gemm(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value addend();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code alpha} (default 1.0 : f32)} */
        @Attr(name = "alpha", defaultValue = "1.0 : f32", doc = "ONNX attribute `alpha` (default 1.0 : f32)")
        FloatAttr alpha();

        /** {@return the ONNX attribute {@code beta} (default 1.0 : f32)} */
        @Attr(name = "beta", defaultValue = "1.0 : f32", doc = "ONNX attribute `beta` (default 1.0 : f32)")
        FloatAttr beta();

        /** {@return the ONNX attribute {@code transA} (default 0 : i64)} */
        @Attr(name = "transA", defaultValue = "0 : i64", doc = "ONNX attribute `transA` (default 0 : i64)")
        IntegerAttr transA();

        /** {@return the ONNX attribute {@code transB} (default 0 : i64)} */
        @Attr(name = "transB", defaultValue = "0 : i64", doc = "ONNX attribute `transB` (default 0 : i64)")
        IntegerAttr transB();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.gemm(lhs(), rhs(), transA().longValue() != 0, transB().longValue() != 0);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.flag(this, diag, "transA", transA().longValue())
                    || !GraphChecks.flag(this, diag, "transB", transB().longValue())) return false;
            if (!GraphChecks.rankIs(this, diag, "A", lhs(), 2) || !GraphChecks.rankIs(this, diag, "B", rhs(), 2))
                return false;
            long ka = dim(lhs(), transA().longValue() != 0 ? 0 : 1), kb = dim(rhs(), transB().longValue() != 0 ? 1 : 0);
            if (ka != DYN && kb != DYN && ka != kb)
                return error(
                        this,
                        diag,
                        "inner dimensions differ: " + ka + " (A" + (transA().longValue() != 0 ? "'" : "") + ") and "
                                + kb + " (B" + (transB().longValue() != 0 ? "'" : "") + ")");
            if (!isNone(addend()) && rank(addend()) > 2)
                return error(this, diag, "C must have rank at most 2, but has rank " + rank(addend()));
            return true;
        }
    }

    /**
     * Identity at inference; in training, zeroes elements with probability {@code ratio} and returns the mask.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y:2 = graph.dropout %x, %n, %n : (tensor<2x3xf32>, none, none) -> (tensor<2x3xf32>, tensor<2x3xi1>)
     * }</pre>
     */
    @Op(
            name = "dropout",
            traits = {Pure.class})
    public interface Dropout
            extends ShapeInferable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.dropout();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.dropout(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value ratio();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value trainingMode();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return ONNX output #1} */
        @Result(type = "BOOL_TENSOR", doc = "ONNX output #1")
        OpResult mask();

        /** {@return the ONNX attribute {@code seed}, optional} */
        @Attr(name = "seed", doc = "ONNX attribute `seed`, optional")
        Optional<IntegerAttr> seed();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return Optional.of(List.of(data().type(), withElem(data(), IntegerType.I1)));
        }
    }

    /**
     * Pools each region of interest to a fixed size by bilinear sampling (Mask R-CNN).
     *
     * <pre>{@code
     * %y = graph.roi_align %x, %r, %i {output_height = 2 : i64, output_width = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<5x4xf32>, tensor<5xi64>) -> tensor<5x3x2x2xf32>
     * }</pre>
     */
    @Op(
            name = "roi_align",
            traits = {Pure.class})
    public interface RoiAlign extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphSpatialExec.roiAlign(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #1")
        Value rois();

        /** {@return ONNX input #2} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #2")
        Value batchIndices();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code coordinate_transformation_mode} (default 'half_pixel')} */
        @Attr(
                name = "coordinate_transformation_mode",
                defaultValue = "\"half_pixel\"",
                doc = "ONNX attribute `coordinate_transformation_mode` (default 'half_pixel')")
        StringAttr coordinateTransformationMode();

        /** {@return the ONNX attribute {@code mode} (default 'avg')} */
        @Attr(name = "mode", defaultValue = "\"avg\"", doc = "ONNX attribute `mode` (default 'avg')")
        StringAttr mode();

        /** {@return the ONNX attribute {@code output_height} (default 1 : i64)} */
        @Attr(
                name = "output_height",
                defaultValue = "1 : i64",
                doc = "ONNX attribute `output_height` (default 1 : i64)")
        IntegerAttr outputHeight();

        /** {@return the ONNX attribute {@code output_width} (default 1 : i64)} */
        @Attr(name = "output_width", defaultValue = "1 : i64", doc = "ONNX attribute `output_width` (default 1 : i64)")
        IntegerAttr outputWidth();

        /** {@return the ONNX attribute {@code sampling_ratio} (default 0 : i64)} */
        @Attr(
                name = "sampling_ratio",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `sampling_ratio` (default 0 : i64)")
        IntegerAttr samplingRatio();

        /** {@return the ONNX attribute {@code spatial_scale} (default 1.0 : f32)} */
        @Attr(
                name = "spatial_scale",
                defaultValue = "1.0 : f32",
                doc = "ONNX attribute `spatial_scale` (default 1.0 : f32)")
        FloatAttr spatialScale();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(tensor(
                    List.of(
                            meet(dim(rois(), 0), dim(batchIndices(), 0)),
                            dim(x(), 1),
                            outputHeight().longValue(),
                            outputWidth().longValue()),
                    elem(x())));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.oneOf(this, diag, "mode", mode().value(), "avg", "max")
                    && GraphChecks.oneOf(
                            this,
                            diag,
                            "coordinate_transformation_mode",
                            coordinateTransformationMode().value(),
                            "half_pixel",
                            "output_half_pixel")
                    && GraphChecks.rankIs(this, diag, "X", x(), 4)
                    && GraphChecks.rankIs(this, diag, "rois", rois(), 2)
                    && GraphChecks.rankIs(this, diag, "batch_indices", batchIndices(), 1);
        }
    }

    /**
     * Selects boxes by descending score, dropping those that overlap a selected one too much.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.non_max_suppression %b, %s, %n, %n, %n {center_point_box = 1 : i64} : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, none, none, none) -> tensor<?x3xi64>
     * }</pre>
     */
    @Op(
            name = "non_max_suppression",
            traits = {Pure.class})
    public interface NonMaxSuppression extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(GraphQuantExec.nonMaxSuppression(this, in, ctx));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value boxes();

        /** {@return ONNX input #1} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #1")
        Value scores();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value maxOutputBoxesPerClass();

        /** {@return ONNX input #3, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #3, `none` when absent")
        Value iouThreshold();

        /** {@return ONNX input #4, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #4, `none` when absent")
        Value scoreThreshold();

        /** {@return ONNX output #0} */
        @Result(type = "I64_TENSOR", doc = "ONNX output #0")
        OpResult selectedIndices();

        /** {@return the ONNX attribute {@code center_point_box} (default 0 : i64)} */
        @Attr(
                name = "center_point_box",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `center_point_box` (default 0 : i64)")
        IntegerAttr centerPointBox();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(tensor(List.of(DYN, 3L), IntegerType.I64));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(
                            this, diag, "center_point_box", centerPointBox().longValue())
                    && GraphChecks.rankIs(this, diag, "boxes", boxes(), 3)
                    && GraphChecks.rankIs(this, diag, "scores", scores(), 3);
        }
    }
}
