package dev.dal.dialect.quant;

import static dev.dal.dialect.quant.QuantChecks.error;
import static dev.dal.dialect.quant.QuantChecks.q;

import dev.dal.dialect.quant.kernel.Lut;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.NoneType;
import dev.dal.ir.Operation;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Value;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.trait.Traits;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The verifiers of the {@code qnn} ops: shapes, the DESIGN §7 quantization rules, and the requantization factors. */
final class QnnVerify {
    private QnnVerify() {}

    static boolean requantize(QnnOpDefs.Requantize op, DiagnosticEngine diag) {
        if (!common(op, diag) || !QuantChecks.sameShape(op, diag, op.input(), op.result())) return false;
        QuantizedElementType in = q(op.input()), out = q(op.result());
        if (out.axis().isPresent() && !out.axis().equals(in.axis()))
            return error(op, diag, "a per-axis result must be quantized along the input's axis");
        int n = Math.max(in.channels(), out.channels());
        double[] m = new double[n];
        for (int c = 0; c < n; c++)
            m[c] = in.scale(Math.min(c, in.channels() - 1)) / out.scale(Math.min(c, out.channels() - 1));
        return QuantChecks.rescale(op, diag, "", op.multiplier(), op.shift(), m);
    }

    static boolean conv(QnnOpDefs.Conv op, DiagnosticEngine diag) {
        if (!common(op, diag) || !rank(op, diag, op.x(), 4, "input") || !rank(op, diag, op.weight(), 4, "weights"))
            return false;
        if (!activations(op, diag, op.x(), op.y()) || !QuantChecks.symmetricWeights(op, diag, op.weight(), 0))
            return false;
        if (!lengths(op, diag, op.strides(), 2, "strides")
                || !lengths(op, diag, op.pads(), 4, "pads")
                || !lengths(op, diag, op.dilations(), 2, "dilations")) return false;
        long[] x = dims(op.x()), w = dims(op.weight()), y = dims(op.y());
        long group = op.group().longValue();
        if (group < 1) return error(op, diag, "'group' must be at least 1, got " + group);
        if (known(x[1], w[1]) && x[1] != w[1] * group)
            return error(
                    op, diag, "input channels " + x[1] + " must be weight channels " + w[1] + " times group " + group);
        if (known(w[0]) && w[0] % group != 0)
            return error(op, diag, "output channels " + w[0] + " must be a multiple of group " + group);
        if (y.length != 4 || (known(y[1], w[0]) && y[1] != w[0]) || (known(y[0], x[0]) && y[0] != x[0]))
            return error(
                    op,
                    diag,
                    "result must be [n, o, oh, ow], got "
                            + Traits.typeText(op.y().type()));
        for (int d = 0; d < 2; d++) {
            long want = windowOut(x[2 + d], w[2 + d], op.strides(), op.pads(), op.dilations(), d);
            if (known(want, y[2 + d]) && want != y[2 + d])
                return error(op, diag, "result spatial dimension " + d + " must be " + want + ", got " + y[2 + d]);
        }
        if (!Set.of("none", "relu", "relu6", "clip").contains(op.activation().value()))
            return error(
                    op,
                    diag,
                    "'activation' must be none, relu, relu6 or clip, got '"
                            + op.activation().value() + "'");
        QuantizedElementType qx = q(op.x()), qw = q(op.weight()), qy = q(op.y());
        if (!present(op.bias()).map(b -> bias(op, diag, b, qx, qw, w[0])).orElse(true)) return false;
        if (!residual(op, diag)) return false;
        return QuantChecks.rescale(op, diag, "", op.multiplier(), op.shift(), factors(qx.scale(0), qw, qy, (int) w[0]));
    }

