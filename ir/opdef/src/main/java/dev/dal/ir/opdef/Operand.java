package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operand. The method's return type says the arity: {@code Value} (one), {@code Optional<Value>} (zero or one),
 * {@code List<Value>} (variadic; at most one variadic or optional operand group unless the op declares
 * {@code operandSegmentSizes}).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Operand {
    /** {@return the type constraint: a static field of {@code dev.dal.ir.TypeConstraint}, e.g. {@code "ANY"}} */
    String type() default "ANY";

    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
