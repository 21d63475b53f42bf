package dev.dal.ir;

import java.util.List;
import java.util.Objects;

/** {@code @root::@nested}: a reference to a symbol, resolved through symbol tables. */
public record SymbolRefAttr(String root, List<String> nested) implements Attribute {
    public SymbolRefAttr {
        Objects.requireNonNull(root);
        nested = List.copyOf(nested);
    }

    /** {@return a flat reference {@code @name}} */
    public static SymbolRefAttr of(String name) {
        return new SymbolRefAttr(name, List.of());
    }

    /** {@return the last name of the path} */
    public String leaf() {
        return nested.isEmpty() ? root : nested.getLast();
    }
}
