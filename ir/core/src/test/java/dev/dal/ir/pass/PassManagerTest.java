package dev.dal.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Builder;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import dev.dal.ir.pass.ptest.PtestOps.ScopeOp;
import dev.dal.ir.pass.ptest.PtestOps.YieldOp;
import dev.dal.ir.pass.ptest.TestPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PassManagerTest {
    private final List<Diagnostic> diags = new ArrayList<>();
    private final DiagnosticEngine engine = DiagnosticEngine.collecting(diags);
    private final StringBuilder out = new StringBuilder();
    private final ModuleOp module = ModuleOp.create();
    private FuncOp f, g, h;
    private ModuleOp lib;

    @BeforeEach
    void setUp() {
        TestPasses.LOG.clear();
        Builder b = Builder.atEnd(module.body());
        f = FuncOp.create(b, "f", 0);
        ReturnOp.create(
                Builder.atEnd(f.entry()),
                ConstantOp.create(Builder.atEnd(f.entry()), 1).result(0));
        g = FuncOp.create(b, "g", 0);
        ReturnOp.create(Builder.atEnd(g.entry()));
        lib = b.insert(ModuleOp.create());
        lib.setAttribute("sym_name", StringAttr.of("lib"));
        h = FuncOp.create(Builder.atEnd(lib.body()), "h", 0);
        ReturnOp.create(Builder.atEnd(h.entry()));
    }

    private boolean run(String pipeline, PassRunConfig config) throws PipelineException {
        return PipelineParser.parse(pipeline, TestPasses.registry()).run(module, config.out(out), engine);
    }

    private boolean run(String pipeline) throws PipelineException {
        return run(pipeline, new PassRunConfig().printer(TestPrinter::print));
    }

    private List<String> messages() {
        return diags.stream().map(Diagnostic::message).toList();
    }

    @Test
    void nestedPipelineRunsOnEachDirectlyNestedOpOfItsAnchor() throws Exception {
        assertTrue(run("ptest.module(ptest.func(test-record,test-func-pass),test-record)"), messages()::toString);
        assertEquals(List.of("record:f", "func:f", "record:g", "func:g", "record:ptest.module"), TestPasses.LOG);
    }

    @Test
    void doublyNestedPipelineReachesInnerModules() throws Exception {
        assertTrue(run("ptest.module(ptest.module(ptest.func(test-record)))"));
        assertEquals(List.of("record:h"), TestPasses.LOG);
    }

    @Test
    void anyNestedPipelineRunsOnEveryIsolatedChild() throws Exception {
        assertTrue(run("ptest.module(any(test-record))"));
        assertEquals(List.of("record:f", "record:g", "record:lib"), TestPasses.LOG);
    }

    @Test
    void shortListRunsOnTheRootOp() throws Exception {
        assertTrue(run("test-record,test-record"));
        assertEquals(List.of("record:ptest.module", "record:ptest.module"), TestPasses.LOG);
    }

    @Test
    void pipelineOfAnotherRootAnchorIsRefused() throws Exception {
        assertFalse(run("builtin.module(test-record)"));
        assertEquals(List.of("can't run 'builtin.module' pass manager on 'ptest.module' op"), messages());
        assertTrue(TestPasses.LOG.isEmpty());
    }

    @Test
    void opSpecificPassOnAnotherOpIsRefusedAtRunTime() throws Exception {
        assertFalse(run("test-func-pass"));
        assertEquals(
                List.of("can't run pass 'test-func-pass' restricted to 'ptest.func' on 'ptest.module' op"), messages());
    }

    @Test
    void nestingOnANonIsolatedOpIsRefused() throws Exception {
        ScopeOp s = ScopeOp.create(Builder.atEnd(module.body()), 0);
        YieldOp.create(Builder.atEnd(s.body()));
        assertFalse(run("ptest.module(ptest.scope(test-record))"));
        assertEquals(
                List.of("'ptest.scope' op trying to schedule a pass on an operation not marked as "
                        + "'IsolatedFromAbove'"),
                messages());
    }

    @Test
    void verifyEachNamesThePassThatBrokeTheIr() throws Exception {
        assertFalse(run("ptest.module(ptest.func(test-break,test-record))"));
        assertEquals(
                List.of(
                        "block with no terminator, has 'ptest.constant' op",
                        "'ptest.return' op must be the last operation in the parent block",
                        "verification failed after running pass 'test-break'"),
                messages());
        assertTrue(TestPasses.LOG.isEmpty(), "the pipeline stops at the broken IR");
    }

    @Test
    void withoutVerifyEachBrokenIrGoesOn() throws Exception {
        assertTrue(run("ptest.module(ptest.func(test-break,test-record))", new PassRunConfig().verifyEach(false)));
        assertEquals(List.of("record:f", "record:g"), TestPasses.LOG);
    }

    @Test
    void failingPassStopsThePipeline() throws Exception {
        assertFalse(run("test-fail,test-record"));
        assertEquals(List.of("'ptest.module' op cannot do this"), messages());
        assertTrue(TestPasses.LOG.isEmpty());
    }

    @Test
    void silentFailureGetsAMessage() throws Exception {
        assertFalse(run("test-silent-fail"));
        assertEquals(List.of("pass 'test-silent-fail' failed"), messages());
    }

    @Test
    void crashingPassBecomesADiagnostic() throws Exception {
        assertFalse(run("test-crash"));
        assertEquals(List.of("internal error in pass 'test-crash': java.lang.IllegalStateException: boom"), messages());
    }

    @Test
    void printIrAfterAllDumpsTheOpEachPassRanOn() throws Exception {
        assertTrue(run(
                "ptest.module(ptest.func(test-record))",
                new PassRunConfig().printer(TestPrinter::print).printIrAfterAll(true)));
        String expected = "// -----// IR Dump After Record (test-record) //----- //\n" + TestPrinter.print(f) + "\n"
                + "// -----// IR Dump After Record (test-record) //----- //\n" + TestPrinter.print(g) + "\n";
        assertEquals(expected, out.toString());
    }

    @Test
    void printIrBeforeAndAfterSelectPassesByFlag() throws Exception {
        assertTrue(run(
                "test-record,cse",
                new PassRunConfig()
                        .printer(op -> "IR of " + op.name() + "\n")
                        .printIrBefore(java.util.Set.of("cse"))
                        .printIrAfter(java.util.Set.of("test-record"))));
        assertEquals(
                "// -----// IR Dump After Record (test-record) //----- //\nIR of ptest.module\n\n"
                        + "// -----// IR Dump Before CSE (cse) //----- //\nIR of ptest.module\n\n",
                out.toString());
    }

    @Test
    void printIrBeforeAllDumpsBeforeEveryPass() throws Exception {
        assertTrue(run("test-record,cse", new PassRunConfig().printer(op -> "X").printIrBeforeAll(true)));
        assertEquals(
                "// -----// IR Dump Before Record (test-record) //----- //\nX\n\n"
                        + "// -----// IR Dump Before CSE (cse) //----- //\nX\n\n",
                out.toString());
    }

    @Test
    void timingReportListsPipelinesAndPassesIndented() throws Exception {
        assertTrue(run(
                "ptest.module(ptest.func(test-record,cse),canonicalize)",
                new PassRunConfig().printer(TestPrinter::print).timing(true)));
        String s = out.toString();
        assertTrue(s.contains("... Execution time report ..."), s);
        assertTrue(
                Pattern.compile("Total Execution Time: \\d+\\.\\d{4} seconds")
                        .matcher(s)
                        .find(),
                s);
        String row = " +\\d+\\.\\d{4} \\( *\\d+\\.\\d%\\)  ";
        assertTrue(
                Pattern.compile("(?m)^" + row + "'ptest.func' Pipeline\n" + row + "  Record\n" + row + "  CSE\n" + row
                                + "Canonicalizer\n" + row + "Rest\n" + row + "Total$")
                        .matcher(s)
                        .find(),
                s);
        assertTrue(s.contains("(100.0%)  Total"), s);
    }

    @Test
    void toolsCanFrameThePassTimingsWithTheirOwnSteps() throws Exception {
        PassManager pm = PipelineParser.parse("ptest.module(ptest.func(test-record))", TestPasses.registry());
        assertTrue(pm.run(module, new PassRunConfig().out(out), engine));
        TimingReport r = new TimingReport().add("Parser", 1_000_000, 0);
        pm.appendTimings(r, 0);
        r.add("Output", 2_000_000, 0);
        String s = r.render(10_000_000);
        assertTrue(
                Pattern.compile(
                                "(?m)^    0\\.0010 \\( 10\\.0%\\)  Parser\n +\\d\\.\\d{4} \\( *\\d+\\.\\d%\\)  'ptest.func' "
                                        + "Pipeline\n.*    Record\n    0\\.0020 \\( 20\\.0%\\)  Output\n.*Rest\n    0\\.0100 \\(100\\.0%\\)  Total$")
                        .matcher(s)
                        .find(),
                s);
        assertTrue(out.isEmpty(), "no report unless asked for");
    }

    @Test
    void statisticsReportShowsCountersPerPass() throws Exception {
        assertTrue(run(
                "ptest.module(ptest.func(test-record),cse)",
                new PassRunConfig().printer(TestPrinter::print).statistics(true)));
        String s = out.toString();
        assertTrue(s.contains("... Pass statistics report ...\n"), s);
        assertTrue(
                s.contains(
                        "'ptest.func' Pipeline\n  Record\n    (S) 2 num-visited - Number of ops visited\nCSE\n"
                                + "  (S) 0 num-cse'd - Number of operations CSE'd\n  (S) 0 num-dce'd - Number of operations DCE'd\n"),
                s);
    }

    @Test
    void globalRegistryListsTheCorePassesSortedWithOptions() {
        List<String> names =
                PassRegistry.global().passes().stream().map(PassInfo::argument).toList();
        assertTrue(names.containsAll(List.of("canonicalize", "cse", "print-ir")), names::toString);
        assertEquals(names.stream().sorted().toList(), names);
        String help = PassRegistry.global().helpText();
        assertTrue(
                Pattern.compile("(?m)^  --canonicalize +Canonicalize operations$")
                        .matcher(help)
                        .find(),
                help);
        assertTrue(
                Pattern.compile("(?m)^      max-iterations=<int> +Max\\. iterations .*\\(default: 10\\)$")
                        .matcher(help)
                        .find(),
                help);
        assertTrue(
                Pattern.compile("(?m)^  --cse +Eliminate common sub-expressions$")
                        .matcher(help)
                        .find(),
                help);
    }

    /** A pass class that cannot be instantiated by the registry. */
    public static final class NoDefaultConstructor extends Pass {
        public NoDefaultConstructor(int unused) {}

        @Override
        public String argument() {
            return "x";
        }

        @Override
        public String description() {
            return "x";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {}
    }

    @Test
    void passWithoutNoArgumentConstructorIsRejected() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> PassRegistry.of(List.of(NoDefaultConstructor.class)));
        assertTrue(e.getMessage().contains("needs a public no-argument constructor"));
    }

    @Test
    void twoPassesWithOneFlagAreRejected() {
        assertThrows(
                IllegalStateException.class,
                () -> PassRegistry.of(List.of(TestPasses.Record.class)).with(List.of(Duplicate.class)));
    }

    /** Claims {@code test-record} again. */
    public static final class Duplicate extends Pass {
        @Override
        public String argument() {
            return "test-record";
        }

        @Override
        public String description() {
            return "dup";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {}
    }

    @Test
    void printIrPassWritesTheOpToTheDiagnosticStream() throws Exception {
        assertTrue(run("print-ir{label=here}", new PassRunConfig().printer(op -> "<" + op.name() + ">")));
        assertEquals("// -----// IR Dump here //----- //\n<ptest.module>\n", out.toString());
    }
}
