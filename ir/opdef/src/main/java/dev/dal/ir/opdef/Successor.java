package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A successor block: the method returns {@code dev.dal.ir.Block}, or {@code List<Block>} for any number of further
 * successors (only the last successor group may be a list).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Successor {
    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
