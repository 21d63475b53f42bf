package dev.dal.ir;

import java.util.List;

/** An SSA value: an op's result or a block's argument. Its uses are kept up to date by the core. */
public sealed interface Value permits OpResult, BlockArgument {
    /** {@return the value's type} */
    Type type();

    /** {@return the operands that use this value, in no particular order (a snapshot)} */
    List<OpOperand> uses();

    /** {@return whether exactly one operand uses the value} */
    boolean hasOneUse();

    /** {@return whether no operand uses the value} */
    boolean hasNoUses();

    /** {@return the number of uses} */
    int useCount();

    /** Makes every use of this value use {@code replacement} instead. Prefer {@code Rewriter.replaceAllUsesWith}. */
    void replaceAllUsesWith(Value replacement);

    /** {@return the block this value is defined in (the op's block for a result)} */
    java.util.Optional<Block> parentBlock();

    /** {@return the location of the defining op, or of the block's parent op for an argument} */
    Location loc();
}
