package dev.dal.dialect.quant;

import static dev.dal.dialect.quant.QuantChecks.fixedPoints;
import static dev.dal.dialect.quant.QuantChecks.q;

import dev.dal.dialect.quant.kernel.FixedPoint;
import dev.dal.dialect.quant.kernel.Lut;
import dev.dal.dialect.quant.kernel.QConcat;
import dev.dal.dialect.quant.kernel.QConv;
import dev.dal.dialect.quant.kernel.QElementwise;
import dev.dal.dialect.quant.kernel.QMatMul;
import dev.dal.dialect.quant.kernel.QPool;
import dev.dal.dialect.quant.kernel.QResize;
import dev.dal.dialect.quant.kernel.QTensors;
import dev.dal.dialect.quant.kernel.QuantCast;
import dev.dal.dialect.quant.kernel.Requant;
import dev.dal.dialect.quant.kernel.Window2d;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.Value;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.trait.ConstantLike;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code execute} bodies of the {@code qnn} ops: attributes and types to the integer kernels' parameters. */
final class QnnExec {
    private QnnExec() {}

    static List<Tensor> requantize(QnnOpDefs.Requantize op, List<Tensor> in, ExecContext ctx) {
        return List.of(QuantCast.requantize(
                in.get(0), q(op.input()), q(op.result()), fixedPoints(op.multiplier(), op.shift())));
    }

