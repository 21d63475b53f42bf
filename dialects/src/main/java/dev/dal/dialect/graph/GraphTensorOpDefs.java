package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.IntegerAttr;
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
 * The tensor-manipulation ops of the {@code graph} dialect: reshaping, slicing, gathering, scattering, padding,
 * resizing and tensor creation.
 */
@OpFamily(dialect = "graph")
public final class GraphTensorOpDefs {
    private GraphTensorOpDefs() {}

    /**
     * Flattens to 2-D: the dims before {@code axis} become the rows, the rest the columns.
     *
     * <pre>{@code
     * %y = graph.flatten %x {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
     * }</pre>
     */
    @Op(
            name = "flatten",
            traits = {Pure.class})
    public interface Flatten
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.flatten();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(in.get(0)
                    .reshape(dev.dal.dialect.graph.kernel.Layout.flattenShape(
                            in.get(0).shape(), Math.toIntExact(axis().longValue()))));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code axis} (default 1 : i64)} */
        @Attr(name = "axis", defaultValue = "1 : i64", doc = "ONNX attribute `axis` (default 1 : i64)")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.flatten(input(), axis().longValue());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.axis(this, diag, "axis", axis().longValue(), input(), true);
        }
    }

    /**
     * Gives the data a new shape: {@code 0} copies the input dim (unless {@code allowzero}), {@code -1} is inferred.
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<[0, -1]> : tensor<2xi64>} : tensor<2xi64>
     * %y = graph.reshape %x, %s : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
     * }</pre>
     */
    @Op(
            name = "reshape",
            traits = {Pure.class})
    public interface Reshape
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.reshape();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.reshape(this, in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value shape();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult reshaped();

        /** {@return the ONNX attribute {@code allowzero} (default 0 : i64)} */
        @Attr(name = "allowzero", defaultValue = "0 : i64", doc = "ONNX attribute `allowzero` (default 0 : i64)")
        IntegerAttr allowzero();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.reshape(
                    data(), shape(), constInts(constant(c, 1)), allowzero().longValue() != 0);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.flag(this, diag, "allowzero", allowzero().longValue())
                    && GraphChecks.rankIs(this, diag, "shape", shape(), 1)
                    && GraphChecks.reshape(
                            this, diag, data(), shape(), allowzero().longValue() != 0);
        }
    }

    /**
     * Permutes the dims: output dim {@code i} is input dim {@code perm[i]} (reversed when absent).
     *
     * <pre>{@code
     * %y = graph.transpose %x {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
     * }</pre>
     */
    @Op(
            name = "transpose",
            traits = {Pure.class})
    public interface Transpose
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.transpose();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.transpose(this, in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult transposed();

        /** {@return the ONNX attribute {@code perm}, optional} */
        @Attr(name = "perm", doc = "ONNX attribute `perm`, optional")
        Optional<DenseArrayAttr> perm();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.transpose(data(), perm());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (perm().isEmpty()) return true;
            long[] p = perm().get().toLongArray();
            int r = rank(data());
            boolean[] seen = new boolean[p.length];
            for (long i : p) {
                if (i < 0 || i >= p.length || seen[(int) i])
                    return error(
                            this,
                            diag,
                            "attribute 'perm' must be a permutation of 0.." + (p.length - 1) + ", but got "
                                    + java.util.Arrays.toString(p));
                seen[(int) i] = true;
            }
            if (r >= 0 && p.length != r)
                return error(this, diag, "attribute 'perm' has " + p.length + " elements, but the input has rank " + r);
            return true;
        }
    }

    /**
     * Removes dims of size 1: those listed in {@code axes}, or all of them when it is absent.
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.squeeze %x, %a : (tensor<1x3x1xf32>, tensor<1xi64>) -> tensor<1x3xf32>
     * }</pre>
     */
    @Op(
            name = "squeeze",
            traits = {Pure.class})
    public interface Squeeze
            extends ShapeInferable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.squeeze();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(in.get(0)
                    .reshape(dev.dal.dialect.graph.kernel.Layout.squeezeShape(
                            in.get(0).shape(), GraphExec.longsOf(in.get(1)))));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult squeezed();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.squeeze(data(), axes(), constInts(constant(c, 1)));
        }
    }

    /**
     * Inserts dims of size 1 at {@code axes} (positions in the output).
     *
     * <pre>{@code
     * %a = graph.constant {value = dense<[0, 3]> : tensor<2xi64>} : tensor<2xi64>
     * %y = graph.unsqueeze %x, %a : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<1x3x4x1xf32>
     * }</pre>
     */
    @Op(
            name = "unsqueeze",
            traits = {Pure.class})
    public interface Unsqueeze
            extends ShapeInferable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.unsqueeze();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(in.get(0)
                    .reshape(dev.dal.dialect.graph.kernel.Layout.unsqueezeShape(
                            in.get(0).shape(), in.get(1).toLongs())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult expanded();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.unsqueeze(data(), axes(), constInts(constant(c, 1)));
        }
    }

    /**
     * Joins tensors along {@code axis}; the other dims agree.
     *
     * <pre>{@code
     * %y = graph.concat %a, %b {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
     * }</pre>
     */
    @Op(
            name = "concat",
            traits = {Pure.class})
    public interface Concat
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.concat();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.concat(in, Math.toIntExact(axis().longValue())));
        }

        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult concatResult();

        /** {@return the ONNX attribute {@code axis}} */
        @Attr(name = "axis", doc = "ONNX attribute `axis`")
        IntegerAttr axis();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.concat(inputs(), axis().longValue());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.concat(this, diag, inputs(), axis().longValue());
        }
    }

    /**
     * Splits a tensor along {@code axis} into parts of the given sizes, or into equal parts.
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<[2, 4]> : tensor<2xi64>} : tensor<2xi64>
     * %y:2 = graph.split %x, %s {axis = 1 : i64} : (tensor<2x6xf32>, tensor<2xi64>) -> (tensor<2x2xf32>, tensor<2x4xf32>)
     * }</pre>
     */
    @Op(
            name = "split",
            traits = {Pure.class})
    public interface Split extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.split(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value split();

        /** {@return ONNX outputs #0 and on (variadic)} */
        @Result(type = "TENSOR", doc = "ONNX outputs #0 and on (variadic)")
        List<OpResult> outputs();

        /** {@return the ONNX attribute {@code axis} (default 0 : i64)} */
        @Attr(name = "axis", defaultValue = "0 : i64", doc = "ONNX attribute `axis` (default 0 : i64)")
        IntegerAttr axis();

        /** {@return the ONNX attribute {@code num_outputs}, optional} */
        @Attr(name = "num_outputs", doc = "ONNX attribute `num_outputs`, optional")
        Optional<IntegerAttr> numOutputs();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.split(
                    input(),
                    axis().longValue(),
                    constInts(constant(c, 1)),
                    isNone(split()),
                    outputs().size());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.axis(this, diag, "axis", axis().longValue(), input(), false)) return false;
            if (numOutputs().isPresent()
                    && numOutputs().get().longValue() != outputs().size())
                return error(
                        this,
                        diag,
                        "attribute 'num_outputs' = " + numOutputs().get().longValue() + " but the op has "
                                + outputs().size() + " results");
            int n = length1d(split());
            if (!isNone(split()) && n >= 0 && n != outputs().size())
                return error(
                        this,
                        diag,
                        "'split' has " + n + " sizes but the op has "
                                + outputs().size() + " results");
            Optional<long[]> sizes = GraphChecks.constantInts(split());
            int r = rank(input());
            long d = r >= 0 ? dim(input(), normalizeAxis(axis().longValue(), r)) : DYN;
            if (sizes.isPresent()
                    && d != DYN
                    && java.util.Arrays.stream(sizes.get()).sum() != d)
                return error(
                        this,
                        diag,
                        "split sizes add up to "
                                + java.util.Arrays.stream(sizes.get()).sum() + ", but the axis has size " + d);
            return true;
        }
    }

    /**
     * Takes a strided slice: {@code starts}, {@code ends}, {@code axes} and {@code steps} per sliced axis.
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<1> : tensor<1xi64>} : tensor<1xi64>
     * %e = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>
     * %a = graph.constant {value = dense<1> : tensor<1xi64>} : tensor<1xi64>
     * %st = graph.constant {value = dense<2> : tensor<1xi64>} : tensor<1xi64>
     * %y = graph.slice %x, %s, %e, %a, %st : (tensor<4x10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4x4xf32>
     * }</pre>
     */
    @Op(
            name = "slice",
            traits = {Pure.class})
    public interface Slice
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.slice();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.slice(in);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #1")
        Value starts();

        /** {@return ONNX input #2} */
        @Operand(type = "INTEGER_TENSOR", doc = "ONNX input #2")
        Value ends();

        /** {@return ONNX input #3, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #3, `none` when absent")
        Value axes();

        /** {@return ONNX input #4, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #4, `none` when absent")
        Value steps();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.slice(
                    data(),
                    constInts(constant(c, 1)),
                    constInts(constant(c, 2)),
                    constInts(constant(c, 3)),
                    constInts(constant(c, 4)),
                    isNone(axes()),
                    isNone(steps()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            int n = length1d(starts());
            for (Value v : List.of(ends(), axes(), steps())) {
                int m = length1d(v);
                if (!isNone(v) && n >= 0 && m >= 0 && m != n)
                    return error(this, diag, "starts has " + n + " elements, but ends, axes or steps has " + m);
            }
            Optional<long[]> st = GraphChecks.constantInts(steps());
            if (st.isPresent() && java.util.Arrays.stream(st.get()).anyMatch(x -> x == 0))
                return error(this, diag, "steps must not be 0");
            return true;
        }
    }

    /**
     * Broadcasts the input to a shape (multidirectionally: the result may be larger than {@code shape}).
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<[2, 1, 4]> : tensor<3xi64>} : tensor<3xi64>
     * %y = graph.expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
     * }</pre>
     */
    @Op(
            name = "expand",
            traits = {Pure.class})
    public interface Expand extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.expand(in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value shape();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.expand(input(), shape(), constInts(constant(c, 1)));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.rankIs(this, diag, "shape", shape(), 1);
        }
    }

    /**
     * Repeats the input {@code repeats[i]} times along each dim {@code i}.
     *
     * <pre>{@code
     * %r = graph.constant {value = dense<[2, 1]> : tensor<2xi64>} : tensor<2xi64>
     * %y = graph.tile %x, %r : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
     * }</pre>
     */
    @Op(
            name = "tile",
            traits = {Pure.class})
    public interface Tile extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.tile(
                    in.get(0), in.get(1).toLongs()));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value repeats();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.tile(input(), constInts(constant(c, 1)));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.rankIs(this, diag, "repeats", repeats(), 1);
        }
    }

    /**
     * Pads (or crops, with negative pads) with a constant, or by reflecting, repeating or wrapping the edge.
     *
     * <pre>{@code
     * %p = graph.constant {value = dense<[0, 1, 0, 2]> : tensor<4xi64>} : tensor<4xi64>
     * %n = graph.none : none
     * %y = graph.pad %x, %p, %n, %n {mode = "reflect"} : (tensor<2x3xf32>, tensor<4xi64>, none, none) -> tensor<2x6xf32>
     * }</pre>
     */
    @Op(
            name = "pad",
            traits = {Pure.class})
    public interface Pad
            extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable, dev.dal.ir.HasCanonicalizationPatterns {
        @Override
        default List<dev.dal.ir.rewrite.RewritePattern> canonicalizationPatterns() {
            return dev.dal.dialect.graph.canon.GraphCanonicalization.pad();
        }

        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.pad(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value data();

        /** {@return ONNX input #1} */
        @Operand(type = "I64_TENSOR", doc = "ONNX input #1")
        Value pads();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value constantValue();

        /** {@return ONNX input #3, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #3, `none` when absent")
        Value axes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code mode} (default 'constant')} */
        @Attr(name = "mode", defaultValue = "\"constant\"", doc = "ONNX attribute `mode` (default 'constant')")
        StringAttr mode();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.pad(data(), constInts(constant(c, 1)), constInts(constant(c, 3)), isNone(axes()));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.oneOf(this, diag, "mode", mode().value(), "constant", "reflect", "edge", "wrap")
                    && GraphChecks.rankIs(this, diag, "pads", pads(), 1);
        }
    }

    /**
     * Resizes by {@code scales} or to {@code sizes} with nearest, linear or cubic interpolation.
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<[1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00]> : tensor<4xf32>} : tensor<4xf32>
     * %n = graph.none : none
     * %y = graph.resize %x, %n, %s, %n {mode = "linear"} : (tensor<1x3x4x4xf32>, none, tensor<4xf32>, none) -> tensor<1x3x8x8xf32>
     * }</pre>
     */
    @Op(
            name = "resize",
            traits = {Pure.class})
    public interface Resize extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphSpatialExec.resize(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1, `none` when absent")
        Value roi();

        /** {@return ONNX input #2, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #2, `none` when absent")
        Value scales();

        /** {@return ONNX input #3, {@code none} when absent} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #3, `none` when absent")
        Value sizes();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code antialias} (default 0 : i64)} */
        @Attr(name = "antialias", defaultValue = "0 : i64", doc = "ONNX attribute `antialias` (default 0 : i64)")
        IntegerAttr antialias();

        /** {@return the ONNX attribute {@code axes}, optional} */
        @Attr(name = "axes", doc = "ONNX attribute `axes`, optional")
        Optional<DenseArrayAttr> axes();

        /** {@return the ONNX attribute {@code coordinate_transformation_mode} (default 'half_pixel')} */
        @Attr(
                name = "coordinate_transformation_mode",
                defaultValue = "\"half_pixel\"",
                doc = "ONNX attribute `coordinate_transformation_mode` (default 'half_pixel')")
        StringAttr coordinateTransformationMode();

        /** {@return the ONNX attribute {@code cubic_coeff_a} (default -0.75 : f32)} */
        @Attr(
                name = "cubic_coeff_a",
                defaultValue = "-0.75 : f32",
                doc = "ONNX attribute `cubic_coeff_a` (default -0.75 : f32)")
        FloatAttr cubicCoeffA();

        /** {@return the ONNX attribute {@code exclude_outside} (default 0 : i64)} */
        @Attr(
                name = "exclude_outside",
                defaultValue = "0 : i64",
                doc = "ONNX attribute `exclude_outside` (default 0 : i64)")
        IntegerAttr excludeOutside();

        /** {@return the ONNX attribute {@code extrapolation_value} (default 0.0 : f32)} */
        @Attr(
                name = "extrapolation_value",
                defaultValue = "0.0 : f32",
                doc = "ONNX attribute `extrapolation_value` (default 0.0 : f32)")
        FloatAttr extrapolationValue();

        /** {@return the ONNX attribute {@code keep_aspect_ratio_policy} (default 'stretch')} */
        @Attr(
                name = "keep_aspect_ratio_policy",
                defaultValue = "\"stretch\"",
                doc = "ONNX attribute `keep_aspect_ratio_policy` (default 'stretch')")
        StringAttr keepAspectRatioPolicy();

        /** {@return the ONNX attribute {@code mode} (default 'nearest')} */
        @Attr(name = "mode", defaultValue = "\"nearest\"", doc = "ONNX attribute `mode` (default 'nearest')")
        StringAttr mode();

        /** {@return the ONNX attribute {@code nearest_mode} (default 'round_prefer_floor')} */
        @Attr(
                name = "nearest_mode",
                defaultValue = "\"round_prefer_floor\"",
                doc = "ONNX attribute `nearest_mode` (default 'round_prefer_floor')")
        StringAttr nearestMode();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.resize(
                    x(),
                    constFloats(constant(c, 2)),
                    constInts(constant(c, 3)),
                    axes(),
                    keepAspectRatioPolicy().value());
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.oneOf(this, diag, "mode", mode().value(), "nearest", "linear", "cubic")
                    && GraphChecks.oneOf(
                            this,
                            diag,
                            "coordinate_transformation_mode",
                            coordinateTransformationMode().value(),
                            "half_pixel",
                            "half_pixel_symmetric",
                            "pytorch_half_pixel",
                            "align_corners",
                            "asymmetric",
                            "tf_crop_and_resize",
                            "tf_half_pixel_for_nn")
                    && GraphChecks.oneOf(
                            this,
                            diag,
                            "nearest_mode",
                            nearestMode().value(),
                            "round_prefer_floor",
                            "round_prefer_ceil",
                            "floor",
                            "ceil")
                    && GraphChecks.oneOf(
                            this,
                            diag,
                            "keep_aspect_ratio_policy",
                            keepAspectRatioPolicy().value(),
                            "stretch",
                            "not_larger",
                            "not_smaller")
                    && (isNone(scales())
                            || isNone(sizes())
                            || error(this, diag, "only one of 'scales' and 'sizes' may be given"));
        }
    }

    /**
     * Upsamples by {@code scales} (deprecated ONNX operator, kept for old models).
     *
     * <pre>{@code
     * %s = graph.constant {value = dense<[1.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<4xf32>} : tensor<4xf32>
     * %y = graph.upsample %x, %s : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x4x6xf32>
     * }</pre>
     */
    @Op(
            name = "upsample",
            traits = {Pure.class})
    public interface Upsample extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphSpatialExec.upsample(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value x();

        /** {@return ONNX input #1} */
        @Operand(type = "FLOAT_TENSOR", doc = "ONNX input #1")
        Value scales();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult y();

        /** {@return the ONNX attribute {@code mode} (default 'nearest')} */
        @Attr(name = "mode", defaultValue = "\"nearest\"", doc = "ONNX attribute `mode` (default 'nearest')")
        StringAttr mode();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.resize(
                    x(), constFloats(constant(c, 1)), Optional.empty(), Optional.empty(), "stretch");
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            return GraphChecks.oneOf(this, diag, "mode", mode().value(), "nearest", "linear", "bilinear");
        }
    }

    /**
     * Moves channel blocks into spatial blocks ({@code DCR} or {@code CRD} order).
     *
     * <pre>{@code
     * %y = graph.depth_to_space %x {blocksize = 2 : i64, mode = "CRD"} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
     * }</pre>
     */
    @Op(
            name = "depth_to_space",
            traits = {Pure.class})
    public interface DepthToSpace extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.depthToSpace(
                    in.get(0),
                    Math.toIntExact(blocksize().longValue()),
                    mode().value().equals("CRD")));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code blocksize}} */
        @Attr(name = "blocksize", doc = "ONNX attribute `blocksize`")
        IntegerAttr blocksize();

        /** {@return the ONNX attribute {@code mode} (default 'DCR')} */
        @Attr(name = "mode", defaultValue = "\"DCR\"", doc = "ONNX attribute `mode` (default 'DCR')")
        StringAttr mode();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.depthSpace(input(), blocksize().longValue(), true);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.oneOf(this, diag, "mode", mode().value(), "DCR", "CRD")
                    || !GraphChecks.atLeast(this, diag, "blocksize", blocksize().longValue(), 1)) return false;
            long b2 = blocksize().longValue() * blocksize().longValue();
            if (!GraphChecks.rankIs(this, diag, "input", input(), 4)) return false;
            if (dim(input(), 1) != DYN && dim(input(), 1) % b2 != 0)
                return error(
                        this,
                        diag,
                        "input channels " + dim(input(), 1) + " must be divisible by blocksize squared (" + b2 + ")");
            return true;
        }
    }

    /**
     * Moves spatial blocks into channels.
     *
     * <pre>{@code
     * %y = graph.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
     * }</pre>
     */
    @Op(
            name = "space_to_depth",
            traits = {Pure.class})
    public interface SpaceToDepth extends ShapeInferable, Verifiable, dev.dal.ir.interp.Executable {
        @Override
        default java.util.List<dev.dal.ir.interp.Tensor> execute(
                java.util.List<dev.dal.ir.interp.Tensor> in, dev.dal.ir.interp.ExecContext ctx) {
            return GraphExec.one(dev.dal.dialect.graph.kernel.Layout.spaceToDepth(
                    in.get(0), Math.toIntExact(blocksize().longValue())));
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR", doc = "ONNX input #0")
        Value input();

        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code blocksize}} */
        @Attr(name = "blocksize", doc = "ONNX attribute `blocksize`")
        IntegerAttr blocksize();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return GraphInference.depthSpace(input(), blocksize().longValue(), false);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!GraphChecks.atLeast(this, diag, "blocksize", blocksize().longValue(), 1)
                    || !GraphChecks.rankIs(this, diag, "input", input(), 4)) return false;
            for (int i = 2; i < 4; i++)
                if (dim(input(), i) != DYN && dim(input(), i) % blocksize().longValue() != 0)
                    return error(
                            this,
                            diag,
                            "spatial dimension " + dim(input(), i) + " must be divisible by blocksize "
                                    + blocksize().longValue());
            return true;
        }
    }
}
