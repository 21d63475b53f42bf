package dev.dal.ir;

import java.util.List;
import java.util.Optional;

/**
 * Interface of ops that can fold: compute their results from constant operands, or reduce to an existing value.
 * Declared as a default method on the op's declaration; called by {@code canonicalize} and by builders.
 */
public interface Foldable {
    /**
     * Folds the op.
     *
     * @param constantOperands for each operand, the constant it is known to hold (the {@code value} of a
     *                         {@link dev.dal.ir.trait.ConstantLike} producer), or empty
     * @return empty if the op does not fold; otherwise one {@link FoldResult} per result. Returning the op's own
     *         results as {@link FoldResult.Existing} means the op was updated in place.
     */
    Optional<List<FoldResult>> fold(List<Optional<Attribute>> constantOperands);
}
