package dev.dal.lowering.optimize.fuse;

import dev.dal.dialect.graph.AddOp;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code conv(x, w, b) + r -> fused_conv(x, w, b, r)} when {@code r} has the conv result's type (no broadcasting)
 * and the conv result has no other use (so {@code r} cannot depend on it). A later activation fuses onto the result.
 */
final class FuseConvResidual extends OpPattern<AddOp> {
    FuseConvResidual() {
        super(AddOp.class, 1);
    }

    @Override
    public Match apply(AddOp add, Rewriter rw) {
        for (Value v : add.operands()) {
            Optional<Operation> conv = ConvFusion.convInput(v, false);
            if (conv.isEmpty()) continue;
            Value r = FuseSupport.other(add, v).orElseThrow();
            if (!r.type().equals(v.type()) || !add.output().type().equals(v.type()))
                return rw.noMatch(add, "the residual's type differs from the conv result's");
            ConvFusion.replace(rw, conv.get(), add, Optional.of(r), List.of());
            return Match.APPLIED;
        }
        return rw.noMatch(add, "no operand is a conv without activation, residual and other users");
    }
}
