package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Conv;
import dev.dal.dialect.graph.kernel.ConvNd;
import dev.dal.dialect.graph.kernel.Pool;
import dev.dal.dialect.graph.kernel.PoolNd;
import dev.dal.dialect.graph.kernel.Resize;
import dev.dal.dialect.graph.kernel.RoiAlign;
import dev.dal.dialect.graph.kernel.WindowNd;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code execute} bodies of the spatial graph ops (Resize, Upsample, ConvTranspose, RoiAlign, the N-D and
 * indexed forms of Conv and the pools, Pad's non-constant modes): attributes are read and checked here, the
 * arithmetic is in the kernels.
 */
final class GraphSpatialExec {
    private GraphSpatialExec() {}

    private static double[] doublesOf(Tensor t) {
        if (t.isNone()) return new double[0];
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) d[i] = t.getDouble(i);
        return d;
    }

    private static <E extends Enum<E>> E option(Class<E> type, String attr, String value, ExecContext ctx) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ctx.error("unknown " + attr + " '" + value + "'");
        }
    }

    static List<Tensor> resize(GraphTensorOpDefs.Resize op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        Resize.Mode mode = option(Resize.Mode.class, "mode", op.mode().value(), ctx);
        Resize.Coordinates coords = option(
                Resize.Coordinates.class,
                "coordinate_transformation_mode",
                op.coordinateTransformationMode().value(),
                ctx);
        Resize.Rounding rounding =
                option(Resize.Rounding.class, "nearest_mode", op.nearestMode().value(), ctx);
        // antialias only changes the linear and cubic filters (nearest ignores it)
        boolean antialias = op.antialias().longValue() != 0 && mode != Resize.Mode.NEAREST;
        // opsets 11 to 17 pass an empty tensor for an absent scales or roi
        double[] scales = doublesOf(in.get(2));
        long[] sizes = GraphExec.longsOf(in.get(3));
        if (scales.length != 0 && sizes.length != 0) throw ctx.error("only one of 'scales' and 'sizes' may be given");
        if (scales.length == 0 && sizes.length == 0) throw ctx.error("one of 'scales' and 'sizes' must be given");
        boolean crop = coords == Resize.Coordinates.TF_CROP_AND_RESIZE;
        // keep_aspect_ratio_policy only interprets sizes (with scales it does not apply)
        String policy =
                scales.length != 0 ? "stretch" : op.keepAspectRatioPolicy().value();
        Resize.Geometry g = Resize.geometry(
                x.shape(), GraphExec.longs(op.axes()), doublesOf(in.get(1)), scales, sizes, policy, crop);
        Resize.Options o = new Resize.Options(
                mode,
                coords,
                rounding,
                op.cubicCoeffA().value(),
                op.excludeOutside().longValue() != 0,
                (float) op.extrapolationValue().value(),
                antialias);
        return GraphExec.one(Resize.resize(x, g, o, ctx.pool()));
    }

    static List<Tensor> upsample(GraphTensorOpDefs.Upsample op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        Resize.Mode mode = switch (op.mode().value()) {
            case "nearest" -> Resize.Mode.NEAREST;
            case "linear", "bilinear" -> Resize.Mode.LINEAR;
            default -> throw ctx.error("unknown mode '" + op.mode().value() + "'");
        };
        double[] scales = doublesOf(in.get(1));
        if (scales.length != x.rank())
            throw ctx.error("'scales' has " + scales.length + " entries, expected " + x.rank());
        for (double s : scales) if (s < 1) throw ctx.error("upsample scales must be at least 1, got " + s);
        Resize.Geometry g =
                Resize.geometry(x.shape(), new long[0], new double[0], scales, new long[0], "stretch", false);
        return GraphExec.one(Resize.resize(x, g, Resize.Options.upsample(mode), ctx.pool()));
    }

    /**
     * {@return the window of a conv or pool over an input of the given shape}: ONNX's attributes with auto_pad
     * resolved (SAME_UPPER / SAME_LOWER pad so that the output is {@code ceil(in / stride)}, VALID pads nothing)
     */
    static WindowNd window(
            String autoPad,
            long[] kernel,
            Optional<DenseArrayAttr> strides,
            Optional<DenseArrayAttr> dilations,
            Optional<DenseArrayAttr> pads,
            int[] inShape,
            ExecContext ctx) {
        int r = kernel.length;
        if (inShape.length != r + 2)
            throw ctx.error("a " + r + "-D window needs a rank " + (r + 2) + " input, got rank " + inShape.length);
        long[] s = GraphExec.longs(strides), d = GraphExec.longs(dilations), p = GraphExec.longs(pads);
        switch (autoPad) {
            case "NOTSET" -> {}
            case "VALID" -> p = new long[2 * r];
            case "SAME_UPPER", "SAME_LOWER" -> {
                p = new long[2 * r];
                for (int i = 0; i < r; i++) {
                    int[] sp = Conv.samePads(
                            inShape[2 + i],
                            Math.toIntExact(kernel[i]),
                            s.length == 0 ? 1 : Math.toIntExact(s[i]),
                            d.length == 0 ? 1 : Math.toIntExact(d[i]),
                            autoPad.equals("SAME_UPPER"));
                    p[i] = sp[0];
                    p[r + i] = sp[1];
                }
            }
            default -> throw ctx.error("unknown auto_pad '" + autoPad + "'");
        }
        return WindowNd.of(kernel, s, d, p);
    }

    static List<Tensor> conv(GraphNnOpDefs.Conv op, List<Tensor> in, ExecContext ctx) {
        Tensor x = GraphExec.f32(in.get(0), ctx), w = GraphExec.f32(in.get(1), ctx);
        long[] kernel = op.kernelShape()
                .map(DenseArrayAttr::toLongArray)
                .orElseGet(() ->
                        Arrays.stream(w.shape(), 2, w.rank()).asLongStream().toArray());
        WindowNd win = window(op.autoPad().value(), kernel, op.strides(), op.dilations(), op.pads(), x.shape(), ctx);
        int group = Math.toIntExact(op.group().longValue());
        if (win.rank() <= 2) return GraphExec.one(Conv.conv(x, w, in.get(2), win.to2d(), group, ctx.pool()));
        return GraphExec.one(ConvNd.conv(x, w, in.get(2), win, group, ctx.pool()));
    }

    static List<Tensor> convTranspose(GraphNnOpDefs.ConvTranspose op, List<Tensor> in, ExecContext ctx) {
        Tensor x = GraphExec.f32(in.get(0), ctx), w = GraphExec.f32(in.get(1), ctx);
        int n = x.rank() - 2;
        if (n < 1 || w.rank() != x.rank())
            throw ctx.error("input rank " + x.rank() + " and weight rank " + w.rank() + " do not fit a convolution");
        long[] kernel = op.kernelShape()
                .map(DenseArrayAttr::toLongArray)
                .orElseGet(() ->
                        Arrays.stream(w.shape(), 2, w.rank()).asLongStream().toArray());
        long[] s = GraphExec.longs(op.strides()), d = GraphExec.longs(op.dilations());
        long[] outPad = GraphExec.longs(op.outputPadding()), outShape = GraphExec.longs(op.outputShape());
        long[] pads = GraphExec.longs(op.pads());
        if (kernel.length != n) throw ctx.error("kernel_shape has " + kernel.length + " entries, expected " + n);
        if (outPad.length != 0 && outPad.length != n)
            throw ctx.error("output_padding has " + outPad.length + " entries, expected " + n);
        if (outShape.length != 0 && outShape.length != n && outShape.length != n + 2)
            throw ctx.error("output_shape has " + outShape.length + " entries, expected " + n);
        String autoPad = op.autoPad().value();
        if (!List.of("NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER").contains(autoPad))
            throw ctx.error("unknown auto_pad '" + autoPad + "'");
        long[] p = new long[2 * n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long st = s.length == 0 ? 1 : s[i], di = d.length == 0 ? 1 : d[i];
            long op0 = outPad.length == 0 ? 0 : outPad[i];
            if (op0 < 0 || op0 >= Math.max(st, di))
                throw ctx.error("output_padding " + op0 + " must be below the stride or the dilation");
            // the length the input spreads over before any padding is taken off
            long full = st * (x.dim(2 + i) - 1) + op0 + (kernel[i] - 1) * di + 1;
            long target;
            if (outShape.length != 0) target = outShape[outShape.length - n + i];
            else if (autoPad.startsWith("SAME")) target = x.dim(2 + i) * st;
            else target = -1;
            if (target >= 0) {
                // pads follow from the wanted output; the odd one goes to the end for SAME_UPPER, else the start
                // (halves round down, also for a negative total, which makes the output longer at the end)
                long total = full - target, half = Math.floorDiv(total, 2);
                p[i] = autoPad.equals("SAME_UPPER") ? half : total - half;
                p[n + i] = total - p[i];
            } else if (autoPad.equals("NOTSET") && pads.length != 0) {
                if (pads.length != 2 * n) throw ctx.error("pads has " + pads.length + " entries, expected " + 2 * n);
                p[i] = pads[i];
                p[n + i] = pads[n + i];
            }
            long size = full - p[i] - p[n + i];
            if (size < 0) throw ctx.error("transposed convolution output would have negative size " + size);
            out[i] = Math.toIntExact(size);
        }
        WindowNd win = WindowNd.of(kernel, s, d, p);
        int group = Math.toIntExact(op.group().longValue());
        return GraphExec.one(ConvNd.convTranspose(x, w, in.get(2), win, out, group, ctx.pool()));
    }

    /** MaxPool on f32 and 8-bit integers (exact in f32), with the optional Indices result. */
    static List<Tensor> maxPool(GraphNnOpDefs.MaxPool op, List<Tensor> in, ExecContext ctx) {
        Tensor x = in.get(0);
        DType t = x.dtype();
        if (t != DType.F32 && t != DType.I8 && t != DType.UI8)
            throw ctx.error("max_pool supports f32, i8 and ui8 inputs, got " + t);
        WindowNd win = window(
                op.autoPad().value(),
                op.kernelShape().toLongArray(),
                op.strides(),
                op.dilations(),
                op.pads(),
                x.shape(),
                ctx);
        boolean ceil = op.ceilMode().longValue() != 0;
        boolean indices = ctx.op().numResults() > 1 && !ctx.op().result(1).hasNoUses();
        Tensor xf = x.toF32();
        if (!indices && win.rank() <= 2 && t == DType.F32)
            return GraphExec.padResults(ctx, Pool.pool(xf, win.to2d(), ceil, true, false, ctx.pool()));
        PoolNd.MaxResult r =
                PoolNd.maxPool(xf, win, ceil, indices, op.storageOrder().longValue() != 0, ctx.pool());
        Tensor y = r.values();
        if (t != DType.F32) {
            Tensor back = Tensor.zeros(t, y.shape());
            for (int i = 0; i < y.size(); i++) back.setLong(i, (long) y.getFloat(i));
            y = back;
        }
        return GraphExec.padResults(ctx, y, r.indices());
    }

    static List<Tensor> averagePool(GraphNnOpDefs.AveragePool op, List<Tensor> in, ExecContext ctx) {
        Tensor x = GraphExec.f32(in.get(0), ctx);
        WindowNd win = window(
                op.autoPad().value(),
                op.kernelShape().toLongArray(),
                op.strides(),
                op.dilations(),
                op.pads(),
                x.shape(),
                ctx);
        boolean ceil = op.ceilMode().longValue() != 0,
                includePad = op.countIncludePad().longValue() != 0;
        if (win.rank() <= 2) return GraphExec.one(Pool.pool(x, win.to2d(), ceil, false, includePad, ctx.pool()));
        return GraphExec.one(PoolNd.averagePool(x, win, ceil, includePad, ctx.pool()));
    }

    static List<Tensor> roiAlign(GraphNnOpDefs.RoiAlign op, List<Tensor> in, ExecContext ctx) {
        String mode = op.mode().value(),
                coords = op.coordinateTransformationMode().value();
        if (!mode.equals("avg") && !mode.equals("max")) throw ctx.error("unknown mode '" + mode + "'");
        if (!coords.equals("half_pixel") && !coords.equals("output_half_pixel"))
            throw ctx.error("unknown coordinate_transformation_mode '" + coords + "'");
        RoiAlign.Options o = new RoiAlign.Options(
                Math.toIntExact(op.outputHeight().longValue()),
                Math.toIntExact(op.outputWidth().longValue()),
                Math.toIntExact(op.samplingRatio().longValue()),
                (float) op.spatialScale().value(),
                coords.equals("half_pixel"),
                mode.equals("max"));
        return GraphExec.one(RoiAlign.roiAlign(GraphExec.f32(in.get(0), ctx), in.get(1), in.get(2), o, ctx.pool()));
    }
}
