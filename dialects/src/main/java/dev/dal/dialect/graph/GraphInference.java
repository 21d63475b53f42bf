package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.DYN;
import static dev.dal.dialect.graph.GraphShapes.broadcast;
import static dev.dal.dialect.graph.GraphShapes.dim;
import static dev.dal.dialect.graph.GraphShapes.dynamicOfRank;
import static dev.dal.dialect.graph.GraphShapes.elem;
import static dev.dal.dialect.graph.GraphShapes.normalizeAxis;
import static dev.dal.dialect.graph.GraphShapes.one;
import static dev.dal.dialect.graph.GraphShapes.rank;
import static dev.dal.dialect.graph.GraphShapes.shape;
import static dev.dal.dialect.graph.GraphShapes.tensor;
import static dev.dal.dialect.graph.GraphShapes.unranked;

import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shape rules of the {@code graph} ops that need more than a line: convolution, pooling, matrix products,
 * reshaping and slicing. Each takes the op's operands and attributes and returns its result types, or empty when
 * they depend on values not known; a dimension that is not known is dynamic.
 */
public final class GraphInference {
    private GraphInference() {}

    /** The window attributes shared by Conv, ConvTranspose, pooling and their quantized forms. */
    public record Window(
            String autoPad,
            Optional<DenseArrayAttr> kernelShape,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> dilations,
            Optional<DenseArrayAttr> pads,
            boolean ceil) {}

