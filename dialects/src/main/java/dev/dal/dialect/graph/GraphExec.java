package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Activation;
import dev.dal.dialect.graph.kernel.BatchStatistics;
import dev.dal.dialect.graph.kernel.Cast;
import dev.dal.dialect.graph.kernel.Conv;
import dev.dal.dialect.graph.kernel.Dropout;
import dev.dal.dialect.graph.kernel.Elementwise;
import dev.dal.dialect.graph.kernel.Elementwise.BinaryOp;
import dev.dal.dialect.graph.kernel.Elementwise.FloatUnary;
import dev.dal.dialect.graph.kernel.Layout;
import dev.dal.dialect.graph.kernel.MatMul;
import dev.dal.dialect.graph.kernel.Normalization;
import dev.dal.dialect.graph.kernel.Numeric;
import dev.dal.dialect.graph.kernel.Reduce;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The bodies of the graph ops' {@code execute} methods: each reads the op's attributes through its typed accessors
 * and calls the kernels. Kept apart from the declarations so these stay readable.
 */
final class GraphExec {
    private GraphExec() {}

    static List<Tensor> one(Tensor t) {
        return List.of(t);
    }

    /** Fills the absent optional results of a multi-result op with none. */
    static List<Tensor> padResults(ExecContext ctx, Tensor... first) {
        List<Tensor> out = new ArrayList<>(List.of(first));
        while (out.size() < ctx.op().numResults()) out.add(Tensor.none());
        return out;
    }

    static long[] longs(Optional<DenseArrayAttr> a) {
        return a.map(DenseArrayAttr::toLongArray).orElse(new long[0]);
    }

    static long[] longsOf(Tensor t) {
        return t.isNone() ? new long[0] : t.toLongs();
    }

    static int[] ints(long[] a) {
        return Arrays.stream(a).mapToInt(Math::toIntExact).toArray();
    }

    static Tensor f32(Tensor t, ExecContext ctx) {
        if (t.dtype() != DType.F32) throw ctx.error("expects f32 operands, got " + t.dtype());
        return t;
    }

    static Tensor unary(Tensor x, FloatUnary f, ExecContext ctx) {
        return Elementwise.unary(f32(x, ctx), f, ctx.pool());
    }

    /** A unary op that also runs on integer tensors: f32 uses the fast kernel, integers {@code onInts}. */
    static Tensor unaryOrInt(Tensor x, FloatUnary f, java.util.function.LongUnaryOperator onInts, ExecContext ctx) {
        if (x.dtype().isInteger()) return Elementwise.unaryLong(x, onInts);
        return unary(x, f, ctx);
    }

    /** A binary arithmetic op: f32 uses the fast kernel, other types the generic one. */
    static Tensor arith(
            List<Tensor> in, BinaryOp op, DoubleBinaryOperator onFloats, LongBinaryOperator onInts, ExecContext ctx) {
        Tensor a = in.get(0), b = in.get(1);
        if (a.dtype() == DType.F32 && b.dtype() == DType.F32) return Elementwise.binary(a, b, op, ctx.pool());
        return Elementwise.binaryAny(a, b, onFloats, onInts);
    }

    /** Pow: f32 to an f32 power uses the fast kernel; other pairs the general one (the result has the base's type). */
    static Tensor pow(List<Tensor> in, ExecContext ctx) {
        Tensor a = in.get(0), b = in.get(1);
        if (a.dtype() == DType.F32 && b.dtype() == DType.F32) return Elementwise.binary(a, b, BinaryOp.POW, ctx.pool());
        return Numeric.pow(a, b);
    }

    /** Sum, Mean, Max or Min: f32 inputs use the fast kernel, other types the general one. */
    static Tensor variadic(List<Tensor> in, Elementwise.Variadic kind, ExecContext ctx) {
        if (in.stream().allMatch(t -> t.dtype() == DType.F32)) return Elementwise.variadic(in, kind, ctx.pool());
        return Numeric.variadic(in, kind);
    }

