package dev.dal.dialect.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.Type;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers: parse IR with quantized types, verify it, and run it. */
final class QuantIr {
    private QuantIr() {}

    /** {@return the parsed module, or the diagnostics as the failure} */
    static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = parse(text, diags);
        assertTrue(m.isPresent() && diags.isEmpty(), () -> "parse failed: " + diags);
        return m.get();
    }

    static Optional<Operation> parse(String text, List<Diagnostic> diags) {
        return IrParser.parse(
                new SourceFile("test.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
    }

    /** {@return the type a text parses to, through a function argument} */
    static Type type(String text) {
        Operation m = parse("func.func @f(%a: " + text + ") {\n  return\n}\n");
        List<Type> found = new ArrayList<>();
        m.walk(o -> {
            if (o.name().equals("func.func"))
                found.add(o.region(0).blocks().getFirst().arguments().getFirst().type());
        });
        return found.getFirst();
    }

    /** {@return the verifier's messages for a module} */
    static List<String> verify(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Operation m = parse(text);
        Verifier.verify(m, DiagnosticEngine.collecting(diags));
        return diags.stream().map(Diagnostic::message).toList();
    }

    /** {@return the results of {@code @main}} */
    static List<Tensor> run(String ir, Tensor... args) {
        return Interpreter.load(parse(ir)).run("main", List.of(args), RunOptions.defaults());
    }
}
