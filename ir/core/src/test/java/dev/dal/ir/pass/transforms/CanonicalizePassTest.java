package dev.dal.ir.pass.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.Builder;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.Severity;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.ir.pass.ptest.Interpreter;
import dev.dal.ir.pass.ptest.ProgramGen;
import dev.dal.ir.pass.ptest.PtestOps;
import dev.dal.ir.pass.ptest.PtestOps.AddOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import dev.dal.ir.pass.ptest.TestPrinter;
import dev.dal.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalizePassTest {
    private static final String PIPELINE = "ptest.module(ptest.func(canonicalize))";

    private static boolean run(ModuleOp m, String pipeline, List<Diagnostic> diags, StringBuilder out)
            throws Exception {
        PassManager pm = PipelineParser.parse(pipeline, PassRegistry.global());
        return pm.run(m, new PassRunConfig().printer(TestPrinter::print).out(out), DiagnosticEngine.collecting(diags));
    }

    private static ModuleOp canonicalized(List<Integer> code) throws Exception {
        ModuleOp m = ProgramGen.build(code);
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(run(m, PIPELINE, diags, new StringBuilder()), diags::toString);
        assertTrue(diags.isEmpty(), diags::toString);
        return m;
    }

    private static FuncOp main(ModuleOp m) {
        return (FuncOp) m.body().firstOp().orElseThrow();
    }

    @Test
    void canonicalizeIsIdempotentOnGeneratedPrograms() {
        qt().withExamples(200).forAll(ProgramGen.programs()).checkAssert(code -> {
            try {
                ModuleOp once = canonicalized(code);
                String first = TestPrinter.print(once);
                List<Diagnostic> diags = new ArrayList<>();
                assertTrue(run(once, PIPELINE, diags, new StringBuilder()));
                assertEquals(first, TestPrinter.print(once));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void canonicalizeKeepsTheMeaningOfGeneratedPrograms() {
        qt().withExamples(200)
                .forAll(
                        ProgramGen.programs(),
                        integers().between(-50, 50),
                        integers().between(-50, 50))
                .checkAssert((code, a, b) -> {
                    try {
                        Interpreter before = new Interpreter();
                        List<Integer> expected = before.run(main(ProgramGen.build(code)), List.of(a, b));
                        ModuleOp m = canonicalized(code);
                        assertTrue(Verifier.verify(m, new DiagnosticEngine()));
                        Interpreter after = new Interpreter();
                        assertEquals(expected, after.run(main(m), List.of(a, b)), TestPrinter.print(m));
                        assertEquals(before.trace, after.trace);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void canonicalizedProgramsHaveNoFoldableOpLeft() {
        qt().withExamples(100).forAll(ProgramGen.programs()).checkAssert(code -> {
            try {
                ModuleOp m = canonicalized(code);
                // Every arithmetic op with all-constant operands would have folded.
                main(m).walk(op -> {
                    if (op instanceof dev.dal.ir.Foldable && op.numOperands() > 0) {
                        boolean allConst = op.operands().stream()
                                .allMatch(v -> dev.dal.ir.rewrite.OperationFolder.constantValue(v)
                                        .isPresent());
                        assertFalse(allConst, () -> "unfolded " + op.name() + " in\n" + TestPrinter.print(m));
                    }
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void nonConvergenceIsAWarningOrWithTestConvergenceAnError() throws Exception {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(Builder.atEnd(m.body()), "main", 1);
        Builder b = Builder.atEnd(f.entry());
        Value x = f.entry().argument(0);
        ReturnOp.create(b, AddOp.create(b, AddOp.create(b, x, x).result(0), x).result(0));
        // max-num-rewrites=0 stops before the first pattern can even be tried: nothing is known to be done.
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(run(m, "ptest.module(ptest.func(canonicalize{max-num-rewrites=0}))", diags, new StringBuilder()));
        assertEquals(1, diags.size());
        assertEquals(Severity.WARNING, diags.getFirst().severity());
        assertTrue(diags.getFirst().message().startsWith("canonicalizer did not converge"), diags::toString);
        diags.clear();
        assertFalse(run(
                m,
                "ptest.module(ptest.func(canonicalize{max-num-rewrites=0 test-convergence}))",
                diags,
                new StringBuilder()));
        assertEquals(Severity.ERROR, diags.getFirst().severity());
    }

    @Test
    void statisticsCountFoldsAndErasures() throws Exception {
        ModuleOp m = ProgramGen.build(List.of(0, 0, 1 + 8 * 3)); // two constants and their sum
        StringBuilder out = new StringBuilder();
        PassManager pm = PipelineParser.parse(PIPELINE, PassRegistry.global());
        assertTrue(pm.run(
                m,
                new PassRunConfig().printer(TestPrinter::print).statistics(true).out(out),
                new DiagnosticEngine()));
        assertTrue(out.toString().contains("Canonicalizer\n"), out::toString);
        assertTrue(
                out.toString().matches("(?s).*\\(S\\) +[1-9]\\d* num-folds - Number of ops folded.*"), out::toString);
    }

    @Test
    void debugPatternsOptionPrintsNoMatchReasonsToTheDiagnosticStream() throws Exception {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(Builder.atEnd(m.body()), "main", 1);
        Builder b = Builder.atEnd(f.entry());
        ReturnOp.create(b, PtestOps.NegOp.create(b, f.entry().argument(0)).result(0));
        StringBuilder out = new StringBuilder();
        assertTrue(run(m, "ptest.module(ptest.func(canonicalize{debug-patterns=true}))", new ArrayList<>(), out));
        assertTrue(out.toString().contains("did not match 'ptest.neg' op"), out::toString);
        assertTrue(out.toString().contains("operand is not produced by ptest.neg"), out::toString);
    }

    private static ModuleOp withUnreachableBlocks() {
        ModuleOp m = ModuleOp.create();
        FuncOp f = FuncOp.create(Builder.atEnd(m.body()), "main", 1);
        dev.dal.ir.Block live = f.region(0).addBlock();
        dev.dal.ir.Block dead1 = f.region(0).addBlock(), dead2 = f.region(0).addBlock();
        Value arg2 = dead2.addArgument(PtestOps.I32, dev.dal.ir.Location.unknown());
        Builder eb = Builder.atEnd(f.entry());
        PtestOps.BrOp.create(eb, live);
        Builder lb = Builder.atEnd(live);
        ReturnOp.create(
                lb, PtestOps.EffectOp.create(lb, 1, f.entry().argument(0)).result(0));
        Builder d1 = Builder.atEnd(dead1);
        Value e = PtestOps.EffectOp.create(d1, 1).result(0);
        PtestOps.BrOp.create(d1, dead2, e);
        Builder d2 = Builder.atEnd(dead2);
        Value sum = AddOp.create(d2, arg2, e).result(0);
        PtestOps.EffectOp.create(d2, 0, sum);
        PtestOps.BrOp.create(d2, dead1);
        return m;
    }

    @Test
    void regionSimplifyErasesUnreachableBlocks() throws Exception {
        ModuleOp m = withUnreachableBlocks();
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(Verifier.verify(m, DiagnosticEngine.collecting(diags)), diags::toString);
        assertTrue(run(m, PIPELINE, diags, new StringBuilder()), diags::toString);
        assertEquals(2, main(m).region(0).blocks().size(), TestPrinter.print(m));
        assertEquals(1, main(m).collect(PtestOps.EffectOp.class).size());
        ModuleOp kept = withUnreachableBlocks();
        assertTrue(
                run(kept, "ptest.module(ptest.func(canonicalize{region-simplify=false}))", diags, new StringBuilder()));
        assertEquals(4, main(kept).region(0).blocks().size());
    }
}
