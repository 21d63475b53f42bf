package dev.dal.onnx;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.ir.verify.Verifier;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the frontend's tests. */
final class TestSupport {
    private TestSupport() {}

    /** {@return the shared models folder: -Ddal.models, $DAL_MODELS, or ../shared/models from the repo root} */
    static Path modelsDir() {
        String p = System.getProperty("dal.models");
        if (p == null) p = System.getenv("DAL_MODELS");
        if (p != null) return Path.of(p);
        String root = System.getProperty("dal.root", "..");
        return Path.of(root).resolve("../shared/models").normalize();
    }

    /**
     * Stops the test when something it needs from the machine is missing: with a printed reason on a developer's
     * machine, and as a failure under {@code CI=true}, where {@code .ci/run} must have provided it.
     */
    static void requireOnMachine(boolean present, String why) {
        if (present) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(why + "; required when CI=true");
        System.out.println("SKIPPED: " + why);
        org.junit.jupiter.api.Assumptions.abort(why);
    }

    static Operation importModel(ModelProto m) throws OnnxException {
        return OnnxImporter.importModel(m, "test.onnx", Optional.empty(), OnnxImporter.Options.DEFAULT);
    }

    static String print(Operation module) {
        return new IrPrinter(PrintOptions.DEFAULT).print(module);
    }

    static String printGeneric(Operation module) {
        return new IrPrinter(PrintOptions.GENERIC).print(module);
    }

    /** Parses IR text (the graph dialect may be unregistered on this branch), failing on any diagnostic. */
    static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> op = IrParser.parse(
                new SourceFile("test.ir", text), new ParserConfig(true), DiagnosticEngine.collecting(diags));
        if (op.isEmpty() || !diags.isEmpty()) throw new AssertionError("parse failed: " + diags + "\n" + text);
        return op.get();
    }

    /** {@return the verifier's diagnostics (empty when the IR is valid)} */
    static List<Diagnostic> verify(Operation module) {
        List<Diagnostic> diags = new ArrayList<>();
        Verifier.verify(module, DiagnosticEngine.collecting(diags));
        return diags;
    }

    static Path tempDir() throws java.io.IOException {
        return Files.createTempDirectory("dal-onnx-test");
    }
}