    /** The 1-D or 2-D window of a conv or pool: kernel shape, strides, dilations and pads, with auto_pad resolved. */
    static Conv.Window window(
            String autoPad,
            long[] kernel,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> dilations,
            Optional<DenseArrayAttr> pads,
            int[] inShape,
            ExecContext ctx) {
        return GraphSpatialExec.window(autoPad, kernel, strides, dilations, pads, inShape, ctx)
                .to2d();
    }

    static List<Tensor> conv(GraphNnOpDefs.Conv op, List<Tensor> in, ExecContext ctx) {
        return GraphSpatialExec.conv(op, in, ctx);
    }

    static List<Tensor> maxPool(GraphNnOpDefs.MaxPool op, List<Tensor> in, ExecContext ctx) {
        return GraphSpatialExec.maxPool(op, in, ctx);
    }

    static List<Tensor> averagePool(GraphNnOpDefs.AveragePool op, List<Tensor> in, ExecContext ctx) {
        return GraphSpatialExec.averagePool(op, in, ctx);
    }

    static List<Tensor> batchNorm(GraphNnOpDefs.BatchNormalization op, List<Tensor> in, ExecContext ctx) {
        if (op.trainingMode().longValue() != 0) {
            // normalise with the batch's statistics; the outputs are the running ones updated with them
            BatchStatistics.MeanVar batch = BatchStatistics.of(f32(in.get(0), ctx));
            float eps = (float) op.epsilon().value();
            double momentum = op.momentum().value();
            Tensor y = Normalization.batchNorm(
                    in.get(0), in.get(1), in.get(2), batch.mean(), batch.var(), eps, ctx.pool());
            List<Tensor> out = List.of(
                    y,
                    BatchStatistics.update(in.get(3), batch.mean(), momentum),
                    BatchStatistics.update(in.get(4), batch.var(), momentum));
            return new ArrayList<>(out.subList(0, Math.min(out.size(), ctx.op().numResults())));
        }
        Tensor y = Normalization.batchNorm(
                f32(in.get(0), ctx),
                in.get(1),
                in.get(2),
                in.get(3),
                in.get(4),
                (float) op.epsilon().value(),
                ctx.pool());
        return padResults(ctx, y);
    }

    /**
     * Dropout: the ratio (default 0.5) and training flag (default false) are operands; without a {@code seed}
     * attribute each run draws its own seed, as ONNX allows.
     */
    static List<Tensor> dropout(GraphNnOpDefs.Dropout op, List<Tensor> in, ExecContext ctx) {
        float ratio = in.get(1).isNone() ? 0.5f : in.get(1).getFloat(0);
        boolean training = !in.get(2).isNone() && in.get(2).getLong(0) != 0;
        long seed = op.seed()
                .map(s -> s.longValue())
                .orElseGet(
                        () -> java.util.concurrent.ThreadLocalRandom.current().nextLong());
        List<Tensor> out = Dropout.dropout(in.get(0), ratio, training, seed);
        return new ArrayList<>(out.subList(0, Math.min(out.size(), ctx.op().numResults())));
    }

    static List<Tensor> layerNorm(GraphNnOpDefs.LayerNormalization op, List<Tensor> in, ExecContext ctx) {
        List<Tensor> r = Normalization.layerNorm(
                f32(in.get(0), ctx),
                in.get(1),
                in.get(2),
                Math.toIntExact(op.axis().longValue()),
                (float) op.epsilon().value(),
                ctx.pool());
        return new ArrayList<>(r.subList(0, ctx.op().numResults()));
    }

    static List<Tensor> gemm(GraphNnOpDefs.Gemm op, List<Tensor> in, ExecContext ctx) {
        return one(MatMul.gemm(
                f32(in.get(0), ctx),
                f32(in.get(1), ctx),
                in.get(2),
                (float) op.alpha().value(),
                (float) op.beta().value(),
                op.transA().longValue() != 0,
                op.transB().longValue() != 0,
                ctx.pool()));
    }

