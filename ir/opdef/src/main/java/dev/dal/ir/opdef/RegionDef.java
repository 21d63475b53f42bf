package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A region of the op: the method returns {@code dev.dal.ir.Region}, or {@code List<Region>} for any number of
 * further regions (only the last region group may be a list; the builder then takes their count).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface RegionDef {
    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
