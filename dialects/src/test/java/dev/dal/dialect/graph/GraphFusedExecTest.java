package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused ops ({@link GraphFusedOpDefs}) compute what the ops they stand for compute. */
class GraphFusedExecTest {
    private static List<Tensor> run(String ir, Tensor... args) {
        return Interpreter.load(GraphIr.parse(ir)).run("main", List.of(args), RunOptions.defaults());
    }

    @Test
    void fusedConvAddsTheResidualBeforeTheActivation() {
        // 1x1 conv with weight 2 and bias 1: y = relu6(2x + 1 + r)
        float[] x = {-3f, -1f, 0.5f, 4f}, r = {1f, -2f, 0.5f, 0f};
        List<Tensor> out = run("""
                func.func @main(%x: tensor<1x1x2x2xf32>, %r: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
                  %w = graph.constant {value = dense<2.0> : tensor<1x1x1x1xf32>} : tensor<1x1x1x1xf32>
                  %b = graph.constant {value = dense<1.0> : tensor<1xf32>} : tensor<1xf32>
                  %y = graph.fused_conv %x, %w, %b, %r {activation = "relu6"} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>, tensor<1xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
                  return %y : tensor<1x1x2x2xf32>
                }
                """, Tensor.of(x, 1, 1, 2, 2), Tensor.of(r, 1, 1, 2, 2));
        // 2x + 1 + r = -4, -3, 2.5, 9 -> clipped to [0, 6]
        assertArrayEquals(new float[] {0f, 0f, 2.5f, 6f}, out.getFirst().floats());
    }

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("activation = \"relu\"", "graph.relu %c : T"),
                Arguments.of(
                        "activation = \"leaky_relu\", alpha = 0.3 : f32",
                        "graph.leaky_relu %c {alpha = 0.3 : f32} : T"),
                Arguments.of("activation = \"hard_swish\"", "graph.hard_swish %c : T"),
                Arguments.of("activation = \"sigmoid\"", "graph.sigmoid %c : T"),
                Arguments.of(
                        "activation = \"clip\", min = -0.5 : f32, max = 0.25 : f32",
                        "graph.clip %c, %lo, %hi : (T, tensor<f32>, tensor<f32>) -> T"),
                Arguments.of("activation = \"none\"", "graph.identity %c : T"));
    }

    /** Each activation of a fused conv equals the conv followed by the activation op. */
    @ParameterizedTest
    @MethodSource("activations")
    void eachActivationMatchesTheUnfusedOp(String attrs, String unfused) {
        String ir = """
                func.func @main(%x: tensor<1x3x3x3xf32>) -> (T, T) {
                  %n = graph.none : none
                  %lo = graph.constant {value = dense<-0.5> : tensor<f32>} : tensor<f32>
                  %hi = graph.constant {value = dense<0.25> : tensor<f32>} : tensor<f32>
                  %w = graph.constant {value = dense<[[[[0.5]], [[-1.0]], [[0.25]]], [[[2.0]], [[-0.75]], [[1.5]]]]> : tensor<2x3x1x1xf32>} : tensor<2x3x1x1xf32>
                  %c = graph.conv %x, %w, %n : (tensor<1x3x3x3xf32>, tensor<2x3x1x1xf32>, none) -> T
                  %u = UNFUSED
                  %f = graph.fused_conv %x, %w, %n, %n {ATTRS} : (tensor<1x3x3x3xf32>, tensor<2x3x1x1xf32>, none, none) -> T
                  return %u, %f : T, T
                }
                """.replace("UNFUSED", unfused).replace("ATTRS", attrs).replace("T", "tensor<1x2x3x3xf32>");
        float[] x = new float[27];
        for (int i = 0; i < x.length; i++) x[i] = (i % 7 - 3) * 0.6f;
        List<Tensor> out = run(ir, Tensor.of(x, 1, 3, 3, 3));
        assertArrayEquals(out.get(0).floats(), out.get(1).floats(), 1e-6f);
    }

    @Test
    void scaleShiftScalesAndShiftsEachChannel() {
        List<Tensor> out = run("""
                func.func @main(%x: tensor<1x2x2xf32>) -> tensor<1x2x2xf32> {
                  %s = graph.constant {value = dense<[2.0, -1.0]> : tensor<2xf32>} : tensor<2xf32>
                  %t = graph.constant {value = dense<[0.5, 3.0]> : tensor<2xf32>} : tensor<2xf32>
                  %y = graph.scale_shift %x, %s, %t : (tensor<1x2x2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2xf32>
                  return %y : tensor<1x2x2xf32>
                }
                """, Tensor.of(new float[] {1f, 2f, 3f, 4f}, 1, 2, 2));
        assertArrayEquals(new float[] {2.5f, 4.5f, 0f, -1f}, out.getFirst().floats());
    }

    @Test
    void geluAndSiluMatchTheirFormulas() {
        float[] x = {-2f, -1f, 0f, 1f, 3f};
        List<Tensor> out = run("""
                func.func @main(%x: tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) {
                  %a = graph.gelu %x : tensor<5xf32>
                  %b = graph.gelu %x {approximate = "tanh"} : tensor<5xf32>
                  %c = graph.silu %x : tensor<5xf32>
                  return %a, %b, %c : tensor<5xf32>, tensor<5xf32>, tensor<5xf32>
                }
                """, Tensor.of(x, 5));
        // Reference values: Phi(x) * x (standard normal CDF), the tanh approximation, x / (1 + e^-x)
        assertArrayEquals(
                new float[] {-0.04550026f, -0.15865525f, 0f, 0.84134475f, 2.99595031f},
                out.get(0).floats(),
                2e-6f);
        assertArrayEquals(
                new float[] {-0.04540231f, -0.15880801f, 0f, 0.84119199f, 2.99636261f},
                out.get(1).floats(),
                2e-6f);
        assertArrayEquals(
                new float[] {-0.23840584f, -0.26894142f, 0f, 0.73105858f, 2.85772238f},
                out.get(2).floats(),
                2e-6f);
    }

    @Test
    void aResidualOfAnotherShapeAtRunTimeIsAnErrorNamingTheOp() {
        // The types allow it (dynamic dimensions); the shapes met at run time do not fit.
        InterpreterException e = assertThrows(
                InterpreterException.class,
                () -> run("""
                func.func @main(%x: tensor<1x1x?x?xf32>, %r: tensor<1x1x?x?xf32>) -> tensor<1x1x?x?xf32> {
                  %n = graph.none : none
                  %w = graph.constant {value = dense<1.0> : tensor<1x1x1x1xf32>} : tensor<1x1x1x1xf32>
                  %y = graph.fused_conv %x, %w, %n, %r : (tensor<1x1x?x?xf32>, tensor<1x1x1x1xf32>, none, tensor<1x1x?x?xf32>) -> tensor<1x1x?x?xf32>
                  return %y : tensor<1x1x?x?xf32>
                }
                """, Tensor.of(new float[4], 1, 1, 2, 2), Tensor.of(new float[9], 1, 1, 3, 3)));
        assertTrue(e.getMessage().contains("graph.fused_conv") && e.getMessage().contains("residual"), e::getMessage);
    }
}
