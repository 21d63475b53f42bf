package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/** The {@code index}-th argument of a block. */
public final class BlockArgument extends UseList implements Value {
    private final Block owner;
    private int index;
    private Type type;
    private Location loc;

    BlockArgument(Block owner, int index, Type type, Location loc) {
        this.owner = owner;
        this.index = index;
        this.type = Objects.requireNonNull(type);
        this.loc = Objects.requireNonNull(loc);
    }

    /** {@return the block this argument belongs to} */
    public Block owner() {
        return owner;
    }

    /** {@return the argument number} */
    public int index() {
        return index;
    }

    void setIndex(int i) {
        index = i;
    }

    @Override
    public Type type() {
        return type;
    }

    /** Changes the type (for example when a pass changes a function signature). */
    public void setType(Type t) {
        type = Objects.requireNonNull(t);
    }

    @Override
    public Optional<Block> parentBlock() {
        return Optional.of(owner);
    }

    @Override
    public Location loc() {
        return loc;
    }

    /** Sets the argument's own location ({@code %arg0: i32 loc("x")}). */
    public void setLoc(Location l) {
        loc = Objects.requireNonNull(l);
    }

    @Override
    public String toString() {
        return "block argument #" + index + " : " + type;
    }
}
