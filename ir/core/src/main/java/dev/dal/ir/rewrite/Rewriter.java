package dev.dal.ir.rewrite;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.Location;
import dev.dal.ir.OpOperand;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The only way passes and patterns change IR: a {@link Builder} whose every change is told to a
 * {@link RewriteListener}, so the driver knows what to revisit.
 */
public class Rewriter extends Builder {
    private final List<RewriteListener> listeners = new ArrayList<>();

    /** Adds a listener. */
    public void addListener(RewriteListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    @Override
    public <T extends Operation> T insert(T op) {
        super.insert(op);
        for (RewriteListener l : listeners) l.opInserted(op);
        return op;
    }

    @Override
    public Operation create(OperationState state) {
        return insert(Operation.create(state));
    }

    /** Replaces every result of {@code op} by the corresponding value and erases {@code op}. */
    public void replaceOp(Operation op, List<? extends Value> replacements) {
        if (replacements.size() != op.numResults())
            throw new IllegalArgumentException("replacing " + op.numResults() + " results of '" + op.name() + "' with "
                    + replacements.size() + " values");
        for (RewriteListener l : listeners) l.opReplaced(op, replacements);
        for (int i = 0; i < replacements.size(); i++) replaceAllUsesWith(op.result(i), replacements.get(i));
        eraseOp(op);
    }

    /** Replaces the single result of {@code op} by {@code replacement} and erases {@code op}. */
    public void replaceOp(Operation op, Value replacement) {
        replaceOp(op, List.of(replacement));
    }

    /** Replaces {@code op} by {@code newOp} (same number of results) and erases {@code op}. */
    public void replaceOp(Operation op, Operation newOp) {
        replaceOp(op, newOp.results());
    }

    /** Erases an op whose results have no uses (nested ops go with it). */
    public void eraseOp(Operation op) {
        for (RewriteListener l : listeners) l.opErased(op);
        op.erase();
    }

    /** Makes every use of {@code from} use {@code to}; each user counts as modified. */
    public void replaceAllUsesWith(Value from, Value to) {
        for (OpOperand use : from.uses()) {
            use.set(to);
            for (RewriteListener l : listeners) l.opModified(use.owner());
        }
    }

    /** Changes {@code op} in place through {@code change}, then tells the listeners. */
    public void modifyInPlace(Operation op, Runnable change) {
        change.run();
        for (RewriteListener l : listeners) l.opModified(op);
    }

    /** Sets an attribute of {@code op}. */
    public void setAttribute(Operation op, String name, Attribute value) {
        modifyInPlace(op, () -> op.setAttribute(name, value));
    }

    /** Removes an attribute of {@code op}. */
    public void removeAttribute(Operation op, String name) {
        modifyInPlace(op, () -> op.removeAttribute(name));
    }

    /** Sets operand {@code i} of {@code op}. */
    public void setOperand(Operation op, int i, Value v) {
        modifyInPlace(op, () -> op.setOperand(i, v));
    }

    /** Changes a result's type. */
    public void setType(OpResult r, Type t) {
        modifyInPlace(r.owner(), () -> r.setType(t));
    }

    /** Changes an op's location. */
    public void setLoc(Operation op, Location loc) {
        modifyInPlace(op, () -> op.setLoc(loc));
    }

    /** Moves {@code op} right before {@code anchor}; listeners see it as inserted at its new place. */
    public void moveOpBefore(Operation op, Operation anchor) {
        op.moveBefore(anchor);
        for (RewriteListener l : listeners) l.opInserted(op);
    }

    /** Moves {@code op} right after {@code anchor}; listeners see it as inserted at its new place. */
    public void moveOpAfter(Operation op, Operation anchor) {
        op.moveAfter(anchor);
        for (RewriteListener l : listeners) l.opInserted(op);
    }

    /**
     * Erases a block with everything in it, last op first (so uses go before their definitions), then takes it out
     * of its region. Values of the block must not be used outside it; nothing may branch to it.
     */
    public void eraseBlock(Block block) {
        List<Operation> ops = block.opList();
        for (int i = ops.size() - 1; i >= 0; i--) eraseOp(ops.get(i));
        block.removeFromParent();
    }

    /**
     * Moves the ops of {@code source} to the end of {@code dest}, using {@code argValues} for {@code source}'s
     * arguments, and removes {@code source} from its region.
     */
    public void mergeBlocks(Block source, Block dest, List<? extends Value> argValues) {
        if (argValues.size() != source.arguments().size())
            throw new IllegalArgumentException("merging a block of "
                    + source.arguments().size() + " arguments with " + argValues.size() + " values");
        for (int i = 0; i < argValues.size(); i++) replaceAllUsesWith(source.argument(i), argValues.get(i));
        for (Operation op : source.opList()) {
            dest.append(op);
            for (RewriteListener l : listeners) l.opInserted(op);
        }
        source.removeFromParent();
    }

    /** Moves every block of {@code region} into {@code dest}, starting at block position {@code index}. */
    public void inlineRegionBefore(Region region, Region dest, int index) {
        List<Block> blocks = new ArrayList<>(region.blocks());
        for (int i = 0; i < blocks.size(); i++) {
            dest.insert(index + i, blocks.get(i));
            for (Operation op : blocks.get(i).opList()) for (RewriteListener l : listeners) l.opInserted(op);
        }
    }

    /** Records why a pattern did not apply. @return {@link Match#NO_MATCH} */
    public Match noMatch(Operation op, String reason) {
        for (RewriteListener l : listeners) l.matchFailed(op, reason);
        return Match.NO_MATCH;
    }
}