    static List<Tensor> conv(QnnOpDefs.Conv op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0), w = in.get(1), b = in.get(2), r = in.get(3);
        QuantizedElementType qy = q(op.y());
        long group = op.group().longValue();
        require(
                x.rank() == 4 && w.rank() == 4 && x.dim(1) == w.dim(1) * group,
                ctx,
                "input " + x.describe() + " does not fit weights " + w.describe() + " with group " + group);
        require(b.isNone() || b.size() == w.dim(0), ctx, "bias " + b.describe() + " needs " + w.dim(0) + " values");
        int[] ys = convShape(op, x, w);
        require(ys[2] > 0 && ys[3] > 0, ctx, "result " + Tensor.shapeText(ys) + " has no elements");
        require(
                r.isNone() || Arrays.equals(r.shape(), ys),
                ctx,
                "residual " + r.describe() + " does not match the result shape " + Tensor.shapeText(ys));
        Window2d win = new Window2d(
                w.dim(2),
                w.dim(3),
                at(op.strides(), 0, 1),
                at(op.strides(), 1, 1),
                at(op.pads(), 0, 0),
                at(op.pads(), 1, 0),
                at(op.dilations(), 0, 1),
                at(op.dilations(), 1, 1));
        Optional<QConv.Residual> res = r.isNone()
                ? Optional.empty()
                : Optional.of(new QConv.Residual(
                        QTensors.centered(r, q(op.residual())),
                        fixedPoints(
                                op.residualMultiplier().orElseThrow(),
                                op.residualShift().orElseThrow())[0]));
        long[] bounds = activationBounds(op, qy);
        long[] out = QConv.conv(
                ctx.pool(),
                QTensors.centered(x, q(op.x())),
                x.shape(),
                centered(op.weight(), w),
                w.shape(),
                b.isNone() ? Optional.empty() : Optional.of(QTensors.values(b)),
                win,
                (int) op.group().longValue(),
                ys[2],
                ys[3],
                new Requant(fixedPoints(op.multiplier(), op.shift()), qy.zeroPoint(0), bounds[0], bounds[1]),
                res);
        return List.of(QTensors.store(qy, ys, out));
    }

    /** {@return the centered values of operand {@code v}, cached across runs when it is a constant (weights)} */
    private static int[] centered(Value v, Tensor t) {
        return isConstant(v) ? QTensors.centeredConstant(t, q(v)) : QTensors.centered(t, q(v));
    }

    /** {@return whether {@code v} is a constant, possibly behind {@code quant.scast}s} */
    private static boolean isConstant(Value v) {
        if (!(v instanceof OpResult r)) return false;
        if (r.owner() instanceof ConstantLike) return true;
        return r.owner() instanceof QuantOpDefs.Scast s && isConstant(s.input());
    }

    /** {@return the clamp of the activation on the output's storage range: {@code [lo, hi]}} */
    static long[] activationBounds(QnnOpDefs.Conv op, QuantizedElementType qy) {
        long lo = qy.storageMin(), hi = qy.storageMax(), zp = qy.zeroPoint(0);
        double s = qy.scale(0);
        switch (op.activation().value()) {
            case "relu" -> lo = Math.max(lo, zp);
            case "relu6" -> {
                lo = Math.max(lo, zp);
                hi = Math.min(hi, QuantCast.quantize(6, s, zp, lo, hi));
            }
            case "clip" -> {
                if (op.min().isPresent())
                    lo = Math.max(lo, QuantCast.quantize(op.min().get().value(), s, zp, lo, hi));
                if (op.max().isPresent())
                    hi = Math.min(hi, QuantCast.quantize(op.max().get().value(), s, zp, lo, hi));
            }
            default -> {}
        }
        return new long[] {lo, hi};
    }

    static List<Tensor> gemm(QnnOpDefs.Gemm op, List<Tensor> in, ExecContext ctx) {
        Tensor a = in.get(0), b = in.get(1), bias = in.get(2);
        boolean tb = op.transB().value();
        require(
                a.rank() == 2 && b.rank() == 2 && a.dim(1) == (tb ? b.dim(1) : b.dim(0)),
                ctx,
                "operands " + a.describe() + " and " + b.describe() + " do not multiply");
        int m = a.dim(0), k = a.dim(1), n = tb ? b.dim(0) : b.dim(1);
        require(bias.isNone() || bias.size() == n, ctx, "bias " + bias.describe() + " needs " + n + " values");
        QuantizedElementType qy = q(op.y());
        long[] out = QMatMul.matmul(
                ctx.pool(),
                QTensors.centered(a, q(op.lhs())),
                centered(op.rhs(), b),
                1,
                m,
                k,
                n,
                tb,
                false,
                bias.isNone() ? Optional.empty() : Optional.of(QTensors.values(bias)),
                new Requant(
                        fixedPoints(op.multiplier(), op.shift()), qy.zeroPoint(0), qy.storageMin(), qy.storageMax()));
        return List.of(QTensors.store(qy, new int[] {m, n}, out));
    }

    static List<Tensor> matmul(QnnOpDefs.MatMul op, List<Tensor> in, ExecContext ctx) {
        Tensor a = in.get(0), b = in.get(1);
        int r = a.rank(), m = a.dim(r - 2), k = a.dim(r - 1), n = b.dim(b.rank() - 1);
        boolean batchesMatch =
                b.rank() == 2 || Arrays.equals(Arrays.copyOf(a.shape(), r - 2), Arrays.copyOf(b.shape(), b.rank() - 2));
        require(
                b.dim(b.rank() - 2) == k && batchesMatch,
                ctx,
                "operands " + a.describe() + " and " + b.describe() + " do not multiply");
        int batch = a.size() / Math.max(1, m * k);
        QuantizedElementType qy = q(op.y());
        int[] ys = a.shape().clone();
        ys[r - 1] = n;
        long[] out = QMatMul.matmul(
                ctx.pool(),
                QTensors.centered(a, q(op.lhs())),
                centered(op.rhs(), b),
                batch,
                m,
                k,
                n,
                false,
                b.rank() > 2,
                Optional.empty(),
                new Requant(
                        fixedPoints(op.multiplier(), op.shift()), qy.zeroPoint(0), qy.storageMin(), qy.storageMax()));
        return List.of(QTensors.store(qy, ys, out));
    }

    static List<Tensor> binary(Operation op, List<Tensor> in, boolean add, ExecContext ctx) {
        Tensor a = in.get(0), b = in.get(1);
        QuantizedElementType qy = q(op.result(0));
        int[] ys = staticShape(op.result(0).type(), a, b);
        FixedPoint[] f = fixedPoints((DenseArrayAttr) op.attribute("multiplier").orElseThrow(), (DenseArrayAttr)
                op.attribute("shift").orElseThrow());
        int[] ca = QTensors.centered(a, q(op.operand(0))), cb = QTensors.centered(b, q(op.operand(1)));
        try {
            if (!Arrays.equals(a.shape(), ys)) dev.dal.dialect.quant.kernel.Broadcast.indices(a.shape(), ys);
            if (!Arrays.equals(b.shape(), ys)) dev.dal.dialect.quant.kernel.Broadcast.indices(b.shape(), ys);
        } catch (IllegalArgumentException e) {
            throw ctx.error("operands " + a.describe() + " and " + b.describe() + " do not broadcast to "
                    + Tensor.shapeText(ys));
        }
        long[] out = add
                ? QElementwise.add(
                        ctx.pool(),
                        ca,
                        a.shape(),
                        cb,
                        b.shape(),
                        ys,
                        f[0],
                        f[f.length - 1],
                        qy.zeroPoint(0),
                        qy.storageMin(),
                        qy.storageMax())
                : QElementwise.mul(
                        ca, a.shape(), cb, b.shape(), ys, f[0], qy.zeroPoint(0), qy.storageMin(), qy.storageMax());
        return List.of(QTensors.store(qy, ys, out));
    }

    static List<Tensor> maxPool(QnnOpDefs.MaxPool op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        Window2d win = poolWindow(op.kernelShape(), op.strides(), op.pads());
        int[] ys = poolShape(x, op.kernelShape(), op.strides(), op.pads(), ctx);
        return List.of(QTensors.store(
                q(op.y()), ys, QPool.maxPool(ctx.pool(), QTensors.values(x), x.shape(), win, ys[2], ys[3])));
    }

    static List<Tensor> averagePool(QnnOpDefs.AveragePool op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        QuantizedElementType qy = q(op.y());
        Window2d win = poolWindow(op.kernelShape(), op.strides(), op.pads());
        int[] ys = poolShape(x, op.kernelShape(), op.strides(), op.pads(), ctx);
        long[] out = QPool.averagePool(
                QTensors.centered(x, q(op.x())),
                x.shape(),
                win,
                ys[2],
                ys[3],
                op.countIncludePad().longValue() != 0,
                fixedPoints(op.multiplier(), op.shift())[0],
                qy.zeroPoint(0),
                qy.storageMin(),
                qy.storageMax());
        return List.of(QTensors.store(qy, ys, out));
    }

    static List<Tensor> globalAveragePool(QnnOpDefs.GlobalAveragePool op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        QuantizedElementType qy = q(op.y());
        int planes = x.dim(0) * x.dim(1);
        int[] ys = new int[x.rank()];
        java.util.Arrays.fill(ys, 1);
        ys[0] = x.dim(0);
        ys[1] = x.dim(1);
        long[] out = QPool.globalAveragePool(
                QTensors.centered(x, q(op.x())),
                planes,
                planes == 0 ? 0 : x.size() / planes,
                fixedPoints(op.multiplier(), op.shift())[0],
                qy.zeroPoint(0),
                qy.storageMin(),
                qy.storageMax());
        return List.of(QTensors.store(qy, ys, out));
    }

    static List<Tensor> concat(QnnOpDefs.Concat op, List<Tensor> in, ExecContext ctx) {
        QuantizedElementType qy = q(op.result());
        int rank = in.get(0).rank();
        int axis = (int)
                (op.axis().longValue() < 0
                        ? op.axis().longValue() + rank
                        : op.axis().longValue());
        int[][] data = new int[in.size()][], shapes = new int[in.size()][];
        int[] ys = in.get(0).shape().clone();
        ys[axis] = 0;
        for (int i = 0; i < in.size(); i++) {
            int[] si = in.get(i).shape().clone(), s0 = in.get(0).shape().clone();
            require(si.length == rank, ctx, "input " + in.get(i).describe() + " does not have rank " + rank);
            si[axis] = s0[axis];
            require(
                    Arrays.equals(si, s0),
                    ctx,
                    "input " + in.get(i).describe() + " does not match "
                            + in.get(0).describe() + " outside axis " + axis);
            data[i] = QTensors.centered(in.get(i), q(op.inputs().get(i)));
            shapes[i] = in.get(i).shape();
            ys[axis] += shapes[i][axis];
        }
        long[] out = QConcat.concat(
                data,
                shapes,
                axis,
                fixedPoints(op.multiplier(), op.shift()),
                qy.zeroPoint(0),
                qy.storageMin(),
                qy.storageMax());
        return List.of(QTensors.store(qy, ys, out));
    }

    static List<Tensor> resize(QnnOpDefs.Resize op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        QuantizedElementType qy = q(op.y());
        require(x.rank() == 4, ctx, "input " + x.describe() + " is not [n, c, h, w]");
        int[] ys = staticShape(op.y().type(), x, x);
        boolean linear = op.mode().value().equals("linear");
        long[] out = QResize.resize(
                linear ? QTensors.centered(x, q(op.x())) : QTensors.values(x),
                x.shape(),
                ys[2],
                ys[3],
                linear,
                op.coordinateTransformationMode().value(),
                op.nearestMode().value(),
                linear ? qy.zeroPoint(0) : 0,
                qy.storageMin(),
                qy.storageMax());
        return List.of(QTensors.store(qy, ys, out));
    }

    static List<Tensor> lut(QnnOpDefs.Lut op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        long[] t = op.table().toLongArray();
        int[] table = new int[t.length];
        for (int i = 0; i < t.length; i++) table[i] = (int) t[i];
        return List.of(QTensors.store(
                q(op.y()),
                x.shape(),
                Lut.apply(QTensors.values(x), table, q(op.x()).storageType())));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static void require(boolean ok, ExecContext ctx, String message) {
        if (!ok) throw ctx.error(message);
    }

    private static int at(Optional<DenseArrayAttr> a, int i, int dflt) {
        return a.map(x -> (int) x.getLong(i)).orElse(dflt);
    }

    private static Window2d poolWindow(
            DenseArrayAttr k, Optional<DenseArrayAttr> strides, Optional<DenseArrayAttr> pads) {
        return new Window2d(
                (int) k.getLong(0),
                (int) k.getLong(1),
                at(strides, 0, 1),
                at(strides, 1, 1),
                at(pads, 0, 0),
                at(pads, 1, 0),
                1,
                1);
    }

    private static int[] poolShape(
            Tensor x,
            DenseArrayAttr k,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> pads,
            ExecContext ctx) {
        require(x.rank() == 4, ctx, "input " + x.describe() + " is not [n, c, h, w]");
        int[] ys = x.shape().clone();
        for (int d = 0; d < 2; d++)
            ys[2 + d] = (int) QnnVerify.windowOut(x.dim(2 + d), k.getLong(d), strides, pads, Optional.empty(), d);
        require(ys[2] > 0 && ys[3] > 0, ctx, "window larger than the padded input " + x.describe());
        return ys;
    }

    /** {@return the conv result shape: batch from x, channels from w, spatial sizes from the window} */
    private static int[] convShape(QnnOpDefs.Conv op, Tensor x, Tensor w) {
        int[] ys = {x.dim(0), w.dim(0), 0, 0};
        for (int d = 0; d < 2; d++)
            ys[2 + d] =
                    (int) QnnVerify.windowOut(x.dim(2 + d), w.dim(2 + d), op.strides(), op.pads(), op.dilations(), d);
        return ys;
    }

    /** {@return the static shape of a result type; dynamic dimensions take the size of {@code a} or {@code b}} */
    private static int[] staticShape(dev.dal.ir.Type t, Tensor a, Tensor b) {
        List<Long> dims = ((dev.dal.ir.TensorType) t).shape();
        int[] s = new int[dims.size()];
        for (int i = 0; i < s.length; i++) {
            long d = dims.get(i);
            if (d != dev.dal.ir.ShapedType.DYNAMIC) s[i] = (int) d;
            else {
                int ia = i - (s.length - a.rank()), ib = i - (s.length - b.rank());
                s[i] = Math.max(ia >= 0 ? a.dim(ia) : 1, ib >= 0 ? b.dim(ib) : 1);
            }
        }
        return s;
    }
}
