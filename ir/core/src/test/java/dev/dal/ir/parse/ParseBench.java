package dev.dal.ir.parse;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.ByteText;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.DiagnosticRenderer;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SourceManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Manual check and timing (not a test): parses files given as arguments, memory-mapped, with unregistered
 * dialects allowed, and prints the op count, the parse time and the heap in use afterwards.
 */
public final class ParseBench {
    private ParseBench() {}

    public static void main(String[] args) throws IOException {
        int repeat = Integer.getInteger("repeat", 1);
        for (String a : args) {
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                if (Boolean.getBoolean("lexonly")) {
                    ByteText bt = ByteText.map(Path.of(a));
                    TokenCursor c = new TokenCursor(bt, a);
                    long n = 0;
                    while (c.next().getType() != org.antlr.v4.runtime.Token.EOF) n++;
                    System.out.printf("lex %d tokens %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
                    continue;
                }
                SourceFile f = new SourceFile(a, ByteText.map(Path.of(a)));
                SourceManager sm = new SourceManager();
                sm.add(f);
                DiagnosticEngine diag = new DiagnosticEngine();
                PrintWriter err = new PrintWriter(System.err, true);
                diag.addHandler(new DiagnosticRenderer(sm, err));
                Optional<Operation> m = IrParser.parse(f, new ParserConfig(true), diag);
                long t1 = System.nanoTime();
                int[] ops = {0};
                m.ifPresent(op -> op.walk(o -> ops[0]++));
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf(
                        "%s: %s, %d ops, parse %.1f ms, heap used after %.1f MB%n",
                        a,
                        m.isPresent() ? "ok" : "FAILED",
                        ops[0],
                        (t1 - t0) / 1e6,
                        (rt.totalMemory() - rt.freeMemory()) / 1e6);
                if (Boolean.getBoolean("keep"))
                    System.out.println(m.map(Object::toString).orElse(""));
            }
        }
    }
}
