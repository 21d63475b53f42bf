package dev.dal.ir.print;

import java.util.OptionalLong;

/**
 * How IR is printed.
 *
 * @param generic             print every op in MLIR's generic form ({@code --print-op-generic})
 * @param debugInfo           print locations ({@code --print-debuginfo})
 * @param elideElementsAbove  print {@code dense_resource<__elided__>} for element attributes with more elements
 *                            ({@code --elide-large-constants[=N]})
 */
public record PrintOptions(boolean generic, boolean debugInfo, OptionalLong elideElementsAbove) {
    public static final PrintOptions DEFAULT = new PrintOptions(false, false, OptionalLong.empty());
    public static final PrintOptions GENERIC = new PrintOptions(true, false, OptionalLong.empty());
}
