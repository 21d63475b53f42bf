package dev.dal.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * An attribute DAL keeps as text: a dialect attribute ({@code #foo.bar<1>}, dialect {@code foo}) or a builtin
 * construct without a record of its own ({@code affine_map<(d0) -> (d0)>}, {@code strided<[1]>}, dialect empty and
 * the whole text in {@code body}). Prints back exactly as read.
 */
public record OpaqueAttr(String dialect, String body, Optional<Type> attrType) implements Attribute {
    public OpaqueAttr {
        Objects.requireNonNull(dialect);
        Objects.requireNonNull(body);
        Objects.requireNonNull(attrType);
    }

    @Override
    public Optional<Type> type() {
        return attrType;
    }
}
