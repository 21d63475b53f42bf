package dev.dal.ir.rewrite;

import dev.dal.ir.Operation;
import java.util.Optional;

/** A pattern rooted at one op class: {@code class FuseConvRelu extends OpPattern<ReluOp>}. */
public abstract class OpPattern<T extends Operation> extends RewritePattern {
    private final Class<T> root;

    protected OpPattern(Class<T> root, int benefit) {
        super(benefit);
        this.root = root;
    }

    @Override
    public final Optional<Class<? extends Operation>> rootClass() {
        return Optional.of(root);
    }

    @Override
    public final Match matchAndRewrite(Operation op, Rewriter rw) {
        if (!root.isInstance(op)) return rw.noMatch(op, "not a " + root.getSimpleName());
        return apply(root.cast(op), rw);
    }

    /** Tries the pattern on an op of the root class. */
    public abstract Match apply(T op, Rewriter rw);
}
