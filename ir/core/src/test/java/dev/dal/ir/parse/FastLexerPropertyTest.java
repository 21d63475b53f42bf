package dev.dal.ir.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The hand-written fast paths of the lexer produce exactly the tokens the grammar defines. */
class FastLexerPropertyTest {
    private static final String[] PIECES = {
        "%",
        "^",
        "@",
        "#",
        "!",
        "\"",
        "\\",
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        "<",
        ">",
        ":",
        ",",
        "=",
        "-",
        "+",
        "*",
        "?",
        "|",
        ".",
        "...",
        "{-#",
        "#-}",
        "->",
        "0",
        "7",
        "0x1F",
        "1.5",
        "2.e-3",
        "e",
        "E+",
        "x",
        "a",
        "_b",
        "$",
        "i32",
        "f32",
        " ",
        "\n",
        "// c\n",
        "\"0xAB\"",
        "\"0x0123456789abcdefABCDEF0123\"",
        "\"0x01234567\n",
        "\"s\\\"t\"",
        "~",
        "é"
    };

    private static List<String> tokens(IrLexer lexer, CharSequence text) {
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken())
            out.add(t.getType() + ":" + t.getStartIndex() + "-" + t.getStopIndex());
        return out;
    }

    @Test
    void fastPathsAgreeWithTheGrammar() {
        qt().withExamples(3000)
                .forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(1, 30))
                .checkAssert(idx -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i : idx) sb.append(PIECES[i]);
                    String text = sb.toString();
                    IrLexer plain = new IrLexer(new SourceCharStream(text, "t"));
                    plain.removeErrorListeners();
                    FastIrLexer fast = new FastIrLexer(new SourceCharStream(text, "t"), text);
                    List<String> expected = tokens(plain, text);
                    assertEquals(expected, tokens(fast, text), text);
                    var bytes = dev.dal.ir.diag.ByteText.of(text);
                    FastIrLexer overBytes = new FastIrLexer(new SourceCharStream(bytes, "t"), bytes);
                    if (text.chars().allMatch(c -> c < 0x80)) assertEquals(expected, tokens(overBytes, bytes), text);
                });
    }
}
