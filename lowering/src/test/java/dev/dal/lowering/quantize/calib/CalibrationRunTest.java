package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.lowering.quantize.data.SampleReaders;
import dev.dal.lowering.quantize.data.SampleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics collected through the interpreter's probe: keys, values, and independence from the worker count. */
class CalibrationRunTest {
    @TempDir
    Path dir;

    private static final String MODEL = """
            func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
              %c = graph.constant {value = dense<[[1.0, -2.0, 3.0, 0.5]]> : tensor<1x4xf32>} : tensor<1x4xf32>
              %0 = graph.relu %x : tensor<1x4xf32> loc("relu1")
              %1 = graph.mul %0, %c : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32> loc("scale")
              %2 = graph.tanh %1 : tensor<1x4xf32> loc("scale")
              %3 = graph.sigmoid %x : tensor<1x4xf32>
              %4 = graph.add %2, %3 : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32> loc(fused["a", "b"])
              return %4 : tensor<1x4xf32>
            }
            """;

    static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = IrParser.parse(
                new SourceFile("calib.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        assertTrue(m.isPresent() && diags.isEmpty(), () -> "parse failed: " + diags);
        return m.get();
    }

    private SampleSet samples(int n) throws Exception {
        Random r = new Random(5);
        float[] v = new float[n * 4];
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * 3);
        Path f = dir.resolve("x.npy");
        Npy.write(f, Tensor.of(v, n, 1, 4));
        CalibrationRun run = CalibrationRun.of(parse(MODEL), "main");
        return SampleReaders.open(f, run.inputs(), ReadOptions.defaults());
    }

    @Test
    void everyFloatResultIsKeyedByItsLocationAndInputsByName() throws Exception {
        CalibrationRun run = CalibrationRun.of(parse(MODEL), "main");
        CalibrationStats stats = run.collect(samples(10), TensorStats::withHistogram, 2);
        List<String> keys =
                stats.values().keySet().stream().map(ValueKey::toString).toList();
        // the constant is not observed; a shared name gets #2; an unnamed op its name and position; fused names join
        assertEquals(List.of("input 0", "relu1", "scale", "scale#2", "graph.sigmoid@4", "a+b"), keys);
        assertEquals(10, stats.samples());
        assertTrue(stats.get(new ValueKey("relu1", 0)).orElseThrow().min() >= 0);
        TensorStats tanh = stats.get(new ValueKey("scale#2", 0)).orElseThrow();
        assertTrue(tanh.absMax() <= 1);
        assertEquals(40, tanh.count());
    }

    @Test
    void inputStatisticsAreThoseOfTheSamples() throws Exception {
        SampleSet s = samples(7);
        TensorStats direct = TensorStats.withHistogram();
        for (int i = 0; i < s.size(); i++) direct.observe(s.sample(i).get("0"));
        CalibrationStats stats = CalibrationRun.of(parse(MODEL), "main").collect(s, TensorStats::withHistogram, 3);
        assertEquals(direct, stats.get(ValueKey.input("0")).orElseThrow());
    }

    @Test
    void statisticsDoNotDependOnTheNumberOfWorkers() throws Exception {
        SampleSet s = samples(23);
        CalibrationRun run = CalibrationRun.of(parse(MODEL), "main");
        CalibrationStats one = run.collect(s, TensorStats::withHistogram, 1);
        for (int w : new int[] {2, 3, 8}) assertEquals(one, run.collect(s, TensorStats::withHistogram, w));
        Map<ValueKey, Double> kl = one.thresholds(Calibrator.kl());
        Map<ValueKey, Double> mm = one.thresholds(Calibrator.minMax());
        kl.forEach((k, t) -> assertTrue(t <= mm.get(k), k + ": KL threshold above the largest magnitude"));
    }

    @Test
    void statisticsOfShardsMergeToThoseOfTheWholeSet() throws Exception {
        SampleSet all = samples(12);
        CalibrationRun run = CalibrationRun.of(parse(MODEL), "main");
        CalibrationStats whole = run.collect(all, TensorStats::withHistogram, 1);
        CalibrationStats first = run.collect(slice(all, 0, 5), TensorStats::withHistogram, 1);
        CalibrationStats second = run.collect(slice(all, 5, 12), TensorStats::withHistogram, 2);
        assertEquals(whole, first.merge(second));
        assertEquals(whole, second.merge(first));
    }

    private static SampleSet slice(SampleSet s, int from, int to) {
        return new SampleSet() {
            @Override
            public int size() {
                return to - from;
            }

            @Override
            public Map<String, Tensor> sample(int i) throws DataException {
                return s.sample(from + i);
            }

            @Override
            public String source(int i) {
                return s.source(from + i);
            }
        };
    }

    @Test
    void theRunKnowsTheKeyOfEachOp() throws Exception {
        Operation module = parse(MODEL);
        CalibrationRun run = CalibrationRun.of(module, "main");
        List<Operation> ops = new ArrayList<>();
        module.walk(o -> {
            if (o.name().equals("graph.tanh")) ops.add(o);
        });
        assertEquals(Optional.of(new ValueKey("scale#2", 0)), run.keyOf(ops.getFirst(), 0));
    }

    @Test
    void noSamplesOrNoFunctionAreErrors() throws Exception {
        CalibrationRun run = CalibrationRun.of(parse(MODEL), "main");
        assertThrows(DataException.class, () -> run.collect(slice(samples(3), 0, 0), TensorStats::minMax, 2));
        DataException e = assertThrows(DataException.class, () -> CalibrationRun.of(parse(MODEL), "nope"));
        assertTrue(e.getMessage().contains("@nope"), e.getMessage());
        assertFalse(run.inputs().isEmpty());
    }

    private static final String DYNAMIC = """
            func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
              %0 = graph.relu %x : tensor<?x4xf32> loc("relu1")
              %1 = graph.tanh %0 : tensor<?x4xf32> loc("t")
              return %1 : tensor<?x4xf32>
            }
            """;

    /** Reshapes to a fixed batch of one: a batch of several samples fails and is run again sample by sample. */
    private static final String BATCH_OF_ONE = """
            func.func @main(%x: tensor<?x4xf32>) -> tensor<1x4xf32> {
              %s = graph.constant {value = dense<[1, 4]> : tensor<2xi64>} : tensor<2xi64>
              %0 = graph.relu %x : tensor<?x4xf32> loc("relu1")
              %1 = graph.reshape %0, %s : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<1x4xf32> loc("r")
              %2 = graph.tanh %1 : tensor<1x4xf32> loc("t")
              return %2 : tensor<1x4xf32>
            }
            """;

    @Test
    void batchedRunsGiveTheStatisticsOfSingleRuns() throws Exception {
        for (String model : List.of(DYNAMIC, BATCH_OF_ONE)) {
            CalibrationRun run = CalibrationRun.of(parse(model), "main");
            Random r = new Random(9);
            float[] v = new float[11 * 4];
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
            Path f = dir.resolve("d.npy");
            Npy.write(f, Tensor.of(v, 11, 1, 4));
            SampleSet s = SampleReaders.open(f, run.inputs(), ReadOptions.defaults());
            assertEquals(11, s.size());
            CalibrationStats single = run.collect(s, TensorStats::withHistogram, 1, 1);
            assertEquals(single, run.collect(s, TensorStats::withHistogram, 2, 4));
            assertEquals(single, run.collect(s, TensorStats::withHistogram, 1, 16));
            assertEquals(44, single.get(new ValueKey("t", 0)).orElseThrow().count());
        }
    }
}
