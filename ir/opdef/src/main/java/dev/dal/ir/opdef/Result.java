package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A result; arity from the return type as for {@link Operand} ({@code OpResult}, {@code List<OpResult>}). */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Result {
    /** {@return the type constraint: a static field of {@code dev.dal.ir.TypeConstraint}} */
    String type() default "ANY";

    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
