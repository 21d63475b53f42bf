package dev.dal.ir;

/** One operand slot of an operation: which value it uses. Changing the value keeps both use lists right. */
public final class OpOperand {
    private final Operation owner;
    private final int index;
    private Value value;
    OpOperand prevUse, nextUse;

    OpOperand(Operation owner, int index, Value value) {
        this.owner = owner;
        this.index = index;
        this.value = value;
        ((UseList) value).addUse(this);
    }

    /** {@return the operation this operand belongs to} */
    public Operation owner() {
        return owner;
    }

    /** {@return the operand's position among the owner's operands} */
    public int index() {
        return index;
    }

    /** {@return the value used} */
    public Value get() {
        return value;
    }

    /** Uses {@code v} instead of the current value. Prefer changing IR through a {@code Rewriter}. */
    public void set(Value v) {
        java.util.Objects.requireNonNull(v);
        if (v == value) return;
        ((UseList) value).removeUse(this);
        value = v;
        ((UseList) v).addUse(this);
    }

    void drop() {
        if (value != null) ((UseList) value).removeUse(this);
        value = null;
    }
}
