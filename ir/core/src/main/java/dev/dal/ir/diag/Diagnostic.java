package dev.dal.ir.diag;

import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A diagnostic as a value: severity, location, message (MLIR style: lowercase, no trailing period) and notes that
 * point at related locations.
 */
public record Diagnostic(Severity severity, Location location, String message, List<Diagnostic> notes) {
    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
        notes = List.copyOf(notes);
    }

    /** {@return an error without notes} */
    public static Diagnostic error(Location loc, String message) {
        return new Diagnostic(Severity.ERROR, loc, message, List.of());
    }

    /** {@return a warning without notes} */
    public static Diagnostic warning(Location loc, String message) {
        return new Diagnostic(Severity.WARNING, loc, message, List.of());
    }

    /** {@return an error about an op, prefixed as MLIR does: {@code 'dtest.add' op <message>}} */
    public static Diagnostic opError(Operation op, String message) {
        return error(op.loc(), "'" + op.name() + "' op " + message);
    }

    /** {@return this diagnostic with a note added} */
    public Diagnostic withNote(Location loc, String message) {
        List<Diagnostic> n = new ArrayList<>(notes);
        n.add(new Diagnostic(Severity.NOTE, loc, message, List.of()));
        return new Diagnostic(severity, location, message(), n);
    }
}
