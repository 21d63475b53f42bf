package dev.dal.ir.opdef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an op: a nested interface of a {@link DialectDef} class whose abstract methods, annotated with
 * {@link Operand}, {@link Result}, {@link Attr}, {@link RegionDef} or {@link Successor}, describe the op's parts in
 * order. The generated class {@code <Name>Op} extends {@code dev.dal.ir.Operation}, implements the declaration
 * (so the declaration's default methods — fold, verify, canonicalization patterns — become the op's behaviour) and
 * the listed traits, and gets typed accessors, {@code create} builders and the structural verifier.
 *
 * <p>Rules the processor enforces (each mistake is a compile error that says what to change): accessors are
 * abstract and take no parameters and must not hide a method of {@code Operation} ({@code operands()},
 * {@code results()}, {@code name()}, ...); an abstract method without a part annotation must be one of
 * {@code Operation}'s public methods (so default methods can call {@code loc()} or {@code parentOp()}); a trait with
 * abstract methods ({@code HasParent.requiredParent()}) is implemented by a default method of the declaration. The
 * declaration's doc comment (first sentence: the summary; an IR example in {@code <pre>{@code ...}</pre>}) feeds the
 * reference page.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Op {
    /** {@return the op name without the dialect prefix, e.g. {@code "conv"}} */
    String name();

    /** {@return trait and interface types the op class implements (e.g. {@code Pure.class})} */
    Class<?>[] traits() default {};

    /** {@return how the op is written in the pretty form} */
    Format format() default Format.STANDARD;

    /**
     * {@return for {@link Format#CUSTOM}: a class with a public no-argument constructor implementing
     * {@code OpAssembly.CustomPrinter} and {@code OpAssembly.CustomParser}}
     */
    Class<?> assembly() default Void.class;

    /** {@return the Java class name to generate; default: the declaration's name + "Op"} */
    String className() default "";

    /** The pretty-form choices. */
    enum Format {
        /** DAL's one pretty shape: {@code %r = d.op %a, %b {attrs} (regions) : (types) -> types}. */
        STANDARD,
        /** Only the generic form. */
        GENERIC,
        /** A syntax of its own, given by {@link #assembly()}. */
        CUSTOM
    }
}
