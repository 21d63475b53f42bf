package dev.dal.lowering.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.DType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The preprocessed model on a raw image computes what the original model computes on the image normalised by hand:
 * random small conv models (padding, strides, groups, bias, a second user of the input) with random mean, std,
 * layout, colour and input type, folded and not.
 */
class PreprocessSemanticsTest {
    private static final IrPrinter PRINTER = new IrPrinter(PrintOptions.DEFAULT);

    @Test
    void preprocessedModelOnRawInputMatchesModelOnHandNormalisedInput() {
        qt().withExamples(300)
                .withShrinkCycles(400)
                .forAll(lists().of(integers().between(0, 1_000_000))
                        .ofSize(RandomConvModel.KNOBS)
                        .map(RandomConvModel::new))
                .checkAssert(PreprocessSemanticsTest::check);
    }

    @Test
    void foldingRemovesThePreHeadOfAnUnpaddedConv() {
        // knobs all zero: RGB, 3 channels, NHWC u8, no padding, one user: only the cast and transpose remain
        List<Integer> knobs = new ArrayList<>(java.util.Collections.nCopies(RandomConvModel.KNOBS, 0));
        knobs.set(RandomConvModel.MEAN_COUNT, 2);
        knobs.set(RandomConvModel.STD_COUNT, 2);
        RandomConvModel m = new RandomConvModel(knobs);
        Operation module = parse(m.text());
        run(module, m.pipeline());
        String ir = PRINTER.print(module);
        assertTrue(!ir.contains("graph.mul") && !ir.contains("graph.add"), ir);
        check(m);
    }

    private static void check(RandomConvModel m) {
        Operation original = parse(m.text());
        Operation pre = parse(m.text());
        run(pre, m.pipeline());
        String preText = PRINTER.print(pre);
        Random r = new Random(m.seed() ^ 0x5DEECE66DL);
        Tensor raw = m.rawInput(r);
        List<Tensor> want =
                Interpreter.load(original).run("main", Map.of("x", m.normalise(raw)), RunOptions.defaults());
        List<Tensor> got;
        try {
            got = Interpreter.load(pre).run("main", Map.of("x", raw), RunOptions.defaults());
        } catch (RuntimeException e) {
            throw new AssertionError("preprocessed model failed: " + e.getMessage() + "\n" + preText, e);
        }
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            float[] a = want.get(i).floats(), b = got.get(i).floats();
            assertEquals(a.length, b.length, preText);
            double max = 0;
            for (float v : a) max = Math.max(max, Math.abs(v));
            double tol = 1e-4 * max + 1e-6;
            for (int j = 0; j < a.length; j++)
                if (Math.abs(a[j] - b[j]) > tol)
                    fail("output " + i + " element " + j + ": original " + a[j] + ", preprocessed " + b[j]
                            + " (tolerance " + tol + ")\npipeline: " + m.pipeline() + "\npreprocessed IR:\n"
                            + preText);
        }
    }

    static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        var parsed = IrParser.parse(
                new SourceFile("model.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        if (parsed.isEmpty() || !diags.isEmpty()) throw new AssertionError("does not parse: " + diags + "\n" + text);
        return parsed.get();
    }

    static void run(Operation module, String pipeline) {
        List<Diagnostic> diags = new ArrayList<>();
        PassManager pm;
        try {
            pm = PipelineParser.parse(pipeline, PassRegistry.global());
        } catch (dev.dal.ir.pass.PipelineException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        boolean ok = pm.run(module, new PassRunConfig().verifyEach(true), DiagnosticEngine.collecting(diags));
        if (!ok || !diags.isEmpty())
            throw new AssertionError(pipeline + " failed: " + diags + "\n" + PRINTER.print(module));
    }

    @Test
    void rawInputIsCheckedAgainstItsNewType() {
        RandomConvModel m =
                new RandomConvModel(new ArrayList<>(java.util.Collections.nCopies(RandomConvModel.KNOBS, 0)));
        Operation pre = parse(m.text());
        run(pre, m.pipeline());
        Tensor f32 = Tensor.zeros(DType.F32, m.rawShape());
        var interp = Interpreter.load(pre);
        org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> interp.run("main", Map.of("x", f32), RunOptions.defaults()));
    }
}
