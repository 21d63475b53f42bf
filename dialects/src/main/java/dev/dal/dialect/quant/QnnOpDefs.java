package dev.dal.dialect.quant;

import dev.dal.ir.BoolAttr;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Executable;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.Pure;
import java.util.List;
import java.util.Optional;

/**
 * The quantized forms of the graph ops the NPU runs in int8, with the NPU's integer semantics (DESIGN §7; kernels in
 * {@code dev.dal.dialect.quant.kernel}): int8 x int8 products accumulated in int32, int32 bias at scale
 * {@code s_in * s_w}, requantization by a Q31 {@code multiplier} and right {@code shift} per output channel
 * ({@code M = s_in * s_w / s_out}, from {@code FixedPoint.of}), rounding half away from zero, saturation to the storage
 * range. Signed 8-bit activations are per tensor and symmetric (zero point 0); weights are symmetric, per output
 * channel. Unsigned 8-bit activations may have a zero point.
 *
 * <p>A separate dialect from {@code quant} because MLIR registers {@code quant} and refuses unknown ops in it:
 * {@code mlir-opt --allow-unregistered-dialect} reads {@code qnn.conv} but not {@code quant.conv}. Data movement that
 * does not change stored values (reshape, transpose, flatten, squeeze, unsqueeze, slice, ...) stays in the
 * {@code graph} dialect: those ops move storage integers and keep the per-tensor element type. Per-axis values
 * (weights) are constants and do not flow through them.
 */
@DialectDef(name = "qnn", summary = "Quantized neural-network ops with the NPU's integer semantics")
public final class QnnOpDefs {
    private QnnOpDefs() {}

    /**
     * The requantization a rescaling op carries, one Q31 multiplier and right shift per rescale factor (each op says
     * which factors): {@code x * M} is {@code (x * multiplier) >> (31 + shift)}, rounded half away from zero.
     */
    public interface Rescale {
        /** {@return the Q31 multipliers, in {@code [2^30, 2^31)}} */
        @Attr(doc = "the Q31 multipliers of the op's rescale factors, in `[2^30, 2^31)`")
        DenseArrayAttr multiplier();

        /** {@return the right shifts after the Q31 products} */
        @Attr(doc = "the right shifts after the Q31 products")
        DenseArrayAttr shift();
    }

    /** An elementwise op on two quantized inputs with NumPy broadcasting. */
    public interface Binary extends Rescale {
        /** {@return the left input} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the left input")
        Value lhs();

        /** {@return the right input} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the right input")
        Value rhs();

        /** {@return the result} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result")
        OpResult result();
    }

    /** A 2-D window op (pooling) over NCHW data. */
    public interface Window {
        /** {@return the input, {@code [n, c, h, w]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the input, `[n, c, h, w]`")
        Value x();

        /** {@return the result} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result")
        OpResult y();

        /** {@return the window size} */
        @Attr(name = "kernel_shape", doc = "the window size")
        DenseArrayAttr kernelShape();

        /** {@return the strides, optional (1)} */
        @Attr(doc = "the strides, default 1")
        Optional<DenseArrayAttr> strides();

        /** {@return the pads {@code [top, left, bottom, right]}, optional (0)} */
        @Attr(doc = "the pads `[top, left, bottom, right]`, default 0")
        Optional<DenseArrayAttr> pads();
    }

