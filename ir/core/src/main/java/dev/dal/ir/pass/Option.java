package dev.dal.ir.pass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link Pass} as a pass option, set from the pipeline text ({@code cse{name=value}}). The field's
 * initial value is the default. Supported field types: {@code int}, {@code long}, {@code double}, {@code boolean}
 * (and their boxes), {@code String}, enums (constant {@code TOP_DOWN} is written {@code top-down}), and
 * {@code List} of those (comma-separated values).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Option {
    /** {@return the option's name in pipeline text, e.g. {@code max-iterations}} */
    String name();

    /** {@return a one-line description for {@code --help}} */
    String help();
}
