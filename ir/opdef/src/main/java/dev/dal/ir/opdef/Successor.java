package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A successor block (method returns {@code dev.dal.ir.Block}, or {@code List<Block>} for a variadic list). */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Successor {
    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