    /**
     * Rescales quantized values to another quantized type: {@code y = saturate(zp_y + rescale(x - zp_x))} with
     * {@code M = s_x / s_y} (per channel when the input is per-axis).
     *
     * <pre>{@code
     * %y = qnn.requantize %x {multiplier = array<i32: 1073741824>, shift = array<i32: 0>} : (tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>
     * }</pre>
     */
    @Op(
            name = "requantize",
            traits = {Pure.class})
    public interface Requantize extends Rescale, Verifiable, Executable {
        /** {@return the input} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the input")
        Value input();

        /** {@return the input in the result's type} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the input in the result's type")
        OpResult result();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.requantize(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.requantize(this, in, ctx);
        }
    }

    /**
     * A 2-D convolution (NCHW, as {@code graph.conv}) with an optional int32 bias, an optional residual added after
     * the rescale (itself rescaled by {@code residual_multiplier}/{@code residual_shift}, {@code M = s_r / s_y}), and
     * an activation applied as an integer clamp: {@code relu} clamps below at the zero point, {@code relu6} also above
     * at {@code zp + round(6 / s_y)}, {@code clip} at {@code zp + round(min / s_y)} and {@code zp + round(max / s_y)}.
     * Covers {@code graph.conv} and {@code graph.fused_conv}; the fused activations that are not clamps
     * ({@code leaky_relu}, {@code hard_swish}, {@code sigmoid}) become a {@code qnn.lut} after the conv.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = qnn.conv %x, %w, %b, %n {multiplier = array<i32: 1073741824, 1073741824>, shift = array<i32: -2, -1>, activation = "relu"} : (tensor<1x1x4x4x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<2x1x3x3x!quant.uniform<i8<-127:127>:f32:0, {1.000000e+00,5.000000e-01}>>, tensor<2x!quant.uniform<i32:f32:0, {5.000000e-01,2.500000e-01}>>, none) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 2.500000e-01>>
     * }</pre>
     */
    @Op(
            name = "conv",
            traits = {Pure.class})
    public interface Conv extends Rescale, Verifiable, Executable {
        /** {@return the input, {@code [n, c, h, w]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the input, `[n, c, h, w]`")
        Value x();

        /** {@return the filters, {@code [o, c / group, kh, kw]}, symmetric, per tensor or per output channel} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the filters, `[o, c / group, kh, kw]`")
        Value weight();

        /** {@return the int32 bias per output channel, {@code none} when absent} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR_OR_NONE", doc = "the int32 bias, `none` when absent")
        Value bias();

        /** {@return the residual added before the activation, {@code none} when absent} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR_OR_NONE", doc = "the residual, `none` when absent")
        Value residual();

        /** {@return the result} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result")
        OpResult y();

        /** {@return the strides, optional (1)} */
        @Attr(doc = "the strides, default 1")
        Optional<DenseArrayAttr> strides();

        /** {@return the pads {@code [top, left, bottom, right]}, optional (0)} */
        @Attr(doc = "the pads `[top, left, bottom, right]`, default 0")
        Optional<DenseArrayAttr> pads();

        /** {@return the dilations, optional (1)} */
        @Attr(doc = "the dilations, default 1")
        Optional<DenseArrayAttr> dilations();

        /** {@return the number of groups (default 1)} */
        @Attr(defaultValue = "1 : i64", doc = "the number of groups")
        IntegerAttr group();

        /** {@return the Q31 multiplier of {@code s_r / s_y}, with a residual} */
        @Attr(name = "residual_multiplier", doc = "the Q31 multiplier of `s_r / s_y`, with a residual")
        Optional<DenseArrayAttr> residualMultiplier();

        /** {@return the right shift of the residual's rescale} */
        @Attr(name = "residual_shift", doc = "the right shift of the residual's rescale")
        Optional<DenseArrayAttr> residualShift();

        /** {@return the activation: none, relu, relu6 or clip (default none)} */
        @Attr(defaultValue = "\"none\"", doc = "none, relu, relu6 or clip")
        StringAttr activation();

        /** {@return the lower bound of {@code clip}, optional} */
        @Attr(doc = "the real lower bound of `clip`, optional")
        Optional<FloatAttr> min();

        /** {@return the upper bound of {@code clip}, optional} */
        @Attr(doc = "the real upper bound of `clip`, optional")
        Optional<FloatAttr> max();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.conv(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.conv(this, in, ctx);
        }
    }

    /**
     * A matrix product {@code a x b} with an int32 bias per column: {@code a} is {@code [m, k]}, {@code b} is
     * {@code [k, n]} (or {@code [n, k]} with {@code trans_b}), symmetric per tensor or per column. ONNX Gemm's
     * {@code alpha} and {@code beta} are folded into the scales.
     *
     * <pre>{@code
     * %n = graph.none : none
     * %y = qnn.gemm %a, %b, %n {multiplier = array<i32: 1073741824>, shift = array<i32: -1>} : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e+00>>, tensor<3x4x!quant.uniform<i8:f32, 1.000000e+00>>, none) -> tensor<2x4x!quant.uniform<i8:f32, 1.000000e+00>>
     * }</pre>
     */
    @Op(
            name = "gemm",
            traits = {Pure.class})
    public interface Gemm extends Rescale, Verifiable, Executable {
        /** {@return the left operand, {@code [m, k]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the left operand, `[m, k]`")
        Value lhs();

        /** {@return the right operand (weights), {@code [k, n]} or {@code [n, k]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the right operand (weights)")
        Value rhs();

        /** {@return the int32 bias per column, {@code none} when absent} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR_OR_NONE", doc = "the int32 bias, `none` when absent")
        Value bias();

        /** {@return the result, {@code [m, n]}} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result, `[m, n]`")
        OpResult y();

        /** {@return whether {@code b} is {@code [n, k]} (default false)} */
        @Attr(name = "trans_b", defaultValue = "false", doc = "whether `b` is `[n, k]`")
        BoolAttr transB();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.gemm(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.gemm(this, in, ctx);
        }
    }