    private static boolean residual(QnnOpDefs.Conv op, DiagnosticEngine diag) {
        Optional<Value> r = present(op.residual());
        if (r.isEmpty()) {
            if (op.residualMultiplier().isPresent() || op.residualShift().isPresent())
                return error(op, diag, "'residual_multiplier' and 'residual_shift' need a residual");
            return true;
        }
        if (op.residualMultiplier().isEmpty() || op.residualShift().isEmpty())
            return error(op, diag, "a residual needs 'residual_multiplier' and 'residual_shift'");
        if (!QuantChecks.symmetricActivation(op, diag, r.get(), "residual")) return false;
        if (!(r.get().type() instanceof TensorType rt
                && rt.shape().equals(((TensorType) op.y().type()).shape())))
            return error(
                    op,
                    diag,
                    "residual must have the result's shape, got "
                            + Traits.typeText(r.get().type()));
        return QuantChecks.rescale(
                op,
                diag,
                "residual_",
                op.residualMultiplier().get(),
                op.residualShift().get(),
                new double[] {q(r.get()).scale(0) / q(op.y()).scale(0)});
    }

    static boolean gemm(QnnOpDefs.Gemm op, DiagnosticEngine diag) {
        if (!common(op, diag) || !rank(op, diag, op.lhs(), 2, "a") || !rank(op, diag, op.rhs(), 2, "b")) return false;
        boolean tb = op.transB().value();
        if (!activations(op, diag, op.lhs(), op.y()) || !QuantChecks.symmetricWeights(op, diag, op.rhs(), tb ? 0 : 1))
            return false;
        long[] a = dims(op.lhs()), b = dims(op.rhs()), y = dims(op.y());
        long k = tb ? b[1] : b[0], n = tb ? b[0] : b[1];
        if (!matmulShapes(op, diag, a[0], a[1], k, n, y)) return false;
        QuantizedElementType qa = q(op.lhs()), qb = q(op.rhs()), qy = q(op.y());
        if (!present(op.bias()).map(bb -> bias(op, diag, bb, qa, qb, n)).orElse(true)) return false;
        return QuantChecks.rescale(op, diag, "", op.multiplier(), op.shift(), factors(qa.scale(0), qb, qy, (int) n));
    }

    static boolean matmul(QnnOpDefs.MatMul op, DiagnosticEngine diag) {
        if (!common(op, diag) || !activations(op, diag, op.lhs(), op.y())) return false;
        long[] a = dims(op.lhs()), b = dims(op.rhs()), y = dims(op.y());
        if (a.length < 2) return error(op, diag, "a must have rank at least 2, got " + a.length);
        if (b.length != 2 && b.length != a.length)
            return error(op, diag, "b must have rank 2 or a's rank " + a.length + ", got " + b.length);
        QuantizedElementType qb = q(op.rhs());
        if (b.length == 2 && qb.axis().isPresent()) {
            if (!QuantChecks.symmetricWeights(op, diag, op.rhs(), 1)) return false;
        } else if (!QuantChecks.symmetricActivation(op, diag, op.rhs(), "b")) return false;
        for (int d = 0; b.length > 2 && d < a.length - 2; d++)
            if (known(a[d], b[d]) && a[d] != b[d])
                return error(op, diag, "batch dimension " + d + " of a and b must match, got " + a[d] + " and " + b[d]);
        long m = a[a.length - 2], k = a[a.length - 1], n = b[b.length - 1];
        if (y.length != a.length) return error(op, diag, "result must have a's rank " + a.length);
        long[] yLast = {y[y.length - 2], y[y.length - 1]};
        if (known(k, b[b.length - 2]) && k != b[b.length - 2])
            return error(op, diag, "inner dimensions must match, got " + k + " and " + b[b.length - 2]);
        if (!matmulShapes(op, diag, m, k, k, n, yLast)) return false;
        return QuantChecks.rescale(
                op, diag, "", op.multiplier(), op.shift(), factors(q(op.lhs()).scale(0), qb, q(op.y()), (int) n));
    }

