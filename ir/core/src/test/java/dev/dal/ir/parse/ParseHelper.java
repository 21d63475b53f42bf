package dev.dal.ir.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses test snippets and turns their diagnostics into {@code line:col: message} strings. */
final class ParseHelper {
    private ParseHelper() {}

    static final ParserConfig UNREGISTERED = new ParserConfig(true);

    static Operation parse(String text) {
        return parse(text, UNREGISTERED);
    }

    static Operation parse(String text, ParserConfig config) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m =
                IrParser.parse(new SourceFile("t.ir", text), config, DiagnosticEngine.collecting(diags));
        if (m.isEmpty() || !diags.isEmpty()) fail("unexpected diagnostics: " + show(diags));
        return m.get();
    }

    /** {@return the first diagnostic as {@code line:col: message}}, failing if parsing succeeded */
    static String error(String text) {
        return error(text, UNREGISTERED);
    }

    static String error(String text, ParserConfig config) {
        List<Diagnostic> diags = errors(text, config);
        assertTrue(!diags.isEmpty(), "expected a diagnostic");
        return show(diags.getFirst());
    }

    static List<Diagnostic> errors(String text, ParserConfig config) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m =
                IrParser.parse(new SourceFile("t.ir", text), config, DiagnosticEngine.collecting(diags));
        if (m.isPresent()) assertTrue(!diags.isEmpty(), "a module came back although there were errors");
        if (m.isEmpty()) assertTrue(!diags.isEmpty(), "no module and no diagnostic");
        return diags;
    }

    static String show(Diagnostic d) {
        var f = d.location().filePosition().orElseThrow(() -> new AssertionError("no file position: " + d));
        return f.line() + ":" + f.column() + ": " + d.message();
    }

    static String show(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.location() + " " + d.message()).toList().toString();
    }

    /** {@return the ops of the module's body} */
    static List<Operation> body(Operation module) {
        return module.region(0).entry().opList();
    }
}
