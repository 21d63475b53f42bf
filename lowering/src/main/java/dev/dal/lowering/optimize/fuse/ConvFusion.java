package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.ConvOp;
import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Rewriter;
import java.util.List;
import java.util.Optional;

/** Building {@code graph.fused_conv} from a {@code graph.conv} or an earlier {@code graph.fused_conv}. */
final class ConvFusion {
    private ConvFusion() {}

    /**
     * {@return the conv or fused conv (without activation) that defines {@code v} and has no other use, optionally
     * also without a residual}
     */
    static Optional<Operation> convInput(Value v, boolean residualAllowed) {
        if (!v.hasOneUse()) return Optional.empty();
        Optional<ConvOp> conv = def(v, ConvOp.class);
        if (conv.isPresent()) return Optional.of(conv.get());
        return def(v, FusedConvOp.class)
                .filter(f -> f.activation().value().equals("none"))
                .filter(f -> residualAllowed || def(f.residual(), NoneOp.class).isPresent())
                .map(Operation.class::cast);
    }

    /**
     * Replaces {@code root} by a {@code graph.fused_conv} with {@code conv}'s operands and attributes, plus the
     * residual (if not empty) and the extra attributes; its location fuses the conv's and root's.
     */
    static FusedConvOp replace(
            Rewriter rw, Operation conv, Operation root, Optional<Value> residual, List<NamedAttribute> extra) {
        Location loc = fusedLoc(conv, root);
        Value res = residual.orElseGet(() -> conv instanceof FusedConvOp f ? f.residual() : none(rw, root));
        OperationState st = new OperationState(FusedConvOp.NAME, loc);
        st.addOperand(conv.operand(0))
                .addOperand(conv.operand(1))
                .addOperand(conv.operand(2))
                .addOperand(res);
        st.addResultType(root.result(0).type());
        for (NamedAttribute a : conv.attributes())
            if (extra.stream().noneMatch(e -> e.name().equals(a.name()))) st.addAttribute(a.name(), a.value());
        for (NamedAttribute a : extra) st.addAttribute(a.name(), a.value());
        FusedConvOp fused = (FusedConvOp) rw.create(st);
        rw.replaceOp(root, fused.y());
        rw.eraseOp(conv);
        return fused;
    }
}
