package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Resize;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import java.util.Locale;

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
        boolean antialias = op.antialias().longValue() != 0;
        if (antialias && mode == Resize.Mode.NEAREST)
            throw ctx.error("antialias applies to linear and cubic modes, not nearest");
        // opsets 11 to 17 pass an empty tensor for an absent scales or roi
        double[] scales = doublesOf(in.get(2));
        long[] sizes = GraphExec.longsOf(in.get(3));
        if (scales.length != 0 && sizes.length != 0) throw ctx.error("only one of 'scales' and 'sizes' may be given");
        if (scales.length == 0 && sizes.length == 0) throw ctx.error("one of 'scales' and 'sizes' must be given");
        boolean crop = coords == Resize.Coordinates.TF_CROP_AND_RESIZE;
        String policy = op.keepAspectRatioPolicy().value();
        if (scales.length != 0 && !policy.equals("stretch"))
            throw ctx.error("keep_aspect_ratio_policy '" + policy + "' applies to 'sizes', not to 'scales'");
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
}