    static List<Tensor> clip(List<Tensor> in, ExecContext ctx) {
        if (in.get(0).dtype() != DType.F32) return one(Numeric.clip(in.get(0), in.get(1), in.get(2)));
        float lo = in.get(1).isNone() ? Float.NEGATIVE_INFINITY : in.get(1).getFloat(0);
        float hi = in.get(2).isNone() ? Float.POSITIVE_INFINITY : in.get(2).getFloat(0);
        return one(Activation.clamp(f32(in.get(0), ctx), lo, hi, ctx.pool()));
    }

    static List<Tensor> reshape(GraphTensorOpDefs.Reshape op, List<Tensor> in) {
        Tensor x = in.get(0);
        return one(x.reshape(Layout.reshapeShape(
                x.shape(), in.get(1).toLongs(), op.allowzero().longValue() != 0)));
    }

    static List<Tensor> transpose(GraphTensorOpDefs.Transpose op, List<Tensor> in) {
        Tensor x = in.get(0);
        int[] perm = op.perm().map(p -> ints(p.toLongArray())).orElseGet(() -> {
            int[] rev = new int[x.rank()];
            for (int i = 0; i < rev.length; i++) rev[i] = rev.length - 1 - i;
            return rev;
        });
        return one(Layout.transpose(x, perm));
    }

    static List<Tensor> slice(List<Tensor> in) {
        Tensor x = in.get(0);
        long[] starts = in.get(1).toLongs(), ends = in.get(2).toLongs();
        long[] axes = longsOf(in.get(3)), steps = longsOf(in.get(4));
        if (axes.length == 0) {
            axes = new long[starts.length];
            for (int i = 0; i < axes.length; i++) axes[i] = i;
        }
        if (steps.length == 0) {
            steps = new long[starts.length];
            Arrays.fill(steps, 1);
        }
        return one(Layout.slice(x, starts, ends, axes, steps));
    }

    static List<Tensor> shape(GraphIndexOpDefs.Shape op, List<Tensor> in) {
        int[] s = in.get(0).shape();
        int r = s.length;
        long start = op.start().longValue(),
                end = op.end().map(e -> e.longValue()).orElse((long) r);
        start = Math.clamp(start < 0 ? start + r : start, 0, r);
        end = Math.clamp(end < 0 ? end + r : end, 0, r);
        int n = (int) Math.max(0, end - start);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = s[(int) start + i];
        return one(Tensor.of(out, n));
    }

    static List<Tensor> reduce(Tensor x, Tensor axes, long keepdims, long noop, Reduce.Op op, ExecContext ctx) {
        return one(Reduce.reduce(f32(x, ctx), ints(longsOf(axes)), keepdims != 0, noop != 0, op));
    }

    /** {@return x broadcast to the ONNX Expand of its shape with {@code shape}} */
    static List<Tensor> expand(List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        long[] s = in.get(1).toLongs();
        int r = Math.max(x.rank(), s.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int xi = i - (r - x.rank()), si = i - (r - s.length);
            int a = xi < 0 ? 1 : x.dim(xi);
            int b = si < 0 ? 1 : Math.toIntExact(s[si]);
            if (a != 1 && b != 1 && a != b)
                throw new IllegalArgumentException(
                        "cannot expand " + Tensor.shapeText(x.shape()) + " to " + Arrays.toString(s));
            out[i] = a == 1 ? b : a;
        }
        Tensor zeros = Tensor.zeros(x.dtype(), out);
        if (x.dtype() == DType.F32) return one(Elementwise.binary(zeros, x, BinaryOp.ADD, ctx.pool()));
        return one(Elementwise.binaryAny(zeros, x, (p, q) -> q, (p, q) -> q));
    }

    /** {@return x converted to the ONNX data type {@code to}} */
    static List<Tensor> cast(Tensor x, long to, ExecContext ctx) {
        DType t = onnxType(to).orElseThrow(() -> ctx.error("unsupported cast target type " + to));
        return one(Cast.cast(x, t));
    }

    static Optional<DType> onnxType(long code) {
        return GraphShapes.onnxElementType(code).flatMap(DType::fromIrType);
    }

