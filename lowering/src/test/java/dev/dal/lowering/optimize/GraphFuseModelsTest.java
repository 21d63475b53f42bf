package dev.dal.lowering.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.TensorProtos;
import dev.dal.onnx.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code canonicalize,graph-fuse} on every shared model: fewer ops, no BatchNormalization, Identity or Dropout left,
 * and every test data set's reference output still reproduced within 1e-4 of its largest magnitude. Prints the
 * per-op-type counts before and after.
 */
class GraphFuseModelsTest {
    private static final double TOLERANCE = 1e-4;
    private static final List<String> GONE = List.of("graph.batch_normalization", "graph.identity", "graph.dropout");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "digits_cnn/model.onnx",
                "digits_vit/model.onnx",
                "mobilenet_v2/model.onnx",
                "ppocr_cls/model.onnx",
                "ppocr_cls/model_static.onnx"
            })
    void fusedModelHasFewerOpsAndReproducesTheReferenceOutputs(String relative) throws Exception {
        Path file = SharedModels.dir().resolve(relative);
        SharedModels.requireOnMachine(Files.isRegularFile(file), "shared model " + file + " is missing");
        Operation module = OnnxImporter.importFile(file, OnnxImporter.Options.DEFAULT);
        Map<String, Integer> before = PassTestSupport.opCounts(module);
        PassTestSupport.run("canonicalize,graph-fuse", module);
        Map<String, Integer> after = PassTestSupport.opCounts(module);
        System.out.println(table(relative, before, after));

        assertTrue(
                PassTestSupport.total(after) < PassTestSupport.total(before),
                relative + ": op count did not drop: " + before + " -> " + after);
        for (String op : GONE) assertTrue(!after.containsKey(op), relative + ": " + op + " remains: " + after);

        Interpreter interp = Interpreter.load(module);
        String fn = interp.functionNames().getFirst();
        List<Path> sets;
        try (Stream<Path> s = Files.list(file.getParent())) {
            sets = s.filter(d -> d.getFileName().toString().startsWith("test_data_set_"))
                    .sorted()
                    .toList();
        }
        assertTrue(!sets.isEmpty(), "no test data sets next to " + file);
        for (Path set : sets) {
            Tensor in = TensorProtos.read(set.resolve("input_0.pb"));
            Tensor expected = TensorProtos.read(set.resolve("output_0.pb")).toF32();
            Tensor actual = interp.run(fn, List.of(in), RunOptions.defaults())
                    .getFirst()
                    .toF32();
            assertArrayEquals(expected.shape(), actual.shape(), set + ": output shape");
            double rel = relativeError(expected.floats(), actual.floats());
            System.out.println(relative + " " + set.getFileName() + ": max relative error after fusion " + rel);
            assertTrue(rel <= TOLERANCE, set + ": error " + rel + " of the largest output exceeds " + TOLERANCE);
        }
    }

    /** {@return the largest absolute difference divided by the largest magnitude of {@code expected}} */
    static double relativeError(float[] expected, float[] actual) {
        double max = 0, err = 0;
        for (float v : expected) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < expected.length; i++) err = Math.max(err, Math.abs((double) expected[i] - actual[i]));
        return err / Math.max(max, Float.MIN_NORMAL);
    }

    private static String table(String model, Map<String, Integer> before, Map<String, Integer> after) {
        StringBuilder sb = new StringBuilder("op counts of " + model + " before -> after canonicalize,graph-fuse\n");
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names)
            sb.append(String.format("  %-30s %5d %5d%n", n, before.getOrDefault(n, 0), after.getOrDefault(n, 0)));
        sb.append(
                String.format("  %-30s %5d %5d", "total", PassTestSupport.total(before), PassTestSupport.total(after)));
        return sb.toString();
    }
}
