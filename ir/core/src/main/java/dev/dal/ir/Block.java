package dev.dal.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** A basic block: arguments and a list of operations, the last of which is usually a terminator. */
public final class Block {
    private final List<BlockArgument> args = new ArrayList<>();
    Operation first, last;
    int size;
    Region parent;
    private boolean orderValid;

    /** {@return the arguments (unmodifiable view)} */
    public List<BlockArgument> arguments() {
        return Collections.unmodifiableList(args);
    }

    /** {@return argument {@code i}} */
    public BlockArgument argument(int i) {
        return args.get(i);
    }

    /** Appends an argument. */
    public BlockArgument addArgument(Type type, Location loc) {
        BlockArgument a = new BlockArgument(this, args.size(), type, loc);
        args.add(a);
        return a;
    }

    /** Inserts an argument at a position. */
    public BlockArgument insertArgument(int index, Type type, Location loc) {
        BlockArgument a = new BlockArgument(this, index, type, loc);
        args.add(index, a);
        for (int i = index + 1; i < args.size(); i++) args.get(i).setIndex(i);
        return a;
    }

    /** Removes an unused argument. @throws IllegalStateException if it still has uses */
    public void eraseArgument(int index) {
        BlockArgument a = args.get(index);
        if (!a.hasNoUses()) throw new IllegalStateException("erasing block argument #" + index + " that has uses");
        args.remove(index);
        for (int i = index; i < args.size(); i++) args.get(i).setIndex(i);
    }

    /** {@return the region containing this block} */
    public Optional<Region> parentRegion() {
        return Optional.ofNullable(parent);
    }

    /** {@return the op containing this block} */
    public Optional<Operation> parentOp() {
        return parent == null ? Optional.empty() : parent.parentOp();
    }

    /** {@return whether the block holds no operations} */
    public boolean isEmpty() {
        return first == null;
    }

    /** {@return the number of operations} */
    public int size() {
        return size;
    }

    /** {@return the first operation} */
    public Optional<Operation> firstOp() {
        return Optional.ofNullable(first);
    }

    /** {@return the last operation} */
    public Optional<Operation> lastOp() {
        return Optional.ofNullable(last);
    }

    /** {@return the last operation if it is a terminator} */
    public Optional<Operation> terminator() {
        return last != null && last.isTerminator() ? Optional.of(last) : Optional.empty();
    }

    /** {@return the operations in order; the iteration tolerates erasing the current op} */
    public Iterable<Operation> ops() {
        return () -> new Iterator<>() {
            Operation next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Operation next() {
                if (next == null) throw new NoSuchElementException();
                Operation cur = next;
                next = cur.next;
                return cur;
            }
        };
    }

    /** {@return a snapshot list of the operations} */
    public List<Operation> opList() {
        List<Operation> out = new ArrayList<>(size);
        for (Operation o = first; o != null; o = o.next) out.add(o);
        return out;
    }

    /** Appends an operation (taking it out of its previous block). */
    public void append(Operation op) {
        insertBefore(op, null);
    }

    /** Inserts {@code op} before {@code anchor} ({@code null} = at the end). */
    void insertBefore(Operation op, Operation anchor) {
        op.removeFromParent();
        op.parent = this;
        op.next = anchor;
        orderValid = false;
        if (anchor == null) {
            op.prev = last;
            if (last != null) last.next = op;
            else first = op;
            last = op;
        } else {
            if (anchor.parent != this) throw new IllegalArgumentException("anchor is not in this block");
            op.prev = anchor.prev;
            if (anchor.prev != null) anchor.prev.next = op;
            else first = op;
            anchor.prev = op;
        }
        size++;
    }

    void unlink(Operation op) {
        if (op.prev != null) op.prev.next = op.next;
        else first = op.next;
        if (op.next != null) op.next.prev = op.prev;
        else last = op.prev;
        op.prev = op.next = null;
        op.parent = null;
        size--;
    }

    /** Takes the block out of its region. */
    public void removeFromParent() {
        if (parent != null) parent.removeBlock(this);
    }

    /** {@return the blocks whose terminators branch here} */
    public List<Block> predecessors() {
        List<Block> preds = new ArrayList<>();
        if (parent == null) return preds;
        for (Block b : parent.blocks()) {
            Operation t = b.last;
            if (t != null && t.successors().contains(this)) preds.add(b);
        }
        return preds;
    }

    /** {@return the successor blocks of the terminator} */
    public List<Block> successors() {
        return last == null ? List.of() : last.successors();
    }

    /** {@return whether {@code op} is in this block} */
    public boolean contains(Operation op) {
        return op.parent == this;
    }

    /** {@return whether {@code a} comes before {@code b}; both must be in this block} */
    public boolean isBefore(Operation a, Operation b) {
        if (a.parent != this || b.parent != this) throw new IllegalArgumentException("ops are not in this block");
        if (!orderValid) {
            int i = 0;
            for (Operation o = first; o != null; o = o.next) o.orderIndex = i++;
            orderValid = true;
        }
        return a.orderIndex < b.orderIndex;
    }

    void dropAllReferences() {
        for (Operation o = first; o != null; o = o.next) o.dropAllReferences();
    }
}
