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
import dev.dal.onnx.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the frontend's tests. */
final class TestSupport {
    private TestSupport() {}

    /** {@return the shared models folder (see {@link SharedModels#dir()})} */
    static Path modelsDir() {
        return SharedModels.dir();
    }

    /** Stops the test when something it needs is missing (see {@link SharedModels#requireOnMachine}). */
    static void requireOnMachine(boolean present, String why) {
        SharedModels.requireOnMachine(present, why);
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
