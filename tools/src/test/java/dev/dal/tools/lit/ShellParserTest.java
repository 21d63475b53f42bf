package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {
    private static List<String> words(ShNode.Command c) {
        return c.args().stream().map(ShNode.Word::text).toList();
    }

    @Test
    void aPipelineHasOneCommandPerStage() {
        ShNode.Pipeline p = assertInstanceOf(ShNode.Pipeline.class, ShellParser.parse("dal-opt %s | FileCheck %s"));
        assertEquals(2, p.commands().size());
        assertEquals(List.of("FileCheck", "%s"), words(p.commands().get(1)));
    }

    @Test
    void connectivesAreLeftAssociative() {
        ShNode.Seq s = assertInstanceOf(ShNode.Seq.class, ShellParser.parse("a && b || c ; d"));
        assertEquals(";", s.op());
        ShNode.Seq l = assertInstanceOf(ShNode.Seq.class, s.lhs());
        assertEquals("||", l.op());
        assertEquals("&&", assertInstanceOf(ShNode.Seq.class, l.lhs()).op());
    }

    @Test
    void quotesGroupWordsAndBackslashesEscapeAsInLitsShell() {
        ShNode.Pipeline p =
                (ShNode.Pipeline) ShellParser.parse("echo 'a  b' \"c \\\"d\\\" \\\\ \\n\" e\\ f a\"b c\"d '|'");
        assertEquals(
                List.of("echo", "a  b", "c \"d\" \\ \\n", "e f", "ab cd", "|"),
                words(p.commands().getFirst()));
    }

    @Test
    void redirectionsKeepTheirDescriptorAndOrder() {
        ShNode.Pipeline p = (ShNode.Pipeline) ShellParser.parse("cmd > out 2>&1 < in 2>> log &> both >> app");
        List<ShNode.Redirect> r = p.commands().getFirst().redirects();
        assertEquals(
                List.of(">", ">&", "<", ">>", "&>", ">>"),
                r.stream().map(ShNode.Redirect::op).toList());
        assertEquals(
                List.of(1, 2, 0, 2, 1, 1), r.stream().map(ShNode.Redirect::fd).toList());
        assertEquals("1", r.get(1).target().text());
        assertEquals(List.of("cmd"), words(p.commands().getFirst()));
    }

    @Test
    void aDigitInsideAWordIsNotADescriptor() {
        ShNode.Pipeline p = (ShNode.Pipeline) ShellParser.parse("echo a2>x");
        assertEquals(List.of("echo", "a2"), words(p.commands().getFirst()));
        assertEquals(1, p.commands().getFirst().redirects().getFirst().fd());
    }

    @Test
    void onlyUnquotedWildcardsAreGlobs() {
        ShNode.Pipeline p = (ShNode.Pipeline) ShellParser.parse("ls *.ir '*.txt'");
        assertTrue(p.commands().getFirst().args().get(1).globbable());
        assertEquals(false, p.commands().getFirst().args().get(2).globbable());
    }

    @Test
    void malformedCommandsAreRejectedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShellParser.parse("echo \"abc"))
                .getMessage()
                .contains("missing quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShellParser.parse("echo 'abc"))
                .getMessage()
                .contains("missing quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShellParser.parse("echo >"))
                .getMessage()
                .contains("missing argument to redirect"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShellParser.parse("| grep x"))
                .getMessage()
                .contains("empty command"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShellParser.parse("a && && b"))
                .getMessage()
                .contains("empty command"));
    }
}
