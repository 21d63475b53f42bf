package dev.dal.ir.pass.transforms;

import dev.dal.ir.Operation;
import dev.dal.ir.pass.Option;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code print-ir}: prints the op it runs on to the diagnostics stream (standard error), leaving it unchanged. */
public final class PrintIrPass extends Pass {
    @Option(name = "label", help = "Label printed in the dump header")
    String label = "";

    @Override
    public String argument() {
        return "print-ir";
    }

    @Override
    public String name() {
        return "PrintIRPass";
    }

    @Override
    public String description() {
        return "Print IR on the debug stream";
    }

    @Override
    public void runOnOperation(Operation op, PassContext ctx) {
        String text = ctx.printer().apply(op);
        try {
            ctx.out()
                    .append("// -----// IR Dump")
                    .append(label.isEmpty() ? "" : " " + label)
                    .append(" //----- //\n")
                    .append(text);
            if (!text.endsWith("\n")) ctx.out().append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
