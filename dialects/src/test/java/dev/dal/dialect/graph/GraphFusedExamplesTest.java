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

/** The fused ops' examples in {@code textual-ir-tests/graph-fuse/ops.ir} verify and infer their written types. */
class GraphFusedExamplesTest {
    private static final Path OPS = Path.of("..", "textual-ir-tests", "graph-fuse", "ops.ir");

    @Test
    void inferenceReproducesTheHandWrittenResultTypesOfEveryFusedOpExample() throws IOException {
        Operation module = GraphIr.parse(Files.readString(OPS));
        List<String> failures = new ArrayList<>();
        Set<String> inferred = new TreeSet<>();
        module.walk(op -> {
            if (!(op instanceof ShapeInferable) || op.name().equals("graph.none")) return;
            inferred.add(op.name());
            Optional<List<String>> got = GraphIr.inferText(op);
            List<String> want = GraphIr.texts(op.resultTypes());
            if (!got.equals(Optional.of(want))) failures.add(op.name() + ": want " + want + ", got " + got);
        });
        assertEquals(List.of(), failures);
        assertEquals(Set.of("graph.fused_conv", "graph.scale_shift", "graph.gelu", "graph.silu"), inferred);
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(Verifier.verify(module, DiagnosticEngine.collecting(diags)), diags::toString);
    }
}
