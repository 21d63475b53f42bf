package dev.dal.dialect.quant;

import dev.dal.dialect.quant.kernel.FixedPoint;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Operation;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.trait.Traits;
import java.util.List;
import java.util.Optional;

/**
 * The checks the {@code quant} and {@code qnn} verifiers share: per-axis types fit their tensors, int8 activations
 * are symmetric and weights symmetric per channel (DESIGN §7), int32 biases are at scale {@code s_in * s_w}, and the
 * fixed-point requantization attributes stand for the rescale the types imply. Each reports an MLIR-style error on
 * the op and returns whether the check passed.
 */
public final class QuantChecks {
    /** The relative tolerance of scale relations (bias scale, represented multipliers). */
    public static final double REL_TOL = 1e-6;

    private QuantChecks() {}

    /** {@return the quantized element type of a value's tensor type} */
    public static Optional<QuantizedElementType> qtype(Value v) {
        return v.type() instanceof ShapedType s && s.elementType() instanceof QuantizedElementType q
                ? Optional.of(q)
                : Optional.empty();
    }

    /** {@return the quantized element type of a value the op's type constraints already checked} */
    public static QuantizedElementType q(Value v) {
        return qtype(v).orElseThrow(() -> new IllegalStateException("not a quantized tensor: " + v.type()));
    }

    static boolean error(Object op, DiagnosticEngine diag, String message) {
        diag.report(Diagnostic.opError((Operation) op, message));
        return false;
    }

    /** A per-axis type's axis lies within the tensor's rank and its scale count equals that dimension. */
    public static boolean axisFits(Object op, DiagnosticEngine diag, Value v, String role) {
        Optional<QuantizedElementType> q = qtype(v);
        if (q.isEmpty() || q.get().axis().isEmpty() || !(v.type() instanceof TensorType t)) return true;
        int axis = q.get().axis().getAsInt();
        if (axis >= t.rank())
            return error(op, diag, role + " quantized dimension " + axis + " is out of range for rank " + t.rank());
        long d = t.shape().get(axis);
        if (d != ShapedType.DYNAMIC && d != q.get().channels())
            return error(
                    op, diag, role + " has " + q.get().channels() + " scales but dimension " + axis + " has size " + d);
        return true;
    }

    /** Every quantized operand and result has a per-axis type that fits it. */
    public static boolean axesFit(Operation op, DiagnosticEngine diag) {
        boolean ok = true;
        for (int i = 0; i < op.operands().size(); i++) ok &= axisFits(op, diag, op.operand(i), "operand #" + i);
        for (int i = 0; i < op.results().size(); i++) ok &= axisFits(op, diag, op.result(i), "result #" + i);
        return ok;
    }

    /**
     * An activation with signed 8-bit storage is per-tensor and symmetric (zero point 0), as DESIGN §7 requires;
     * unsigned storage may have any zero point.
     */
    public static boolean symmetricActivation(Object op, DiagnosticEngine diag, Value v, String role) {
        Optional<QuantizedElementType> q = qtype(v);
        if (q.isEmpty()) return true;
        if (q.get().axis().isPresent())
            return error(op, diag, role + " must be quantized per tensor, got " + Traits.typeText(q.get()));
        if (isSigned8(q.get()) && q.get().zeroPoint(0) != 0)
            return error(op, diag, role + " must be symmetric (zero point 0), got " + Traits.typeText(q.get()));
        return true;
    }

    /** Weights are symmetric: every zero point is 0. A per-axis type quantizes dimension {@code axis}. */
    public static boolean symmetricWeights(Object op, DiagnosticEngine diag, Value w, int axis) {
        QuantizedElementType q = q(w);
        for (int c = 0; c < q.channels(); c++)
            if (q.zeroPoint(c) != 0)
                return error(op, diag, "weights must be symmetric (zero points 0), got " + Traits.typeText(q));
        if (q.axis().isPresent() && q.axis().getAsInt() != axis)
            return error(
                    op,
                    diag,
                    "weights must be quantized along dimension " + axis + ", got "
                            + q.axis().getAsInt());
        return true;
    }

    private static boolean isSigned8(QuantizedElementType q) {
        return q.storageType().width() == 8 && q.storageType().signedness() != IntegerType.Signedness.UNSIGNED;
    }

