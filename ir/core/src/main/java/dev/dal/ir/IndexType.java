package dev.dal.ir;

/** {@code index}: a target-sized integer used for sizes and positions. */
public record IndexType() implements Type {
    public static final IndexType INSTANCE = new IndexType();

    @Override
    public String toString() {
        return "index";
    }
}
