package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A result group; arity from the return type as for {@link Operand} ({@code OpResult}, {@code Optional<OpResult>},
 * {@code List<OpResult>}; several variable groups are sized by {@code resultSegmentSizes}).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Result {
    /** {@return the type constraint, as for {@link Operand#type()}} */
    String type() default "ANY";

    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
