package dev.dal.ir.print;

import dev.dal.ir.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Prints IR as text: pretty form by default, MLIR's generic form on request; resources section at the end. */
public final class IrPrinter {
    private final PrintOptions options;

    public IrPrinter(PrintOptions options) {
        this.options = options;
    }

    /** Prints {@code op} (usually a module) and, at top level, the resource section, to {@code out}. */
    public void print(Operation op, Appendable out) throws IOException {
        throw new UnsupportedOperationException("TODO(#2): printer");
    }

    /** {@return {@code op} printed to a string} */
    public String print(Operation op) {
        StringBuilder sb = new StringBuilder();
        try {
            print(op, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
