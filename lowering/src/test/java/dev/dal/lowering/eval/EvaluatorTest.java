package dev.dal.lowering.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The evaluator matches layers by location, dequantizes through its hook, and merges samples deterministically. */
class EvaluatorTest {
    /** relu(x + x), its ops named add1 and relu1. */
    private static final String FLOAT = """
            func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
              %a = graph.add %x, %x : tensor<1x4xf32> loc("add1")
              %r = graph.relu %a : tensor<1x4xf32> loc("relu1")
              return %r : tensor<1x4xf32>
            }
            """;

    /**
     * The same computation with other ops and names: add0 (only here), relu under a fused location ending in relu1,
     * and an i32 output that only a dequantizer turns into reals.
     */
    private static final String QUANTIZED = """
            func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xi32> {
              %a = graph.add %x, %x : tensor<1x4xf32> loc("add0")
              %r = graph.relu %a : tensor<1x4xf32> loc(fused["add1", "relu1"])
              %i = graph.cast %r {to = 6 : i64} : (tensor<1x4xf32>) -> tensor<1x4xi32> loc("cast1")
              return %i : tensor<1x4xi32>
            }
            """;

    /** Integers stand for themselves: the hook the quantized element types extend. */
    private static final Dequantizer INTEGERS_TOO = (value, type) -> {
        if (value.dtype() != DType.I32) return Dequantizer.FLOATS.realValues(value, type);
        float[] out = new float[value.size()];
        for (int i = 0; i < out.length; i++) out[i] = value.getLong(i);
        return Optional.of(out);
    };

    private static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> op = IrParser.parse(
                new SourceFile("m.ir", text), new ParserConfig(false), DiagnosticEngine.collecting(diags));
        if (op.isEmpty() || !diags.isEmpty()) throw new AssertionError(diags + "\n" + text);
        return op.get();
    }

    /** Samples of whole numbers in [-8, 8], so the i32 output is exact. */
    private static SampleSource samples(int n, long seed) {
        Random r = new Random(seed);
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[4];
            for (int k = 0; k < 4; k++) x[k] = r.nextInt(17) - 8;
            xs.add(Tensor.of(x, 1, 4));
        }
        return new SampleSource() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public String describe(int i) {
                return "sample " + i;
            }

            @Override
            public Map<String, Tensor> inputs(int i) {
                return Map.of("0", xs.get(i));
            }
        };
    }

    private static Evaluator evaluator(String quantized, Dequantizer d, int threads) throws EvalException {
        return Evaluator.create(
                new Evaluator.Model("f.ir", parse(FLOAT), "main"),
                new Evaluator.Model("q.ir", parse(quantized), "main"),
                d,
                threads);
    }

    @Test
    void layersMatchByLocationAndAFusedLocationNamesItsLastPart() throws Exception {
        EvalReport r = evaluator(QUANTIZED, INTEGERS_TOO, 2).evaluate(samples(5, 1), Optional.empty());
        assertEquals(1, r.layers().size());
        EvalReport.LayerResult relu = r.layers().getFirst();
        assertEquals("relu1", relu.name());
        assertEquals("graph.relu", relu.floatOp());
        assertEquals(1.0, relu.metrics().cosine(), 1e-12);
        assertEquals(0.0, relu.metrics().mse());
        assertTrue(
                r.notes().stream().anyMatch(n -> n.contains("only in the float model: add1")),
                r.notes().toString());
        assertTrue(
                r.notes().stream().anyMatch(n -> n.contains("only in the quantized model: add0, cast1")),
                r.notes().toString());
    }

    @Test
    void outputsAreComparedThroughTheDequantizer() throws Exception {
        EvalReport r = evaluator(QUANTIZED, INTEGERS_TOO, 1).evaluate(samples(5, 2), Optional.empty());
        assertEquals(0.0, r.outputs().getFirst().metrics().maxAbsError());
        EvalException e = assertThrows(
                EvalException.class,
                () -> evaluator(QUANTIZED, Dequantizer.FLOATS, 1).evaluate(samples(5, 2), Optional.empty()));
        assertTrue(e.getMessage().contains("output '0' cannot be compared: no real values"), e.getMessage());
    }

    @Test
    void theReportDoesNotDependOnTheThreadCount() throws Exception {
        String perturbed = FLOAT.replace("%r = graph.relu %a", "%r = graph.sigmoid %a");
        EvalReport one = evaluator(perturbed, Dequantizer.FLOATS, 1).evaluate(samples(40, 3), Optional.empty());
        EvalReport four = evaluator(perturbed, Dequantizer.FLOATS, 4).evaluate(samples(40, 3), Optional.empty());
        assertEquals(one.outputs(), four.outputs());
        assertEquals(one.layers(), four.layers());
        assertTrue(one.outputs().getFirst().metrics().mse() > 0, "sigmoid differs from relu");
    }

    @Test
    void noSamplesIsAnError() {
        EvalException e = assertThrows(
                EvalException.class,
                () -> evaluator(QUANTIZED, INTEGERS_TOO, 1).evaluate(samples(0, 4), Optional.empty()));
        assertEquals("no samples to evaluate", e.getMessage());
    }

    @Test
    void locationsNameLayers() {
        assertEquals(Optional.of("a"), LayerMap.name(Location.name("a")));
        assertEquals(Optional.of("f.ir:3:7"), LayerMap.name(new Location.FileLineCol("f.ir", 3, 7)));
        assertEquals(
                Optional.of("b"),
                LayerMap.name(new Location.Fused(List.of(Location.name("a"), Location.name("b")), Optional.empty())));
        assertEquals(Optional.empty(), LayerMap.name(Location.unknown()));
    }
}
