package dev.dal.dialect.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.DialectRegistry;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.interp.Executable;
import dev.dal.ir.verify.Verifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Both dialects are registered, every op runs in the interpreter, and every op has a verified golden example. */
class QuantDialectTest {
    private static Set<String> registered() {
        Set<String> names = new TreeSet<>();
        for (String d : List.of("quant", "qnn"))
            for (OpDefinition op :
                    DialectRegistry.global().dialect(d).orElseThrow().ops()) names.add(op.name());
        return names;
    }

    @Test
    void everyOpHasAVerifiedExampleInTheGoldenOpsFile() throws Exception {
        Operation module = QuantIr.parse(Files.readString(QuantMlirInteropTest.suiteFile("quant/ops.ir")));
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(Verifier.verify(module, DiagnosticEngine.collecting(diags)), diags::toString);
        Set<String> seen = new TreeSet<>();
        module.walk(op -> {
            if (op.dialectName().equals("quant") || op.dialectName().equals("qnn")) {
                seen.add(op.name());
                assertTrue(op instanceof Executable, op.name() + " runs in the interpreter");
            }
        });
        assertEquals(registered(), seen);
    }

    @Test
    void theQuantDialectHasMlirsCastsAndQnnTheComputeOps() {
        assertEquals(
                Set.of("quant.qcast", "quant.dcast", "quant.scast"),
                registered().stream().filter(n -> n.startsWith("quant.")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(registered()
                .containsAll(List.of(
                        "qnn.requantize",
                        "qnn.conv",
                        "qnn.gemm",
                        "qnn.matmul",
                        "qnn.add",
                        "qnn.mul",
                        "qnn.max_pool",
                        "qnn.average_pool",
                        "qnn.global_average_pool",
                        "qnn.concat",
                        "qnn.resize",
                        "qnn.lut")));
    }
}
