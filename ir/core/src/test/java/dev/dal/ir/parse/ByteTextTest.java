package dev.dal.ir.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.diag.ByteText;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteTextTest {
    @Test
    void lineIndexOfBytesMatchesTheLineIndexOfTheString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) sb.append("x".repeat(i % 13)).append(i % 7 == 0 ? "\n\n" : "\n");
        String s = sb.toString();
        SourceFile str = new SourceFile("a", s), bytes = new SourceFile("a", ByteText.of(s));
        assertEquals(str.lineCount(), bytes.lineCount());
        for (int off = 0; off < s.length(); off += 5) {
            assertEquals(str.lineOf(off), bytes.lineOf(off));
            assertEquals(str.columnOf(off), bytes.columnOf(off));
        }
        assertEquals(s.indexOf('\n', 40), ByteText.of(s).indexOf((byte) '\n', 40));
    }

    @Test
    void aMemoryMappedFileParsesLikeTheString(@TempDir Path dir) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 40_000; i++) hex.append(String.format("%02X", i & 0xFF));
        String text = "\"a.t\"() {s = \"caf\u00e9\", h = dense<\"0x" + hex + "\"> : tensor<10000xf32>, "
                + "r = dense_resource<k> : tensor<2xi8>} : () -> ()\n"
                + "{-#\n  dialect_resources: {\n    builtin: {\n      k: \"0x010000000102\"\n    }\n  }\n#-}\n";
        Path p = dir.resolve("big.ir");
        Files.writeString(p, text);
        var diags = new ArrayList<dev.dal.ir.diag.Diagnostic>();
        Operation m = IrParser.parse(
                        new SourceFile("big.ir", ByteText.map(p)),
                        ParseHelper.UNREGISTERED,
                        DiagnosticEngine.collecting(diags))
                .orElseThrow(() -> new AssertionError(diags.toString()));
        Operation op = ParseHelper.body(m).getFirst();
        assertEquals(StringAttr.of("caf\u00e9"), op.attribute("s").orElseThrow());
        DenseElementsAttr h = (DenseElementsAttr) op.attribute("h").orElseThrow();
        assertEquals(40_000, h.data().size());
        assertEquals((byte) 0xFF, h.data().bytes().get(255));
        assertTrue(((DenseResourceAttr) op.attribute("r").orElseThrow())
                .handle()
                .blob()
                .isPresent());
        assertEquals(ParseHelper.body(ParseHelper.parse(text)).getFirst().attributes(), op.attributes());
    }
}
