package dev.dal.ir.parse;

/**
 * How the parser treats what it does not know.
 *
 * @param allowUnregisteredDialects keep ops of unknown dialects generically (as {@code mlir-opt
 *                                  --allow-unregistered-dialect}); ops unknown to a registered dialect are still
 *                                  errors
 */
public record ParserConfig(boolean allowUnregisteredDialects) {
    public static final ParserConfig DEFAULT = new ParserConfig(false);
}