    static boolean binary(Operation op, DiagnosticEngine diag, boolean add) {
        Value l = op.operand(0), r = op.operand(1), y = op.result(0);
        if (!common(op, diag) || !activations(op, diag, l, y) || !QuantChecks.symmetricActivation(op, diag, r, "rhs"))
            return false;
        long[] a = dims(l), b = dims(r), o = dims(y);
        if (!broadcasts(a, o) || !broadcasts(b, o))
            return error(
                    op,
                    diag,
                    "operands " + Traits.typeText(l.type()) + " and " + Traits.typeText(r.type())
                            + " do not broadcast to " + Traits.typeText(y.type()));
        double sa = q(l).scale(0), sb = q(r).scale(0), sy = q(y).scale(0);
        DenseArrayAttr m = (DenseArrayAttr) op.attribute("multiplier").orElseThrow(),
                s = (DenseArrayAttr) op.attribute("shift").orElseThrow();
        return QuantChecks.rescale(
                op, diag, "", m, s, add ? new double[] {sa / sy, sb / sy} : new double[] {sa * sb / sy});
    }

    static boolean maxPool(QnnOpDefs.MaxPool op, DiagnosticEngine diag) {
        return common(op, diag)
                && rank(op, diag, op.x(), 4, "input")
                && QuantChecks.sameElementType(op, diag, op.x(), op.y())
                && window(op, diag, op.x(), op.y(), op.kernelShape(), op.strides(), op.pads());
    }

    static boolean averagePool(QnnOpDefs.AveragePool op, DiagnosticEngine diag) {
        if (!common(op, diag) || !rank(op, diag, op.x(), 4, "input") || !activations(op, diag, op.x(), op.y()))
            return false;
        long cip = op.countIncludePad().longValue();
        if (cip != 0 && cip != 1) return error(op, diag, "'count_include_pad' must be 0 or 1, got " + cip);
        return window(op, diag, op.x(), op.y(), op.kernelShape(), op.strides(), op.pads())
                && QuantChecks.rescale(op, diag, "", op.multiplier(), op.shift(), new double[] {
                    q(op.x()).scale(0) / q(op.y()).scale(0)
                });
    }

    static boolean globalAveragePool(QnnOpDefs.GlobalAveragePool op, DiagnosticEngine diag) {
        if (!common(op, diag) || !activations(op, diag, op.x(), op.y())) return false;
        long[] x = dims(op.x()), y = dims(op.y());
        if (x.length < 3) return error(op, diag, "input must have rank at least 3, got " + x.length);
        boolean ok =
                y.length == x.length && (!known(x[0], y[0]) || x[0] == y[0]) && (!known(x[1], y[1]) || x[1] == y[1]);
        for (int d = 2; ok && d < y.length; d++) ok = !known(y[d]) || y[d] == 1;
        if (!ok)
            return error(
                    op,
                    diag,
                    "result must be [n, c, 1, ...], got "
                            + Traits.typeText(op.y().type()));
        return QuantChecks.rescale(op, diag, "", op.multiplier(), op.shift(), new double[] {
            q(op.x()).scale(0) / q(op.y()).scale(0)
        });
    }

    static boolean concat(QnnOpDefs.Concat op, DiagnosticEngine diag) {
        if (!common(op, diag)) return false;
        List<Value> in = op.inputs();
        if (in.isEmpty()) return error(op, diag, "needs at least one input");
        for (Value v : in) if (!QuantChecks.symmetricActivation(op, diag, v, "input")) return false;
        if (!QuantChecks.symmetricActivation(op, diag, op.result(), "result")) return false;
        long[] y = dims(op.result());
        long axis = op.axis().longValue();
        if (axis < -y.length || axis >= y.length)
            return error(op, diag, "'axis' " + axis + " is out of range for rank " + y.length);
        int ax = (int) (axis < 0 ? axis + y.length : axis);
        long total = 0;
        boolean totalKnown = true;
        for (Value v : in) {
            long[] s = dims(v);
            if (s.length != y.length) return error(op, diag, "inputs must have the result's rank " + y.length);
            for (int d = 0; d < s.length; d++)
                if (d != ax && known(s[d], y[d]) && s[d] != y[d])
                    return error(op, diag, "input dimension " + d + " must be " + y[d] + ", got " + s[d]);
            totalKnown &= known(s[ax]);
            total += s[ax];
        }
        if (totalKnown && known(y[ax]) && total != y[ax])
            return error(op, diag, "result dimension " + ax + " must be " + total + ", got " + y[ax]);
        double[] m = new double[in.size()];
        for (int i = 0; i < m.length; i++)
            m[i] = q(in.get(i)).scale(0) / q(op.result()).scale(0);
        if (op.multiplier().size() != m.length)
            return error(
                    op,
                    diag,
                    "'multiplier' must have one entry per input (" + m.length + "), got "
                            + op.multiplier().size());
        return QuantChecks.rescale(op, diag, "", op.multiplier(), op.shift(), m);
    }

