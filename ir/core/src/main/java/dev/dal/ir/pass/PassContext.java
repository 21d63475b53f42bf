package dev.dal.ir.pass;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.function.Function;

/**
 * What a running pass may use besides the op it runs on: where to report diagnostics, how to signal failure, and
 * where (and how) to print IR. One context per run of a pass on one op.
 */
public final class PassContext {
    private final DiagnosticEngine diagnostics;
    private final Appendable out;
    private final Function<Operation, String> printer;
    private boolean failed;

    /**
     * @param diagnostics where the pass reports problems
     * @param out         where passes that print (such as {@code print-ir}) write; the tool's standard error
     * @param printer     how IR is turned into text
     */
    public PassContext(DiagnosticEngine diagnostics, Appendable out, Function<Operation, String> printer) {
        this.diagnostics = diagnostics;
        this.out = out;
        this.printer = printer;
    }

    /** {@return the diagnostic engine} */
    public DiagnosticEngine diagnostics() {
        return diagnostics;
    }

    /** Marks this run as failed; the pass manager stops after the pass returns. */
    public void signalPassFailure() {
        failed = true;
    }

    /** {@return whether the pass signalled failure} */
    public boolean failed() {
        return failed;
    }

    /** {@return where printing passes write} */
    public Appendable out() {
        return out;
    }

    /** {@return the IR printer} */
    public Function<Operation, String> printer() {
        return printer;
    }
}
