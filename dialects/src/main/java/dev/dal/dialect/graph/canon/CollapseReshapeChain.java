package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.ReshapeOp;
import dev.dal.ir.Operation;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code reshape(reshape(x)) -> reshape(x)} and {@code reshape(x) : typeof(x) -> x}, for Reshape and Flatten over
 * any op that only changes the shape (Reshape, Flatten, Squeeze, Unsqueeze): the elements keep their row-major
 * order, so only the last shape matters. A Reshape whose constant shape does not copy dimensions of its input (no
 * {@code 0}, or {@code allowzero = 1}) takes {@code x} directly; otherwise, when the result shape is static, the chain
 * becomes one Reshape to it. Either way the location fuses both ops'.
 */
final class CollapseReshapeChain extends RewritePattern {
    private final Class<? extends Operation> root;

    CollapseReshapeChain(Class<? extends Operation> root) {
        super(1);
        this.root = root;
    }

    @Override
    public Optional<Class<? extends Operation>> rootClass() {
        return Optional.of(root);
    }

    @Override
    public Match matchAndRewrite(Operation op, Rewriter rw) {
        Type out = op.result(0).type();
        Value in = op.operand(0);
        if (in.type().equals(out) && Canon.isStatic(out)) {
            rw.replaceOp(op, in);
            return Match.APPLIED;
        }
        Optional<Operation> inner = Canon.reshapeLikeProducer(in);
        if (inner.isEmpty()) return rw.noMatch(op, "the input is not reshaped");
        Value x = inner.get().operand(0);
        if (x.type().equals(out) && Canon.isStatic(out)) {
            rw.replaceOp(op, x);
            return Match.APPLIED;
        }
        boolean constantShape =
                op instanceof ReshapeOp r && Canon.constantInts(r.shape()).isPresent();
        if (constantShape && !copiesInputDims((ReshapeOp) op)) {
            rw.modifyInPlace(op, () -> {
                op.setOperand(0, x);
                op.setLoc(Canon.fused(inner.get(), op));
            });
            return Match.APPLIED;
        }
        if (!Canon.isStatic(out)) return rw.noMatch(op, "the result shape is dynamic");
        Value shape = Canon.i64Constant(rw, op.loc(), Canon.dims(out));
        rw.replaceOp(op, ReshapeOp.create(rw, Canon.fused(inner.get(), op), out, x, shape));
        return Match.APPLIED;
    }

    /** {@return whether a {@code 0} in the reshape's shape copies a dimension of its input} */
    private static boolean copiesInputDims(ReshapeOp r) {
        if (r.allowzero().longValue() != 0) return false;
        for (long d : Canon.constantInts(r.shape()).orElseThrow()) if (d == 0) return true;
        return false;
    }
}