    /** The bias is int32 storage with zero point 0 at scale {@code s_in * s_w(c)} per output channel. */
    public static boolean bias(Object op, DiagnosticEngine diag, Value bias, double sIn, QuantizedElementType w) {
        Optional<QuantizedElementType> ob = qtype(bias);
        if (ob.isEmpty()) return true;
        QuantizedElementType b = ob.get();
        if (b.storageType().width() != 32)
            return error(op, diag, "bias must have 32-bit storage, got " + Traits.typeText(b));
        int n = Math.max(w.channels(), b.channels());
        for (int c = 0; c < n; c++) {
            double want = sIn * w.scale(Math.min(c, w.channels() - 1));
            double got = b.scale(Math.min(c, b.channels() - 1));
            if (b.zeroPoint(Math.min(c, b.channels() - 1)) != 0)
                return error(op, diag, "bias zero point must be 0, got " + Traits.typeText(b));
            if (!close(got, want))
                return error(
                        op,
                        diag,
                        "bias scale " + got + " of channel " + c + " must be input scale times weight" + " scale "
                                + want);
        }
        return true;
    }

    /**
     * The {@code multiplier} and {@code shift} arrays have {@code expected.length} entries (or one when all expected
     * factors are equal), each a valid {@link FixedPoint} standing for the expected factor within {@link #REL_TOL}.
     */
    public static boolean rescale(
            Object op,
            DiagnosticEngine diag,
            String prefix,
            DenseArrayAttr mult,
            DenseArrayAttr shift,
            double[] expected) {
        if (mult.size() != shift.size())
            return error(
                    op,
                    diag,
                    "'" + prefix + "multiplier' and '" + prefix + "shift' must have the same length, got " + mult.size()
                            + " and " + shift.size());
        if (mult.size() != expected.length && mult.size() != 1)
            return error(
                    op,
                    diag,
                    "'" + prefix + "multiplier' must have 1 or " + expected.length + " entries, got " + mult.size());
        for (int i = 0; i < expected.length; i++) {
            int k = mult.size() == 1 ? 0 : i;
            long m = mult.getLong(k), s = shift.getLong(k);
            if (m < 0 || m >= 1L << 31 || s < FixedPoint.MIN_SHIFT || s > 1100)
                return error(
                        op,
                        diag,
                        "'" + prefix + "multiplier' " + m + " with shift " + s + " is not a Q31 fixed-point factor");
            double represented = new FixedPoint((int) m, (int) s).value();
            if (!close(represented, expected[i]))
                return error(
                        op,
                        diag,
                        "'" + prefix + "multiplier' " + m + " >> " + s + " stands for " + represented
                                + " but the scales give " + expected[i]);
        }
        return true;
    }

    /** {@return the Q31 multipliers and shifts of some factors, as {@code multiplier}/{@code shift} attributes} */
    public static List<DenseArrayAttr> rescaleAttrs(double... factors) {
        long[] m = new long[factors.length], s = new long[factors.length];
        for (int i = 0; i < factors.length; i++) {
            FixedPoint f = FixedPoint.of(factors[i]);
            m[i] = f.multiplier();
            s[i] = f.shift();
        }
        return List.of(new DenseArrayAttr(IntegerType.I32, m), new DenseArrayAttr(IntegerType.I32, s));
    }

    /** {@return the fixed-point factors an op's attributes hold, one per entry} */
    public static FixedPoint[] fixedPoints(DenseArrayAttr mult, DenseArrayAttr shift) {
        FixedPoint[] f = new FixedPoint[mult.size()];
        for (int i = 0; i < f.length; i++) f[i] = new FixedPoint((int) mult.getLong(i), (int) shift.getLong(i));
        return f;
    }

    static boolean close(double got, double want) {
        return Math.abs(got - want) <= REL_TOL * Math.abs(want);
    }

    /** Two values have the same shape. */
    public static boolean sameShape(Object op, DiagnosticEngine diag, Value a, Value b) {
        if (a.type() instanceof TensorType ta
                && b.type() instanceof TensorType tb
                && !ta.shape().equals(tb.shape()))
            return error(
                    op,
                    diag,
                    "operand and result shapes must match, got " + Traits.typeText(ta) + " and " + Traits.typeText(tb));
        return true;
    }

    /** Two values have the same element type. */
    public static boolean sameElementType(Object op, DiagnosticEngine diag, Value a, Value b) {
        Type ea = ((ShapedType) a.type()).elementType(), eb = ((ShapedType) b.type()).elementType();
        if (!ea.equals(eb))
            return error(
                    op,
                    diag,
                    "input and result must have the same quantized type, got " + Traits.typeText(ea) + " and "
                            + Traits.typeText(eb));
        return true;
    }
}
