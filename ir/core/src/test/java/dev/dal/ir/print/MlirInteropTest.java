package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MLIR interop acceptance test of issue 2 over {@code textual-ir-tests/interop/*.mlir}: DAL's generic output is
 * accepted by mlir-opt 16 and printed back by it unchanged (modulo SSA value and block names), and DAL reads
 * mlir-opt's generic output of each file back to the same IR. With locations, DAL's in-place locations are checked
 * against {@code mlir-opt --mlir-print-debuginfo --mlir-print-local-scope}.
 *
 * <p>Needs mlir-opt 16 (Debian mlir-16-tools).
 */
class MlirInteropTest {
    static Path corpusDir() {
        Path p = Path.of("").toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            Path c = p.resolve("textual-ir-tests/interop");
            if (Files.isDirectory(c)) return c;
        }
        throw new IllegalStateException(
                "textual-ir-tests/interop not found above " + Path.of("").toAbsolutePath());
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> s = Files.list(corpusDir())) {
            return s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".mlir")).sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastFortyFiles() throws IOException {
        assertTrue(corpus().count() >= 40, "the interop corpus needs at least 40 files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void mlirOptReprintsDalsGenericOutputAndDalReadsMlirOptsOutput(String file) throws Exception {
        Path path = corpusDir().resolve(file);
        String source = Files.readString(path);

        String dal = printGeneric(parse(path.toString(), source), PrintOptions.GENERIC);
        MlirOpt.Result fromDal = MlirOpt.generic(dal);
        assertEquals(0, fromDal.exitCode(), () -> "mlir-opt rejected DAL's generic output:\n" + fromDal.stderr() + dal);
        assertEquals(
                normalizeNames(dal), normalizeNames(fromDal.stdout()), "mlir-opt printed DAL's output differently");

        MlirOpt.Result fromSource = MlirOpt.generic(source);
        assertEquals(0, fromSource.exitCode(), fromSource::stderr);
        String dalFromMlir =
                printGeneric(parse(file + " (mlir-opt output)", fromSource.stdout()), PrintOptions.GENERIC);
        assertEquals(
                normalizeNames(dal),
                normalizeNames(dalFromMlir),
                "DAL read mlir-opt's output to different IR than the source");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void locationsAgreeWithMlirOptLocalScopeDebugInfo(String file) throws Exception {
        Path path = corpusDir().resolve(file);
        PrintOptions o = PrintOptions.GENERIC.withDebugInfo(true).withLocalScope(true);
        String dal = printGeneric(parse(path.toString(), Files.readString(path)), o);
        MlirOpt.Result r = MlirOpt.generic(dal, "--mlir-print-debuginfo", "--mlir-print-local-scope");
        assertEquals(0, r.exitCode(), () -> "mlir-opt rejected DAL's output:\n" + r.stderr() + dal);
        // With --mlir-print-local-scope, mlir-opt 16 leaves out the {-# dialect_resources #-} section (the blobs are
        // checked by the test above), and with no alias section after the op it writes no blank line at the end.
        String withoutResources = dal.replaceFirst("(?s)\\n\\{-#.*#-\\}\\n$", "");
        assertEquals(normalizeNames(withoutResources), normalizeNames(r.stdout()));
    }

    private static Operation parse(String name, String text) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            return IrParser.parse(
                            new SourceFile(name, text), new ParserConfig(true), DiagnosticEngine.collecting(diags))
                    .orElseGet(() -> fail("DAL could not parse " + name + ": " + diags));
        } catch (UnsupportedOperationException e) {
            return fail("IrParser is not implemented yet: " + e.getMessage());
        }
    }

    private static String printGeneric(Operation module, PrintOptions o) throws IOException {
        StringBuilder sb = new StringBuilder();
        new IrPrinter(o).printFile(module, sb);
        return sb.toString();
    }

    private static final Pattern NAME = Pattern.compile("%[A-Za-z0-9_$.]+|\\^[A-Za-z0-9_$.]+");

    /** Renames SSA values and blocks to {@code %v0, %v1, ...} / {@code ^b0, ...} in order of first appearance. */
    static String normalizeNames(String text) {
        Map<String, String> names = new HashMap<>();
        Matcher m = NAME.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String n = m.group();
            String base = n.startsWith("%") ? "%v" : "^b";
            String r = names.computeIfAbsent(n, k -> base + names.size());
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
