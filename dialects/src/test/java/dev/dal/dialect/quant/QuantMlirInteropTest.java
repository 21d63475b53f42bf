package dev.dal.dialect.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the quant dialect modelling its types, DAL's generic output of quantized IR is still read by
 * {@code mlir-opt --allow-unregistered-dialect} (mlir-opt 16, which registers {@code quant} and checks
 * {@code quant.qcast}/{@code dcast}/{@code scast} and the types itself) and printed back unchanged modulo SSA names,
 * and DAL reads mlir-opt's output back to the same IR.
 */
class QuantMlirInteropTest {
    private static final Path MLIR_OPT = Path.of("/usr/lib/llvm-16/bin/mlir-opt");
    private static final Pattern NAME = Pattern.compile("%[A-Za-z0-9_$.]+|\\^[A-Za-z0-9_$.]+");

    static Path suiteFile(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("textual-ir-tests").resolve(relative);
            if (Files.isRegularFile(c)) return c;
        }
        throw new IllegalStateException(
                relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quant/types.ir", "quant/ops.ir", "interop/37_quant_types.mlir"})
    void mlirOptReprintsDalsGenericOutputAndDalReadsItBack(String file) throws Exception {
        if (!Files.isExecutable(MLIR_OPT)) {
            if ("true".equals(System.getenv("CI"))) fail("mlir-opt 16 not found at " + MLIR_OPT);
            System.out.println("SKIPPED: mlir-opt 16 not found at " + MLIR_OPT);
            Assumptions.abort("mlir-opt 16 not found at " + MLIR_OPT);
        }
        String dal = printGeneric(parse(file, Files.readString(suiteFile(file))));
        String[] r = mlirOpt(dal);
        assertEquals("0", r[0], () -> "mlir-opt rejected DAL's generic output:\n" + r[2] + dal);
        assertEquals(normalize(dal), normalize(r[1]), "mlir-opt printed DAL's output differently");
        assertEquals(normalize(dal), normalize(printGeneric(parse(file + " (mlir-opt output)", r[1]))));
    }

    private static Operation parse(String name, String text) {
        List<Diagnostic> diags = new ArrayList<>();
        return IrParser.parse(new SourceFile(name, text), new ParserConfig(true), DiagnosticEngine.collecting(diags))
                .orElseGet(() -> fail("DAL could not parse " + name + ": " + diags));
    }

    private static String printGeneric(Operation module) throws IOException {
        StringBuilder sb = new StringBuilder();
        new IrPrinter(PrintOptions.GENERIC).printFile(module, sb);
        return sb.toString();
    }

    /** {@return exit code, stdout, stderr of mlir-opt's generic printing of {@code input}} */
    private static String[] mlirOpt(String input) throws IOException, InterruptedException {
        Path in = Files.createTempFile("dal-quant", ".mlir");
        try {
            Files.writeString(in, input, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(
                            MLIR_OPT.toString(),
                            "--allow-unregistered-dialect",
                            "--mlir-print-op-generic",
                            in.toString())
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {Integer.toString(p.waitFor()), out, err};
        } finally {
            Files.deleteIfExists(in);
        }
    }

    /** SSA values and blocks renamed in order of appearance; trailing blank lines dropped. */
    private static String normalize(String text) {
        Map<String, String> names = new HashMap<>();
        Matcher m = NAME.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String n = m.group();
            String r = names.computeIfAbsent(n, k -> (n.startsWith("%") ? "%v" : "^b") + names.size());
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString().stripTrailing();
    }
}
