package dev.dal.ir.parse;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import java.util.Optional;

/**
 * Parses DAL's textual IR (MLIR generic form, DAL's pretty form, custom op forms) into a top-level
 * {@code builtin.module}. As in MLIR, top-level ops that are not a single module are wrapped in an implicit one.
 */
public final class IrParser {
    private IrParser() {}

    /**
     * Parses a whole file. Errors go to {@code diag} with {@code file:line:col} locations.
     *
     * @return the module, or empty if there were errors
     */
    public static Optional<Operation> parse(SourceFile source, ParserConfig config, DiagnosticEngine diag) {
        throw new UnsupportedOperationException("TODO(#2): parser");
    }
}
