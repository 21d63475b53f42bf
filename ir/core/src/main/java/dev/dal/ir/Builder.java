package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * Creates ops at an insertion point (a block, before an op or at the end). Generated ops have typed
 * {@code create(Builder, ...)} methods on top of {@link #create(OperationState)}.
 */
public class Builder {
    private Block block;
    private Operation before;

    /** {@return a builder with no insertion point (ops are created detached)} */
    public static Builder detached() {
        return new Builder();
    }

    /** {@return a builder inserting at the end of {@code block}} */
    public static Builder atEnd(Block block) {
        Builder b = new Builder();
        b.setInsertionPointToEnd(block);
        return b;
    }

    /** {@return a builder inserting before {@code op}} */
    public static Builder before(Operation op) {
        Builder b = new Builder();
        b.setInsertionPoint(op);
        return b;
    }

    /** Inserts at the end of {@code b}. */
    public void setInsertionPointToEnd(Block b) {
        block = Objects.requireNonNull(b);
        before = null;
    }

    /** Inserts at the start of {@code b}. */
    public void setInsertionPointToStart(Block b) {
        block = Objects.requireNonNull(b);
        before = b.firstOp().orElse(null);
    }

    /** Inserts before {@code op}. */
    public void setInsertionPoint(Operation op) {
        block = op.parentBlock().orElseThrow(() -> new IllegalArgumentException("op is not in a block"));
        before = op;
    }

    /** Inserts after {@code op}. */
    public void setInsertionPointAfter(Operation op) {
        block = op.parentBlock().orElseThrow(() -> new IllegalArgumentException("op is not in a block"));
        before = op.nextOp().orElse(null);
    }

    /** {@return the block ops are inserted into} */
    public Optional<Block> insertionBlock() {
        return Optional.ofNullable(block);
    }

    /** Creates an op from a state and inserts it. */
    public Operation create(OperationState state) {
        return insert(Operation.create(state));
    }

    /** Inserts a detached op at the insertion point. @return the op */
    public <T extends Operation> T insert(T op) {
        if (block != null) block.insertBefore(op, before);
        return op;
    }
}
