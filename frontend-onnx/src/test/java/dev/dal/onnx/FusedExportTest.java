package dev.dal.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.dal.ir.Operation;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.NodeProto;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ops optimisation makes export as standard ONNX nodes ({@link FusedForms}): ONNX Runtime runs the exported file
 * to the interpreter's outputs on the fused IR, within 1e-5 of the output's largest magnitude.
 */
class FusedExportTest {
    private static final String CONV_PREFIX = """
            module {
              func.func @g(%x: tensor<1x3x6x6xf32> {onnx.name = "x"}, %r: tensor<1x4x6x6xf32> {onnx.name = "r"}) -> (tensor<1x4x6x6xf32> {onnx.name = "y"}) {
                %w = graph.constant {value = dense<"%W"> : tensor<4x3x3x3xf32>} : tensor<4x3x3x3xf32>
                %b = graph.constant {value = dense<[0.5, -0.25, 1.0, -2.0]> : tensor<4xf32>} : tensor<4xf32>
                %n = graph.none : none
            """;

    /** Weights (as hex, little-endian f32) that make some sums large and some negative, reaching every activation's range. */
    private static String weights() {
        Random r = new Random(3);
        StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < 4 * 3 * 9; i++) {
            int bits = Integer.reverseBytes(Float.floatToRawIntBits((float) (r.nextGaussian() * 1.5)));
            hex.append(String.format("%08X", bits));
        }
        return hex.toString();
    }

    private static String fusedConv(String attrs, boolean bias, boolean residual) {
        return CONV_PREFIX.replace("%W", weights())
                + "    %y = graph.fused_conv %x, %w, " + (bias ? "%b" : "%n") + ", " + (residual ? "%r" : "%n")
                + " {" + attrs + (attrs.isEmpty() ? "" : ", ")
                + "pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>, "
                + (bias ? "tensor<4xf32>" : "none") + ", " + (residual ? "tensor<1x4x6x6xf32>" : "none")
                + ") -> tensor<1x4x6x6xf32>\n    return %y : tensor<1x4x6x6xf32>\n  }\n}\n";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "activation = \"relu\"",
                "activation = \"relu6\"",
                "activation = \"leaky_relu\", alpha = 0.2 : f32",
                "activation = \"hard_swish\"",
                "activation = \"sigmoid\"",
                "activation = \"clip\", min = -1.0 : f32, max = 2.5 : f32",
                "activation = \"clip\", min = -0.5 : f32"
            })
    void fusedConvRunsInOnnxRuntimeAsTheInterpreterRunsIt(String attrs) throws Exception {
        for (boolean bias : new boolean[] {true, false})
            for (boolean residual : new boolean[] {true, false}) {
                Operation module = TestSupport.parse(fusedConv(attrs, bias, residual));
                ModelProto m = OnnxExporter.export(module);
                List<String> types = m.getGraph().getNodeList().stream()
                        .map(NodeProto::getOpType)
                        .toList();
                assertEquals("Conv", types.getFirst(), attrs);
                assertEquals(residual, types.contains("Add"), attrs);
                agree(module, m, tensor(new Random(1), 1, 3, 6, 6), tensor(new Random(2), 1, 4, 6, 6));
            }
    }

    @Test
    void scaleShiftGeluAndSiluRunInOnnxRuntimeAsTheInterpreterRunsThem() throws Exception {
        String text = """
                module {
                  func.func @g(%x: tensor<2x3x4x5xf32> {onnx.name = "x"}) -> (tensor<2x3x4x5xf32> {onnx.name = "y"}) {
                    %s = graph.constant {value = dense<[1.5, -2.0, 0.25]> : tensor<3xf32>} : tensor<3xf32>
                    %t = graph.constant {value = dense<[0.1, 0.0, -3.0]> : tensor<3xf32>} : tensor<3xf32>
                    %a = graph.scale_shift %x, %s, %t : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
                    %b = graph.gelu %a : (tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32>
                    %c = graph.gelu %b {approximate = "tanh"} : (tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32>
                    %d = graph.silu %c : (tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32>
                    return %d : tensor<2x3x4x5xf32>
                  }
                }
                """;
        Operation module = TestSupport.parse(text);
        ModelProto m = OnnxExporter.export(module);
        List<String> types =
                m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertTrue(types.containsAll(List.of("Reshape", "Mul", "Add", "Erf", "Tanh", "Sigmoid")), types.toString());
        agree(module, m, tensor(new Random(4), 2, 3, 4, 5));
    }

    private static Tensor tensor(Random r, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * 2);
        return Tensor.of(v, shape);
    }

    /** Runs the module in the interpreter and the exported model in ONNX Runtime on the same inputs, and compares. */
    private static void agree(Operation module, ModelProto m, Tensor... inputs) throws Exception {
        Interpreter interp = Interpreter.load(module);
        float[] want = interp.run(interp.functionNames().getFirst(), List.of(inputs), RunOptions.defaults())
                .getFirst()
                .floats();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                OrtSession s = env.createSession(m.toByteArray(), so)) {
            Map<String, OnnxTensor> feed = new java.util.HashMap<>();
            try {
                for (int i = 0; i < inputs.length; i++) {
                    long[] shape = new long[inputs[i].rank()];
                    for (int d = 0; d < shape.length; d++) shape[d] = inputs[i].dim(d);
                    feed.put(
                            m.getGraph().getInput(i).getName(),
                            OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs[i].floats()), shape));
                }
                try (OrtSession.Result r = s.run(feed)) {
                    FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
                    float[] got = new float[fb.remaining()];
                    fb.get(got);
                    assertEquals(want.length, got.length);
                    double max = 0, worst = 0;
                    for (int i = 0; i < want.length; i++) {
                        max = Math.max(max, Math.abs(want[i]));
                        worst = Math.max(worst, Math.abs(want[i] - got[i]));
                    }
                    assertTrue(worst <= 1e-5 * max, "max |diff| " + worst + " > 1e-5 * " + max);
                }
            } finally {
                for (OnnxTensor t : feed.values()) t.close();
            }
        }
    }
}
