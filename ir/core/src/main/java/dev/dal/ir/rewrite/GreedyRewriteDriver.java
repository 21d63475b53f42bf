package dev.dal.ir.rewrite;

import dev.dal.ir.Block;
import dev.dal.ir.OpOperand;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.Value;
import dev.dal.ir.trait.ConstantLike;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies patterns and folds to every op nested in an op's regions until nothing changes (MLIR's
 * {@code applyPatternsAndFoldGreedily}). Each scan seeds a worklist with all nested ops; for each op popped it
 * erases it if trivially dead, else folds it (constants are deduplicated and hoisted by an {@link OperationFolder}),
 * else tries the patterns rooted at its class, best benefit first. Every change goes through a {@link Rewriter}
 * whose listener puts the affected ops back on the worklist: new ops, modified ops, users of replaced values, and
 * the producers of an erased op's operands (which may have become dead). Scans repeat while something changed, up
 * to {@link GreedyRewriteConfig#maxIterations()}.
 */
public final class GreedyRewriteDriver implements RewriteListener {
    private final Operation root;
    private final GreedyRewriteConfig config;
    private final PatternIndex patterns;
    private final Rewriter rw = new Rewriter();
    private final OperationFolder folder;
    private final ArrayDeque<Operation> worklist = new ArrayDeque<>();
    private final Set<Operation> onWorklist = Collections.newSetFromMap(new IdentityHashMap<>());
    private RewritePattern current;
    private long rewrites, folds, erasedCount;
    private final java.util.Map<String, Long> rewritesByPattern = new java.util.LinkedHashMap<>();

    private GreedyRewriteDriver(Operation root, List<RewritePattern> patterns, GreedyRewriteConfig config) {
        this.root = root;
        this.config = config;
        this.patterns = new PatternIndex(patterns, config.canonicalizationPatterns());
        this.folder = new OperationFolder(rw);
        rw.addListener(this);
    }

    /**
     * Rewrites the ops nested in {@code root}'s regions ({@code root} itself is not touched) to a fixed point.
     *
     * @return what happened, including whether a fixed point was reached within the bounds
     */
    public static GreedyRewriteResult applyPatternsAndFoldGreedily(
            Operation root, List<RewritePattern> patterns, GreedyRewriteConfig config) {
        return new GreedyRewriteDriver(root, patterns, config).run();
    }

    private GreedyRewriteResult run() {
        int iteration = 0;
        boolean changed;
        boolean limitHit = false;
        do {
            iteration++;
            List<Operation> seed = new ArrayList<>();
            for (Region r : root.regions())
                for (Block b : r.blocks())
                    for (Operation o : b.ops()) {
                        if (config.topDown()) o.walkPreOrder(seed::add);
                        else o.walk(seed::add);
                    }
            worklist.clear();
            onWorklist.clear();
            for (int i = seed.size() - 1; i >= 0; i--) push(seed.get(i));
            for (Operation o : seed) patterns.register(o);
            changed = false;
            while (!worklist.isEmpty()) {
                if (config.maxNumRewrites() >= 0 && rewrites >= config.maxNumRewrites()) {
                    limitHit = true;
                    break;
                }
                Operation op = worklist.pollLast();
                onWorklist.remove(op);
                // Erased ops (and ops nested in them) are no longer under the root.
                if (!inTree(op)) continue;
                if (processOp(op)) changed = true;
            }
            if (!limitHit && config.regionSimplify() && eraseUnreachableBlocks()) changed = true;
        } while (changed && !limitHit && iteration < config.maxIterations());
        return new GreedyRewriteResult(
                !changed && !limitHit, iteration, rewrites, folds, erasedCount, Map.copyOf(rewritesByPattern));
    }

    /** Erases, folds or rewrites one op. @return whether the IR changed */
    private boolean processOp(Operation op) {
        if (isTriviallyDead(op)) {
            rw.eraseOp(op);
            erasedCount++;
            return true;
        }
        boolean changed = false;
        if (config.folding()) {
            if (op instanceof ConstantLike) {
                if (folder.insertKnownConstant(op)) {
                    folds++;
                    return true;
                }
                // A kept constant has nothing left to fold; patterns rooted at it may still apply.
            } else {
                OperationFolder.Outcome o = folder.tryToFold(op);
                if (o != OperationFolder.Outcome.NOT_FOLDED) {
                    folds++;
                    if (o == OperationFolder.Outcome.REPLACED) return true;
                    changed = true;
                }
            }
        }
        for (RewritePattern p : patterns.patternsFor(op)) {
            current = p;
            rw.setInsertionPoint(op);
            Match m = p.matchAndRewrite(op, rw);
            current = null;
            if (m == Match.APPLIED) {
                rewrites++;
                rewritesByPattern.merge(p.debugName(), 1L, Long::sum);
                return true;
            }
        }
        return changed;
    }

    /**
     * Erases the blocks that cannot be reached from their region's entry, in every region under the root. Their
     * ops can only be used by each other (a reachable use would not be dominated), so their operands are dropped
     * first, which also breaks cycles among them. @return whether any block was erased
     */
    private boolean eraseUnreachableBlocks() {
        List<Region> regions = new ArrayList<>();
        for (Region r : root.regions()) regions.add(r);
        root.walk(o -> {
            if (o != root) regions.addAll(o.regions());
        });
        boolean erasedAny = false;
        for (Region r : regions) {
            if (r.blocks().size() < 2) continue;
            dev.dal.ir.verify.DominatorTree tree = new dev.dal.ir.verify.DominatorTree(r);
            List<Block> dead = new ArrayList<>();
            for (Block blk : r.blocks()) if (!tree.isReachable(blk)) dead.add(blk);
            if (dead.isEmpty()) continue;
            for (Block blk : dead)
                for (Operation o : blk.ops())
                    o.walk(n -> {
                        if (n.numOperands() > 0) rw.modifyInPlace(n, () -> n.setOperands(List.of()));
                    });
            for (Block blk : dead) {
                for (dev.dal.ir.BlockArgument a : blk.arguments())
                    for (OpOperand u : a.uses())
                        rw.modifyInPlace(u.owner(), () -> u.owner().setOperands(List.of()));
                rw.eraseBlock(blk);
            }
            erasedAny = true;
        }
        return erasedAny;
    }

    /**
     * {@return whether erasing {@code op} cannot change the program: no result is used, the op and everything
     * nested in it is {@link Pure}, and it is neither a terminator nor a symbol}
     */
    public static boolean isTriviallyDead(Operation op) {
        if (!op.resultsUnused() || op.isTerminator() || op instanceof Symbol || !(op instanceof Pure)) return false;
        boolean[] pure = {true};
        for (Region r : op.regions())
            for (Block b : r.blocks())
                for (Operation o : b.ops())
                    o.walk(n -> {
                        if (!(n instanceof Pure)) pure[0] = false;
                    });
        return pure[0];
    }

    private void push(Operation op) {
        if (!onWorklist.add(op)) return;
        worklist.addLast(op);
    }

    private boolean inTree(Operation op) {
        return op != root && op.parentBlock().isPresent() && op.isAncestorOrSelf(root);
    }

    // ---- listener -------------------------------------------------------------------------------------------

    @Override
    public void opInserted(Operation op) {
        if (!inTree(op)) return;
        op.walk(o -> {
            patterns.register(o);
            push(o);
        });
    }

    @Override
    public void opModified(Operation op) {
        if (inTree(op)) push(op);
    }

    @Override
    public void opReplaced(Operation op, List<? extends Value> replacements) {
        for (OpResult r : op.results()) for (OpOperand u : r.uses()) if (inTree(u.owner())) push(u.owner());
    }

    @Override
    public void opErased(Operation op) {
        List<Operation> producers = new ArrayList<>();
        op.walk(o -> {
            onWorklist.remove(o);
            for (Value v : o.operands()) if (v instanceof OpResult r) producers.add(r.owner());
        });
        // Producers may become dead once this op's uses are gone; they are revisited after the erase.
        for (Operation p : producers) if (!op.isAncestorOrSelf(p) && !p.isAncestorOrSelf(op) && inTree(p)) push(p);
    }

    @Override
    public void matchFailed(Operation op, String reason) {
        if (!config.debugPatterns()) return;
        String pattern = current == null ? "<fold>" : current.debugName();
        config.debugSink()
                .accept("pattern " + pattern + " did not match '" + op.name() + "' op at " + describe(op.loc()) + ": "
                        + reason);
    }

    private static String describe(dev.dal.ir.Location loc) {
        if (loc.filePosition().isPresent()) {
            dev.dal.ir.Location.FileLineCol f = loc.filePosition().get();
            return f.file() + ":" + f.line() + ":" + f.column();
        }
        return loc instanceof dev.dal.ir.Location.Name n ? "\"" + n.name() + "\"" : "unknown location";
    }
}
