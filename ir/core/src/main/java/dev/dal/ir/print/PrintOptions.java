package dev.dal.ir.print;

import java.util.OptionalLong;

/**
 * How IR is printed.
 *
 * @param generic             print every op in MLIR's generic form ({@code --print-op-generic})
 * @param debugInfo           print locations ({@code --print-debuginfo}), in place after each op and block argument
 * @param elideElementsAbove  print {@code dense_resource<__elided__>} for element attributes with more elements
 *                            ({@code --elide-large-constants[=N]}); splats are never elided
 * @param localScope          use no aliases ({@code #map}, {@code #loc}): every attribute is written where it is used
 *                            (as {@code mlir-opt --mlir-print-local-scope})
 */
public record PrintOptions(boolean generic, boolean debugInfo, OptionalLong elideElementsAbove, boolean localScope) {
    /** Pretty form, no locations, nothing elided. */
    public static final PrintOptions DEFAULT = new PrintOptions(false, false, OptionalLong.empty());
    /** MLIR's generic form, no locations, nothing elided. */
    public static final PrintOptions GENERIC = new PrintOptions(true, false, OptionalLong.empty());

    public PrintOptions {
        java.util.Objects.requireNonNull(elideElementsAbove);
    }

    /** Options with aliases in use. */
    public PrintOptions(boolean generic, boolean debugInfo, OptionalLong elideElementsAbove) {
        this(generic, debugInfo, elideElementsAbove, false);
    }

    /** {@return these options, in generic form or not} */
    public PrintOptions withGeneric(boolean on) {
        return new PrintOptions(on, debugInfo, elideElementsAbove, localScope);
    }

    /** {@return these options, with locations or without} */
    public PrintOptions withDebugInfo(boolean on) {
        return new PrintOptions(generic, on, elideElementsAbove, localScope);
    }

    /** {@return these options, eliding element attributes with more than {@code n} elements} */
    public PrintOptions withElideElementsAbove(long n) {
        return new PrintOptions(generic, debugInfo, OptionalLong.of(n), localScope);
    }

    /** {@return these options, with aliases or without} */
    public PrintOptions withLocalScope(boolean on) {
        return new PrintOptions(generic, debugInfo, elideElementsAbove, on);
    }
}
