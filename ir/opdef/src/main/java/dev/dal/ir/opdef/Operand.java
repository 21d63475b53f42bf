package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operand group. The method's return type says the arity: {@code Value} (one), {@code Optional<Value>} (zero or
 * one), {@code List<Value>} (any number). With more than one optional or variadic group the generated op stores the
 * group sizes in an {@code operandSegmentSizes} attribute ({@code array<i32: ...>}, as MLIR does); its builders set
 * it and its verifier checks it.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Operand {
    /**
     * {@return the type constraint: a static field of {@code dev.dal.ir.TypeConstraint}, e.g. {@code "FLOAT_TENSOR"},
     * or {@code "Class.FIELD"} / {@code "pkg.Class.FIELD"} for a dialect's own {@code TypeConstraint} constant}
     */
    String type() default "ANY";

    /** {@return a one-line description for the reference page} */
    String doc() default "";
}
