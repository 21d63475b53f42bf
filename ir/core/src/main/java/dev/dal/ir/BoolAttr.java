package dev.dal.ir;

/** {@code true} / {@code false}. */
public record BoolAttr(boolean value) implements Attribute {
    public static final BoolAttr TRUE = new BoolAttr(true);
    public static final BoolAttr FALSE = new BoolAttr(false);

    /** {@return the shared instance for a value} */
    public static BoolAttr of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
