package dev.dal.lowering.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.ir.verify.Verifier;
import dev.dal.lowering.testing.RandomGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * On random graphs ({@link RandomGraphs}), {@code canonicalize} and {@code graph-fold-constants} keep the meaning: the
 * interpreter's outputs before and after agree within 1e-4 of each output's largest magnitude, and the result
 * verifies. A failure shows the counterexample's IR (the recipe prints as IR) and the IR after the passes.
 */
class OptimizeSemanticsPropertyTest {
    private static final double TOLERANCE = 1e-4;

    @Test
    void canonicalizeKeepsTheInterpretersResults() {
        QuickTheory.qt().withExamples(300).forAll(RandomGraphs.recipes(12)).checkAssert(r -> check(r, "canonicalize"));
    }

    @Test
    void constantFoldingUnderAndOverTheSizeLimitThenCanonicalizeAndCseKeepTheInterpretersResults() {
        QuickTheory.qt()
                .withExamples(200)
                .forAll(RandomGraphs.recipes(12))
                .checkAssert(
                        r -> check(r, "graph-fold-constants{max-elements=8},canonicalize,graph-fold-constants,cse"));
    }

    @Test
    void canonicalizeIsIdempotent() {
        QuickTheory.qt().withExamples(150).forAll(RandomGraphs.recipes(12)).checkAssert(r -> {
            Operation once = parse(r.ir());
            run(once, "canonicalize");
            String first = print(once);
            run(once, "canonicalize");
            assertEquals(first, print(once), "a second canonicalize changed the IR");
        });
    }

    @Test
    void theGeneratorMakesValidPrograms() {
        QuickTheory.qt().withExamples(200).forAll(RandomGraphs.recipes(16)).checkAssert(r -> {
            Operation m = parse(r.ir());
            List<Diagnostic> diags = new ArrayList<>();
            assertTrue(Verifier.verify(m, DiagnosticEngine.collecting(diags)), () -> "invalid: " + diags);
            Interpreter.load(m).run("main", r.inputs(), RunOptions.defaults());
        });
    }

    /** The generator is worth its name: over a few hundred graphs every canonicalization pattern fires. */
    @Test
    void theGeneratedGraphsExerciseEveryPattern() {
        dev.dal.ir.pass.Pass canonicalize =
                PassRegistry.global().create("canonicalize").orElseThrow();
        PassManager pm = new PassManager(PassManager.ANY).addPass(canonicalize);
        QuickTheory.qt()
                .withFixedSeed(5)
                .withExamples(300)
                .forAll(RandomGraphs.recipes(12))
                .checkAssert(r -> {
                    boolean ok =
                            pm.run(parse(r.ir()), new PassRunConfig(), DiagnosticEngine.collecting(new ArrayList<>()));
                    assertTrue(ok, "canonicalize failed");
                });
        java.util.Set<String> fired = new java.util.TreeSet<>();
        for (dev.dal.ir.pass.Statistic st : canonicalize.statistics()) if (st.get() > 0) fired.add(st.name());
        for (String p : List.of(
                "RemoveIdentity",
                "RemoveInferenceDropout",
                "CollapseReshapeChain",
                "ComposeTransposes",
                "CancelSqueezeUnsqueeze",
                "RemoveLosslessCastRoundTrip",
                "RemoveZeroPad",
                "RemoveMulByOne",
                "RemoveAddOfZero",
                "RemoveSingleInputConcat",
                "FoldStaticShape",
                "FoldSmallConstantOp")) assertTrue(fired.contains(p), () -> p + " never fired; fired: " + fired);
    }

    private static void check(RandomGraphs.Recipe recipe, String pipeline) {
        Operation module = parse(recipe.ir());
        List<Tensor> before = Interpreter.load(module).run("main", recipe.inputs(), RunOptions.defaults());
        run(module, pipeline);
        String after = print(module);
        List<Diagnostic> diags = new ArrayList<>();
        assertTrue(
                Verifier.verify(module, DiagnosticEngine.collecting(diags)),
                () -> "after " + pipeline + " the IR does not verify: " + diags + "\n" + after);
        List<Tensor> out = Interpreter.load(module).run("main", recipe.inputs(), RunOptions.defaults());
        assertEquals(before.size(), out.size(), () -> "result count changed\n" + after);
        for (int i = 0; i < before.size(); i++) {
            Tensor b = before.get(i), a = out.get(i);
            int k = i;
            assertEquals(
                    java.util.Arrays.toString(b.shape()),
                    java.util.Arrays.toString(a.shape()),
                    () -> "shape of #" + k + "\n" + after);
            double max = 0;
            for (int j = 0; j < b.size(); j++) max = Math.max(max, Math.abs(b.getDouble(j)));
            for (int j = 0; j < b.size(); j++) {
                double diff = Math.abs(b.getDouble(j) - a.getDouble(j));
                int e = j;
                double m = max;
                assertTrue(
                        diff <= TOLERANCE * max || Double.isNaN(b.getDouble(j)) && Double.isNaN(a.getDouble(j)),
                        () -> "result #" + k + " element " + e + ": " + b.getDouble(e) + " before, " + a.getDouble(e)
                                + " after " + pipeline + " (max magnitude " + m + ")\nIR after:\n" + after);
            }
        }
    }

    private static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = IrParser.parse(
                new SourceFile("random.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        assertTrue(m.isPresent() && diags.isEmpty(), () -> "parse failed: " + diags + "\n" + text);
        return m.get();
    }

    private static void run(Operation module, String pipeline) {
        List<Diagnostic> diags = new ArrayList<>();
        PassManager pm;
        try {
            pm = PipelineParser.parse(pipeline, PassRegistry.global());
        } catch (dev.dal.ir.pass.PipelineException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        boolean ok = pm.run(module, new PassRunConfig().verifyEach(true), DiagnosticEngine.collecting(diags));
        assertTrue(
                ok && diags.stream().noneMatch(d -> d.severity() == dev.dal.ir.diag.Severity.ERROR),
                () -> pipeline + " failed: " + diags + "\n" + new IrPrinter(PrintOptions.DEFAULT).print(module));
    }

    private static String print(Operation module) {
        return new IrPrinter(PrintOptions.DEFAULT).print(module);
    }
}
