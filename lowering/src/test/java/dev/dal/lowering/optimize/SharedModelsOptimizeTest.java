package dev.dal.lowering.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.TensorProtos;
import dev.dal.onnx.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the shared models, {@code graph-fold-constants,canonicalize,cse} leaves no Identity or Dropout, does not add
 * ops, and the optimized model still reproduces every stored reference output within 1e-4 of its largest magnitude.
 * The op counts before and after are printed per op type.
 */
class SharedModelsOptimizeTest {
    private static final double TOLERANCE = 1e-4;
    private static final String PIPELINE = "graph-fold-constants,canonicalize,cse";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "digits_cnn/model.onnx",
                "digits_vit/model.onnx",
                "mobilenet_v2/model.onnx",
                "ppocr_cls/model.onnx",
                "ppocr_cls/model_static.onnx"
            })
    void optimizedModelsKeepTheirReferenceOutputs(String relative) throws Exception {
        Path file = SharedModels.dir().resolve(relative);
        SharedModels.requireOnMachine(Files.isRegularFile(file), "shared model " + file + " is missing");
        Operation module = OnnxImporter.importFile(file, OnnxImporter.Options.DEFAULT);
        Map<String, Integer> before = opCounts(module);
        List<Diagnostic> diags = new ArrayList<>();
        PassManager pm = PipelineParser.parse(PIPELINE, PassRegistry.global());
        assertTrue(pm.run(module, new PassRunConfig(), DiagnosticEngine.collecting(diags)), () -> "failed: " + diags);
        Map<String, Integer> after = opCounts(module);
        System.out.println(relative + " ops before -> after " + PIPELINE + ": " + table(before, after));
        assertFalse(after.containsKey("graph.identity"), "an Identity survived");
        assertFalse(after.containsKey("graph.dropout"), "a Dropout survived");
        int total0 = before.values().stream().mapToInt(Integer::intValue).sum();
        int total1 = after.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total1 <= total0, () -> "ops grew from " + total0 + " to " + total1);

        Interpreter interp = Interpreter.load(module);
        List<Path> sets;
        try (Stream<Path> s = Files.list(file.getParent())) {
            sets = s.filter(d -> d.getFileName().toString().startsWith("test_data_set_"))
                    .sorted()
                    .toList();
        }
        assertFalse(sets.isEmpty(), "no test data sets next to " + file);
        for (Path set : sets) {
            Tensor in = TensorProtos.read(set.resolve("input_0.pb"));
            Tensor expected = TensorProtos.read(set.resolve("output_0.pb")).toF32();
            String fn = interp.functionNames().getFirst();
            Tensor actual = interp.run(fn, List.of(in), RunOptions.defaults())
                    .getFirst()
                    .toF32();
            assertArrayEquals(expected.shape(), actual.shape(), set + ": output shape");
            float[] e = expected.floats(), a = actual.floats();
            double max = 0, err = 0;
            for (float v : e) max = Math.max(max, Math.abs(v));
            for (int i = 0; i < e.length; i++) err = Math.max(err, Math.abs((double) e[i] - a[i]));
            double rel = err / Math.max(max, Float.MIN_NORMAL);
            assertTrue(rel <= TOLERANCE, set + ": max error " + err + " is " + rel + " of the largest output " + max);
        }
    }

    private static Map<String, Integer> opCounts(Operation module) {
        Map<String, Integer> counts = new TreeMap<>();
        module.walk(o -> {
            if (o.dialectName().equals("graph")) counts.merge(o.name(), 1, Integer::sum);
        });
        return counts;
    }

    private static String table(Map<String, Integer> before, Map<String, Integer> after) {
        TreeMap<String, String> rows = new TreeMap<>();
        for (String k : before.keySet()) rows.put(k, before.get(k) + "->" + after.getOrDefault(k, 0));
        for (String k : after.keySet()) rows.putIfAbsent(k, "0->" + after.get(k));
        return rows.toString();
    }
}
