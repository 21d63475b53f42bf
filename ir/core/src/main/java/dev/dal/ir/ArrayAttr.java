package dev.dal.ir;

import java.util.List;

/** {@code [1, "a", f32]}: a list of attributes. */
public record ArrayAttr(List<Attribute> elements) implements Attribute {
    public ArrayAttr {
        elements = List.copyOf(elements);
    }

    /** {@return an array attribute of the given elements} */
    public static ArrayAttr of(Attribute... elements) {
        return new ArrayAttr(List.of(elements));
    }
}
