package dev.dal.ir;

import java.util.Objects;

/**
 * A type of a dialect DAL does not model as its own record: {@code !quant.uniform<i8:f32, 0.5>} is
 * {@code OpaqueType("quant", "uniform<i8:f32, 0.5>")}; {@code !foo<"x">} has an empty name part. The body is kept
 * exactly as written (after whitespace normalisation by the parser) so it prints back unchanged.
 */
public record OpaqueType(String dialect, String body) implements Type {
    public OpaqueType {
        Objects.requireNonNull(dialect);
        Objects.requireNonNull(body);
    }
}
