package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Attribute;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.trait.Traits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers: parse graph IR and run an op's shape inference with the constants its operands come from. */
final class GraphIr {
    private GraphIr() {}

    /** {@return the parsed module} */
    static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = IrParser.parse(
                new SourceFile("test.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        assertTrue(m.isPresent() && diags.isEmpty(), () -> "parse failed: " + diags);
        return m.get();
    }

    /** {@return the constants the operands of {@code op} are known to hold (from {@code graph.constant})} */
    static List<Optional<Attribute>> constants(Operation op) {
        List<Optional<Attribute>> r = new ArrayList<>();
        for (Value v : op.operands())
            r.add(
                    v instanceof OpResult res && res.owner() instanceof ConstantOp c
                            ? Optional.of(c.value())
                            : Optional.empty());
        return r;
    }

    /** {@return the inferred result types of {@code op}, as text} */
    static Optional<List<String>> inferText(Operation op) {
        return ((ShapeInferable) op)
                .inferResultTypes(constants(op))
                .map(ts -> ts.stream().map(Traits::typeText).toList());
    }

    /**
     * Parses a function with the given arguments and body lines, whose last line is the op under test, and returns
     * the types inferred for that op as text.
     */
    static Optional<List<String>> infer(String args, String... body) {
        StringBuilder sb = new StringBuilder("func.func @f(" + args + ") {\n");
        for (String l : body) sb.append("  ").append(l).append('\n');
        sb.append("  return\n}\n");
        Operation module = parse(sb.toString());
        List<Operation> graphOps = new ArrayList<>();
        module.walk(o -> {
            if (o.dialectName().equals("graph")) graphOps.add(o);
        });
        return inferText(graphOps.getLast());
    }

    /** Asserts the single inferred result type. */
    static void assertInfers(String expected, String args, String... body) {
        assertEquals(Optional.of(List.of(expected)), infer(args, body));
    }

    /** {@return the types as text} */
    static List<String> texts(List<Type> types) {
        return types.stream().map(Traits::typeText).toList();
    }
}
