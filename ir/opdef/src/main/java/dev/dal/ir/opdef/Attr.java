package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An inherent attribute. Its name in the IR is {@link #name()}, or else the method name in snake case
 * ({@code symName()} is {@code sym_name}, as MLIR spells attribute names). The return type is the attribute record
 * ({@code IntegerAttr}, {@code StringAttr}, ...) for a required attribute, or {@code Optional<...>} for an
 * optional one. With a {@link #defaultValue()}, the accessor returns the default when the attribute is absent
 * (the default is not stored, so it does not print). Defaults the processor understands: integers ({@code "1 : i64"},
 * {@code "-3"}), floats ({@code "0.5 : f32"}), {@code true}/{@code false}, strings ({@code "\"relu\""}),
 * dense arrays ({@code "array<i64: 1, 1>"}) and {@code unit}.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Attr {
    /** {@return the attribute name in the IR; default: the method name in snake case} */
    String name() default "";

    /** {@return the default, in the textual attribute syntax (e.g. {@code "1 : i64"}, {@code "array<i64: 1, 1>"})} */
    String defaultValue() default "";

    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
