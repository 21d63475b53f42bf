package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a dialect. Put it on the {@code <Dialect>OpDefs} class whose nested {@link Op}-annotated interfaces are
 * the dialect's ops. The processor generates, in the same package, one op class per op, the dialect's
 * {@code dev.dal.ir.Dialect} implementation with its {@code ServiceLoader} entry, and {@code docs/dialects/<name>.md}.
 *
 * <p>A dialect that materializes folded constants declares, in the same class,
 * {@code public static Optional<Operation> materializeConstant(Builder b, Attribute value, Type type, Location loc)};
 * the generated dialect's {@code materializeConstant} calls it. The class's doc comment opens the reference page.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface DialectDef {
    /** {@return the dialect namespace, e.g. {@code "graph"}} */
    String name();

    /** {@return a one-line summary for the reference page and {@code --help}} */
    String summary();

    /** {@return the simple name of the generated dialect class; default: capitalized name + "Dialect"} */
    String className() default "";
}
