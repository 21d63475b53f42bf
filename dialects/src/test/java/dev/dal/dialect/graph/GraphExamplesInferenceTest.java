package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every op of the golden file {@code textual-ir-tests/graph/ops.ir} carries result types written by hand from the
 * ONNX specification; shape inference must give exactly those types, and the file must verify.
 */
class GraphExamplesInferenceTest {
    private static final Path OPS = Path.of("..", "textual-ir-tests", "graph", "ops.ir");

    @Test
    void inferenceReproducesTheHandWrittenResultTypesOfEveryExample() throws IOException {
        Operation module = GraphIr.parse(Files.readString(OPS));
        List<String> failures = new ArrayList<>();
        Set<String> inferred = new TreeSet<>();
        module.walk(op -> {
            if (!(op instanceof ShapeInferable)) return;
            inferred.add(op.name());
            Optional<List<String>> got = GraphIr.inferText(op);
            List<String> want = GraphIr.texts(op.resultTypes());
            if (!got.equals(Optional.of(want))) failures.add(op.name() + ": want " + want + ", got " + got);
        });
        assertEquals(List.of(), failures);
        // Every op but the terminator and the opaque op (yield, custom) infers.
        assertEquals(113, inferred.size(), () -> "" + inferred);
    }

    @Test
    void theExamplesVerify() throws IOException {
        Operation module = GraphIr.parse(Files.readString(OPS));
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(Verifier.verify(module, DiagnosticEngine.collecting(diags)), () -> diags.toString());
    }
}
