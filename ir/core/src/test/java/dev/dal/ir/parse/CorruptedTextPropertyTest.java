package dev.dal.ir.parse;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Randomly damaged IR only ever yields diagnostics located in the file, never another exception. */
class CorruptedTextPropertyTest {
    private static final String VALID = """
            #a = {k = [1, 2.5, "s"]}
            !t = tensor<2x?xf32>
            module @m attributes {x = #a} {
              func.func private @ext(i32) -> i32
              func.func @f(%arg0: i32 {dal.n = 1}, %arg1: !t loc("a1")) -> (i32, !t) {
                %c = dal.constant dense<[1.0, 2.0]> : tensor<2xf32>
                %h = dal.constant dense<"0x0000803F"> : tensor<4xf32>
                %0:2 = "x.op"(%arg0, %arg1)[^bb1] ({
                ^bb0(%z: i1 loc(#l)):
                  "x.y"(%z) {d = array<i64: 1, 2>, s = @a::@b} : (i1) -> ()
                }) {r = dense_resource<blob> : tensor<2xi16>, q = !quant.uniform<i8:f32, 0.5:0>} : (i32, !t) -> (i32, !t)
              ^bb1:
                %1 = call @ext(%0#0) : (i32) -> i32
                %2 = partest.op %1, %1 : i32
                return %2, %0#1 : i32, !t loc(fused["x", "f":1:2])
              }
            }
            #l = loc(callsite("c" at "d":3:4))
            {-# dialect_resources: { builtin: { blob: "0x020000000100020003" } } #-}
            """;

    private static final String ALPHABET = "%^@#!\"(){}[]<>:,=-0123456789xia.?*/ \n";

    @Test
    void corruptedTextYieldsOnlyLocatedDiagnostics() {
        // each edit: position, kind (0 delete, 1 insert, 2 swap with next), character
        qt().withExamples(Integer.getInteger("corrupt.examples", 400))
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 12))
                .checkAssert(edits -> {
                    String text = corrupt(VALID, edits);
                    List<Diagnostic> diags = new ArrayList<>();
                    var result = IrParser.parse(
                            new SourceFile("c.ir", text), new ParserConfig(true), DiagnosticEngine.collecting(diags));
                    if (result.isEmpty() && diags.isEmpty())
                        throw new AssertionError("no module and no diagnostic for:\n" + text);
                    for (Diagnostic d : diags) {
                        var pos = d.location().filePosition();
                        if (pos.isEmpty() || !pos.get().file().equals("c.ir"))
                            throw new AssertionError("diagnostic without a file position: " + d + "\n" + text);
                        if (d.message().startsWith(IrParser.INTERNAL))
                            throw new AssertionError("unchecked input reached an IR constructor: " + d + "\n" + text);
                    }
                });
    }

    @Test
    void theUncorruptedTextParses() {
        ParseHelper.parse(VALID);
    }

    private static String corrupt(String s, List<Integer> edits) {
        StringBuilder sb = new StringBuilder(s);
        for (int e : edits) {
            if (sb.isEmpty()) break;
            int pos = (e >>> 3) % sb.length();
            char c = ALPHABET.charAt((e >>> 2) % ALPHABET.length());
            switch (e & 3) {
                case 0 -> sb.deleteCharAt(pos);
                case 1 -> sb.insert(pos, c);
                default -> {
                    if (pos + 1 < sb.length()) {
                        char a = sb.charAt(pos);
                        sb.setCharAt(pos, sb.charAt(pos + 1));
                        sb.setCharAt(pos + 1, a);
                    } else {
                        sb.setCharAt(pos, c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
