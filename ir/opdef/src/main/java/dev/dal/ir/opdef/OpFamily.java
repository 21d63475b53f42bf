package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class of more {@link Op} declarations for a dialect whose {@link DialectDef} class is elsewhere in the
 * same package: a large dialect splits its declarations by op family ({@code GraphNnOpDefs},
 * {@code GraphTensorOpDefs}, ...) and still gets one dialect class, one service entry and one reference page.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface OpFamily {
    /** {@return the namespace of the dialect the ops belong to, e.g. {@code "graph"}} */
    String dialect();
}
