package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestScriptTest {
    @Test
    void runLinesAreCollectedWithTheLineTheyStartOn() {
        TestScript s = TestScript.parse("t.ir", "// comment\n// RUN: echo a\nfoo\n// RUN: echo b | grep b\n");
        assertEquals(
                List.of(new TestScript.RunLine(2, " echo a"), new TestScript.RunLine(4, " echo b | grep b")),
                s.runLines());
    }

    @Test
    void aTrailingBackslashJoinsTheNextRunLine() {
        TestScript s = TestScript.parse("t.ir", "// RUN: echo one \\\n// RUN:   two \\\n// RUN: three\n// RUN: next\n");
        assertEquals(2, s.runLines().size());
        assertEquals(
                new TestScript.RunLine(1, " echo one    two  three"),
                s.runLines().get(0));
        assertEquals(4, s.runLines().get(1).line());
    }

    @Test
    void anUnterminatedContinuationIsAnErrorAtItsLine() {
        LitException e = assertThrows(
                LitException.class, () -> TestScript.parse("t.ir", "\n// RUN: echo one \\\n// nothing more\n"));
        assertEquals("t.ir:2: error: Test has unterminated RUN lines (with '\\')", e.getMessage());
    }

    @Test
    void directivesAfterEndAreIgnored() {
        TestScript s = TestScript.parse("t.ir", "// RUN: a\n// END.\n// RUN: b\n// REQUIRES: x\n");
        assertEquals(1, s.runLines().size());
        assertTrue(s.requires().isEmpty());
    }

    @Test
    void featureListsSplitAtCommasAndAccumulateOverLines() {
        TestScript s =
                TestScript.parse("t.ir", "// REQUIRES: a, b && c\n// REQUIRES: d\n// UNSUPPORTED: e\n// XFAIL: *\n");
        assertEquals(List.of("a", "b && c", "d"), s.requires());
        assertEquals(List.of("e"), s.unsupported());
        assertEquals(List.of("*"), s.xfails());
    }

    @Test
    void aMalformedFeatureExpressionIsReportedWithItsLine() {
        LitException e =
                assertThrows(LitException.class, () -> TestScript.parse("t.ir", "// RUN: x\n// REQUIRES: a &&\n"));
        assertTrue(e.getMessage().startsWith("t.ir:2: error: in 'REQUIRES:' directive: "), e.getMessage());
    }

    @Test
    void allowRetriesTakesOneIntegerOnce() {
        assertEquals(
                3,
                TestScript.parse("t", "// ALLOW_RETRIES: 3\n").allowedRetries().getAsInt());
        assertTrue(assertThrows(LitException.class, () -> TestScript.parse("t", "// ALLOW_RETRIES: x\n"))
                .getMessage()
                .contains("expects an integer"));
        assertTrue(assertThrows(
                        LitException.class, () -> TestScript.parse("t", "// ALLOW_RETRIES: 1\n// ALLOW_RETRIES: 2\n"))
                .getMessage()
                .startsWith("t:2: error:"));
    }

    @Test
    void lineExpressionsBecomeLineNumbers() {
        TestScript s = TestScript.parse("t", "\n\n// RUN: echo %(line) %(line+1) %(line - 2)\n");
        assertEquals(" echo 3 4 1", s.runLines().getFirst().command());
    }

    @Test
    void defineAndRedefineAreKeptInOrderWithContinuations() {
        TestScript s =
                TestScript.parse("t", "// DEFINE: %{a} = x   \\\n// DEFINE:   y\n// RUN: r\n// REDEFINE: %{a}=z\n");
        assertEquals(
                List.of(new TestScript.Define(1, false, "%{a}", "x y"), new TestScript.Define(4, true, "%{a}", "z")),
                s.defines());
    }

    @Test
    void aMalformedDefineIsAnErrorAtItsLine() {
        assertTrue(assertThrows(LitException.class, () -> TestScript.parse("t", "\n// DEFINE: nobraces = 1\n"))
                .getMessage()
                .startsWith("t:2: error: substitution name 'nobraces' is malformed"));
        assertTrue(assertThrows(LitException.class, () -> TestScript.parse("t", "// DEFINE: %{a} 1\n"))
                .getMessage()
                .startsWith("t:1: error: 'DEFINE:' directive expects '%{name} = value'"));
        assertTrue(assertThrows(LitException.class, () -> TestScript.parse("t", "// RUN: a \\\n// DEFINE: %{a} = 1\n"))
                .getMessage()
                .startsWith("t:1: error: Test has unterminated 'RUN:' directive"));
    }
}
