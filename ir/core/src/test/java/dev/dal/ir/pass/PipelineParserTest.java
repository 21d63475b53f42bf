package dev.dal.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineParserTest {
    private final PassRegistry registry = TestPasses.registry();

    @BeforeEach
    void clearLog() {
        TestPasses.LOG.clear();
    }

    private PassManager parse(String s) throws PipelineException {
        return PipelineParser.parse(s, registry);
    }

    private PipelineException error(String s) {
        return assertThrows(PipelineException.class, () -> parse(s));
    }

    @Test
    void anchoredNestedPipelineKeepsStructureAndOptions() throws Exception {
        PassManager pm = parse("builtin.module(func.func(cse,canonicalize),canonicalize{max-iterations=3})");
        assertEquals("builtin.module", pm.anchor());
        List<Object> top = pm.entries();
        assertEquals(2, top.size());
        PassManager fn = assertInstanceOf(PassManager.class, top.get(0));
        assertEquals("func.func", fn.anchor());
        assertEquals(
                List.of("cse", "canonicalize"),
                fn.entries().stream().map(e -> ((Pass) e).argument()).toList());
        Pass canon = assertInstanceOf(Pass.class, top.get(1));
        assertEquals("3", canon.optionValue("max-iterations").orElseThrow());
        assertEquals(
                "10", ((Pass) fn.entries().get(1)).optionValue("max-iterations").orElseThrow());
    }

    @Test
    void printedPipelineParsesBackToTheSameText() throws Exception {
        for (String s : List.of(
                "builtin.module(func.func(cse),canonicalize{max-iterations=3 top-down=false})",
                "test-options{count=5 name='two words' sizes=1,2 words=p,q mode=top-down},cse",
                "any(test-record)",
                "ptest.module(ptest.func())")) {
            String printed = parse(s).toPipelineString();
            assertEquals(printed, parse(printed).toPipelineString(), s);
        }
    }

    @Test
    void shortListAnchorsOnAnyOp() throws Exception {
        PassManager pm = parse("canonicalize, cse");
        assertEquals(PassManager.ANY, pm.anchor());
        assertEquals(2, pm.entries().size());
        assertEquals(
                "any(canonicalize{top-down=true region-simplify=true max-iterations=10 max-num-rewrites=-1 "
                        + "test-convergence=false debug-patterns=false},cse)",
                pm.toPipelineString());
    }

    @Test
    void whitespaceAroundElementsIsAllowed() throws Exception {
        PassManager pm = parse("  builtin.module( cse , func.func ( canonicalize ) )  ");
        assertEquals(2, pm.entries().size());
    }

    @Test
    void emptyPipelineHasNoPasses() throws Exception {
        assertTrue(parse("").entries().isEmpty());
    }

    @Test
    void optionsOfEveryTypeAreParsed() throws Exception {
        PassManager pm = parse("test-options{count=3 big=123456789012 ratio=0.5 flag name='a b' mode=top-down "
                + "sizes=1,2,3 words={x,y z}}");
        pm.run(
                dev.dal.ir.pass.ptest.PtestOps.ModuleOp.create(),
                new PassRunConfig().verifyEach(false),
                new dev.dal.ir.diag.DiagnosticEngine());
        assertEquals(List.of("options:3,123456789012,0.5,true,a b,TOP_DOWN,[1, 2, 3],[x, y z]"), TestPasses.LOG);
    }

    @Test
    void unknownPassIsNamedWithItsPosition() {
        PipelineException e = error("builtin.module(func.func(foo))");
        assertEquals("'foo' does not refer to a registered pass or pass pipeline", e.getMessage());
        assertEquals(25, e.offset());
        assertEquals(
                "<pipeline>:1:26: error: 'foo' does not refer to a registered pass or pass pipeline\n"
                        + "builtin.module(func.func(foo))\n" + " ".repeat(25) + "^\n",
                e.render("<pipeline>"));
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        PipelineException e = error("cse,canonicalize{max-iteration=3}");
        assertEquals(
                "'canonicalize' pass has no option 'max-iteration'; valid options: top-down, region-simplify, "
                        + "max-iterations, max-num-rewrites, test-convergence, debug-patterns",
                e.getMessage());
        assertEquals(17, e.offset());
    }

    @Test
    void optionOfAPassWithoutOptionsSaysSo() {
        assertEquals(
                "'cse' pass has no option 'x'; it has no options",
                error("cse{x=1}").getMessage());
    }

    @Test
    void badOptionValuesSayWhatWasExpected() {
        assertEquals(
                "invalid value for option 'max-iterations' of pass 'canonicalize': expected int, got 'many'",
                error("canonicalize{max-iterations=many}").getMessage());
        assertEquals(
                "invalid value for option 'flag' of pass 'test-options': expected true or false, got 'maybe'",
                error("test-options{flag=maybe}").getMessage());
        assertEquals(
                "invalid value for option 'mode' of pass 'test-options': expected one of fast|top-down, got 'slow'",
                error("test-options{mode=slow}").getMessage());
        assertEquals(
                "invalid value for option 'sizes' of pass 'test-options': expected int, got 'x'",
                error("test-options{sizes=1,x}").getMessage());
    }

    @Test
    void syntaxErrorsPointAtTheProblem() {
        PipelineException open = error("builtin.module(cse");
        assertEquals("expected ')' to close the 'builtin.module' pipeline", open.getMessage());
        assertEquals(18, open.offset());
        PipelineException trailing = error("cse)");
        assertEquals("expected ',' or end of pipeline, got ')'", trailing.getMessage());
        assertEquals(3, trailing.offset());
        assertEquals(
                "expected a pass name or an op name, got end of pipeline",
                error("cse,").getMessage());
        assertEquals(
                "expected '}' to close the options of 'canonicalize'",
                error("canonicalize{top-down=1").getMessage());
        assertEquals(
                "unterminated quoted option value",
                error("test-options{name='x}").getMessage());
    }

    @Test
    void passRestrictedToAnotherOpMustBeNested() {
        PipelineException e = error("builtin.module(test-func-pass)");
        assertEquals(
                "pass 'test-func-pass' is restricted to 'ptest.func' ops but this pipeline runs on "
                        + "'builtin.module'; did you mean to nest it in 'ptest.func(...)'?",
                e.getMessage());
        assertEquals(15, e.offset());
    }
}
