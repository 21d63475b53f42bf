package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.DYN;
import static dev.dal.dialect.graph.GraphShapes.dim;
import static dev.dal.dialect.graph.GraphShapes.error;
import static dev.dal.dialect.graph.GraphShapes.rank;

import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.Value;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks the {@code graph} ops' verifiers share: ONNX constraints beyond types (window attribute lengths,
 * axes in range, enumerated string attributes, broadcast-compatible shapes). Each reports an MLIR-style
 * {@code 'graph.x' op ...} error on the op and returns whether the check passed.
 */
public final class GraphChecks {
    private GraphChecks() {}

    /** {@code value} is one of {@code allowed}. */
    public static boolean oneOf(Object op, DiagnosticEngine diag, String attr, String value, String... allowed) {
        if (Set.of(allowed).contains(value)) return true;
        return error(
                op,
                diag,
                "attribute '" + attr + "' must be one of " + String.join(", ", allowed) + ", but got '" + value + "'");
    }

    /** {@code axis} is in {@code [-rank, rank)} (or {@code [-rank, rank]} when {@code inclusive}). */
    public static boolean axis(Object op, DiagnosticEngine diag, String attr, long axis, Value v, boolean inclusive) {
        int r = rank(v);
        if (r < 0) return true;
        int hi = inclusive ? r : r - 1;
        if (axis >= -r && axis <= hi) return true;
        return error(
                op,
                diag,
                "attribute '" + attr + "' = " + axis + " is out of range [" + -r + ", " + hi + "] for rank " + r);
    }

    /** An integer attribute is at least {@code min}. */
    public static boolean atLeast(Object op, DiagnosticEngine diag, String attr, long value, long min) {
        if (value >= min) return true;
        return error(op, diag, "attribute '" + attr + "' must be at least " + min + ", but got " + value);
    }

    /** An integer attribute is 0 or 1 (ONNX's boolean ints). */
    public static boolean flag(Object op, DiagnosticEngine diag, String attr, long value) {
        if (value == 0 || value == 1) return true;
        return error(op, diag, "attribute '" + attr + "' must be 0 or 1, but got " + value);
    }

    /** An optional array attribute has {@code n} elements. */
    public static boolean length(Object op, DiagnosticEngine diag, String attr, Optional<DenseArrayAttr> a, int n) {
        if (a.isEmpty() || a.get().size() == n) return true;
        return error(
                op,
                diag,
                "attribute '" + attr + "' must have " + n + " elements, but has "
                        + a.get().size());
    }

    /** The values' ranked shapes broadcast together (ONNX multidirectional broadcasting). */
    public static boolean broadcastable(Object op, DiagnosticEngine diag, List<Value> values) {
        List<List<Long>> shapes = new ArrayList<>();
        for (Value v : values) GraphShapes.shape(v).ifPresent(shapes::add);
        if (GraphShapes.broadcast(shapes).isPresent()) return true;
        List<String> texts = new ArrayList<>();
        for (List<Long> s : shapes) texts.add(GraphShapes.shapeText(s));
        return error(op, diag, "operands are not broadcast-compatible: " + String.join(", ", texts));
    }

