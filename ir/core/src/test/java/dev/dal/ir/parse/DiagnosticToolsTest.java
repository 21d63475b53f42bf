package dev.dal.ir.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Location;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.DiagnosticRenderer;
import dev.dal.ir.diag.DiagnosticVerifier;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SourceManager;
import dev.dal.ir.diag.SplitInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticToolsTest {
    @Test
    void rendererShowsTheSourceLineWithACaretAndNotes() {
        SourceFile f = new SourceFile("in.ir", "%x = \"a.d\"() : () -> i32\n%x = \"a.d\"() : () -> i32\n");
        SourceManager sm = new SourceManager();
        sm.add(f);
        StringBuilder out = new StringBuilder();
        DiagnosticEngine engine = new DiagnosticEngine();
        engine.addHandler(new DiagnosticRenderer(sm, out));
        IrParser.parse(f, ParseHelper.UNREGISTERED, engine);
        assertEquals("""
                in.ir:2:1: error: redefinition of SSA value '%x'
                %x = "a.d"() : () -> i32
                ^
                in.ir:1:1: note: previously defined here
                %x = "a.d"() : () -> i32
                ^
                """, out.toString());
    }

    @Test
    void rendererPutsTheCaretUnderTheColumnAndWritesOtherLocationsAsMlirDoes() {
        SourceManager sm = new SourceManager();
        sm.add(new SourceFile("f", "abc\n  def"));
        assertEquals(
                "f:2:4: error: bad\n  def\n   ^\n",
                DiagnosticRenderer.render(Diagnostic.error(Location.file("f", 2, 4), "bad"), sm));
        assertEquals(
                "loc(\"conv1\"): warning: w\n",
                DiagnosticRenderer.render(Diagnostic.warning(Location.name("conv1"), "w"), sm));
        assertEquals(
                "other:3:1: error: e\n",
                DiagnosticRenderer.render(Diagnostic.error(Location.file("other", 3, 1), "e"), sm));
    }

    @Test
    void splitInputKeepsOriginalLineNumbers() {
        SourceFile f = new SourceFile(
                "s.ir",
                "\"a.x\"() : () -> ()\n// -----\n\n\"a.y\"(%u) : (i32) -> ()\n// -----\n\"a.z\"() : () -> ()\n");
        List<SourceFile> chunks = SplitInput.split(f);
        assertEquals(3, chunks.size());
        List<Diagnostic> ds = new ArrayList<>();
        DiagnosticEngine e = DiagnosticEngine.collecting(ds);
        assertTrue(IrParser.parse(chunks.get(0), ParseHelper.UNREGISTERED, e).isPresent());
        assertTrue(IrParser.parse(chunks.get(1), ParseHelper.UNREGISTERED, e).isEmpty());
        var third = IrParser.parse(chunks.get(2), ParseHelper.UNREGISTERED, e).orElseThrow();
        assertEquals(1, ds.size());
        assertEquals("4:7: use of undeclared SSA value name", ParseHelper.show(ds.getFirst()));
        assertEquals(
                Location.file("s.ir", 6, 1), ParseHelper.body(third).getFirst().loc());
        SourceFile noMarker = new SourceFile("s.ir", f.text().toString().replace("// -----", "// ----"));
        assertEquals(List.of(noMarker), SplitInput.split(noMarker));
    }

    private static List<Diagnostic> verify(String text) {
        SourceFile f = new SourceFile("v.ir", text);
        DiagnosticVerifier v = new DiagnosticVerifier(f);
        DiagnosticEngine engine = new DiagnosticEngine();
        engine.addHandler(v);
        IrParser.parse(f, ParseHelper.UNREGISTERED, engine);
        List<Diagnostic> out = new ArrayList<>();
        boolean ok = v.finish(DiagnosticEngine.collecting(out));
        assertEquals(out.isEmpty(), ok);
        return out;
    }

    @Test
    void verifierMatchesExpectedErrorsAndNotesByLine() {
        assertEquals(List.of(), verify("""
                // expected-note @+1 {{previously defined here}}
                %x = "a.d"() : () -> i32
                // expected-error @below {{redefinition of SSA value}}
                %x = "a.d"() : () -> i32
                """));
        assertEquals(List.of(), verify("""
                "a.u"(%nope) : (i32) -> () // expected-error {{undeclared SSA value}}
                """));
        assertEquals(List.of(), verify("""
                "a.u"(%nope) : (i32) -> ()
                // expected-error@-1 {{use of {{.*}} name}}
                """.replace("expected-error@", "expected-error-re@")));
        assertEquals(List.of(), verify("""
                "a.u"(%nope) : (i32) -> ()
                // expected-error @above {{undeclared}}
                """));
    }

    @Test
    void verifierReportsUnexpectedAndMissingDiagnosticsAsMlirDoes() {
        List<Diagnostic> out = verify("""
                // expected-error @+2 {{something else}}
                "a.x"() : () -> ()
                "a.u"(%nope) : (i32) -> ()
                """);
        assertEquals(
                List.of(
                        "3:7: unexpected error: use of undeclared SSA value name",
                        "1:4: expected error \"something else\" was not produced"),
                out.stream().map(ParseHelper::show).toList());
        List<Diagnostic> none = verify("// expected-warning {{never}}\n\"a.x\"() : () -> ()\n");
        assertEquals(1, none.size());
        assertFalse(none.getFirst().message().contains("unexpected"));
    }
}
