package dev.dal.ir;

import java.util.Objects;

/** A type used as an attribute ({@code function_type = (i32) -> i32}). */
public record TypeAttr(Type value) implements Attribute {
    public TypeAttr {
        Objects.requireNonNull(value);
    }
}
