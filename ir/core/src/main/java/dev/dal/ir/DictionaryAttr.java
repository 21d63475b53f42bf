package dev.dal.ir;

import java.util.List;
import java.util.Optional;

/** {@code {a = 1, b}}: named attributes, kept sorted by name (as MLIR does). */
public record DictionaryAttr(List<NamedAttribute> entries) implements Attribute {
    public static final DictionaryAttr EMPTY = new DictionaryAttr(List.of());

    public DictionaryAttr {
        entries = NamedAttribute.sortedUnique(entries);
    }

    /** {@return the value of an entry} */
    public Optional<Attribute> get(String name) {
        return NamedAttribute.find(entries, name);
    }
}
