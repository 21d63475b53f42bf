package dev.dal.lowering.optimize;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineException;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for the optimization passes' tests: running a pipeline, counting ops, finding the shared models. */
final class PassTestSupport {
    private PassTestSupport() {}

    /** Runs a pipeline (verifying after each pass) and fails with the diagnostics and the IR if anything fails. */
    static void run(String pipeline, Operation module) {
        PassManager pm;
        try {
            pm = dev.dal.ir.pass.PipelineParser.parse(pipeline, PassRegistry.global());
        } catch (PipelineException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        List<Diagnostic> diags = new ArrayList<>();
        boolean ok = pm.run(module, new PassRunConfig().verifyEach(true), DiagnosticEngine.collecting(diags));
        if (!ok || diags.stream().anyMatch(d -> d.severity() == dev.dal.ir.diag.Severity.ERROR))
            throw new AssertionError("pipeline '" + pipeline + "' failed: " + diags + "\n" + print(module));
    }

    /** {@return the number of ops of each name under the module, the module and functions excluded} */
    static Map<String, Integer> opCounts(Operation module) {
        Map<String, Integer> counts = new TreeMap<>();
        module.walk(o -> {
            if (o == module || o.name().startsWith("func.") || o.name().startsWith("builtin.")) return;
            counts.merge(o.name(), 1, Integer::sum);
        });
        return counts;
    }

    static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    static String print(Operation module) {
        return new IrPrinter(new PrintOptions(false, false, java.util.OptionalLong.of(16))).print(module);
    }
}