    static List<Tensor> constantOfShape(Optional<dev.dal.ir.Attribute> value, List<Tensor> in) {
        int[] shape = ints(in.get(0).toLongs());
        if (value.isEmpty()) return one(Tensor.zeros(DType.F32, shape));
        Tensor v = Tensor.fromAttribute(value.get());
        Tensor out = Tensor.zeros(v.dtype(), shape);
        int n = out.size();
        if (v.dtype().isFloat()) for (int i = 0; i < n; i++) out.setDouble(i, v.getDouble(0));
        else for (int i = 0; i < n; i++) out.setLong(i, v.getLong(0));
        return one(out);
    }

    static List<Tensor> range(List<Tensor> in) {
        Tensor start = in.get(0);
        if (start.dtype().isFloat()) {
            double s = start.getDouble(0),
                    l = in.get(1).getDouble(0),
                    d = in.get(2).getDouble(0);
            int n = (int) Math.max(0, Math.ceil((l - s) / d));
            Tensor out = Tensor.zeros(start.dtype(), n);
            for (int i = 0; i < n; i++) out.setDouble(i, s + i * d);
            return one(out);
        }
        long s = start.getLong(0), l = in.get(1).getLong(0), d = in.get(2).getLong(0);
        int n = (int) Math.max(0, Math.ceil((double) (l - s) / d));
        Tensor out = Tensor.zeros(start.dtype(), n);
        for (int i = 0; i < n; i++) out.setLong(i, s + i * d);
        return one(out);
    }

