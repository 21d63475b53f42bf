package dev.dal.ir.opgen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import java.util.Optional;

/**
 * One op declaration as the processor understood it: the input of the op-class, dialect and docs generators.
 *
 * @param shortName    the name without the dialect prefix ({@code add})
 * @param fullName     {@code dialect.op}
 * @param declaration  the declaring interface
 * @param opClass      the class to generate
 * @param traits       the types listed in {@code @Op(traits = ...)}, in order
 * @param interfaces   the declaration's own super-interfaces (behaviour such as {@code Foldable}), in order
 * @param traitChecks  the calls the verifier makes for the op's traits, e.g. {@code Traits.verifyTerminator}
 * @param verifiable   whether the declaration extends {@code Verifiable} (its {@code verify} runs last)
 * @param format       {@code STANDARD}, {@code GENERIC} or {@code CUSTOM}
 * @param assembly     the custom assembly class for {@code CUSTOM}
 * @param summary      the first sentence of the doc comment
 * @param doc          the whole doc comment (raw javadoc text)
 * @param operands     operand groups in order
 * @param results      result groups in order
 * @param attributes   inherent attributes in order
 * @param regions      regions in order
 * @param successors   successors in order
 * @param bridges      overrides the op class needs so a trait's method resolves to the declaration's default
 */
record OpModel(
        String shortName,
        String fullName,
        ClassName declaration,
        ClassName opClass,
        List<ClassName> traits,
        List<ClassName> interfaces,
        List<CodeBlock> traitChecks,
        boolean verifiable,
        String format,
        Optional<ClassName> assembly,
        String summary,
        String doc,
        List<ValueGroup> operands,
        List<ValueGroup> results,
        List<AttrPart> attributes,
        List<Group> regions,
        List<Group> successors,
        List<MethodSpec> bridges) {

    /** How many values (or regions, blocks) a group holds. */
    enum Arity {
        SINGLE,
        OPTIONAL,
        VARIADIC;

        /** {@return the character {@code Invariants.verifySegments} reads for this arity} */
        char code() {
            return switch (this) {
                case SINGLE -> '1';
                case OPTIONAL -> '?';
                case VARIADIC -> '*';
            };
        }
    }

    /**
     * An operand or result group.
     *
     * @param name           the accessor name
     * @param arity          one, zero-or-one, or any number
     * @param constraint     a reference to the {@code TypeConstraint} field, e.g. {@code TypeConstraint.ANY}
     * @param constraintName the field name as written in the declaration, for the docs
     * @param isAny          whether the constraint is {@code TypeConstraint.ANY} (no check generated)
     * @param doc            one-line description
     */
    record ValueGroup(
            String name, Arity arity, CodeBlock constraint, String constraintName, boolean isAny, String doc) {}

    /**
     * An inherent attribute.
     *
     * @param accessor     the accessor name ({@code symName})
     * @param attrName     the attribute name in the IR ({@code sym_name})
     * @param type         the attribute record class, or {@code Attribute} for any attribute
     * @param kindText     what the verifier calls the expected kind, e.g. {@code integer attribute}
     * @param optional     whether the attribute may be absent (declared {@code Optional<...>}, or with a default)
     * @param defaultValue the Java expression of the default, if declared
     * @param defaultText  the default as written in the declaration (textual IR syntax)
     * @param doc          one-line description
     */
    record AttrPart(
            String accessor,
            String attrName,
            ClassName type,
            String kindText,
            boolean optional,
            Optional<CodeBlock> defaultValue,
            String defaultText,
            String doc) {
        boolean required() {
            return !optional && defaultValue.isEmpty();
        }
    }

    /**
     * A region or successor group (single or variadic).
     *
     * @param name  the accessor name
     * @param arity single or variadic
     * @param doc   one-line description
     */
    record Group(String name, Arity arity, String doc) {}

    /** {@return whether more than one operand group is optional or variadic, so sizes are stored in an attribute} */
    boolean operandSegments() {
        return variableGroups(operands) > 1;
    }

    /** {@return whether more than one result group is optional or variadic} */
    boolean resultSegments() {
        return variableGroups(results) > 1;
    }

    private static int variableGroups(List<ValueGroup> groups) {
        return (int) groups.stream().filter(g -> g.arity() != Arity.SINGLE).count();
    }
}
