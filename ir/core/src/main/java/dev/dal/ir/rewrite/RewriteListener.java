package dev.dal.ir.rewrite;

import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import java.util.List;

/** Told about every change a {@link Rewriter} makes (the greedy driver's worklist, statistics, debug printing). */
public interface RewriteListener {
    /** An op was created or moved to its position. */
    default void opInserted(Operation op) {}

    /** An op is about to be erased. */
    default void opErased(Operation op) {}

    /** An op's operands, attributes, types or location changed in place. */
    default void opModified(Operation op) {}

    /** An op's results are about to be replaced by {@code replacements}. */
    default void opReplaced(Operation op, List<? extends Value> replacements) {}

    /** A pattern did not apply, and said why. */
    default void matchFailed(Operation op, String reason) {}
}
