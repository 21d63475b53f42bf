package dev.dal.ir;

/**
 * A type that a dialect models as its own immutable record (for example {@code !quant.uniform<i8:f32, 0.5>}), parsed
 * through {@link Dialect#parseType(String)} and printed as {@code !dialect.body}. Types of dialects that do not model
 * them stay {@link OpaqueType}.
 */
public non-sealed interface DialectType extends Type {
    /** {@return the dialect namespace, e.g. {@code quant}} */
    String dialect();

    /** {@return the text after {@code !dialect.}, e.g. {@code uniform<i8:f32, 5.000000e-01>}; parsing it gives this type back} */
    String body();
}