    /** A comparison; integer operands compare exactly as longs, others as doubles. */
    static List<Tensor> compare(List<Tensor> in, java.util.function.IntPredicate onSign) {
        Tensor a = in.get(0), b = in.get(1);
        boolean ints = !a.dtype().isFloat() && !b.dtype().isFloat();
        dev.dal.dialect.graph.kernel.Broadcast bc = dev.dal.dialect.graph.kernel.Broadcast.of(a.shape(), b.shape());
        boolean[] out = new boolean[bc.size()];
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) {
                int ia = offs[0] + j * st[0], ib = offs[1] + j * st[1];
                int c = ints
                        ? Long.compare(a.getLong(ia), b.getLong(ib))
                        : Double.compare(a.getDouble(ia), b.getDouble(ib));
                if (!ints && (Double.isNaN(a.getDouble(ia)) || Double.isNaN(b.getDouble(ib)))) out[o + j] = false;
                else out[o + j] = onSign.test(c);
            }
        });
        return one(Tensor.of(out, bc.shape()));
    }

    static List<Tensor> logical(List<Tensor> in, java.util.function.BinaryOperator<Boolean> f) {
        Tensor a = in.get(0), b = in.get(1);
        dev.dal.dialect.graph.kernel.Broadcast bc = dev.dal.dialect.graph.kernel.Broadcast.of(a.shape(), b.shape());
        boolean[] x = a.bools(), y = b.bools();
        boolean[] out = new boolean[bc.size()];
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) out[o + j] = f.apply(x[offs[0] + j * st[0]], y[offs[1] + j * st[1]]);
        });
        return one(Tensor.of(out, bc.shape()));
    }

    static List<Tensor> not(Tensor x) {
        boolean[] a = x.bools(), out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) out[i] = !a[i];
        return one(Tensor.of(out, x.shape()));
    }

    /** Where for any element type: f32 uses the kernel, others copy elements one by one. */
    static List<Tensor> where(List<Tensor> in) {
        Tensor c = in.get(0), x = in.get(1), y = in.get(2);
        if (x.dtype() == DType.F32 && y.dtype() == DType.F32) return one(Elementwise.where(c, x, y));
        if (x.dtype() != y.dtype()) throw new IllegalArgumentException("x and y types differ");
        dev.dal.dialect.graph.kernel.Broadcast bc =
                dev.dal.dialect.graph.kernel.Broadcast.of(c.shape(), x.shape(), y.shape());
        boolean[] cond = c.bools();
        Tensor out = Tensor.zeros(x.dtype(), bc.shape());
        boolean fl = x.dtype().isFloat();
        bc.forEachRow(0, bc.rows(), (o, len, offs, st) -> {
            for (int j = 0; j < len; j++) {
                Tensor src = cond[offs[0] + j * st[0]] ? x : y;
                int k = src == x ? offs[1] + j * st[1] : offs[2] + j * st[2];
                if (fl) out.setDouble(o + j, src.getDouble(k));
                else out.setLong(o + j, src.getLong(k));
            }
        });
        return one(out);
    }

    static List<Tensor> split(GraphTensorOpDefs.Split op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        int r = x.rank();
        long axis = op.axis().longValue();
        int ax = (int) (axis < 0 ? axis + r : axis);
        if (ax < 0 || ax >= r) throw ctx.error("axis " + axis + " out of range for rank " + r);
        int parts = ctx.op().numResults(), dim = x.dim(ax);
        long[] sizes = longsOf(in.get(1));
        if (sizes.length == 0) {
            // equal parts; the last is smaller when the dimension does not divide evenly (ONNX opset 18)
            int each = (dim + parts - 1) / parts;
            sizes = new long[parts];
            for (int i = 0; i < parts; i++) sizes[i] = Math.max(0, Math.min(each, dim - (long) i * each));
        }
        if (sizes.length != parts) throw ctx.error(sizes.length + " split sizes for " + parts + " results");
        if (Arrays.stream(sizes).sum() != dim) throw ctx.error("split sizes do not add up to " + dim);
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long size : sizes) {
            out.add(Layout.slice(x, new long[] {start}, new long[] {start + size}, new long[] {ax}, new long[] {1}));
            start += size;
        }
        return out;
    }

    static List<Tensor> mod(boolean fmod, List<Tensor> in) {
        Tensor a = in.get(0), b = in.get(1);
        if (a.dtype().isFloat() || fmod) {
            // fmod: the sign of the dividend (Java's %); integer Mod: the sign of the divisor (floorMod)
            return one(Elementwise.binaryAny(a, b, (p, q) -> p % q, (p, q) -> p % q));
        }
        return one(Elementwise.binaryAny(a, b, (p, q) -> p % q, Math::floorMod));
    }

    static List<Tensor> pad(GraphTensorOpDefs.Pad op, List<Tensor> in, ExecContext ctx) {
        dev.dal.dialect.graph.kernel.Pad.Mode mode = switch (op.mode().value()) {
            case "constant" -> dev.dal.dialect.graph.kernel.Pad.Mode.CONSTANT;
            case "edge" -> dev.dal.dialect.graph.kernel.Pad.Mode.EDGE;
            case "reflect" -> dev.dal.dialect.graph.kernel.Pad.Mode.REFLECT;
            case "wrap" -> dev.dal.dialect.graph.kernel.Pad.Mode.WRAP;
            default -> throw ctx.error("unknown pad mode '" + op.mode().value() + "'");
        };
        Tensor x = in.get(0);
        long[] p = in.get(1).toLongs();
        long[] axes = longsOf(in.get(3));
        if (axes.length > 0) {
            // pads for the listed axes only: spread them over all axes
            int r = x.rank();
            if (p.length != 2 * axes.length)
                throw ctx.error("pads has " + p.length + " entries, expected " + 2 * axes.length + " for the axes");
            long[] full = new long[2 * r];
            for (int i = 0; i < axes.length; i++) {
                int a = (int) (axes[i] < 0 ? axes[i] + r : axes[i]);
                if (a < 0 || a >= r) throw ctx.error("axis " + axes[i] + " out of range for rank " + r);
                full[a] = p[i];
                full[r + a] = p[axes.length + i];
            }
            p = full;
        }
        double value =
                in.get(2).isNone() || in.get(2).size() == 0 ? 0 : in.get(2).getDouble(0);
        return one(dev.dal.dialect.graph.kernel.Pad.pad(x, p, mode, value));
    }
}
