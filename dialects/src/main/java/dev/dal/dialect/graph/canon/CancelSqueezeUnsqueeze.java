package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.SqueezeOp;
import dev.dal.dialect.graph.UnsqueezeOp;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code squeeze(unsqueeze(x, a), a) -> x} and {@code unsqueeze(squeeze(x, a), a) -> x}: the pair inserts and removes
 * the same 1-dimensions (axes compared after normalisation against the larger rank; a squeeze without axes does not
 * count). A pair whose result has the static type of {@code x} cancels whatever its axes.
 */
final class CancelSqueezeUnsqueeze extends RewritePattern {
    private final Class<? extends Operation> root;

    CancelSqueezeUnsqueeze(Class<? extends Operation> root) {
        super(2);
        this.root = root;
    }

    @Override
    public Optional<Class<? extends Operation>> rootClass() {
        return Optional.of(root);
    }

    @Override
    public Match matchAndRewrite(Operation op, Rewriter rw) {
        Optional<? extends Operation> inner = op instanceof SqueezeOp
                ? Canon.producer(op.operand(0), UnsqueezeOp.class)
                : Canon.producer(op.operand(0), SqueezeOp.class);
        if (inner.isEmpty()) return rw.noMatch(op, "the input is not made by the inverse op");
        Value x = inner.get().operand(0);
        if (!x.type().equals(op.result(0).type())) return rw.noMatch(op, "the pair changes the type");
        if (!Canon.isStatic(x.type()) && !sameAxes(op, inner.get())) return rw.noMatch(op, "the axes differ");
        rw.replaceOp(op, x);
        return Match.APPLIED;
    }

    /** Both ops' axes, normalised against the unsqueezed (larger) rank, are the same set. */
    private static boolean sameAxes(Operation a, Operation b) {
        int wide = Math.max(
                Canon.rank(a.operand(0).type()), Canon.rank(b.operand(0).type()));
        Optional<long[]> x = Canon.constantInts(a.operand(1)).flatMap(v -> Canon.normalizedAxes(v, wide));
        Optional<long[]> y = Canon.constantInts(b.operand(1)).flatMap(v -> Canon.normalizedAxes(v, wide));
        return x.isPresent() && y.isPresent() && Arrays.equals(x.get(), y.get());
    }
}
