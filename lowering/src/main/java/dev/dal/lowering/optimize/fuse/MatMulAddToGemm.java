package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.GemmOp;
import dev.dal.dialect.graph.MatMulOp;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code mat_mul(a, B) + c -> gemm(a, B, c)} for a 2-D {@code a}, a constant 2-D {@code B} and a constant {@code c}
 * of shape {@code [N]} or {@code [1, N]} (broadcast along the last axis).
 */
final class MatMulAddToGemm extends OpPattern<AddOp> {
    MatMulAddToGemm() {
        super(AddOp.class, 2);
    }

    @Override
    public Match apply(AddOp add, Rewriter rw) {
        for (Value v : add.operands()) {
            Optional<MatMulOp> mm = def(v, MatMulOp.class).filter(m -> v.hasOneUse());
            if (mm.isEmpty()) continue;
            if (rank(mm.get().lhs()) != 2 || !isF32(mm.get().lhs()))
                return rw.noMatch(add, "mat_mul's A is not a 2-D f32 tensor");
            Optional<Tensor> b = constant(mm.get().rhs());
            if (b.isEmpty() || b.get().rank() != 2) return rw.noMatch(add, "mat_mul's B is not a 2-D constant");
            Value cv = other(add, v).orElseThrow();
            Optional<Tensor> c = constant(cv);
            int n = b.get().dim(1);
            if (c.isEmpty()
                    || c.get().size() != n
                    || c.get().rank() > 2
                    || (c.get().rank() == 2 && c.get().dim(0) != 1))
                return rw.noMatch(add, "the addend is not a constant of shape [N] or [1, N]");
            if (!add.output().type().equals(v.type())) return rw.noMatch(add, "the add broadcasts the product");
            GemmOp gemm = GemmOp.create(
                    rw,
                    fusedLoc(mm.get(), add),
                    add.output().type(),
                    mm.get().lhs(),
                    mm.get().rhs(),
                    cv);
            rw.replaceOp(add, gemm.output());
            rw.eraseOp(mm.get());
            return Match.APPLIED;
        }
        return rw.noMatch(add, "no operand is a mat_mul with one use");
    }
}
