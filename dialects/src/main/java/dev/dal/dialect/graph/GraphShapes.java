package dev.dal.dialect.graph;

import dev.dal.ir.Attribute;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.NoneType;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shape arithmetic shared by the {@code graph} ops' shape inference and verifiers: ONNX's multidirectional
 * broadcasting, convolution/pooling output sizes, negative axes, constant operands read as integers. Dynamic
 * dimensions are {@link ShapedType#DYNAMIC} throughout and propagate through every formula.
 */
public final class GraphShapes {
    /** A dynamic dimension ({@code ?}). */
    public static final long DYN = ShapedType.DYNAMIC;

    private GraphShapes() {}

    // ---- types ------------------------------------------------------------------------------------------------

    /** {@return the shape of {@code v}'s type if it is a ranked tensor} */
    public static Optional<List<Long>> shape(Value v) {
        return v.type() instanceof TensorType t ? Optional.of(t.shape()) : Optional.empty();
    }

    /** {@return the rank of {@code v}'s type if it is a ranked tensor, else -1} */
    public static int rank(Value v) {
        return v.type() instanceof TensorType t ? t.rank() : -1;
    }

    /** {@return dimension {@code i} of a ranked {@code v}, or {@link #DYN} when unknown} */
    public static long dim(Value v, int i) {
        return v.type() instanceof TensorType t && i >= 0 && i < t.rank()
                ? t.shape().get(i)
                : DYN;
    }

    /** {@return the element type of {@code v}'s (shaped) type, or the type itself} */
    public static Type elem(Value v) {
        return v.type() instanceof ShapedType s ? s.elementType() : v.type();
    }

    /** {@return whether {@code v} is an absent optional input ({@code none})} */
    public static boolean isNone(Value v) {
        return v.type() instanceof NoneType;
    }

    /** {@return a ranked tensor type} */
    public static Type tensor(List<Long> shape, Type elem) {
        return TensorType.of(shape, elem);
    }

    /** {@return {@code tensor<*xelem>}} */
    public static Type unranked(Type elem) {
        return new UnrankedTensorType(elem);
    }

    /** {@return a tensor of rank {@code rank} with every dimension dynamic, or unranked if the rank is negative} */
    public static Type dynamicOfRank(int rank, Type elem) {
        if (rank < 0) return unranked(elem);
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < rank; i++) s.add(DYN);
        return tensor(s, elem);
    }

    /** {@return the one inferred result type} */
    public static Optional<List<Type>> one(Type t) {
        return Optional.of(List.of(t));
    }

    /** {@return {@code v}'s type as the one result type (ops whose output looks like their input)} */
    public static Optional<List<Type>> same(Value v) {
        return one(v.type());
    }

    /** {@return {@code v}'s shape (or unrankedness) with another element type} */
    public static Type withElem(Value v, Type elem) {
        return shape(v).map(s -> tensor(s, elem)).orElse(unranked(elem));
    }

    /** {@return the element type of an ONNX {@code TensorProto.DataType} code, if DAL has one} */
    public static Optional<Type> onnxElementType(long code) {
        return Optional.ofNullable(
                switch ((int) code) {
                    case 1 -> FloatType.F32;
                    case 2 -> new IntegerType(8, IntegerType.Signedness.UNSIGNED);
                    case 3 -> IntegerType.I8;
                    case 4 -> new IntegerType(16, IntegerType.Signedness.UNSIGNED);
                    case 5 -> IntegerType.I16;
                    case 6 -> IntegerType.I32;
                    case 7 -> IntegerType.I64;
                    case 8 -> new dev.dal.ir.OpaqueType("graph", "string");
                    case 9 -> IntegerType.I1;
                    case 10 -> FloatType.F16;
                    case 11 -> FloatType.F64;
                    case 12 -> new IntegerType(32, IntegerType.Signedness.UNSIGNED);
                    case 13 -> new IntegerType(64, IntegerType.Signedness.UNSIGNED);
                    case 16 -> FloatType.BF16;
                    default -> null;
                });
    }

    // ---- dimensions -------------------------------------------------------------------------------------------

    /**
     * ONNX multidirectional (NumPy) broadcasting of several shapes: shapes are right-aligned, a dimension of 1
     * stretches, equal dimensions stay. A dynamic dimension against 1 or {@code ?} stays dynamic; against a static
     * {@code n > 1} it must be {@code n} at run time, so the result is {@code n}.
     *
     * @return the broadcast shape, or empty if two static dimensions differ and neither is 1
     */
    public static Optional<List<Long>> broadcast(List<List<Long>> shapes) {
        int rank = 0;
        for (List<Long> s : shapes) rank = Math.max(rank, s.size());
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            long d = 1;
            boolean dynamic = false;
            for (List<Long> s : shapes) {
                int j = i - (rank - s.size());
                if (j < 0) continue;
                long x = s.get(j);
                if (x == DYN) dynamic = true;
                else if (x != 1) {
                    if (d != 1 && d != x) return Optional.empty();
                    d = x;
                }
            }
            out.add(d == 1 && dynamic ? DYN : d);
        }
        return Optional.of(out);
    }

    /** {@return the broadcast of the values' shapes as a tensor of {@code elem}; unranked if one is unranked} */
    public static Optional<List<Type>> broadcastResult(Type elem, List<Value> values) {
        List<List<Long>> shapes = new ArrayList<>();
        for (Value v : values) {
            Optional<List<Long>> s = shape(v);
            if (s.isEmpty()) return one(unranked(elem));
            shapes.add(s.get());
        }
        return broadcast(shapes).map(s -> List.of(tensor(s, elem)));
    }

    /** {@return the axis in {@code [0, rank)} for an ONNX axis in {@code [-rank, rank)}, or -1 if out of range} */
    public static int normalizeAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return a >= 0 && a < rank ? (int) a : -1;
    }

    /** {@return the product of dimensions (dynamic if any is)} */
    public static long product(List<Long> dims) {
        long p = 1;
        for (long d : dims) {
            if (d == DYN) return DYN;
            p *= d;
        }
        return p;
    }

    /** {@return {@code a + b}, dynamic if either is} */
    public static long add(long a, long b) {
        return a == DYN || b == DYN ? DYN : a + b;
    }

    /** {@return {@code a * b}, dynamic if either is} */
    public static long mul(long a, long b) {
        return a == DYN || b == DYN ? DYN : a * b;
    }

    /** {@return the static one of two dimensions that must agree, or dynamic} */
    public static long meet(long a, long b) {
        return a == DYN ? b : a;
    }

    /**
     * The output size of a convolution or pooling window along one axis.
     *
     * @param in     input size
     * @param kernel kernel size
     * @param stride stride
     * @param dil    dilation
     * @param padBegin padding at the start
     * @param padEnd   padding at the end
     * @param ceil   whether to round up (pooling's {@code ceil_mode})
     * @return the output size, dynamic if the input or kernel is
     */
    public static long windowOutput(
            long in, long kernel, long stride, long dil, long padBegin, long padEnd, boolean ceil) {
        if (in == DYN || kernel == DYN) return DYN;
        long padSum = padBegin + padEnd;
        long span = in + padSum - dil * (kernel - 1) - 1;
        long out = ceil ? Math.floorDiv(span + stride - 1, stride) + 1 : Math.floorDiv(span, stride) + 1;
        // With ceil_mode, a last window that would start inside the end padding is dropped (ONNX, PyTorch).
        if (ceil && (out - 1) * stride >= in + padBegin) out--;
        return Math.max(out, 0);
    }

    /** {@return {@code ceil(in / stride)}: the output size under {@code SAME_UPPER}/{@code SAME_LOWER}} */
    public static long sameOutput(long in, long stride) {
        return in == DYN ? DYN : Math.ceilDiv(in, stride);
    }

    // ---- attributes and constants -----------------------------------------------------------------------------

    /** {@return the integers of an optional {@code array<i64>} attribute, or {@code n} copies of {@code dflt}} */
    public static long[] ints(Optional<DenseArrayAttr> a, int n, long dflt) {
        if (a.isPresent()) return a.get().toLongArray();
        long[] r = new long[n];
        java.util.Arrays.fill(r, dflt);
        return r;
    }

    /** {@return the elements of a constant integer tensor operand, if it is one} */
    public static Optional<long[]> constInts(Optional<Attribute> c) {
        if (c.isEmpty() || !(c.get() instanceof DenseElementsAttr d)) return Optional.empty();
        Type et = d.shapedType().elementType();
        if (!(et instanceof IntegerType)) return Optional.empty();
        long[] r = new long[(int) d.size()];
        for (int i = 0; i < r.length; i++) r[i] = d.getLong(d.splat() ? 0 : i);
        return Optional.of(r);
    }

    /** {@return the elements of a constant float tensor operand as doubles, if it is one} */
    public static Optional<double[]> constFloats(Optional<Attribute> c) {
        if (c.isEmpty() || !(c.get() instanceof DenseElementsAttr d)) return Optional.empty();
        if (!(d.shapedType().elementType() instanceof FloatType)) return Optional.empty();
        double[] r = new double[(int) d.size()];
        for (int i = 0; i < r.length; i++) r[i] = d.getDouble(d.splat() ? 0 : i);
        return Optional.of(r);
    }

    /** {@return the constant operand {@code i}, or empty when absent, not constant or an empty tensor} */
    public static Optional<Attribute> constant(List<Optional<Attribute>> constants, int i) {
        return i < constants.size() ? constants.get(i) : Optional.empty();
    }

    /** {@return the static length of a 1-D operand, or -1} */
    public static int length1d(Value v) {
        return rank(v) == 1 && dim(v, 0) != DYN ? (int) dim(v, 0) : -1;
    }

    // ---- verifier helpers -------------------------------------------------------------------------------------

    /** Reports {@code 'op' op message} and returns false, for a verifier's {@code return error(...)}. */
    public static boolean error(Object op, DiagnosticEngine diag, String message) {
        diag.report(Diagnostic.opError((Operation) op, message));
        return false;
    }

    /** {@return the type as text, for messages} */
    public static String text(Type t) {
        return dev.dal.ir.trait.Traits.typeText(t);
    }

    /** {@return the shape as ONNX-style text {@code [1, ?, 3]}} */
    public static String shapeText(List<Long> s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.size(); i++) sb.append(i > 0 ? ", " : "").append(s.get(i) == DYN ? "?" : s.get(i));
        return sb.append(']').toString();
    }

    /** {@return the operand types of the terminator of a region's entry block (a {@code graph.yield}), or none} */
    public static List<Type> yielded(dev.dal.ir.Region r) {
        if (r.isEmpty()) return List.of();
        return r.entry().lastOp().map(Operation::operandTypes).orElse(List.of());
    }

    /**
     * The most precise type both {@code a} and {@code b} are instances of: equal dims stay, differing ones become
     * dynamic, differing ranks give an unranked tensor.
     *
     * @return empty if the element types (or non-tensor types) differ
     */
    public static Optional<Type> join(Type a, Type b) {
        if (a.equals(b)) return Optional.of(a);
        if (!(a instanceof ShapedType sa)
                || !(b instanceof ShapedType sb)
                || !sa.elementType().equals(sb.elementType())) return Optional.empty();
        if (!(a instanceof TensorType ta) || !(b instanceof TensorType tb) || ta.rank() != tb.rank())
            return Optional.of(unranked(sa.elementType()));
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ta.rank(); i++)
            out.add(ta.shape().get(i).equals(tb.shape().get(i)) ? ta.shape().get(i) : DYN);
        return Optional.of(tensor(out, sa.elementType()));
    }
}
