package dev.dal.ir;

import java.util.List;

/** {@code (i32, f32) -> (f32)}: the type of a function or of an op's operands and results. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
    public FunctionType {
        inputs = List.copyOf(inputs);
        results = List.copyOf(results);
    }
}
