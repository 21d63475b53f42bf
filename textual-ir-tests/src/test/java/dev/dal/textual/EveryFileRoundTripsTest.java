package dev.dal.textual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SplitInput;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code .ir} / {@code .mlir} file of the golden suite (each {@code // -----} chunk that is meant to be valid,
 * i.e. carries no {@code expected-error}) parses, prints, re-parses and re-prints to the same text, in the pretty
 * form, the generic form and with locations.
 */
class EveryFileRoundTripsTest {
    private static final ParserConfig ALLOW = new ParserConfig(true);
    private static final List<PrintOptions> MODES =
            List.of(PrintOptions.DEFAULT, PrintOptions.GENERIC, new PrintOptions(false, true, OptionalLong.empty()));

    @TestFactory
    Stream<DynamicTest> everyValidChunkIsAPrintParseFixedPoint() throws IOException {
        Path root = SuiteLocation.suiteRoot();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".ir") || p.toString().endsWith(".mlir"))
                    .filter(p -> !root.relativize(p).startsWith("target"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 10, "expected the suite's .ir files under " + root);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(root.relativize(f).toString(), () -> checkFile(f)));
        }
        return tests.stream();
    }

    private static void checkFile(Path file) throws IOException {
        SourceFile whole = new SourceFile(file.toString(), Files.readString(file));
        int checked = 0;
        for (SourceFile chunk : SplitInput.split(whole)) {
            if (chunk.text().toString().contains("expected-error")) continue;
            List<Diagnostic> diags = new ArrayList<>();
            Operation m = IrParser.parse(chunk, ALLOW, DiagnosticEngine.collecting(diags))
                    .orElseThrow(() -> new AssertionError("does not parse: " + diags));
            for (PrintOptions mode : MODES) {
                String first = new IrPrinter(mode).print(m);
                String second = new IrPrinter(mode).print(reparse(first));
                assertEquals(first, second, "print -> parse -> print is not a fixed point (" + mode + ")");
            }
            checked++;
        }
        assertTrue(checked > 0 || whole.text().toString().contains("expected-error"), "no chunk checked");
    }

    private static Operation reparse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        return IrParser.parse(new SourceFile("reprinted.ir", text), ALLOW, DiagnosticEngine.collecting(diags))
                .orElseThrow(() -> new AssertionError("printed IR does not parse: " + diags + "\n" + text));
    }
}
