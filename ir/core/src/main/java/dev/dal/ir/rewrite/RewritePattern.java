package dev.dal.ir.rewrite;

import dev.dal.ir.Operation;
import java.util.Optional;

/**
 * A local rewrite rooted at one op. The class doc's first line states the rewrite as algebra; every early exit
 * returns {@code rw.noMatch(op, reason)}. Patterns change IR only through the {@link Rewriter}.
 */
public abstract class RewritePattern {
    private final int benefit;

    protected RewritePattern(int benefit) {
        this.benefit = benefit;
    }

    /** {@return how much applying the pattern is worth; higher benefit is tried first} */
    public final int benefit() {
        return benefit;
    }

    /** {@return the op class the pattern is rooted at, or empty for a pattern tried on every op} */
    public abstract Optional<Class<? extends Operation>> rootClass();

    /** {@return a short name for debug output and statistics (the class's simple name by default)} */
    public String debugName() {
        return getClass().getSimpleName();
    }

    /** Tries the pattern on {@code op}. */
    public abstract Match matchAndRewrite(Operation op, Rewriter rw);
}
