package dev.dal.ir.parse;

/**
 * Unwinds the parser after an error has been reported. As in MLIR, parsing stops at the first syntax error; the
 * diagnostic is already in the engine, so this carries nothing and never reaches a user.
 */
final class ParseAbort extends RuntimeException {
    ParseAbort() {
        super(null, null, false, false);
    }
}