    static boolean resize(QnnOpDefs.Resize op, DiagnosticEngine diag) {
        if (!common(op, diag) || !rank(op, diag, op.x(), 4, "input") || !rank(op, diag, op.y(), 4, "result"))
            return false;
        if (!QuantChecks.sameElementType(op, diag, op.x(), op.y())) return false;
        if (!oneOf(op, diag, "mode", op.mode().value(), "nearest", "linear")
                || !oneOf(
                        op,
                        diag,
                        "coordinate_transformation_mode",
                        op.coordinateTransformationMode().value(),
                        "half_pixel",
                        "pytorch_half_pixel",
                        "asymmetric",
                        "align_corners")
                || !oneOf(
                        op,
                        diag,
                        "nearest_mode",
                        op.nearestMode().value(),
                        "round_prefer_floor",
                        "round_prefer_ceil",
                        "floor",
                        "ceil")) return false;
        long[] x = dims(op.x()), y = dims(op.y());
        for (int d = 0; d < 2; d++)
            if (known(x[d], y[d]) && x[d] != y[d])
                return error(op, diag, "resize keeps dimension " + d + ", got " + x[d] + " and " + y[d]);
        return true;
    }

    static boolean lut(QnnOpDefs.Lut op, DiagnosticEngine diag) {
        if (!common(op, diag) || !QuantChecks.sameShape(op, diag, op.x(), op.y())) return false;
        QuantizedElementType in = q(op.x()), out = q(op.y());
        if (in.storageType().width() != 8 || in.axis().isPresent() || out.axis().isPresent())
            return error(op, diag, "input must be per tensor with 8-bit storage and the result per tensor");
        if (!QuantChecks.symmetricActivation(op, diag, op.x(), "input")
                || !QuantChecks.symmetricActivation(op, diag, op.y(), "result")) return false;
        DenseArrayAttr t = op.table();
        if (t.size() != Lut.SIZE) return error(op, diag, "'table' must have " + Lut.SIZE + " entries, got " + t.size());
        for (int i = 0; i < t.size(); i++)
            if (t.getLong(i) < out.storageMin() || t.getLong(i) > out.storageMax())
                return error(
                        op,
                        diag,
                        "'table' entry " + i + " = " + t.getLong(i) + " is outside the result's storage range ["
                                + out.storageMin() + ", " + out.storageMax() + "]");
        return true;
    }

    // ---- shared pieces ----------------------------------------------------------------------------------------

    private static boolean common(Object op, DiagnosticEngine diag) {
        return QuantChecks.axesFit((Operation) op, diag);
    }

    private static boolean activations(Object op, DiagnosticEngine diag, Value in, Value out) {
        return QuantChecks.symmetricActivation(op, diag, in, "input")
                && QuantChecks.symmetricActivation(op, diag, out, "result");
    }

    private static boolean bias(
            Object op, DiagnosticEngine diag, Value b, QuantizedElementType in, QuantizedElementType w, long n) {
        long[] s = dims(b);
        if (s.length != 1 || (known(s[0], n) && s[0] != n))
            return error(op, diag, "bias must be [" + n + "], got " + Traits.typeText(b.type()));
        if (q(b).axis().isPresent() && q(b).axis().getAsInt() != 0)
            return error(op, diag, "bias must be quantized along dimension 0");
        return QuantChecks.bias(op, diag, b, in.scale(0), w);
    }

    /** {@return {@code s_in * s_w(c) / s_y} for each of {@code n} output channels} */
    private static double[] factors(double sIn, QuantizedElementType w, QuantizedElementType y, int n) {
        double[] f = new double[Math.max(n, 1)];
        for (int c = 0; c < f.length; c++) f[c] = sIn * w.scale(Math.min(c, w.channels() - 1)) / y.scale(0);
        return f;
    }