    /**
     * A (batched) matrix product {@code [..., m, k] x [k, n]} or {@code [..., m, k] x [..., k, n]} (same batch
     * dimensions). A 2-D {@code b} may be per-column weights; a batched {@code b} is a per-tensor activation.
     *
     * <pre>{@code
     * %y = qnn.matmul %a, %b {multiplier = array<i32: 1073741824>, shift = array<i32: -1>} : (tensor<2x2x3x!quant.uniform<i8:f32, 1.000000e+00>>, tensor<3x4x!quant.uniform<i8:f32, 1.000000e+00>>) -> tensor<2x2x4x!quant.uniform<i8:f32, 1.000000e+00>>
     * }</pre>
     */
    @Op(
            name = "matmul",
            traits = {Pure.class})
    public interface MatMul extends Rescale, Verifiable, Executable {
        /** {@return the left operand, {@code [..., m, k]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the left operand, `[..., m, k]`")
        Value lhs();

        /** {@return the right operand, {@code [k, n]} or {@code [..., k, n]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the right operand, `[k, n]` or `[..., k, n]`")
        Value rhs();

        /** {@return the result, {@code [..., m, n]}} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result, `[..., m, n]`")
        OpResult y();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.matmul(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.matmul(this, in, ctx);
        }
    }

    /**
     * Elementwise sum with NumPy broadcasting; both inputs are rescaled to the output scale ({@code multiplier} and
     * {@code shift} hold {@code [s_a / s_y, s_b / s_y]}), keeping 8 fraction bits, and the sum is rounded once.
     *
     * <pre>{@code
     * %y = qnn.add %a, %b {multiplier = array<i32: 1073741824, 1073741824>, shift = array<i32: 0, -1>} : (tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>
     * }</pre>
     */
    @Op(
            name = "add",
            traits = {Pure.class})
    public interface Add extends Binary, Verifiable, Executable {
        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.binary((dev.dal.ir.Operation) this, diag, true);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.binary((dev.dal.ir.Operation) this, in, true, ctx);
        }
    }

    /**
     * Elementwise product with NumPy broadcasting: the centered inputs multiply in int32 and the product is rescaled
     * by {@code s_a * s_b / s_y}.
     *
     * <pre>{@code
     * %y = qnn.mul %a, %b {multiplier = array<i32: 1073741824>, shift = array<i32: 0>} : (tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<1x!quant.uniform<i8:f32, 1.000000e+00>>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>
     * }</pre>
     */
    @Op(
            name = "mul",
            traits = {Pure.class})
    public interface Mul extends Binary, Verifiable, Executable {
        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.binary((dev.dal.ir.Operation) this, diag, false);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.binary((dev.dal.ir.Operation) this, in, false, ctx);
        }
    }

    /**
     * 2-D max pooling (NCHW) of stored values; input and result have the same type, so the result is exact.
     *
     * <pre>{@code
     * %y = qnn.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<1x1x2x2x!quant.uniform<i8:f32, 5.000000e-01>>
     * }</pre>
     */
    @Op(
            name = "max_pool",
            traits = {Pure.class})
    public interface MaxPool extends Window, Verifiable, Executable {
        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.maxPool(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.maxPool(this, in, ctx);
        }
    }

    /**
     * 2-D average pooling (NCHW): the centered window sum in int32, rescaled by {@code s_x / s_y} keeping 8 fraction
     * bits, divided by the count (rounding half away from zero). Padding counts when {@code count_include_pad} is 1.
     *
     * <pre>{@code
     * %y = qnn.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, multiplier = array<i32: 1073741824>, shift = array<i32: -1>} : (tensor<1x1x4x4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<1x1x2x2x!quant.uniform<i8:f32, 5.000000e-01>>
     * }</pre>
     */
    @Op(
            name = "average_pool",
            traits = {Pure.class})
    public interface AveragePool extends Window, Rescale, Verifiable, Executable {
        /** {@return whether padded positions count (default 0 : i64)} */
        @Attr(name = "count_include_pad", defaultValue = "0 : i64", doc = "whether padded positions count")
        IntegerAttr countIncludePad();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.averagePool(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.averagePool(this, in, ctx);
        }
    }

