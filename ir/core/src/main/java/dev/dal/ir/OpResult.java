package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/** The {@code index}-th result of an operation. */
public final class OpResult extends UseList implements Value {
    private final Operation owner;
    private final int index;
    private Type type;

    OpResult(Operation owner, int index, Type type) {
        this.owner = owner;
        this.index = index;
        this.type = Objects.requireNonNull(type);
    }

    /** {@return the operation that defines this value} */
    public Operation owner() {
        return owner;
    }

    /** {@return the result number} */
    public int index() {
        return index;
    }

    @Override
    public Type type() {
        return type;
    }

    /** Changes the type (shape inference, type conversion). Prefer {@code Rewriter.setType}. */
    public void setType(Type t) {
        type = Objects.requireNonNull(t);
    }

    @Override
    public Optional<Block> parentBlock() {
        return owner.parentBlock();
    }

    @Override
    public Location loc() {
        return owner.loc();
    }

    @Override
    public String toString() {
        return "result #" + index + " of " + owner.name() + " : " + type;
    }
}
