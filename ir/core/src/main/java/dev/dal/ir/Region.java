package dev.dal.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A list of blocks owned by an operation. The first block is the entry block. */
public final class Region {
    private final List<Block> blocks = new ArrayList<>();
    Operation parent;

    /** {@return the blocks, entry first (unmodifiable view)} */
    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /** {@return whether the region has no blocks} */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** {@return the entry block} @throws IllegalStateException if empty */
    public Block entry() {
        if (blocks.isEmpty()) throw new IllegalStateException("region has no blocks");
        return blocks.getFirst();
    }

    /** {@return the operation that owns the region} */
    public Optional<Operation> parentOp() {
        return Optional.ofNullable(parent);
    }

    /** {@return the index of the region within its op} */
    public int index() {
        return parent == null ? 0 : parent.regions().indexOf(this);
    }

    /** Appends a block (taking it out of its previous region). @return the block */
    public Block append(Block b) {
        b.removeFromParent();
        blocks.add(b);
        b.parent = this;
        return b;
    }

    /** Inserts a block at a position. @return the block */
    public Block insert(int index, Block b) {
        b.removeFromParent();
        blocks.add(index, b);
        b.parent = this;
        return b;
    }

    /** Appends a new empty block and returns it. */
    public Block addBlock() {
        return append(new Block());
    }

    void removeBlock(Block b) {
        blocks.remove(b);
        b.parent = null;
    }

    /** Moves all blocks of {@code other} to the end of this region. */
    public void takeBody(Region other) {
        for (Block b : new ArrayList<>(other.blocks)) append(b);
    }

    /** {@return whether this region is {@code r} or nested in it} */
    public boolean isAncestorOrSelf(Region r) {
        for (Region cur = this; cur != null; ) {
            if (cur == r) return true;
            Operation p = cur.parent;
            cur = p == null ? null : p.parentRegion().orElse(null);
        }
        return false;
    }

    /** Drops all references held by ops in this region (before erasing it). */
    void dropAllReferences() {
        for (Block b : blocks) b.dropAllReferences();
    }
}
