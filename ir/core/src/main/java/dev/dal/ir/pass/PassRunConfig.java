package dev.dal.ir.pass;

import dev.dal.ir.Operation;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How a {@link PassManager} run is instrumented: verification after each pass ({@code --verify-each}, on by
 * default), IR dumps before/after passes ({@code --print-ir-before=}, {@code --print-ir-after=},
 * {@code --print-ir-before-all}, {@code --print-ir-after-all}), the timing report ({@code --timing}) and the
 * statistics report ({@code --pass-statistics}). Dumps and reports go to {@link #out()} (the tool's standard
 * error). Setters return {@code this}.
 */
public final class PassRunConfig {
    private boolean verifyEach = true;
    private Set<String> printIrBefore = Set.of();
    private Set<String> printIrAfter = Set.of();
    private boolean printIrBeforeAll;
    private boolean printIrAfterAll;
    private boolean timing;
    private boolean statistics;
    private Function<Operation, String> printer = op -> new IrPrinter(PrintOptions.DEFAULT).print(op);
    private Appendable out = System.err;

    /** Runs the verifier after every pass (default on). @return this */
    public PassRunConfig verifyEach(boolean on) {
        verifyEach = on;
        return this;
    }

    /** Dumps the IR before each pass whose flag name is in {@code passArguments}. @return this */
    public PassRunConfig printIrBefore(Set<String> passArguments) {
        printIrBefore = Set.copyOf(passArguments);
        return this;
    }

    /** Dumps the IR after each pass whose flag name is in {@code passArguments}. @return this */
    public PassRunConfig printIrAfter(Set<String> passArguments) {
        printIrAfter = Set.copyOf(passArguments);
        return this;
    }

    /** Dumps the IR before every pass. @return this */
    public PassRunConfig printIrBeforeAll(boolean on) {
        printIrBeforeAll = on;
        return this;
    }

    /** Dumps the IR after every pass. @return this */
    public PassRunConfig printIrAfterAll(boolean on) {
        printIrAfterAll = on;
        return this;
    }

    /** Prints a wall-time report per pass at the end of the run. @return this */
    public PassRunConfig timing(boolean on) {
        timing = on;
        return this;
    }

    /** Prints every pass's statistics at the end of the run. @return this */
    public PassRunConfig statistics(boolean on) {
        statistics = on;
        return this;
    }

    /** Sets how IR is printed in dumps and by printing passes (default: {@link IrPrinter}, pretty form). @return this */
    public PassRunConfig printer(Function<Operation, String> p) {
        printer = Objects.requireNonNull(p);
        return this;
    }

    /** Sets where dumps and reports are written (default {@code System.err}). @return this */
    public PassRunConfig out(Appendable a) {
        out = Objects.requireNonNull(a);
        return this;
    }

    /** {@return whether the verifier runs after every pass} */
    public boolean verifyEach() {
        return verifyEach;
    }

    /** {@return whether the IR is dumped before a pass with this flag} */
    public boolean printBefore(String passArgument) {
        return printIrBeforeAll || printIrBefore.contains(passArgument);
    }

    /** {@return whether the IR is dumped after a pass with this flag} */
    public boolean printAfter(String passArgument) {
        return printIrAfterAll || printIrAfter.contains(passArgument);
    }

    /** {@return whether the timing report is printed} */
    public boolean timing() {
        return timing;
    }

    /** {@return whether the statistics report is printed} */
    public boolean statistics() {
        return statistics;
    }

    /** {@return the IR printer} */
    public Function<Operation, String> printer() {
        return printer;
    }

    /** {@return where dumps and reports go} */
    public Appendable out() {
        return out;
    }
}
