package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.interp.ExecContext;
import dev.dal.ir.interp.Executable;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.OpFamily;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.RegionDef;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.Pure;
import java.util.List;
import java.util.Optional;

/**
 * The control-flow ops of the {@code graph} dialect: ONNX {@code If} and {@code Loop}, whose subgraphs are regions.
 */
@OpFamily(dialect = "graph")
public final class GraphControlOpDefs {
    private GraphControlOpDefs() {}

    /**
     * Runs one of two subgraphs on a boolean condition; its results are the taken branch's outputs.
     *
     * <pre>{@code
     * %r = graph.if %c ({
     *   graph.yield %a : tensor<2xf32>
     * }, {
     *   graph.yield %b : tensor<2xf32>
     * }) : (tensor<i1>) -> tensor<2xf32>
     * }</pre>
     */
    @Op(
            name = "if",
            traits = {Pure.class})
    public interface If extends ShapeInferable, Verifiable, Executable {
        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return GraphControlExec.ifOp(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "BOOL_TENSOR", doc = "ONNX input #0")
        Value cond();

        /** {@return ONNX outputs #0 and on (variadic)} */
        @Result(type = "TENSOR", doc = "ONNX outputs #0 and on (variadic)")
        List<OpResult> outputs();

        /** {@return the {@code then_branch} subgraph} */
        @RegionDef(doc = "the ONNX graph attribute `then_branch`")
        Region thenBranch();

        /** {@return the {@code else_branch} subgraph} */
        @RegionDef(doc = "the ONNX graph attribute `else_branch`")
        Region elseBranch();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            List<Type> t = GraphShapes.yielded(thenBranch()), e = GraphShapes.yielded(elseBranch());
            if (t.size() != outputs().size() || e.size() != outputs().size()) return Optional.empty();
            List<Type> out = new java.util.ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                Optional<Type> j = GraphShapes.join(t.get(i), e.get(i));
                if (j.isEmpty()) return Optional.empty();
                out.add(j.get());
            }
            return Optional.of(out);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            for (Region r : List.of(thenBranch(), elseBranch())) {
                if (r.isEmpty()) return error(this, diag, "branches must not be empty");
                java.util.Optional<Operation> term = r.entry().lastOp();
                if (term.isPresent() && term.get().numOperands() != outputs().size())
                    return error(
                            this,
                            diag,
                            "branch yields " + term.get().numOperands() + " values, but the op has "
                                    + outputs().size() + " results");
            }
            return true;
        }
    }

    /**
     * Runs its body while the trip count and condition allow, carrying values between iterations.
     *
     * <pre>{@code
     * %r = graph.loop %m, %c, %v ({
     * ^bb0(%i: tensor<i64>, %ci: tensor<i1>, %vi: tensor<2xf32>):
     *   %s = graph.add %vi, %vi : tensor<2xf32>
     *   graph.yield %ci, %s : (tensor<i1>, tensor<2xf32>) -> ()
     * }) : (tensor<i64>, tensor<i1>, tensor<2xf32>) -> tensor<2xf32>
     * }</pre>
     */
    @Op(
            name = "loop",
            traits = {Pure.class})
    public interface Loop extends ShapeInferable, Verifiable, Executable {
        @Override
        default List<Tensor> execute(List<Tensor> in, ExecContext ctx) {
            return GraphControlExec.loop(this, in, ctx);
        }

        /** {@return ONNX input #0} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #0")
        Value maxTripCount();

        /** {@return ONNX input #1} */
        @Operand(type = "TENSOR_OR_NONE", doc = "ONNX input #1")
        Value cond();

        /** {@return ONNX inputs #2 and on (variadic)} */
        @Operand(type = "TENSOR", doc = "ONNX inputs #2 and on (variadic)")
        List<Value> initial();

        /** {@return ONNX outputs #0 and on (variadic)} */
        @Result(type = "TENSOR", doc = "ONNX outputs #0 and on (variadic)")
        List<OpResult> outputs();

        /** {@return the {@code body} subgraph} */
        @RegionDef(doc = "the ONNX graph attribute `body`")
        Region body();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            List<Type> y = GraphShapes.yielded(body());
            int n = initial().size();
            if (y.size() != outputs().size() + 1 || outputs().size() < n) return Optional.empty();
            List<Type> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Optional<Type> j = GraphShapes.join(initial().get(i).type(), y.get(i + 1));
                if (j.isEmpty()) return Optional.empty();
                out.add(j.get());
            }
            // Scan outputs stack one value per iteration along a new leading dim.
            for (int i = n + 1; i < y.size(); i++) {
                Type s = y.get(i);
                if (s instanceof dev.dal.ir.TensorType tt) {
                    List<Long> dims = new java.util.ArrayList<>(List.of(DYN));
                    dims.addAll(tt.shape());
                    out.add(tensor(dims, tt.elementType()));
                } else out.add(s instanceof dev.dal.ir.ShapedType st ? unranked(st.elementType()) : s);
            }
            return Optional.of(out);
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (body().isEmpty()) return error(this, diag, "body must not be empty");
            int args = body().entry().arguments().size();
            if (args != initial().size() + 2)
                return error(
                        this,
                        diag,
                        "body takes " + args + " arguments, but needs 2 + "
                                + initial().size() + " (iteration number, condition, carried values)");
            if (outputs().size() < initial().size())
                return error(
                        this,
                        diag,
                        "has " + outputs().size() + " results, fewer than its "
                                + initial().size() + " carried values");
            return true;
        }
    }
}
