package dev.dal.ir.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where diagnostics go. Verifiers, the parser and passes report here and carry on where they can; tools decide
 * how to show them (rendered with source lines, or checked against {@code expected-error} annotations).
 */
public final class DiagnosticEngine {
    private final List<Consumer<Diagnostic>> handlers = new ArrayList<>();
    private int errors;
    private int warnings;

    /** Adds a handler called for every diagnostic reported. */
    public void addHandler(Consumer<Diagnostic> handler) {
        handlers.add(handler);
    }

    /** Reports a diagnostic to every handler. */
    public synchronized void report(Diagnostic d) {
        if (d.severity() == Severity.ERROR) errors++;
        else if (d.severity() == Severity.WARNING) warnings++;
        for (Consumer<Diagnostic> h : handlers) h.accept(d);
    }

    /** {@return the number of errors reported so far} */
    public synchronized int errorCount() {
        return errors;
    }

    /** {@return the number of warnings reported so far} */
    public synchronized int warningCount() {
        return warnings;
    }

    /** {@return an engine that collects into a list (for tests and nested checks)} */
    public static DiagnosticEngine collecting(List<Diagnostic> sink) {
        DiagnosticEngine e = new DiagnosticEngine();
        e.addHandler(sink::add);
        return e;
    }
}