    /**
     * Conv-like ops: X is at least 3-D with W of the same rank; W's channels times {@code group} equal X's channels
     * (when {@code channelsPerGroupInW}, else W's first dim equals X's channels, as ConvTranspose); the window
     * attributes have one value per spatial axis ({@code pads} two); {@code auto_pad} is a known mode.
     */
    public static boolean window(
            Object op,
            DiagnosticEngine diag,
            Value x,
            Value w,
            long group,
            GraphInference.Window win,
            boolean channelsPerGroupInW) {
        if (!autoPad(op, diag, win.autoPad())) return false;
        if (!atLeast(op, diag, "group", group, 1)) return false;
        int rx = rank(x), rw = w == null ? -1 : rank(w);
        if (rx >= 0 && rx < 3) return error(op, diag, "input must have rank at least 3, but has rank " + rx);
        if (rx >= 0 && rw >= 0 && rx != rw)
            return error(op, diag, "input rank " + rx + " and weight rank " + rw + " differ");
        if (w != null && rx >= 0 && rw >= 0) {
            long cx = dim(x, 1), cw = channelsPerGroupInW ? dim(w, 1) : dim(w, 0);
            if (cx != DYN && cw != DYN && (channelsPerGroupInW ? cw * group != cx : cw != cx))
                return error(
                        op,
                        diag,
                        channelsPerGroupInW
                                ? "weight channels " + cw + " times group " + group + " must equal input channels " + cx
                                : "weight's first dimension " + cw + " must equal input channels " + cx);
            if (!channelsPerGroupInW && dim(w, 0) != DYN && dim(w, 0) % group != 0)
                return error(
                        op, diag, "weight's first dimension " + dim(w, 0) + " must be divisible by group " + group);
        }
        int spatial = rx >= 0 ? rx - 2 : rw >= 0 ? rw - 2 : -1;
        if (spatial < 0) return true;
        return length(op, diag, "kernel_shape", win.kernelShape(), spatial)
                && length(op, diag, "strides", win.strides(), spatial)
                && length(op, diag, "dilations", win.dilations(), spatial)
                && length(op, diag, "pads", win.pads(), 2 * spatial)
                && positive(op, diag, "strides", win.strides())
                && positive(op, diag, "dilations", win.dilations());
    }

    /** {@code auto_pad} is NOTSET, SAME_UPPER, SAME_LOWER or VALID. */
    public static boolean autoPad(Object op, DiagnosticEngine diag, String value) {
        return oneOf(op, diag, "auto_pad", value, "NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID");
    }

    /** Every element of an optional array attribute is positive. */
    public static boolean positive(Object op, DiagnosticEngine diag, String attr, Optional<DenseArrayAttr> a) {
        if (a.isEmpty()) return true;
        for (long v : a.get().toLongArray())
            if (v <= 0) return error(op, diag, "attribute '" + attr + "' must be positive, but has " + v);
        return true;
    }

    /** The value has exactly rank {@code r} when ranked. */
    public static boolean rankIs(Object op, DiagnosticEngine diag, String what, Value v, int r) {
        if (rank(v) < 0 || rank(v) == r) return true;
        return error(op, diag, what + " must have rank " + r + ", but has rank " + rank(v));
    }

    /** MatMul-like ops: the inner dimensions agree when static (after NumPy's promotion of 1-D operands). */
    public static boolean matMul(Object op, DiagnosticEngine diag, Value a, Value b) {
        int ra = rank(a), rb = rank(b);
        if (ra == 0 || rb == 0) return error(op, diag, "operands must have rank at least 1");
        if (ra < 0 || rb < 0) return true;
        long ka = dim(a, ra - 1), kb = dim(b, rb == 1 ? 0 : rb - 2);
        if (ka != DYN && kb != DYN && ka != kb) return error(op, diag, "inner dimensions differ: " + ka + " and " + kb);
        if (ra > 2
                && rb > 2
                && GraphShapes.broadcast(List.of(
                                GraphShapes.shape(a).get().subList(0, ra - 2),
                                GraphShapes.shape(b).get().subList(0, rb - 2)))
                        .isEmpty()) return error(op, diag, "batch dimensions are not broadcast-compatible");
        return true;
    }

