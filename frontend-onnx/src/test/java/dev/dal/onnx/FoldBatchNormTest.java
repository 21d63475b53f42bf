package dev.dal.onnx;

import static dev.dal.onnx.builder.ModelBuilder.attr;
import static dev.dal.onnx.builder.ModelBuilder.ints;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.dialect.graph.FoldBatchNormIntoConv;
import dev.dal.ir.Operation;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Folding inference BatchNormalization into the conv before it keeps the model's outputs. */
class FoldBatchNormTest {
    private static float[] rand(Random r, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextFloat();
        return v;
    }

    /** conv (with or without bias) -> BN -> relu; with {@code tap}, the conv's result is also an output. */
    private static ModelProto model(boolean bias, boolean tap) {
        Random r = new Random(bias ? 1 : 2);
        ModelBuilder b = ModelBuilder.graph("g").input("x", FLOAT, 1, 3, 6, 6);
        b.initializer(ModelBuilder.floatTensor("w", new long[] {4, 3, 3, 3}, rand(r, 108, -1, 1)));
        if (bias) b.initializer(ModelBuilder.floatTensor("cb", new long[] {4}, rand(r, 4, -1, 1)));
        b.initializer(ModelBuilder.floatTensor("s", new long[] {4}, rand(r, 4, 0.5f, 1.5f)));
        b.initializer(ModelBuilder.floatTensor("b", new long[] {4}, rand(r, 4, -1, 1)));
        b.initializer(ModelBuilder.floatTensor("m", new long[] {4}, rand(r, 4, -1, 1)));
        b.initializer(ModelBuilder.floatTensor("v", new long[] {4}, rand(r, 4, 0.2f, 2f)));
        b.node(
                "conv",
                "Conv",
                bias ? List.of("x", "w", "cb") : List.of("x", "w"),
                List.of("c"),
                ints("pads", 1, 1, 1, 1));
        b.node("bn", "BatchNormalization", List.of("c", "s", "b", "m", "v"), List.of("n"), attr("epsilon", 1e-3f));
        b.node("relu", "Relu", List.of("n"), List.of("y"));
        b.output("y", FLOAT, 1, 4, 6, 6);
        if (tap) b.output("c", FLOAT, 1, 4, 6, 6);
        return b.build();
    }

    private static long count(Operation module, String name) {
        return OnnxImporterTest.ops(module).stream()
                .filter(o -> o.name().equals(name))
                .count();
    }

    private static float[] run(Operation module, Tensor x) {
        Interpreter in = Interpreter.load(module);
        return in.run(in.functionNames().getFirst(), List.of(x), RunOptions.defaults())
                .getFirst()
                .floats();
    }

    @Test
    void foldedConvGivesTheSameOutputsWithAndWithoutBias() throws Exception {
        Tensor x = Tensor.of(rand(new Random(5), 108, -2, 2), 1, 3, 6, 6);
        for (boolean bias : new boolean[] {false, true}) {
            float[] want = run(TestSupport.importModel(model(bias, false)), x);
            Operation folded = TestSupport.importModel(model(bias, false));
            assertEquals(1, FoldBatchNormIntoConv.run(folded).rewrites());
            assertEquals(List.of(), TestSupport.verify(folded));
            assertEquals(0, count(folded, "graph.batch_normalization"));
            float[] got = run(folded, x);
            double max = 0;
            for (float v : want) max = Math.max(max, Math.abs(v));
            for (int i = 0; i < want.length; i++)
                assertTrue(Math.abs(want[i] - got[i]) <= 1e-5 * max, "bias " + bias + " element " + i);
        }
    }

    @Test
    void aConvWhoseResultIsAlsoUsedElsewhereStays() throws Exception {
        Operation module = TestSupport.importModel(model(false, true));
        assertEquals(0, FoldBatchNormIntoConv.run(module).rewrites());
        assertEquals(1, count(module, "graph.batch_normalization"));
    }
}