    private static boolean matmulShapes(Object op, DiagnosticEngine diag, long m, long k, long kb, long n, long[] y) {
        if (known(k, kb) && k != kb) return error(op, diag, "inner dimensions must match, got " + k + " and " + kb);
        if (y.length < 2
                || (known(m, y[y.length - 2]) && m != y[y.length - 2])
                || (known(n, y[y.length - 1]) && n != y[y.length - 1]))
            return error(op, diag, "result must end in [" + m + ", " + n + "]");
        return true;
    }

    private static boolean window(
            Object op,
            DiagnosticEngine diag,
            Value x,
            Value y,
            DenseArrayAttr kernel,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> pads) {
        if (kernel.size() != 2) return error(op, diag, "'kernel_shape' must have 2 entries, got " + kernel.size());
        if (!lengths(op, diag, strides, 2, "strides") || !lengths(op, diag, pads, 4, "pads")) return false;
        long[] xs = dims(x), ys = dims(y);
        if (ys.length != 4 || (known(xs[0], ys[0]) && xs[0] != ys[0]) || (known(xs[1], ys[1]) && xs[1] != ys[1]))
            return error(op, diag, "result must be [n, c, oh, ow], got " + Traits.typeText(y.type()));
        for (int d = 0; d < 2; d++) {
            long want = windowOut(xs[2 + d], kernel.getLong(d), strides, pads, Optional.empty(), d);
            if (known(want, ys[2 + d]) && want != ys[2 + d])
                return error(op, diag, "result spatial dimension " + d + " must be " + want + ", got " + ys[2 + d]);
        }
        return true;
    }

    /** {@return the output size of a window along spatial dimension {@code d}, or dynamic} */
    static long windowOut(
            long in,
            long k,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> pads,
            Optional<DenseArrayAttr> dil,
            int d) {
        if (!known(in, k)) return ShapedType.DYNAMIC;
        long s = strides.map(a -> a.getLong(d)).orElse(1L),
                dl = dil.map(a -> a.getLong(d)).orElse(1L);
        long p = pads.map(a -> a.getLong(d) + a.getLong(d + 2)).orElse(0L);
        return (in + p - ((k - 1) * dl + 1)) / s + 1;
    }

    private static boolean lengths(Object op, DiagnosticEngine diag, Optional<DenseArrayAttr> a, int n, String name) {
        if (a.isEmpty() || a.get().size() == n) {
            if (a.isPresent() && !name.equals("pads"))
                for (long v : a.get().toLongArray())
                    if (v < 1) return error(op, diag, "'" + name + "' must be positive, got " + v);
            if (a.isPresent() && name.equals("pads"))
                for (long v : a.get().toLongArray())
                    if (v < 0) return error(op, diag, "'pads' must not be negative, got " + v);
            return true;
        }
        return error(
                op,
                diag,
                "'" + name + "' must have " + n + " entries, got " + a.get().size());
    }

    private static boolean oneOf(Object op, DiagnosticEngine diag, String attr, String value, String... allowed) {
        if (List.of(allowed).contains(value)) return true;
        return error(op, diag, "'" + attr + "' must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    private static boolean rank(Object op, DiagnosticEngine diag, Value v, int r, String role) {
        int got = dims(v).length;
        if (got == r) return true;
        return error(op, diag, role + " must have rank " + r + ", got " + Traits.typeText(v.type()));
    }

    private static boolean broadcasts(long[] in, long[] out) {
        if (in.length > out.length) return false;
        for (int i = 0; i < in.length; i++) {
            long a = in[in.length - 1 - i], o = out[out.length - 1 - i];
            if (known(a, o) && a != o && a != 1) return false;
        }
        return true;
    }

    static Optional<Value> present(Value v) {
        return v.type() instanceof NoneType ? Optional.empty() : Optional.of(v);
    }

    static long[] dims(Value v) {
        TensorType t = (TensorType) v.type();
        return t.shape().stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean known(long... ds) {
        for (long d : ds) if (d == ShapedType.DYNAMIC) return false;
        return true;
    }
}
