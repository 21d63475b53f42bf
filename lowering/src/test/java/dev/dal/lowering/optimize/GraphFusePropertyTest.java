package dev.dal.lowering.optimize;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code graph-fuse} keeps the meaning of random conv / BatchNormalization / activation / residual / MatMul graphs
 * (see {@link FusionGraphs}): the interpreter's outputs before and after agree within 1e-4 of each output's largest
 * magnitude, and a second run changes nothing. A failure shrinks to a short chain of steps and prints the IR before
 * and after.
 */
class GraphFusePropertyTest {
    private static final double TOLERANCE = 1e-4;

    private static Gen<List<Integer>> steps() {
        return lists().of(integers().between(0, 30 * FusionGraphs.KINDS - 1)).ofSizeBetween(1, 12);
    }

    /** The ops the fusions produce; every one must appear in some example, or the property proves little. */
    private static final List<String> PRODUCED = List.of(
            "graph.fused_conv",
            "graph.scale_shift",
            "graph.gemm",
            "graph.gelu",
            "graph.layer_normalization",
            "graph.hard_swish",
            "graph.silu");

    private final java.util.Set<String> seen = new java.util.TreeSet<>();

    @Test
    void fusionPreservesTheInterpretersOutputsAndIsAFixedPoint() {
        qt().withExamples(300)
                .forAll(
                        longs().between(0, 1_000_000),
                        integers().between(1, 4),
                        integers().between(2, 5),
                        steps())
                .checkAssert(this::check);
        for (String op : PRODUCED)
            if (!seen.contains(op)) throw new AssertionError("no example produced " + op + "; produced " + seen);
    }

    @Test
    void fusionRemovesOpsFromAConvBatchNormReluChain() {
        // conv(3x3), batch_norm, relu: the pass must shrink it to one fused conv (a guard that the property above
        // exercises the patterns rather than passing vacuously).
        String text = FusionGraphs.module(7, 2, 4, List.of(0, 1, 4));
        Operation m = parse(text);
        Map<String, Integer> before = PassTestSupport.opCounts(m);
        PassTestSupport.run("graph-fuse", m);
        Map<String, Integer> after = PassTestSupport.opCounts(m);
        if (!after.containsKey("graph.fused_conv") || after.containsKey("graph.batch_normalization"))
            throw new AssertionError("not fused: " + before + " -> " + after + "\n" + PassTestSupport.print(m));
    }

    private void check(long seed, int channels, int size, List<Integer> steps) {
        String text = FusionGraphs.module(seed, channels, size, steps);
        Operation before = parse(text);
        Operation after = parse(text);
        Tensor input = randomInput(seed, channels, size);
        List<Tensor> expected = run(before, input);
        PassTestSupport.run("graph-fuse", after);
        seen.addAll(PassTestSupport.opCounts(after).keySet());
        List<Tensor> actual;
        try {
            actual = run(after, input);
        } catch (RuntimeException e) {
            throw failure(steps, text, after, "the fused IR does not run: " + e);
        }
        IrPrinter full = new IrPrinter(PrintOptions.DEFAULT);
        String once = full.print(after);
        Operation again = parse(once);
        PassTestSupport.run("graph-fuse", again);
        if (!full.print(again).equals(once))
            throw failure(steps, text, again, "a second graph-fuse changed the IR (not a fixed point)");
        for (int i = 0; i < expected.size(); i++) {
            float[] e = expected.get(i).toF32().floats(),
                    a = actual.get(i).toF32().floats();
            if (!Arrays.equals(expected.get(i).shape(), actual.get(i).shape()))
                throw failure(steps, text, after, "output #" + i + " changed shape");
            double rel = GraphFuseModelsTest.relativeError(e, a);
            if (!(rel <= TOLERANCE))
                throw failure(steps, text, after, "output #" + i + " differs by " + rel + " of its largest magnitude");
        }
    }

    private static AssertionError failure(List<Integer> steps, String before, Operation after, String what) {
        return new AssertionError(what + "\nsteps: " + FusionGraphs.describe(steps) + "\n--- before graph-fuse:\n"
                + before + "--- after graph-fuse:\n" + PassTestSupport.print(after));
    }

    private static List<Tensor> run(Operation module, Tensor input) {
        return Interpreter.load(module).run("main", List.of(input), RunOptions.defaults());
    }

    private static Tensor randomInput(long seed, int c, int hw) {
        Random r = new Random(~seed);
        float[] x = new float[c * hw * hw];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * 2);
        return Tensor.of(x, 1, c, hw, hw);
    }

    private static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> op = IrParser.parse(
                new SourceFile("fusion.ir", text), new ParserConfig(false), DiagnosticEngine.collecting(diags));
        if (op.isEmpty() || !diags.isEmpty())
            throw new AssertionError("generated IR does not parse: " + diags + "\n" + text);
        List<Diagnostic> verify = new ArrayList<>();
        if (!dev.dal.ir.verify.Verifier.verify(op.get(), DiagnosticEngine.collecting(verify)))
            throw new AssertionError("generated IR does not verify: " + verify + "\n" + text);
        return op.get();
    }
}