    /**
     * The average of each {@code [n, c]} plane of NCHW data, as {@code qnn.average_pool} over the whole plane; the
     * result is {@code [n, c, 1, 1]}.
     *
     * <pre>{@code
     * %y = qnn.global_average_pool %x {multiplier = array<i32: 1073741824>, shift = array<i32: -1>} : (tensor<1x2x4x4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<1x2x1x1x!quant.uniform<i8:f32, 5.000000e-01>>
     * }</pre>
     */
    @Op(
            name = "global_average_pool",
            traits = {Pure.class})
    public interface GlobalAveragePool extends Rescale, Verifiable, Executable {
        /** {@return the input, {@code [n, c, ...]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the input, `[n, c, ...]`")
        Value x();

        /** {@return the result, {@code [n, c, 1, ...]}} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result, `[n, c, 1, ...]`")
        OpResult y();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.globalAveragePool(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.globalAveragePool(this, in, ctx);
        }
    }

    /**
     * Concatenation along {@code axis}; each input is rescaled to the output scale by its own entry of
     * {@code multiplier}/{@code shift} ({@code s_i / s_y}).
     *
     * <pre>{@code
     * %y = qnn.concat %a, %b {axis = 1 : i64, multiplier = array<i32: 1073741824, 1073741824>, shift = array<i32: -1, 0>} : (tensor<1x2x!quant.uniform<i8:f32, 1.000000e+00>>, tensor<1x3x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<1x5x!quant.uniform<i8:f32, 1.000000e+00>>
     * }</pre>
     */
    @Op(
            name = "concat",
            traits = {Pure.class})
    public interface Concat extends Rescale, Verifiable, Executable {
        /** {@return the inputs} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the inputs")
        List<Value> inputs();

        /** {@return the concatenation} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the concatenation")
        OpResult result();

        /** {@return the axis (negative counts from the end)} */
        @Attr(doc = "the axis (negative counts from the end)")
        IntegerAttr axis();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.concat(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.concat(this, in, ctx);
        }
    }

    /**
     * Resizes the two spatial dimensions of NCHW data to the result's size; input and result have the same type.
     * {@code mode} is {@code nearest} (stored values copied) or {@code linear} (Q15 weights, one rounding);
     * coordinates map as ONNX Resize's {@code coordinate_transformation_mode} and {@code nearest_mode}.
     *
     * <pre>{@code
     * %y = qnn.resize %x {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor"} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 5.000000e-01>>
     * }</pre>
     */
    @Op(
            name = "resize",
            traits = {Pure.class})
    public interface Resize extends Verifiable, Executable {
        /** {@return the input, {@code [n, c, h, w]}} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the input, `[n, c, h, w]`")
        Value x();

        /** {@return the result, {@code [n, c, oh, ow]}} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result, `[n, c, oh, ow]`")
        OpResult y();

        /** {@return nearest or linear (default nearest)} */
        @Attr(defaultValue = "\"nearest\"", doc = "nearest or linear")
        StringAttr mode();

        /** {@return half_pixel, pytorch_half_pixel, asymmetric or align_corners (default half_pixel)} */
        @Attr(
                name = "coordinate_transformation_mode",
                defaultValue = "\"half_pixel\"",
                doc = "half_pixel, pytorch_half_pixel, asymmetric or align_corners")
        StringAttr coordinateTransformationMode();

        /** {@return round_prefer_floor, round_prefer_ceil, floor or ceil (default round_prefer_floor)} */
        @Attr(
                name = "nearest_mode",
                defaultValue = "\"round_prefer_floor\"",
                doc = "round_prefer_floor, round_prefer_ceil, floor or ceil")
        StringAttr nearestMode();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.resize(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.resize(this, in, ctx);
        }
    }

    /**
     * A non-linear op as a 256-entry lookup table over 8-bit storage: {@code y = table[x - min(storage)]}
     * ({@code x + 128} for {@code i8}). The table is built by {@code Lut.build} from the real function and the input
     * and output types; {@code function} names it for readers.
     *
     * <pre>{@code
     * // the table has 256 entries, abbreviated here
     * %y = qnn.lut %x {function = "sigmoid", table = array<i32: 0, ...>} : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02>>) -> tensor<4x!quant.uniform<i8:f32, 7.874016e-03>>
     * }</pre>
     */
    @Op(
            name = "lut",
            traits = {Pure.class})
    public interface Lut extends Verifiable, Executable {
        /** {@return the input} */
        @Operand(type = "QuantConstraints.QUANT_TENSOR", doc = "the input")
        Value x();

        /** {@return the result} */
        @Result(type = "QuantConstraints.QUANT_TENSOR", doc = "the result")
        OpResult y();

        /** {@return the output stored value for each input stored value} */
        @Attr(doc = "the output stored value for each of the 256 input stored values")
        DenseArrayAttr table();

        /** {@return the real function the table samples, optional} */
        @Attr(doc = "the function the table samples (sigmoid, tanh, hard_swish, gelu, exp, ...), optional")
        Optional<StringAttr> function();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return QnnVerify.lut(this, diag);
        }

        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return QnnExec.lut(this, in, ctx);
        }
    }
}
