package dev.dal.ir.pass.transforms;

import dev.dal.ir.Block;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import dev.dal.ir.pass.Statistic;
import dev.dal.ir.rewrite.GreedyRewriteDriver;
import dev.dal.ir.rewrite.Rewriter;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.verify.Dominance;
import dev.dal.ir.verify.DominatorTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cse}: replaces a {@link Pure} op without regions or successors by an earlier equivalent one (same name,
 * operands, attributes and result types) that dominates it, and erases trivially dead ops on the way. Blocks are
 * visited in dominator-tree order with a scope per block, so a block sees what its dominators computed; a nested
 * region sees what its enclosing blocks computed before its op, unless the op is {@code IsolatedFromAbove}.
 */
public final class CsePass extends Pass {
    private final Statistic numCse = statistic("num-cse'd", "Number of operations CSE'd");
    private final Statistic numDce = statistic("num-dce'd", "Number of operations DCE'd");

    /** What makes two ops interchangeable. Values compare by identity, attributes and types by value. */
    private record Key(String name, List<NamedAttribute> attributes, List<Value> operands, List<Type> resultTypes) {
        static Key of(Operation op) {
            return new Key(op.name(), op.attributes(), op.operands(), op.resultTypes());
        }
    }

    /** Available expressions of a block, falling back to those of its dominators and enclosing blocks. */
    private static final class Scope {
        final Optional<Scope> parent;
        final Map<Key, Operation> known = new HashMap<>();

        Scope(Optional<Scope> parent) {
            this.parent = parent;
        }

        Optional<Operation> lookup(Key k) {
            for (Scope s = this; ; s = s.parent.get()) {
                Operation o = s.known.get(k);
                if (o != null) return Optional.of(o);
                if (s.parent.isEmpty()) return Optional.empty();
            }
        }
    }

    @Override
    public String argument() {
        return "cse";
    }

    @Override
    public String name() {
        return "CSE";
    }

    @Override
    public String description() {
        return "Eliminate common sub-expressions";
    }

    @Override
    public void runOnOperation(Operation op, PassContext ctx) {
        Run run = new Run();
        for (Region r : op.regions()) run.region(r, new Scope(Optional.empty()));
        // Erase in reverse so that an op goes before the ops it uses.
        for (int i = run.toErase.size() - 1; i >= 0; i--) run.rw.eraseOp(run.toErase.get(i));
    }

    private final class Run {
        final Rewriter rw = new Rewriter();
        final Dominance dominance = new Dominance();
        final List<Operation> toErase = new ArrayList<>();

        void region(Region r, Scope outer) {
            if (r.isEmpty()) return;
            if (r.blocks().size() == 1) {
                block(r.entry(), new Scope(Optional.of(outer)));
                return;
            }
            DominatorTree tree = dominance.tree(r);
            domSubtree(tree, r.entry(), outer);
            // Unreachable blocks only see what the enclosing blocks computed.
            for (Block b : r.blocks()) if (!tree.isReachable(b)) block(b, new Scope(Optional.of(outer)));
        }

        private void domSubtree(DominatorTree tree, Block b, Scope parent) {
            // Iterative over the tree: deep chains of blocks must not overflow the stack.
            record Item(Block block, Scope parent) {}
            ArrayList<Item> stack = new ArrayList<>();
            stack.add(new Item(b, parent));
            while (!stack.isEmpty()) {
                Item it = stack.removeLast();
                Scope s = new Scope(Optional.of(it.parent()));
                block(it.block(), s);
                List<Block> kids = tree.children(it.block());
                for (int i = kids.size() - 1; i >= 0; i--) stack.add(new Item(kids.get(i), s));
            }
        }

        void block(Block b, Scope scope) {
            for (Operation op : b.opList()) {
                if (GreedyRewriteDriver.isTriviallyDead(op)) {
                    toErase.add(op);
                    numDce.increment();
                    continue;
                }
                if (!op.regions().isEmpty()) {
                    for (Region r : op.regions())
                        region(r, op.isIsolatedFromAbove() ? new Scope(Optional.empty()) : scope);
                    continue;
                }
                if (!(op instanceof Pure)
                        || op.isTerminator()
                        || !op.successors().isEmpty()) continue;
                Key key = Key.of(op);
                Optional<Operation> existing = scope.lookup(key);
                if (existing.isPresent()) {
                    for (int i = 0; i < op.numResults(); i++)
                        rw.replaceAllUsesWith(op.result(i), existing.get().result(i));
                    toErase.add(op);
                    numCse.increment();
                } else {
                    scope.known.put(key, op);
                }
            }
        }
    }
}
