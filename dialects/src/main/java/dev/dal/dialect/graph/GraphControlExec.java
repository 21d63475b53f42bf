package dev.dal.dialect.graph;

import dev.dal.dialect.graph.kernel.Layout;
import dev.dal.ir.OpResult;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of {@code graph.if} and {@code graph.loop}'s {@code execute} methods. The subgraphs are the ops' regions;
 * the interpreter runs them as node trees on the enclosing function's frame ({@link ExecContext#runRegion}), so the
 * values of the enclosing scopes that a region reads are simply visible.
 */
final class GraphControlExec {
    private GraphControlExec() {}

    /** {@return the outputs of the branch that {@code cond} (a one-element bool tensor) selects} */
    static List<Tensor> ifOp(GraphControlOpDefs.If op, List<Tensor> in, ExecContext ctx) {
        boolean c = condition(in.getFirst(), "cond", ctx);
        List<Tensor> out = ctx.runRegion(c ? op.thenBranch() : op.elseBranch(), List.of());
        if (out.size() != op.outputs().size())
            throw ctx.error((c ? "then" : "else") + " branch yielded " + out.size() + " values for "
                    + op.outputs().size() + " results");
        return out;
    }

    /**
     * {@return the final carried values, then the scan outputs} of an ONNX Loop: the body runs with the iteration
     * number (i64 scalar), the condition (bool scalar) and the carried values, while fewer than {@code M} iterations
     * have run (no limit when {@code M} is absent) and the condition holds (always, when the {@code cond} input is
     * absent: the body's condition output is then ignored). Its outputs are the next condition, the next carried
     * values and one value per scan output, which are stacked along a new leading axis.
     */
    static List<Tensor> loop(GraphControlOpDefs.Loop op, List<Tensor> in, ExecContext ctx) {
        Tensor maxTrips = in.get(0), condIn = in.get(1);
        List<Tensor> carried = new ArrayList<>(in.subList(2, in.size()));
        int n = carried.size(), scans = op.outputs().size() - n;
        long limit = maxTrips.isNone() ? Long.MAX_VALUE : scalarLong(maxTrips, "M", ctx);
        boolean cond = condIn.isNone() || condition(condIn, "cond", ctx);
        List<List<Tensor>> scanned = new ArrayList<>();
        for (int k = 0; k < scans; k++) scanned.add(new ArrayList<>());
        for (long i = 0; i < limit && cond; i++) {
            List<Tensor> args = new ArrayList<>();
            args.add(Tensor.of(new long[] {i}));
            args.add(Tensor.of(new boolean[] {cond}));
            args.addAll(carried);
            List<Tensor> out = ctx.runRegion(op.body(), args);
            if (out.size() != 1 + n + scans)
                throw ctx.error("body yielded " + out.size() + " values, but needs 1 + " + n + " + " + scans
                        + " (condition, carried values, scan outputs)");
            if (!condIn.isNone()) cond = condition(out.getFirst(), "the body's condition output", ctx);
            carried = new ArrayList<>(out.subList(1, 1 + n));
            for (int k = 0; k < scans; k++) scanned.get(k).add(out.get(1 + n + k));
        }
        List<Tensor> results = new ArrayList<>(carried);
        for (int k = 0; k < scans; k++)
            results.add(stack(scanned.get(k), k, op.outputs().get(n + k), ctx));
        return results;
    }

    /** {@return the per-iteration values of a scan output stacked along a new leading axis} */
    private static Tensor stack(List<Tensor> values, int k, OpResult result, ExecContext ctx) {
        if (values.isEmpty()) return emptyScan(result, ctx);
        List<Tensor> rows = new ArrayList<>();
        for (Tensor v : values) {
            int[] s = new int[v.rank() + 1];
            s[0] = 1;
            System.arraycopy(v.shape(), 0, s, 1, v.rank());
            rows.add(v.reshape(s));
        }
        try {
            return Layout.concat(rows, 0);
        } catch (IllegalArgumentException e) {
            throw ctx.error(
                    "scan output #" + k + " changes its shape or element type between iterations: " + e.getMessage());
        }
    }

    /**
     * {@return the scan output of a loop that ran no iteration}: no rows, the other dimensions and the element type
     * from the result's type (dimensions it does not know are 0)
     */
    private static Tensor emptyScan(OpResult result, ExecContext ctx) {
        if (!(result.type() instanceof ShapedType st))
            throw ctx.error("result #" + result.index() + " is not a tensor");
        DType dt = DType.fromIrType(st.elementType())
                .orElseThrow(() -> ctx.error("result #" + result.index() + " has an unsupported element type"));
        if (!(st instanceof TensorType tt) || tt.shape().isEmpty()) return Tensor.zeros(dt, 0);
        int[] shape = new int[tt.shape().size()];
        for (int i = 1; i < shape.length; i++)
            shape[i] = (int) Math.max(0, tt.shape().get(i));
        return Tensor.zeros(dt, shape);
    }

    private static boolean condition(Tensor t, String what, ExecContext ctx) {
        if (t.dtype() != DType.BOOL || t.size() != 1) throw ctx.error(what + " must be a single bool, got " + t);
        return t.getLong(0) != 0;
    }

    private static long scalarLong(Tensor t, String what, ExecContext ctx) {
        if (!t.dtype().isInteger() || t.size() != 1) throw ctx.error(what + " must be a single integer, got " + t);
        return t.getLong(0);
    }
}