    /** Concat: at least one input, the axis in range, equal ranks, and equal non-axis dims when static. */
    public static boolean concat(Object op, DiagnosticEngine diag, List<Value> inputs, long axis) {
        if (inputs.isEmpty()) return error(op, diag, "needs at least one input");
        int r = -1;
        for (Value v : inputs) {
            if (rank(v) < 0) continue;
            if (r >= 0 && rank(v) != r)
                return error(op, diag, "inputs must have the same rank, but have ranks " + r + " and " + rank(v));
            r = rank(v);
        }
        if (r < 0) return true;
        if (axis < -r || axis >= r)
            return error(
                    op,
                    diag,
                    "attribute 'axis' = " + axis + " is out of range [" + -r + ", " + (r - 1) + "] for rank " + r);
        int a = GraphShapes.normalizeAxis(axis, r);
        for (int i = 0; i < r; i++) {
            if (i == a) continue;
            long d = DYN;
            for (Value v : inputs) {
                long x = dim(v, i);
                if (x == DYN) continue;
                if (d != DYN && d != x)
                    return error(
                            op,
                            diag,
                            "inputs differ in dimension " + i + " (" + d + " and " + x + "), which is not the axis");
                d = x;
            }
        }
        return true;
    }

    /**
     * (De)quantization parameters: a scale and zero point of the same shape; scalar (per tensor), 1-D along
     * {@code axis} (per axis, as long as the axis dim), or of the input's rank (per block).
     */
    public static boolean quantParams(
            Object op, DiagnosticEngine diag, Value x, Value scale, Value zeroPoint, long axis, long blockSize) {
        if (!atLeast(op, diag, "block_size", blockSize, 0)) return false;
        if (!GraphShapes.isNone(zeroPoint)
                && GraphShapes.shape(scale).isPresent()
                && GraphShapes.shape(zeroPoint).isPresent()
                && !GraphShapes.shape(scale)
                        .get()
                        .equals(GraphShapes.shape(zeroPoint).get()))
            return error(
                    op,
                    diag,
                    "scale and zero point must have the same shape, but have " + GraphShapes.text(scale.type())
                            + " and " + GraphShapes.text(zeroPoint.type()));
        if (rank(scale) == 1 && blockSize == 0 && rank(x) >= 0) {
            if (!axis(op, diag, "axis", axis, x, false)) return false;
            long d = dim(x, GraphShapes.normalizeAxis(axis, rank(x))), n = dim(scale, 0);
            if (d != DYN && n != DYN && n != 1 && n != d)
                return error(op, diag, "per-axis scale has " + n + " elements, but axis " + axis + " has size " + d);
        }
        return true;
    }

    /** {@return the integers of {@code v} when it is the result of a {@code graph.constant}} */
    public static Optional<long[]> constantInts(Value v) {
        if (v instanceof dev.dal.ir.OpResult r && r.owner() instanceof ConstantOp c)
            return GraphShapes.constInts(Optional.of(c.value()));
        return Optional.empty();
    }

    /**
     * Reshape with a constant shape: at most one -1, no other negative value, not both 0 and -1 under
     * {@code allowzero}, and the element count kept when both shapes are static.
     */
    public static boolean reshape(Object op, DiagnosticEngine diag, Value data, Value shape, boolean allowZero) {
        Optional<long[]> target = constantInts(shape);
        if (target.isEmpty()) return true;
        int minusOnes = 0;
        boolean zero = false;
        for (long d : target.get()) {
            if (d == -1) minusOnes++;
            else if (d < -1) return error(op, diag, "shape holds " + d + "; only -1 may be negative");
            if (d == 0) zero = true;
        }
        if (minusOnes > 1) return error(op, diag, "shape may hold at most one -1, but holds " + minusOnes);
        if (allowZero && zero && minusOnes > 0)
            return error(op, diag, "with allowzero = 1 the shape cannot hold both 0 and -1");
        Optional<java.util.List<Long>> in = GraphShapes.shape(data);
        if (minusOnes == 0 && in.isPresent() && !in.get().contains(DYN)) {
            long n = 1, m = GraphShapes.product(in.get());
            for (int i = 0; i < target.get().length; i++)
                n *= target.get()[i] == 0 && !allowZero
                        ? (i < in.get().size() ? in.get().get(i) : 0)
                        : target.get()[i];
            if (n != m) return error(op, diag, "cannot reshape " + m + " elements to " + n);
        }
        return true;
    }
}