    /** {@return the spatial output sizes of a window op over {@code x}'s spatial dims, with given kernel sizes} */
    private static List<Long> windowSizes(Value x, long[] kernel, Window w) {
        int n = kernel.length;
        long[] s = GraphShapes.ints(w.strides(), n, 1), d = GraphShapes.ints(w.dilations(), n, 1);
        long[] p = GraphShapes.ints(w.pads(), 2 * n, 0);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long in = dim(x, i + 2);
            out.add(
                    switch (w.autoPad()) {
                        case "SAME_UPPER", "SAME_LOWER" -> GraphShapes.sameOutput(in, s[i]);
                        case "VALID" -> GraphShapes.windowOutput(in, kernel[i], s[i], d[i], 0, 0, w.ceil());
                        default -> GraphShapes.windowOutput(in, kernel[i], s[i], d[i], p[i], p[i + n], w.ceil());
                    });
        }
        return out;
    }

    /** Conv (and ConvInteger, QLinearConv): {@code [N, M, out...]} with the kernel from W unless given. */
    public static Optional<List<Type>> conv(Value x, Value weight, Window w, Type elem) {
        int r = rank(x) >= 0 ? rank(x) : rank(weight);
        if (r < 3) return one(unranked(elem));
        long[] kernel = new long[r - 2];
        for (int i = 0; i < kernel.length; i++)
            kernel[i] = w.kernelShape().isPresent() ? w.kernelShape().get().getLong(i) : dim(weight, i + 2);
        List<Long> out = new ArrayList<>(List.of(dim(x, 0), dim(weight, 0)));
        out.addAll(rank(x) < 0 ? dynamicList(r - 2) : windowSizes(x, kernel, w));
        return one(tensor(out, elem));
    }

    /** ConvTranspose: {@code [N, W[1] * group, out...]}, from {@code output_shape} when given. */
    public static Optional<List<Type>> convTranspose(
            Value x,
            Value weight,
            Window w,
            long group,
            Optional<DenseArrayAttr> outputPadding,
            Optional<DenseArrayAttr> outputShape) {
        int r = rank(x) >= 0 ? rank(x) : rank(weight);
        if (r < 3) return one(unranked(elem(x)));
        int n = r - 2;
        long[] s = GraphShapes.ints(w.strides(), n, 1), d = GraphShapes.ints(w.dilations(), n, 1);
        long[] p = GraphShapes.ints(w.pads(), 2 * n, 0), op = GraphShapes.ints(outputPadding, n, 0);
        List<Long> out = new ArrayList<>(List.of(dim(x, 0), GraphShapes.mul(dim(weight, 1), group)));
        for (int i = 0; i < n; i++) {
            if (outputShape.isPresent()) {
                long[] os = outputShape.get().toLongArray();
                out.add(os[os.length - n + i]);
                continue;
            }
            long in = dim(x, i + 2);
            long k = w.kernelShape().isPresent() ? w.kernelShape().get().getLong(i) : dim(weight, i + 2);
            if (in == DYN || k == DYN) out.add(DYN);
            else if (w.autoPad().startsWith("SAME")) out.add(in * s[i]);
            else {
                long pads = w.autoPad().equals("VALID") ? 0 : p[i] + p[i + n];
                out.add(s[i] * (in - 1) + op[i] + (k - 1) * d[i] + 1 - pads);
            }
        }
        return one(tensor(out, elem(x)));
    }

    /** MaxPool and AveragePool: {@code [N, C, out...]} from {@code kernel_shape}. */
    public static Optional<List<Type>> pool(Value x, Window w, Type elem) {
        if (rank(x) < 0 || w.kernelShape().isEmpty()) return one(unranked(elem));
        List<Long> out = new ArrayList<>(List.of(dim(x, 0), dim(x, 1)));
        out.addAll(windowSizes(x, w.kernelShape().get().toLongArray(), w));
        return one(tensor(out, elem));
    }

    /** GlobalAveragePool, GlobalMaxPool: {@code [N, C, 1...]}. */
    public static Optional<List<Type>> globalPool(Value x) {
        if (rank(x) < 0) return GraphShapes.same(x);
        List<Long> out = new ArrayList<>(List.of(dim(x, 0), dim(x, 1)));
        for (int i = 2; i < rank(x); i++) out.add(1L);
        return one(tensor(out, elem(x)));
    }

    /** MatMul with NumPy semantics: 1-D operands are promoted and the promoted dim removed; batch dims broadcast. */
    public static Optional<List<Type>> matMul(Value a, Value b, Type elem) {
        Optional<List<Long>> sa = shape(a), sb = shape(b);
        if (sa.isEmpty() || sb.isEmpty()) return one(unranked(elem));
        List<Long> x = new ArrayList<>(sa.get()), y = new ArrayList<>(sb.get());
        if (x.isEmpty() || y.isEmpty()) return Optional.empty();
        boolean vecA = x.size() == 1, vecB = y.size() == 1;
        if (vecA) x.addFirst(1L);
        if (vecB) y.add(1L);
        Optional<List<Long>> batch = broadcast(List.of(x.subList(0, x.size() - 2), y.subList(0, y.size() - 2)));
        if (batch.isEmpty()) return Optional.empty();
        List<Long> out = new ArrayList<>(batch.get());
        if (!vecA) out.add(x.get(x.size() - 2));
        if (!vecB) out.add(y.get(y.size() - 1));
        return one(tensor(out, elem));
    }

    /** Gemm: {@code [M, N]} from A (M×K, or K×M with transA) and B (K×N, or N×K with transB). */
    public static Optional<List<Type>> gemm(Value a, Value b, boolean transA, boolean transB) {
        long m = dim(a, transA ? 1 : 0), n = dim(b, transB ? 0 : 1);
        return one(tensor(List.of(m, n), elem(a)));
    }

    /** Reshape from a constant shape: 0 copies the input dim (unless {@code allowzero}), -1 takes the rest. */
    public static Optional<List<Type>> reshape(
            Value data, Value shapeOperand, Optional<long[]> target, boolean allowZero) {
        Type et = elem(data);
        if (target.isEmpty()) return one(dynamicOfRank(GraphShapes.length1d(shapeOperand), et));
        long[] t = target.get();
        List<Long> out = new ArrayList<>();
        int inferred = -1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0 && !allowZero) out.add(rank(data) >= 0 ? dim(data, i) : DYN);
            else if (t[i] == -1) {
                if (inferred >= 0) return Optional.empty();
                inferred = i;
                out.add(DYN);
            } else if (t[i] < 0) return Optional.empty();
            else out.add(t[i]);
        }
        if (inferred >= 0) {
            long total = shape(data).map(GraphShapes::product).orElse(DYN);
            List<Long> known = new ArrayList<>(out);
            known.remove(inferred);
            long rest = GraphShapes.product(known);
            if (total != DYN && rest != DYN && rest != 0) {
                if (total % rest != 0) return Optional.empty();
                out.set(inferred, total / rest);
            }
        }
        return one(tensor(out, et));
    }

    /** Slice with constant starts, ends and (optional) axes and steps, clamped as ONNX says. */
    public static Optional<List<Type>> slice(
            Value data,
            Optional<long[]> starts,
            Optional<long[]> ends,
            Optional<long[]> axes,
            Optional<long[]> steps,
            boolean axesAbsent,
            boolean stepsAbsent) {
        int r = rank(data);
        Type et = elem(data);
        if (r < 0) return one(unranked(et));
        if (starts.isEmpty()
                || ends.isEmpty()
                || (axes.isEmpty() && !axesAbsent)
                || (steps.isEmpty() && !stepsAbsent)) {
            // Axes not sliced keep their size; without constant axes every dim may change.
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < r; i++) out.add(axes.isPresent() && !contains(axes.get(), i, r) ? dim(data, i) : DYN);
            return one(tensor(out, et));
        }
        long[] st = starts.get(), en = ends.get();
        if (st.length != en.length) return Optional.empty();
        long[] ax = axes.orElseGet(() -> range(st.length));
        long[] sp = steps.orElseGet(() -> filled(st.length, 1));
        if (ax.length != st.length || sp.length != st.length) return Optional.empty();
        List<Long> out = new ArrayList<>(shape(data).get());
        for (int i = 0; i < st.length; i++) {
            int a = normalizeAxis(ax[i], r);
            if (a < 0 || sp[i] == 0) return Optional.empty();
            long d = out.get(a);
            if (d == DYN) continue;
            long s = st[i] < 0 ? st[i] + d : st[i], e = en[i] < 0 ? en[i] + d : en[i];
            long len;
            if (sp[i] > 0) {
                s = Math.clamp(s, 0, d);
                e = Math.clamp(e, 0, d);
                len = e > s ? Math.ceilDiv(e - s, sp[i]) : 0;
            } else {
                s = Math.clamp(s, 0, d - 1);
                e = Math.clamp(e, -1, d - 1);
                len = s > e ? Math.ceilDiv(s - e, -sp[i]) : 0;
            }
            out.set(a, len);
        }
        return one(tensor(out, et));
    }

    /** Reductions: axes from a constant operand (all when absent unless {@code noop_with_empty_axes}). */
    public static Optional<List<Type>> reduce(
            Value data,
            Value axesOperand,
            Optional<long[]> axes,
            boolean keepDims,
            boolean noopWithEmptyAxes,
            Type et) {
        int r = rank(data);
        if (r < 0) return one(unranked(et));
        boolean absent = GraphShapes.isNone(axesOperand) || GraphShapes.length1d(axesOperand) == 0;
        if (absent && noopWithEmptyAxes) return one(tensor(shape(data).get(), et));
        long[] ax;
        if (absent) ax = range(r);
        else if (axes.isPresent()) ax = axes.get();
        else return one(dynamicOfRank(keepDims ? r : -1, et));
        boolean[] reduced = new boolean[r];
        for (long a : ax) {
            int n = normalizeAxis(a, r);
            if (n < 0) return Optional.empty();
            reduced[n] = true;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            if (!reduced[i]) out.add(dim(data, i));
            else if (keepDims) out.add(1L);
        }
        return one(tensor(out, et));
    }

    /** ArgMax/ArgMin: one axis reduced (kept as 1 with {@code keepdims}), i64 indices. */
    public static Optional<List<Type>> argReduce(Value data, long axis, boolean keepDims) {
        int r = rank(data);
        Type i64 = dev.dal.ir.IntegerType.I64;
        if (r < 0) return one(unranked(i64));
        int a = normalizeAxis(axis, r);
        if (a < 0) return Optional.empty();
        List<Long> out = new ArrayList<>(shape(data).get());
        if (keepDims) out.set(a, 1L);
        else out.remove(a);
        return one(tensor(out, i64));
    }

    /** Squeeze: the given axes (each must be 1), or every static 1 when axes are absent. */
    public static Optional<List<Type>> squeeze(Value data, Value axesOperand, Optional<long[]> axes) {
        int r = rank(data);
        Type et = elem(data);
        if (r < 0) return one(unranked(et));
        List<Long> s = shape(data).get(), out = new ArrayList<>();
        if (GraphShapes.isNone(axesOperand)) {
            // Without axes, a dynamic dim may or may not be 1, so the result rank is unknown.
            if (s.contains(DYN)) return one(unranked(et));
            for (long d : s) if (d != 1) out.add(d);
            return one(tensor(out, et));
        }
        if (axes.isEmpty()) {
            int n = GraphShapes.length1d(axesOperand);
            return one(dynamicOfRank(n < 0 ? -1 : r - n, et));
        }
        boolean[] drop = new boolean[r];
        for (long a : axes.get()) {
            int n = normalizeAxis(a, r);
            if (n < 0 || (s.get(n) != DYN && s.get(n) != 1)) return Optional.empty();
            drop[n] = true;
        }
        for (int i = 0; i < r; i++) if (!drop[i]) out.add(s.get(i));
        return one(tensor(out, et));
    }

    /** Unsqueeze: inserts 1s at the constant axes of the output. */
    public static Optional<List<Type>> unsqueeze(Value data, Value axesOperand, Optional<long[]> axes) {
        int r = rank(data);
        Type et = elem(data);
        if (axes.isEmpty()) {
            int n = GraphShapes.length1d(axesOperand);
            return one(dynamicOfRank(r < 0 || n < 0 ? -1 : r + n, et));
        }
        if (r < 0) return one(unranked(et));
        int outRank = r + axes.get().length;
        boolean[] ones = new boolean[outRank];
        for (long a : axes.get()) {
            int n = normalizeAxis(a, outRank);
            if (n < 0 || ones[n]) return Optional.empty();
            ones[n] = true;
        }
        List<Long> out = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < outRank; i++) out.add(ones[i] ? 1L : dim(data, j++));
        return one(tensor(out, et));
    }

    /** Concat: dims along the axis add up; the others agree. */
    public static Optional<List<Type>> concat(List<Value> inputs, long axis) {
        if (inputs.isEmpty()) return Optional.empty();
        Type et = elem(inputs.getFirst());
        int r = -1;
        for (Value v : inputs) if (rank(v) >= 0) r = rank(v);
        if (r < 0) return one(unranked(et));
        int a = normalizeAxis(axis, r);
        if (a < 0) return Optional.empty();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            long d = i == a ? 0 : DYN;
            for (Value v : inputs) {
                long x = rank(v) >= 0 ? dim(v, i) : DYN;
                d = i == a ? GraphShapes.add(d, x) : GraphShapes.meet(d, x);
            }
            out.add(d);
        }
        return one(tensor(out, et));
    }

    /** Split into {@code n} results along an axis: by the constant sizes, or evenly (the last one smaller). */
    public static Optional<List<Type>> split(
            Value input, long axis, Optional<long[]> sizes, boolean sizesAbsent, int n) {
        Type et = elem(input);
        List<Type> out = new ArrayList<>();
        int r = rank(input);
        if (r < 0) {
            for (int i = 0; i < n; i++) out.add(unranked(et));
            return Optional.of(out);
        }
        int a = normalizeAxis(axis, r);
        if (a < 0) return Optional.empty();
        long d = dim(input, a);
        for (int i = 0; i < n; i++) {
            long len;
            if (sizes.isPresent()) {
                if (sizes.get().length != n) return Optional.empty();
                len = sizes.get()[i];
            } else if (!sizesAbsent || d == DYN) len = DYN;
            else {
                long chunk = Math.ceilDiv(d, n);
                len = Math.max(0, Math.min(chunk, d - chunk * i));
            }
            List<Long> s = new ArrayList<>(shape(input).get());
            s.set(a, len);
            out.add(tensor(s, et));
        }
        return Optional.of(out);
    }

    /** Gather: {@code data[:axis] + indices.shape + data[axis+1:]}. */
    public static Optional<List<Type>> gather(Value data, Value indices, long axis) {
        int r = rank(data);
        Type et = elem(data);
        if (r < 0 || rank(indices) < 0) return one(unranked(et));
        int a = normalizeAxis(axis, r);
        if (a < 0) return Optional.empty();
        List<Long> d = shape(data).get(), out = new ArrayList<>(d.subList(0, a));
        out.addAll(shape(indices).get());
        out.addAll(d.subList(a + 1, r));
        return one(tensor(out, et));
    }

    /** GatherND: {@code indices.shape[:-1] + data.shape[batch_dims + indices.shape[-1]:]}. */
    public static Optional<List<Type>> gatherNd(Value data, Value indices, long batchDims) {
        Type et = elem(data);
        int q = rank(indices);
        if (rank(data) < 0 || q < 1 || dim(indices, q - 1) == DYN) return one(unranked(et));
        long last = dim(indices, q - 1);
        if (batchDims + last > rank(data)) return Optional.empty();
        List<Long> out = new ArrayList<>(shape(indices).get().subList(0, q - 1));
        out.addAll(shape(data).get().subList((int) (batchDims + last), rank(data)));
        return one(tensor(out, et));
    }

    /** Pad: each padded axis grows by its begin and end pads (constant), negative pads crop. */
    public static Optional<List<Type>> pad(
            Value data, Optional<long[]> pads, Optional<long[]> axes, boolean axesAbsent) {
        int r = rank(data);
        Type et = elem(data);
        if (r < 0) return one(unranked(et));
        if (pads.isEmpty() || (axes.isEmpty() && !axesAbsent)) return one(dynamicOfRank(r, et));
        long[] ax = axes.orElseGet(() -> range(r)), p = pads.get();
        if (p.length != 2 * ax.length) return Optional.empty();
        List<Long> out = new ArrayList<>(shape(data).get());
        for (int i = 0; i < ax.length; i++) {
            int a = normalizeAxis(ax[i], r);
            if (a < 0) return Optional.empty();
            out.set(a, GraphShapes.add(out.get(a), p[i] + p[i + ax.length]));
        }
        return one(tensor(out, et));
    }

    /** Resize/Upsample: sizes from constant {@code sizes}, or {@code floor(in * scale)} from constant scales. */
    public static Optional<List<Type>> resize(
            Value x,
            Optional<double[]> scales,
            Optional<long[]> sizes,
            Optional<DenseArrayAttr> axesAttr,
            String aspectPolicy) {
        int r = rank(x);
        Type et = elem(x);
        if (r < 0) return one(unranked(et));
        long[] ax = axesAttr.map(DenseArrayAttr::toLongArray).orElseGet(() -> range(r));
        List<Long> out = new ArrayList<>(shape(x).get());
        if (sizes.isPresent() && sizes.get().length == ax.length && aspectPolicy.equals("stretch")) {
            for (int i = 0; i < ax.length; i++) {
                int a = normalizeAxis(ax[i], r);
                if (a < 0) return Optional.empty();
                out.set(a, sizes.get()[i]);
            }
        } else if (scales.isPresent() && scales.get().length == ax.length && sizes.isEmpty()) {
            for (int i = 0; i < ax.length; i++) {
                int a = normalizeAxis(ax[i], r);
                if (a < 0) return Optional.empty();
                long d = out.get(a);
                out.set(a, d == DYN ? DYN : (long) Math.floor(d * scales.get()[i]));
            }
        } else {
            for (long a : ax) if (normalizeAxis(a, r) >= 0) out.set(normalizeAxis(a, r), DYN);
        }
        return one(tensor(out, et));
    }

    /** Expand: the broadcast of the input's shape and the constant target shape. */
    public static Optional<List<Type>> expand(Value input, Value shapeOperand, Optional<long[]> target) {
        Type et = elem(input);
        if (target.isEmpty()) {
            int n = GraphShapes.length1d(shapeOperand);
            return one(n < 0 || rank(input) < 0 ? unranked(et) : dynamicOfRank(Math.max(n, rank(input)), et));
        }
        if (rank(input) < 0) return one(dynamicOfRank(-1, et));
        List<Long> t = new ArrayList<>();
        for (long d : target.get()) t.add(d);
        return broadcast(List.of(shape(input).get(), t)).map(s -> List.of(tensor(s, et)));
    }

    /** Tile: each dim times its constant repeat count. */
    public static Optional<List<Type>> tile(Value input, Optional<long[]> repeats) {
        int r = rank(input);
        Type et = elem(input);
        if (r < 0) return one(unranked(et));
        if (repeats.isEmpty()) return one(dynamicOfRank(r, et));
        if (repeats.get().length != r) return Optional.empty();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) out.add(GraphShapes.mul(dim(input, i), repeats.get()[i]));
        return one(tensor(out, et));
    }

    /** DepthToSpace ({@code toSpace}) and SpaceToDepth on NCHW. */
    public static Optional<List<Type>> depthSpace(Value x, long block, boolean toSpace) {
        Type et = elem(x);
        if (rank(x) != 4) return one(unranked(et));
        long bb = block * block;
        long c = dim(x, 1), h = dim(x, 2), w = dim(x, 3);
        List<Long> out = toSpace
                ? List.of(dim(x, 0), c == DYN ? DYN : c / bb, GraphShapes.mul(h, block), GraphShapes.mul(w, block))
                : List.of(dim(x, 0), GraphShapes.mul(c, bb), h == DYN ? DYN : h / block, w == DYN ? DYN : w / block);
        return one(tensor(out, et));
    }

    /** Flatten: {@code [prod(d[:axis]), prod(d[axis:])]}. */
    public static Optional<List<Type>> flatten(Value input, long axis) {
        int r = rank(input);
        Type et = elem(input);
        if (r < 0) return one(dynamicOfRank(2, et));
        long a = axis < 0 ? axis + r : axis;
        if (a < 0 || a > r) return Optional.empty();
        List<Long> s = shape(input).get();
        return one(tensor(
                List.of(GraphShapes.product(s.subList(0, (int) a)), GraphShapes.product(s.subList((int) a, r))), et));
    }

    /** Transpose: dims permuted by {@code perm} (reversed when absent). */
    public static Optional<List<Type>> transpose(Value data, Optional<DenseArrayAttr> perm) {
        int r = rank(data);
        Type et = elem(data);
        if (r < 0) return one(unranked(et));
        long[] p = perm.map(DenseArrayAttr::toLongArray).orElseGet(() -> {
            long[] rev = new long[r];
            for (int i = 0; i < r; i++) rev[i] = r - 1 - i;
            return rev;
        });
        if (p.length != r) return Optional.empty();
        List<Long> out = new ArrayList<>();
        for (long i : p) {
            if (i < 0 || i >= r) return Optional.empty();
            out.add(dim(data, (int) i));
        }
        return one(tensor(out, et));
    }

    /** TopK: values and i64 indices with the axis dim set to the constant k. */
    public static Optional<List<Type>> topK(Value x, Optional<long[]> k, long axis) {
        Type et = elem(x), i64 = dev.dal.ir.IntegerType.I64;
        int r = rank(x);
        if (r < 0) return Optional.of(List.of(unranked(et), unranked(i64)));
        int a = normalizeAxis(axis, r);
        if (a < 0) return Optional.empty();
        List<Long> s = new ArrayList<>(shape(x).get());
        s.set(a, k.filter(v -> v.length == 1).map(v -> v[0]).orElse(DYN));
        return Optional.of(List.of(tensor(s, et), tensor(s, i64)));
    }

    /** OneHot: the indices' shape with the depth inserted at the axis. */
    public static Optional<List<Type>> oneHot(Value indices, Optional<long[]> depth, Value values, long axis) {
        Type et = elem(values);
        int r = rank(indices);
        if (r < 0) return one(unranked(et));
        int a = normalizeAxis(axis, r + 1);
        if (a < 0) return Optional.empty();
        List<Long> out = new ArrayList<>(shape(indices).get());
        out.add(a, depth.filter(v -> v.length == 1).map(v -> v[0]).orElse(DYN));
        return one(tensor(out, et));
    }

    /** Shape: a 1-D i64 tensor of {@code end - start} elements (both clamped to the rank). */
    public static Optional<List<Type>> shapeOf(Value data, long start, Optional<Long> end) {
        Type i64 = dev.dal.ir.IntegerType.I64;
        int r = rank(data);
        if (r < 0) return one(dynamicOfRank(1, i64));
        long s = Math.clamp(start < 0 ? start + r : start, 0, r);
        long e = Math.clamp(end.map(x -> x < 0 ? x + r : x).orElse((long) r), 0, r);
        return one(tensor(List.of(Math.max(0, e - s)), i64));
    }

    /** Range: {@code max(ceil((limit - start) / delta), 0)} elements when all three are constant. */
    public static Optional<List<Type>> range(
            Value start, Optional<double[]> s, Optional<double[]> l, Optional<double[]> d) {
        if (s.isPresent() && l.isPresent() && d.isPresent() && d.get().length == 1 && d.get()[0] != 0) {
            long n = (long) Math.max(Math.ceil((l.get()[0] - s.get()[0]) / d.get()[0]), 0);
            return one(tensor(List.of(n), elem(start)));
        }
        return one(dynamicOfRank(1, elem(start)));
    }

    /** {@return constant integers as doubles, for Range over integer tensors} */
    public static Optional<double[]> asDoubles(Optional<dev.dal.ir.Attribute> c) {
        Optional<double[]> f = GraphShapes.constFloats(c);
        if (f.isPresent()) return f;
        return GraphShapes.constInts(c)
                .map(a -> Arrays.stream(a).asDoubleStream().toArray());
    }

    /** Einsum with an explicit output ({@code "ij,jk->ik"}, no ellipsis): each output letter takes its input dim. */
    public static Optional<List<Type>> einsum(List<Value> inputs, String equation, Type et) {
        String eq = equation.replace(" ", "");
        int arrow = eq.indexOf("->");
        if (arrow < 0 || eq.contains(".")) return one(unranked(et));
        String[] terms = eq.substring(0, arrow).split(",", -1);
        if (terms.length != inputs.size()) return Optional.empty();
        java.util.Map<Character, Long> dims = new java.util.HashMap<>();
        for (int t = 0; t < terms.length; t++) {
            Value v = inputs.get(t);
            if (rank(v) >= 0 && rank(v) != terms[t].length()) return Optional.empty();
            for (int i = 0; i < terms[t].length(); i++)
                dims.merge(terms[t].charAt(i), rank(v) >= 0 ? dim(v, i) : DYN, GraphShapes::meet);
        }
        List<Long> out = new ArrayList<>();
        for (char c : eq.substring(arrow + 2).toCharArray()) {
            if (!dims.containsKey(c)) return Optional.empty();
            out.add(dims.get(c));
        }
        return one(tensor(out, et));
    }

    private static boolean contains(long[] axes, int i, int r) {
        for (long a : axes) if (normalizeAxis(a, r) == i) return true;
        return false;
    }

    private static long[] range(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static long[] filled(int n, long v) {
        long[] r = new long[n];
        Arrays.fill(r, v);
        return r;
    }

    private static List<Long> dynamicList(int n) {
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < n; i++) r.add(DYN);
        return r;
    }
}
