package dev.dal.ir.verify;

import dev.dal.ir.Block;
import dev.dal.ir.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dominator tree of one region's control-flow graph (blocks linked by their terminators' successors), computed
 * with the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm", 2001): number
 * the blocks in reverse post-order from the entry, then intersect predecessors' dominators until nothing changes.
 * Blocks not reachable from the entry have no dominator and are not in the tree.
 */
public final class DominatorTree {
    private final Region region;
    /** Blocks reachable from the entry, in reverse post-order; index 0 is the entry. */
    private final List<Block> rpo;

    private final Map<Block, Integer> number = new IdentityHashMap<>();
    /** Immediate dominator by RPO number; the entry is its own. */
    private final int[] idom;

    private final Map<Block, List<Block>> children = new IdentityHashMap<>();

    /** Computes the tree of {@code region}. */
    public DominatorTree(Region region) {
        this.region = region;
        this.rpo = region.isEmpty() ? List.of() : reversePostOrder(region.entry());
        for (int i = 0; i < rpo.size(); i++) number.put(rpo.get(i), i);
        this.idom = new int[rpo.size()];
        computeIdoms();
        for (Block b : rpo) children.put(b, new ArrayList<>());
        for (int i = 1; i < rpo.size(); i++) children.get(rpo.get(idom[i])).add(rpo.get(i));
    }

    private List<Block> reversePostOrder(Block entry) {
        // Iterative DFS so that long block chains cannot overflow the stack.
        List<Block> post = new ArrayList<>();
        Map<Block, Boolean> seen = new IdentityHashMap<>();
        List<Block> stack = new ArrayList<>();
        List<Integer> nextSucc = new ArrayList<>();
        stack.add(entry);
        nextSucc.add(0);
        seen.put(entry, true);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Block b = stack.get(top);
            List<Block> succ = b.successors();
            int i = nextSucc.get(top);
            if (i < succ.size()) {
                nextSucc.set(top, i + 1);
                Block s = succ.get(i);
                if (s.parentRegion().orElse(null) == region && seen.putIfAbsent(s, true) == null) {
                    stack.add(s);
                    nextSucc.add(0);
                }
            } else {
                post.add(b);
                stack.remove(top);
                nextSucc.remove(top);
            }
        }
        Collections.reverse(post);
        return post;
    }

    private void computeIdoms() {
        if (rpo.isEmpty()) return;
        int n = rpo.size();
        List<List<Integer>> preds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) preds.add(new ArrayList<>());
        for (int i = 0; i < n; i++)
            for (Block s : rpo.get(i).successors()) {
                Integer j = number.get(s);
                if (j != null) preds.get(j).add(i);
            }
        java.util.Arrays.fill(idom, -1);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 1; b < n; b++) {
                int newIdom = -1;
                for (int p : preds.get(b)) {
                    if (idom[p] < 0) continue;
                    newIdom = newIdom < 0 ? p : intersect(p, newIdom);
                }
                if (newIdom >= 0 && idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
    }

    private int intersect(int a, int b) {
        while (a != b) {
            while (a > b) a = idom[a];
            while (b > a) b = idom[b];
        }
        return a;
    }

    /** {@return the region this tree describes} */
    public Region region() {
        return region;
    }

    /** {@return whether {@code b} is reachable from the region's entry block} */
    public boolean isReachable(Block b) {
        return number.containsKey(b);
    }

    /** {@return the immediate dominator of {@code b}; empty for the entry and for unreachable blocks} */
    public Optional<Block> immediateDominator(Block b) {
        Integer i = number.get(b);
        if (i == null || i == 0) return Optional.empty();
        return Optional.of(rpo.get(idom[i]));
    }

    /** {@return the blocks {@code b} immediately dominates (its children in the tree)} */
    public List<Block> children(Block b) {
        return Collections.unmodifiableList(children.getOrDefault(b, List.of()));
    }

    /** {@return the reachable blocks in reverse post-order (a pre-order-compatible order of the tree)} */
    public List<Block> reversePostOrder() {
        return Collections.unmodifiableList(rpo);
    }

    /**
     * {@return whether {@code a} dominates {@code b} (every path from the entry to {@code b} passes {@code a}); a block
     * dominates itself; an unreachable {@code b} is dominated by everything, as in MLIR}
     */
    public boolean dominates(Block a, Block b) {
        if (a == b) return true;
        Integer ib = number.get(b);
        if (ib == null) return true;
        Integer ia = number.get(a);
        if (ia == null) return false;
        int x = ib;
        // Walk up from b; RPO numbers decrease strictly towards the entry, so stop once below a.
        while (x > ia) x = idom[x];
        return x == ia;
    }
}
