package dev.dal.onnx;

import static dev.dal.onnx.builder.ModelBuilder.attr;
import static dev.dal.onnx.builder.ModelBuilder.floats;
import static dev.dal.onnx.builder.ModelBuilder.ints;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.dal.ir.Operation;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Older-opset forms are normalised into the newest ones: each case checks the IR's shape (attributes became
 * constant operands) and that ONNX Runtime runs the original model and the exported one (written at opset 18) to
 * the same outputs.
 */
class NormalisationTest {
    private static final long[] SHAPE = {1, 2, 4, 4};

    /** {@return the outputs of running {@code m} in ONNX Runtime on input {@code x} of {@code dims}} */
    static List<float[]> run(ModelProto m, float[] x, long[] dims) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<float[]> out = new ArrayList<>();
        try (OrtSession s = env.createSession(m.toByteArray(), new OrtSession.SessionOptions());
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), dims);
                OrtSession.Result r = s.run(Map.of("x", t))) {
            for (Map.Entry<String, OnnxValue> e : r) {
                FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] f = new float[fb.remaining()];
                fb.get(f);
                out.add(f);
            }
        }
        return out;
    }

    static float[] input(long[] dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        Random r = new Random(42);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    /** Imports, checks the IR, exports and compares ONNX Runtime's outputs of both files. */
    static Operation check(ModelProto m, long[] dims) throws Exception {
        Operation module = TestSupport.importModel(m);
        assertEquals(List.of(), TestSupport.verify(module));
        ModelProto exported = OnnxExporter.export(module);
        assertEquals(18, exported.getOpsetImport(0).getVersion());
        float[] x = input(dims);
        List<float[]> want = run(m, x, dims), got = run(exported, x, dims);
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) assertArrayEquals(want.get(i), got.get(i), 1e-6f, "output " + i);
        return module;
    }

    static ModelBuilder unary(long opset, String op, AttributeProtoList attrs) {
        return ModelBuilder.graph("g")
                .opset(opset)
                .input("x", FLOAT, SHAPE)
                .node("n", op, List.of("x"), List.of("y"), attrs.items());
    }

    /** Varargs holder so the helpers read well. */
    record AttributeProtoList(dev.dal.onnx.proto.Onnx.AttributeProto... items) {}

    static AttributeProtoList attrs(dev.dal.onnx.proto.Onnx.AttributeProto... a) {
        return new AttributeProtoList(a);
    }

    static Operation op(Operation module, String name) {
        return OnnxImporterTest.only(module, name);
    }

    @Test
    void slice9AttributesBecomeConstantOperands() throws Exception {
        ModelProto m = unary(9, "Slice", attrs(ints("starts", 1, 0), ints("ends", 3, 2), ints("axes", 2, 3)))
                .outputUnranked("y", FLOAT)
                .build();
        Operation s = op(check(m, SHAPE), "graph.slice");
        assertEquals(5, s.numOperands());
        assertArrayEquals(new long[] {1, 0}, OnnxImporterTest.constInts(s.operand(1)));
        assertArrayEquals(new long[] {3, 2}, OnnxImporterTest.constInts(s.operand(2)));
        assertArrayEquals(new long[] {2, 3}, OnnxImporterTest.constInts(s.operand(3)));
        assertTrue(OnnxImporterTest.isNone(s.operand(4)));
        assertFalse(s.attribute("starts").isPresent());
    }

    @Test
    void squeezeAndUnsqueeze11AxesBecomeOperands() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(11)
                .input("x", FLOAT, SHAPE)
                .node("u", "Unsqueeze", List.of("x"), List.of("u1"), ints("axes", 0))
                .node("s", "Squeeze", List.of("u1"), List.of("y"), ints("axes", 0, 1))
                .outputUnranked("y", FLOAT)
                .build();
        Operation module = check(m, SHAPE);
        assertArrayEquals(
                new long[] {0, 1},
                OnnxImporterTest.constInts(op(module, "graph.squeeze").operand(1)));
        assertArrayEquals(
                new long[] {0},
                OnnxImporterTest.constInts(op(module, "graph.unsqueeze").operand(1)));
    }

    @Test
    void reduceAxesBecomeOperandsBeforeTheirOpset() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(11)
                .input("x", FLOAT, SHAPE)
                .node("a", "ReduceMean", List.of("x"), List.of("y"), ints("axes", 2, 3), attr("keepdims", 0L))
                .node("b", "ReduceSum", List.of("x"), List.of("z"), ints("axes", 1))
                .outputUnranked("y", FLOAT)
                .outputUnranked("z", FLOAT)
                .build();
        Operation module = check(m, SHAPE);
        assertArrayEquals(
                new long[] {2, 3},
                OnnxImporterTest.constInts(op(module, "graph.reduce_mean").operand(1)));
        assertArrayEquals(
                new long[] {1},
                OnnxImporterTest.constInts(op(module, "graph.reduce_sum").operand(1)));
        assertEquals(
                dev.dal.ir.IntegerAttr.i64(0),
                op(module, "graph.reduce_mean").attribute("keepdims").get());
    }

    @Test
    void reduceMean13AxesStillAnAttributeBecomesAnOperand() throws Exception {
        ModelProto m = unary(13, "ReduceMean", attrs(ints("axes", 1)))
                .outputUnranked("y", FLOAT)
                .build();
        assertArrayEquals(
                new long[] {1},
                OnnxImporterTest.constInts(
                        op(check(m, SHAPE), "graph.reduce_mean").operand(1)));
    }

    @Test
    void pad10PadsAndValueBecomeOperands() throws Exception {
        ModelProto m = unary(10, "Pad", attrs(ints("pads", 0, 0, 1, 2, 0, 0, 2, 1), attr("value", 1.5f)))
                .outputUnranked("y", FLOAT)
                .build();
        Operation p = op(check(m, SHAPE), "graph.pad");
        assertEquals(4, p.numOperands());
        assertArrayEquals(new long[] {0, 0, 1, 2, 0, 0, 2, 1}, OnnxImporterTest.constInts(p.operand(1)));
        assertEquals(1.5, OnnxImporterTest.constScalar(p.operand(2)));
    }

    @Test
    void clip10MinMaxBecomeScalarOperands() throws Exception {
        ModelProto m = unary(10, "Clip", attrs(attr("min", -0.5f), attr("max", 0.25f)))
                .outputUnranked("y", FLOAT)
                .build();
        Operation c = op(check(m, SHAPE), "graph.clip");
        assertEquals(-0.5, OnnxImporterTest.constScalar(c.operand(1)));
        assertEquals(0.25, OnnxImporterTest.constScalar(c.operand(2)));
    }

    @Test
    void split11SplitBecomesAnOperandAndSplit13WithoutItGetsNumOutputs() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(11)
                .input("x", FLOAT, SHAPE)
                .node("s", "Split", List.of("x"), List.of("a", "b"), attr("axis", 2L), ints("split", 1, 3))
                .outputUnranked("a", FLOAT)
                .outputUnranked("b", FLOAT)
                .build();
        assertArrayEquals(
                new long[] {1, 3},
                OnnxImporterTest.constInts(op(check(m, SHAPE), "graph.split").operand(1)));
        ModelProto m13 = ModelBuilder.graph("g")
                .opset(13)
                .input("x", FLOAT, SHAPE)
                .node("s", "Split", List.of("x"), List.of("a", "b"), attr("axis", 3L))
                .outputUnranked("a", FLOAT)
                .outputUnranked("b", FLOAT)
                .build();
        Operation s = op(check(m13, SHAPE), "graph.split");
        assertEquals(dev.dal.ir.IntegerAttr.i64(2), s.attribute("num_outputs").orElseThrow());
    }

    @Test
    void dropout10RatioBecomesAnOperandAndBatchNorm7DropsSpatial() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(7)
                .input("x", FLOAT, SHAPE)
                .initializer(ModelBuilder.floatTensor("s", new long[] {2}, 1.5f, 0.5f))
                .initializer(ModelBuilder.floatTensor("b", new long[] {2}, 0.1f, -0.2f))
                .initializer(ModelBuilder.floatTensor("mu", new long[] {2}, 0.3f, 0.0f))
                .initializer(ModelBuilder.floatTensor("var", new long[] {2}, 2f, 0.5f))
                .node(
                        "bn",
                        "BatchNormalization",
                        List.of("x", "s", "b", "mu", "var"),
                        List.of("h"),
                        attr("spatial", 1L),
                        attr("epsilon", 1e-5f))
                .node("d", "Dropout", List.of("h"), List.of("y"), attr("ratio", 0.25f))
                .outputUnranked("y", FLOAT)
                .build();
        Operation module = check(m, SHAPE);
        assertFalse(op(module, "graph.batch_normalization").attribute("spatial").isPresent());
        Operation d = op(module, "graph.dropout");
        assertEquals(0.25, OnnxImporterTest.constScalar(d.operand(1)));
        assertFalse(d.attribute("ratio").isPresent());
    }

    @Test
    void topK9KBecomesAnOperand() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(9)
                .input("x", FLOAT, SHAPE)
                .node("t", "TopK", List.of("x"), List.of("v", "i"), attr("k", 2L))
                .outputUnranked("v", FLOAT)
                .build();
        assertArrayEquals(
                new long[] {2},
                OnnxImporterTest.constInts(op(check(m, SHAPE), "graph.top_k").operand(1)));
    }

    @Test
    void upsample8ScalesBecomeAnOperandAndExportAsResize() throws Exception {
        ModelProto m = unary(8, "Upsample", attrs(floats("scales", 1f, 1f, 2f, 2f), attr("mode", "nearest")))
                .outputUnranked("y", FLOAT)
                .build();
        Operation module = check(m, SHAPE);
        Operation u = op(module, "graph.upsample");
        assertEquals(2, u.numOperands());
        assertFalse(u.attribute("scales").isPresent());
        assertEquals(
                "Resize",
                OnnxExporter.export(module).getGraph().getNodeList().stream()
                        .filter(n -> n.getName().equals("n"))
                        .findFirst()
                        .orElseThrow()
                        .getOpType());
    }

    @Test
    void resize10BecomesTheFourInputFormWithAsymmetricCoordinates() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(10)
                .input("x", FLOAT, SHAPE)
                .initializer(ModelBuilder.floatTensor("sc", new long[] {4}, 1f, 1f, 2f, 2f))
                .node("r", "Resize", List.of("x", "sc"), List.of("y"), attr("mode", "nearest"))
                .outputUnranked("y", FLOAT)
                .build();
        Operation r = op(check(m, SHAPE), "graph.resize");
        assertEquals(4, r.numOperands());
        assertTrue(OnnxImporterTest.isNone(r.operand(1)) && OnnxImporterTest.isNone(r.operand(3)));
        assertEquals(
                dev.dal.ir.StringAttr.of("asymmetric"),
                r.attribute("coordinate_transformation_mode").get());
    }

    @Test
    void softmax11OverAMiddleAxisBecomesFlattenSoftmaxReshape() throws Exception {
        ModelProto m = unary(11, "Softmax", attrs(attr("axis", 1L)))
                .outputUnranked("y", FLOAT)
                .build();
        Operation module = check(m, SHAPE);
        op(module, "graph.flatten");
        assertEquals(
                dev.dal.ir.IntegerAttr.i64(1),
                op(module, "graph.softmax").attribute("axis").get());
        op(module, "graph.reshape");
        ModelProto last = unary(11, "LogSoftmax", attrs(attr("axis", 3L)))
                .outputUnranked("y", FLOAT)
                .build();
        Operation module2 = check(last, SHAPE);
        assertEquals(
                List.of("graph.log_softmax", "func.return"),
                OnnxImporterTest.ops(module2).stream().map(Operation::name).toList());
    }

    @Test
    void loopBodyIsARegionReadingOuterValuesAndRunsTheSameInOnnxRuntime() throws Exception {
        var body = ModelBuilder.graph("body")
                .input("i", dev.dal.onnx.proto.Onnx.TensorProto.DataType.INT64)
                .input("cond", dev.dal.onnx.proto.Onnx.TensorProto.DataType.BOOL)
                .input("v", FLOAT, SHAPE)
                .node("bc", "Identity", List.of("cond"), List.of("cond_out"))
                .node("acc", "Add", List.of("v", "x"), List.of("v_out"))
                .output("cond_out", dev.dal.onnx.proto.Onnx.TensorProto.DataType.BOOL)
                .output("v_out", FLOAT, SHAPE)
                .buildGraph();
        ModelProto m = ModelBuilder.graph("g")
                .opset(13)
                .input("x", FLOAT, SHAPE)
                .initializer(ModelBuilder.int64Tensor("trips", new long[] {}, 3))
                .node("loop", "Loop", List.of("trips", "", "x"), List.of("y"), attr("body", body))
                .outputUnranked("y", FLOAT)
                .build();
        Operation loop = op(check(m, SHAPE), "graph.loop");
        assertEquals(3, loop.numOperands());
        assertTrue(OnnxImporterTest.isNone(loop.operand(1)));
        assertEquals(3, loop.region(0).entry().arguments().size());
        assertEquals(
                "graph.yield", loop.region(0).entry().lastOp().orElseThrow().name());
    }
}
