package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.DenseArrayAttr;
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
 * The quantization ops of the {@code graph} dialect: (de)quantization and integer/QLinear convolution and
 * matrix products.
 */
@OpFamily(dialect = "graph")
public final class GraphQuantOpDefs {
    private GraphQuantOpDefs() {}

    /**
     * Quantizes: {@code saturate(round(x / y_scale) + y_zero_point)}, per tensor, per axis or per block.
     *
     * <pre>{@code
     * %y = graph.quantize_linear %x, %s, %z : (tensor<2x3xf32>, tensor<f32>, tensor<i8>) -> tensor<2x3xi8>
     * }</pre>
     */
    @Op(
            name = "quantize_linear",
            traits = {Pure.class})
    public interface QuantizeLinear extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.quantizeLinear(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value yScale();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value yZeroPoint();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code axis} (default 1 : i64)} */
        @Attr(name = "axis", defaultValue = "1 : i64", doc = "ONNX attribute `axis` (default 1 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code block_size} (default 0 : i64)} */
        @Attr(name = "block_size", defaultValue = "0 : i64", doc = "ONNX attribute `block_size` (default 0 : i64)")
        IntegerAttr blockSize();

        /** {@return the ONNX attribute {@code output_dtype} (default 0 : i64)} */
        @Attr(name = "output_dtype", defaultValue = "0 : i64", doc = "ONNX attribute `output_dtype` (default 0 : i64)")
        IntegerAttr outputDtype();

        /** {@return the ONNX attribute {@code saturate} (default 1 : i64)} */
        @Attr(name = "saturate", defaultValue = "1 : i64", doc = "ONNX attribute `saturate` (default 1 : i64)")
        IntegerAttr saturate();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            Type et = !isNone(yZeroPoint())
                    ? elem(yZeroPoint())
                    : outputDtype().longValue() != 0
                            ? GraphShapes.onnxElementType(outputDtype().longValue())
                                    .orElse(null)
                            : new IntegerType(8, IntegerType.Signedness.UNSIGNED);
            return et == null ? Optional.empty() : one(withElem(x(), et));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.quantParams(
                    this,
                    diag,
                    x(),
                    yScale(),
                    yZeroPoint(),
                    axis().longValue(),
                    blockSize().longValue());
        }
    }

    /**
     * Dequantizes: {@code (x - x_zero_point) * x_scale}, per tensor, per axis or per block.
     *
     * <pre>{@code
     * %y = graph.dequantize_linear %x, %s, %z {axis = 1 : i64} : (tensor<2x3xi8>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xf32>
     * }</pre>
     */
    @Op(
            name = "dequantize_linear",
            traits = {Pure.class})
    public interface DequantizeLinear extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.dequantizeLinear(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value xScale();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value xZeroPoint();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code axis} (default 1 : i64)} */
        @Attr(name = "axis", defaultValue = "1 : i64", doc = "ONNX attribute `axis` (default 1 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code block_size} (default 0 : i64)} */
        @Attr(name = "block_size", defaultValue = "0 : i64", doc = "ONNX attribute `block_size` (default 0 : i64)")
        IntegerAttr blockSize();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(withElem(x(), elem(xScale())));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.quantParams(
                    this,
                    diag,
                    x(),
                    xScale(),
                    xZeroPoint(),
                    axis().longValue(),
                    blockSize().longValue());
        }
    }

    /**
     * Quantizes a float tensor to {@code ui8} with a scale and zero point computed from its range.
     *
     * <pre>{@code
     * %y:3 = graph.dynamic_quantize_linear %x : (tensor<2x3xf32>) -> (tensor<2x3xui8>, tensor<f32>, tensor<ui8>)
     * }</pre>
     */
    @Op(
            name = "dynamic_quantize_linear",
            traits = {Pure.class})
    public interface DynamicQuantizeLinear extends ShapeInferable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.dynamicQuantizeLinear(in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return ONNX output #1} */
        @Result(type = "TENSOR", doc = "ONNX output #1")
        OpResult yScale();

        /** {@return ONNX output #2} */
        @Result(type = "TENSOR", doc = "ONNX output #2")
        OpResult yZeroPoint();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            Type u8 = new IntegerType(8, IntegerType.Signedness.UNSIGNED);
            return Optional.of(List.of(withElem(x(), u8), tensor(List.of(), FloatType.F32), tensor(List.of(), u8)));
        }
    }

    /**
     * Integer matrix product of zero-point-adjusted operands, with {@code i32} results.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.mat_mul_integer %a, %b, %n, %n : (tensor<2x3xui8>, tensor<3x4xui8>, none, none) -> tensor<2x4xi32>
     * }</pre>
     */
    @Op(
            name = "mat_mul_integer",
            traits = {Pure.class})
    public interface MatMulInteger extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.matMulInteger(in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value rhs();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value lhsZeroPoint();

        /** {@return ONNX input #3, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #3, `none` when absent")
        Value rhsZeroPoint();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.matMul(lhs(), rhs(), IntegerType.I32);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.matMul(this, diag, lhs(), rhs());
        }
    }

    /**
     * Integer convolution of zero-point-adjusted operands, with {@code i32} results.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.conv_integer %x, %w, %n, %n : (tensor<1x2x5x5xui8>, tensor<4x2x3x3xui8>, none, none) -> tensor<1x4x3x3xi32>
     * }</pre>
     */
    @Op(
            name = "conv_integer",
            traits = {Pure.class})
    public interface ConvInteger extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.convInteger(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value w();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value xZeroPoint();

        /** {@return ONNX input #3, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #3, `none` when absent")
        Value wZeroPoint();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.conv(
                    x(),
                    w(),
                    new GraphInference.Window(autoPad().value(), kernelShape(), strides(), dilations(), pads(), false),
                    IntegerType.I32);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.window(
                    this,
                    diag,
                    x(),
                    w(),
                    group().longValue(),
                    new GraphInference.Window(autoPad().value(), kernelShape(), strides(), dilations(), pads(), false),
                    true);
        }
    }

    /**
     * Convolution of quantized tensors, requantized to the output's scale and zero point.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = graph.q_linear_conv %x, %s, %z, %w, %s, %z, %s, %z, %n {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xui8>, tensor<f32>, tensor<ui8>, tensor<4x2x3x3xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>, none) -> tensor<1x4x5x5xui8>
     * }</pre>
     */
    @Op(
            name = "q_linear_conv",
            traits = {Pure.class})
    public interface QLinearConv extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.qLinearConv(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value xScale();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value xZeroPoint();

        /** {@return ONNX input #3} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #3")
        Value w();

        /** {@return ONNX input #4} */
        @Operand(type = "TENSOR", doc = "ONNX input #4")
        Value wScale();

        /** {@return ONNX input #5} */
        @Operand(type = "TENSOR", doc = "ONNX input #5")
        Value wZeroPoint();

        /** {@return ONNX input #6} */
        @Operand(type = "TENSOR", doc = "ONNX input #6")
        Value yScale();

        /** {@return ONNX input #7} */
        @Operand(type = "TENSOR", doc = "ONNX input #7")
        Value yZeroPoint();

        /** {@return ONNX input #8, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #8, `none` when absent")
        Value bias();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
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

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.conv(
                    x(),
                    w(),
                    new GraphInference.Window(autoPad().value(), kernelShape(), strides(), dilations(), pads(), false),
                    elem(yZeroPoint()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.window(
                    this,
                    diag,
                    x(),
                    w(),
                    group().longValue(),
                    new GraphInference.Window(autoPad().value(), kernelShape(), strides(), dilations(), pads(), false),
                    true);
        }
    }

    /**
     * Matrix product of quantized tensors, requantized to the output's scale and zero point.
     *
     * <pre>{@code
     * %y = graph.q_linear_mat_mul %a, %s, %z, %b, %s, %z, %s, %z : (tensor<2x3xui8>, tensor<f32>, tensor<ui8>, tensor<3x4xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x4xui8>
     * }</pre>
     */
    @Op(
            name = "q_linear_mat_mul",
            traits = {Pure.class})
    public interface QLinearMatMul extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphQuantExec.qLinearMatMul(in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #0")
        Value lhs();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR", doc = "ONNX input #1")
        Value lhsScale();

        /** {@return ONNX input #2} */
        @Operand(type = "TENSOR", doc = "ONNX input #2")
        Value lhsZeroPoint();

        /** {@return ONNX input #3} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #3")
        Value rhs();

        /** {@return ONNX input #4} */
        @Operand(type = "TENSOR", doc = "ONNX input #4")
        Value rhsScale();

        /** {@return ONNX input #5} */
        @Operand(type = "TENSOR", doc = "ONNX input #5")
        Value rhsZeroPoint();

        /** {@return ONNX input #6} */
        @Operand(type = "TENSOR", doc = "ONNX input #6")
        Value yScale();

        /** {@return ONNX input #7} */
        @Operand(type = "TENSOR", doc = "ONNX input #7")
        Value yZeroPoint();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.matMul(lhs(), rhs(), elem(yZeroPoint()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.matMul(this, diag, lhs(), rhs());
        }
    }
}
