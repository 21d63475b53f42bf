package dev.dal.ir.verify;

import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.Value;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dominance queries over nested regions. Within a block, order decides; across blocks of one region, that region's
 * {@link DominatorTree} (built on first use and cached); across regions, a use inside a nested region is treated as
 * a use by its ancestor op in the defining region. Build a new instance (or call {@link #invalidate()}) after the
 * control flow changes.
 */
public final class Dominance {
    private final Map<Region, DominatorTree> trees = new IdentityHashMap<>();

    /** {@return the dominator tree of {@code region}, computed on first request} */
    public DominatorTree tree(Region region) {
        return trees.computeIfAbsent(region, DominatorTree::new);
    }

    /** Forgets every cached tree. */
    public void invalidate() {
        trees.clear();
    }

    /** {@return whether {@code b} is reachable from the entry of its region (a detached block is not)} */
    public boolean isReachable(Block b) {
        Optional<Region> r = b.parentRegion();
        if (r.isEmpty()) return false;
        if (r.get().blocks().size() == 1) return true;
        return tree(r.get()).isReachable(b);
    }

    /** {@return {@code op}, or its ancestor, whose block is in {@code region}} */
    public static Optional<Operation> ancestorIn(Region region, Operation op) {
        for (Operation cur = op; cur != null; cur = cur.parentOp().orElse(null))
            if (cur.parentRegion().orElse(null) == region) return Optional.of(cur);
        return Optional.empty();
    }

    /**
     * {@return whether {@code a} properly dominates {@code b}: every execution reaching {@code b} has executed
     * {@code a} first. An op does not properly dominate itself nor ops nested in its own regions}
     */
    public boolean properlyDominates(Operation a, Operation b) {
        Optional<Block> ablock = a.parentBlock();
        if (ablock.isEmpty() || ablock.get().parentRegion().isEmpty()) return false;
        Optional<Operation> anc = ancestorIn(ablock.get().parentRegion().get(), b);
        if (anc.isEmpty() || anc.get() == a) return false;
        Block bblock = anc.get().parentBlock().orElseThrow();
        if (bblock == ablock.get()) return ablock.get().isBefore(a, anc.get());
        return blockDominates(ablock.get(), bblock);
    }

    /** {@return whether value {@code v} is available at (dominates) a use by {@code user}} */
    public boolean dominates(Value v, Operation user) {
        return switch (v) {
            case OpResult r -> properlyDominates(r.owner(), user);
            case BlockArgument a -> {
                Block def = a.owner();
                if (def.parentRegion().isEmpty()) yield false;
                Optional<Operation> anc = ancestorIn(def.parentRegion().get(), user);
                if (anc.isEmpty()) yield false;
                Block useBlock = anc.get().parentBlock().orElseThrow();
                yield useBlock == def || blockDominates(def, useBlock);
            }
        };
    }

    /** {@return whether block {@code a} dominates block {@code b}, both in the same region} */
    public boolean blockDominates(Block a, Block b) {
        if (a == b) return true;
        Region r = a.parentRegion().orElseThrow();
        if (b.parentRegion().orElse(null) != r) return false;
        return tree(r).dominates(a, b);
    }
}
