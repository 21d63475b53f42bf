package dev.dal.onnx;

import static dev.dal.onnx.builder.ModelBuilder.attr;
import static dev.dal.onnx.builder.ModelBuilder.ints;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.INT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.FloatAttr;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models of default-domain opsets 1 to 6 import into the newest op forms (ONNX Runtime runs only opset 7 and
 * newer, so each case checks the IR and the interpreter's result against values computed by hand from the old
 * operator's definition).
 */
class LegacyOpsetTest {
    /** Imports, verifies and runs {@code m} on {@code args}. */
    static List<Tensor> importAndRun(ModelProto m, Tensor... args) throws OnnxException {
        Operation module = TestSupport.importModel(m);
        assertEquals(List.of(), TestSupport.verify(module));
        Interpreter interp = Interpreter.load(module);
        return interp.run(interp.functionNames().getFirst(), List.of(args), RunOptions.defaults());
    }

    static Operation op(Operation module, String name) {
        return OnnxImporterTest.only(module, name);
    }

    static Operation producer(dev.dal.ir.Value v) {
        return ((OpResult) v).owner();
    }

    /** {@return 0, 1, 2, ... scaled and shifted so that some values are negative} */
    static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = 0.25f * i - 3f;
        return x;
    }

    static String importError(ModelProto m) {
        return BadInputTest.importError(m);
    }

    // ---- limited broadcast -------------------------------------------------------------------------------------

    @Test
    void addBroadcastAtAxisOneUnsqueezesBToTheTrailingDimensions() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 3, 4, 5)
                .input("b", FLOAT, 3)
                .node("add", "Add", List.of("a", "b"), List.of("y"), attr("broadcast", 1L), attr("axis", 1L))
                .output("y", FLOAT, 2, 3, 4, 5)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation add = op(module, "graph.add");
        assertFalse(add.attribute("broadcast").isPresent());
        assertFalse(add.attribute("axis").isPresent());
        Operation u = producer(add.operand(1));
        assertEquals("graph.unsqueeze", u.name());
        assertArrayEquals(new long[] {1, 2}, OnnxImporterTest.constInts(u.operand(1)));
        assertEquals(List.of(3L, 1L, 1L), ((ShapedType) u.result(0).type()).shape());

        float[] a = ramp(120), b = {10f, 20f, 30f};
        float[] y = importAndRun(m, Tensor.of(a, 2, 3, 4, 5), Tensor.of(b, 3))
                .getFirst()
                .floats();
        float[] want = new float[120];
        for (int n = 0; n < 2; n++)
            for (int c = 0; c < 3; c++)
                for (int hw = 0; hw < 20; hw++) {
                    int i = (n * 3 + c) * 20 + hw;
                    want[i] = a[i] + b[c];
                }
        assertArrayEquals(want, y);
    }

    @Test
    void subBroadcastAtAxisZeroAndDivWithoutAxisMatchTheSuffix() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 3)
                .initializer(ModelBuilder.floatTensor("rows", new long[] {2}, 1f, -1f))
                .initializer(ModelBuilder.floatTensor("cols", new long[] {3}, 2f, 4f, 8f))
                .node("sub", "Sub", List.of("a", "rows"), List.of("s"), attr("broadcast", 1L), attr("axis", 0L))
                .node("div", "Div", List.of("s", "cols"), List.of("y"), attr("broadcast", 1L))
                .output("y", FLOAT, 2, 3)
                .build();
        Operation module = TestSupport.importModel(m);
        assertEquals(
                "graph.unsqueeze", producer(op(module, "graph.sub").operand(1)).name());
        assertEquals(
                "graph.constant", producer(op(module, "graph.div").operand(1)).name());
        float[] a = {1f, 2f, 3f, 4f, 5f, 6f};
        float[] y = importAndRun(m, Tensor.of(a, 2, 3)).getFirst().floats();
        assertArrayEquals(new float[] {0f / 2, 1f / 4, 2f / 8, 5f / 2, 6f / 4, 7f / 8}, y);
    }

    @Test
    void broadcastOfAOneElementTensorNeedsNoRewrite() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 2)
                .initializer(ModelBuilder.floatTensor("k", new long[] {1, 1}, 3f))
                .node("mul", "Mul", List.of("a", "k"), List.of("y"), attr("broadcast", 1L), attr("axis", 0L))
                .output("y", FLOAT, 2, 2)
                .build();
        assertArrayEquals(
                new float[] {3f, -6f, 9f, 0f},
                importAndRun(m, Tensor.of(new float[] {1f, -2f, 3f, 0f}, 2, 2))
                        .getFirst()
                        .floats());
    }

    @Test
    void broadcastThatDoesNotFitIsAnErrorNamingTheNode() {
        ModelProto tooLong = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 3, 4, 5)
                .input("b", FLOAT, 4, 5)
                .node("add7", "Add", List.of("a", "b"), List.of("y"), attr("broadcast", 1L), attr("axis", 3L))
                .output("y", FLOAT, 2, 3, 4, 5)
                .build();
        assertEquals(
                "test.onnx: error: node 'add7' (Add): B tensor<4x5xf32> does not fit into A tensor<2x3x4x5xf32> at"
                        + " axis 3",
                importError(tooLong));
        ModelProto mismatch = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 3, 4, 5)
                .input("b", FLOAT, 3)
                .node("mul2", "Mul", List.of("a", "b"), List.of("y"), attr("broadcast", 1L), attr("axis", 2L))
                .output("y", FLOAT, 2, 3, 4, 5)
                .build();
        assertEquals(
                "test.onnx: error: node 'mul2' (Mul): B tensor<3xf32> does not match A tensor<2x3x4x5xf32> at axis 2:"
                        + " dimension 0 is 3, expected 4",
                importError(mismatch));
        ModelProto noBroadcast = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 3)
                .input("b", FLOAT, 3)
                .node("sub", "Sub", List.of("a", "b"), List.of("y"))
                .output("y", FLOAT, 2, 3)
                .build();
        assertEquals(
                "test.onnx: error: node 'sub' (Sub): without broadcast = 1 the operands must have one shape, got"
                        + " tensor<2x3xf32> and tensor<3xf32>",
                importError(noBroadcast));
    }

    @Test
    void theSameModelAtOpset7UsesNumpyBroadcastingInstead() {
        // at opset 7 [2, 3] and [3] simply broadcast: the legacy check must not apply
        ModelProto m = ModelBuilder.graph("g")
                .opset(7)
                .input("a", FLOAT, 2, 3)
                .input("b", FLOAT, 3)
                .node("sub", "Sub", List.of("a", "b"), List.of("y"))
                .output("y", FLOAT, 2, 3)
                .build();
        assertTrue(OnnxImporterTest.ops(assertImports(m)).stream()
                .noneMatch(o -> o.name().equals("graph.unsqueeze")));
    }

    @Test
    void opset1ClipMaxAndABooleanComparisonWithAxisImportAndRun() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("a", FLOAT, 2, 3)
                .input("b", FLOAT, 2)
                .node(
                        "clip",
                        "Clip",
                        List.of("a"),
                        List.of("c"),
                        attr("min", -1f),
                        attr("max", 2f),
                        ints("consumed_inputs", 0))
                .node("max", "Max", List.of("c", "a"), List.of("m"), ints("consumed_inputs", 0, 0))
                .node("less", "Less", List.of("m", "b"), List.of("y"), attr("broadcast", 1L), attr("axis", 0L))
                .output("m", FLOAT, 2, 3)
                .output("y", dev.dal.onnx.proto.Onnx.TensorProto.DataType.BOOL, 2, 3)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation clip = op(module, "graph.clip");
        assertEquals(-1.0, OnnxImporterTest.constScalar(clip.operand(1)));
        assertEquals(2.0, OnnxImporterTest.constScalar(clip.operand(2)));
        assertFalse(op(module, "graph.max").attribute("consumed_inputs").isPresent());
        assertEquals(
                "graph.unsqueeze", producer(op(module, "graph.less").operand(1)).name());
        List<Tensor> out = importAndRun(
                m, Tensor.of(new float[] {-3f, 0.5f, 5f, -0.5f, 1.5f, 2.5f}, 2, 3), Tensor.of(new float[] {1f, 2f}, 2));
        // max(clip(a), a) keeps a above the clip range and lifts it to -1 below
        assertArrayEquals(
                new float[] {-1f, 0.5f, 5f, -0.5f, 1.5f, 2.5f}, out.get(0).floats());
        // row 0 compares with 1, row 1 with 2
        assertArrayEquals(
                new boolean[] {true, true, false, true, true, false}, out.get(1).bools());
    }

    static Operation assertImports(ModelProto m) {
        try {
            return TestSupport.importModel(m);
        } catch (OnnxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    // ---- other operators ---------------------------------------------------------------------------------------

    @Test
    void gemm6BroadcastIsDroppedAndCStillBroadcasts() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(6)
                .input("a", FLOAT, 2, 3)
                .initializer(ModelBuilder.floatTensor("w", new long[] {2, 3}, 1f, 0f, 1f, 0f, 1f, 0f))
                .initializer(ModelBuilder.floatTensor("c", new long[] {2}, 100f, 200f))
                .node(
                        "fc",
                        "Gemm",
                        List.of("a", "w", "c"),
                        List.of("y"),
                        attr("broadcast", 1L),
                        attr("transB", 1L),
                        attr("beta", 0.5f))
                .output("y", FLOAT, 2, 2)
                .build();
        assertFalse(op(TestSupport.importModel(m), "graph.gemm")
                .attribute("broadcast")
                .isPresent());
        float[] y = importAndRun(m, Tensor.of(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 2, 3))
                .getFirst()
                .floats();
        // rows of a times [1 0 1] and [0 1 0], plus 0.5 * [100 200]
        assertArrayEquals(new float[] {4f + 50f, 2f + 100f, 10f + 50f, 5f + 100f}, y);
    }

    @Test
    void batchNorm6AndDropout6DropIsTestAndKeepInferenceMeaning() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(6)
                .input("x", FLOAT, 1, 2, 1, 2)
                .initializer(ModelBuilder.floatTensor("s", new long[] {2}, 2f, 0.5f))
                .initializer(ModelBuilder.floatTensor("b", new long[] {2}, 1f, -1f))
                .initializer(ModelBuilder.floatTensor("mu", new long[] {2}, 1f, 0f))
                .initializer(ModelBuilder.floatTensor("var", new long[] {2}, 4f, 1f))
                .node(
                        "bn",
                        "BatchNormalization",
                        List.of("x", "s", "b", "mu", "var"),
                        List.of("h"),
                        attr("is_test", 1L),
                        attr("spatial", 1L),
                        attr("momentum", 0.9f),
                        attr("epsilon", 0f))
                .node("drop", "Dropout", List.of("h"), List.of("y"), attr("is_test", 1L), attr("ratio", 0.3f))
                .output("y", FLOAT, 1, 2, 1, 2)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation bn = op(module, "graph.batch_normalization");
        assertFalse(
                bn.attribute("is_test").isPresent() || bn.attribute("spatial").isPresent());
        Operation d = op(module, "graph.dropout");
        assertFalse(d.attribute("is_test").isPresent() || d.attribute("ratio").isPresent());
        assertEquals(0.3, OnnxImporterTest.constScalar(d.operand(1)), 1e-7);
        float[] y = importAndRun(m, Tensor.of(new float[] {3f, -1f, 2f, 4f}, 1, 2, 1, 2))
                .getFirst()
                .floats();
        // channel 0: 2 * (x - 1) / 2 + 1; channel 1: 0.5 * x / 1 - 1
        assertArrayEquals(new float[] {3f, -1f, 0f, 1f}, y);
    }

    @Test
    void prelu6AppliesAOneDimensionalSlopePerChannel() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(6)
                .input("x", FLOAT, 1, 3, 2)
                .initializer(ModelBuilder.floatTensor("slope", new long[] {3}, 0.5f, 2f, -1f))
                .node("pr", "PRelu", List.of("x", "slope"), List.of("y"))
                .output("y", FLOAT, 1, 3, 2)
                .build();
        Operation p = op(TestSupport.importModel(m), "graph.p_relu");
        assertEquals(List.of(3L, 1L), ((ShapedType) p.operand(1).type()).shape());
        float[] y = importAndRun(m, Tensor.of(new float[] {-2f, 1f, -2f, 1f, -2f, 1f}, 1, 3, 2))
                .getFirst()
                .floats();
        assertArrayEquals(new float[] {-1f, 1f, -4f, 1f, 2f, 1f}, y);
    }

    @Test
    void opset1FormsOfReshapeConcatPadAndConsumedInputsBecomeTheNewestOnes() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 2, 3)
                .node("relu", "Relu", List.of("x"), List.of("r"), ints("consumed_inputs", 0))
                .node("flat", "Reshape", List.of("r"), List.of("f"), ints("shape", 3, 2), ints("consumed_inputs", 0))
                .node("cat", "Concat", List.of("f", "f"), List.of("c"))
                .node("pad", "Pad", List.of("c"), List.of("y"), ints("paddings", 1, 0, 0, 1), attr("value", 9f))
                .output("y", FLOAT, 4, 5)
                .build();
        Operation module = TestSupport.importModel(m);
        assertFalse(op(module, "graph.relu").attribute("consumed_inputs").isPresent());
        Operation reshape = op(module, "graph.reshape");
        assertArrayEquals(new long[] {3, 2}, OnnxImporterTest.constInts(reshape.operand(1)));
        assertFalse(reshape.attribute("shape").isPresent());
        assertEquals(
                IntegerAttr.i64(1), op(module, "graph.concat").attribute("axis").orElseThrow());
        Operation pad = op(module, "graph.pad");
        assertArrayEquals(new long[] {1, 0, 0, 1}, OnnxImporterTest.constInts(pad.operand(1)));
        assertEquals(9.0, OnnxImporterTest.constScalar(pad.operand(2)));

        float[] y = importAndRun(m, Tensor.of(new float[] {-1f, 2f, 3f, 4f, -5f, 6f}, 2, 3))
                .getFirst()
                .floats();
        // relu -> [[0 2] [3 4] [0 6]], concat on axis 1 -> 3x4, one row of 9 above and one column of 9 at the right
        assertArrayEquals(new float[] {9, 9, 9, 9, 9, 0, 2, 0, 2, 9, 3, 4, 3, 4, 9, 0, 6, 0, 6, 9}, y);
    }

    @Test
    void selu1GetsItsOwnDefaultsAndCast1ItsTypeNumber() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 2)
                .node("selu", "Selu", List.of("x"), List.of("s"))
                .node("cast", "Cast", List.of("s"), List.of("y"), attr("to", "INT64"))
                .output("y", INT64, 2)
                .build();
        Operation module = TestSupport.importModel(m);
        Operation selu = op(module, "graph.selu");
        assertEquals(1.6732f, (float) ((FloatAttr) selu.attribute("alpha").orElseThrow()).value());
        assertEquals(1.0507f, (float) ((FloatAttr) selu.attribute("gamma").orElseThrow()).value());
        assertEquals(
                IntegerAttr.i64(7), op(module, "graph.cast").attribute("to").orElseThrow());
        long[] y = importAndRun(m, Tensor.of(new float[] {-10f, 3.5f}, 2))
                .getFirst()
                .longs();
        // selu(-10) = 1.0507 * 1.6732 * (e^-10 - 1) = -1.758 -> -1; selu(3.5) = 3.677 -> 3
        assertArrayEquals(new long[] {-1, 3}, y);
        ModelProto bad = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 2)
                .node("cast", "Cast", List.of("x"), List.of("y"), attr("to", "FLOAT128"))
                .output("y", FLOAT, 2)
                .build();
        assertEquals(
                "test.onnx: error: node 'cast' (Cast): Cast to 'FLOAT128', which is no ONNX data type",
                importError(bad));
    }

    @Test
    void tile1ConstantTilesAndAxisBecomeRepeats() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 2, 2)
                .initializer(ModelBuilder.int64Tensor("tiles", new long[] {}, 3))
                .initializer(ModelBuilder.int64Tensor("axis", new long[] {}, 1))
                .node("tile", "Tile", List.of("x", "tiles", "axis"), List.of("y"))
                .output("y", FLOAT, 2, 6)
                .build();
        Operation t = op(TestSupport.importModel(m), "graph.tile");
        assertEquals(2, t.numOperands());
        assertArrayEquals(new long[] {1, 3}, OnnxImporterTest.constInts(t.operand(1)));
        float[] y = importAndRun(m, Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2))
                .getFirst()
                .floats();
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, y);

        ModelProto dynamic = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 2, 2)
                .input("tiles", INT64)
                .initializer(ModelBuilder.int64Tensor("axis", new long[] {}, 1))
                .node("tile", "Tile", List.of("x", "tiles", "axis"), List.of("y"))
                .output("y", FLOAT, 2, 6)
                .build();
        assertEquals(
                "test.onnx: error: node 'tile' (Tile): Tile-1 is supported with constant tiles and axis on an input"
                        + " of known rank",
                importError(dynamic));
    }

    @Test
    void upsample1HeightAndWidthScalesBecomeTheScalesOperand() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 1, 1, 2, 2)
                .node(
                        "up",
                        "Upsample",
                        List.of("x"),
                        List.of("y"),
                        attr("height_scale", 2f),
                        attr("width_scale", 3f),
                        attr("mode", "bilinear"))
                .outputUnranked("y", FLOAT)
                .build();
        Operation u = op(TestSupport.importModel(m), "graph.upsample");
        Tensor scales =
                Tensor.fromAttribute(producer(u.operand(1)).attribute("value").orElseThrow());
        assertArrayEquals(new float[] {1f, 1f, 2f, 3f}, scales.floats());
        assertEquals(StringAttr.of("linear"), u.attribute("mode").orElseThrow());
        assertFalse(u.attribute("height_scale").isPresent());
    }

    @Test
    void softmax1CoercesToTwoDimensionsAtItsDefaultAxisOne() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 2, 2, 2)
                .node("sm", "Softmax", List.of("x"), List.of("y"))
                .output("y", FLOAT, 2, 2, 2)
                .build();
        Operation module = TestSupport.importModel(m);
        assertEquals(
                IntegerAttr.i64(1),
                op(module, "graph.flatten").attribute("axis").orElseThrow());
        float[] x = {0f, 1f, 2f, 3f, 0f, 0f, 0f, (float) Math.log(5)};
        float[] y = importAndRun(m, Tensor.of(x, 2, 2, 2)).getFirst().floats();
        // each batch row of 4 values is normalised together
        double s0 = 1 + Math.E + Math.exp(2) + Math.exp(3);
        float[] want = {
            (float) (1 / s0),
            (float) (Math.E / s0),
            (float) (Math.exp(2) / s0),
            (float) (Math.exp(3) / s0),
            1 / 8f,
            1 / 8f,
            1 / 8f,
            5 / 8f
        };
        assertArrayEquals(want, y, 1e-6f);
    }

    @Test
    void split1TakesItsSizesFromTheSecondInputOrTheAttribute() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .opset(1)
                .input("x", FLOAT, 5)
                .initializer(ModelBuilder.int64Tensor("sizes", new long[] {2}, 2, 3))
                .node("s1", "Split", List.of("x", "sizes"), List.of("a", "b"), attr("axis", 0L))
                .node("s2", "Split", List.of("b"), List.of("c", "d"), attr("axis", 0L), ints("split", 1, 2))
                .output("a", FLOAT, 2)
                .output("d", FLOAT, 2)
                .build();
        List<Tensor> out = importAndRun(m, Tensor.of(new float[] {1f, 2f, 3f, 4f, 5f}, 5));
        assertArrayEquals(new float[] {1f, 2f}, out.get(0).floats());
        assertArrayEquals(new float[] {4f, 5f}, out.get(1).floats());
    }
}
