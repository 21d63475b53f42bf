package dev.dal.ir;

import java.util.List;

/** {@code tuple<i32, f32>}. */
public record TupleType(List<Type> types) implements Type {
    public TupleType {
        types = List.copyOf(types);
    }
}
