package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph ops run in the interpreter through their declarations' {@code execute} methods. */
class GraphExecTest {
    private static List<Tensor> run(String ir, Tensor... args) {
        return Interpreter.load(GraphIr.parse(ir)).run("main", List.of(args), RunOptions.defaults());
    }

    @Test
    void activationsFollowTheirOnnxFormulas() {
        float[] x = {-4f, -3f, -1.5f, 0f, 0.5f, 2f, 3.5f};
        List<Tensor> out = run("""
                func.func @main(%x: tensor<7xf32>) -> (tensor<7xf32>, tensor<7xf32>, tensor<7xf32>, tensor<7xf32>) {
                  %n = "graph.none"() : () -> none
                  %m = "graph.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
                  %a = "graph.hard_swish"(%x) : (tensor<7xf32>) -> tensor<7xf32>
                  %b = "graph.hard_sigmoid"(%x) {alpha = 0.25 : f32, beta = 0.5 : f32} : (tensor<7xf32>) -> tensor<7xf32>
                  %c = "graph.clip"(%x, %n, %m) : (tensor<7xf32>, none, tensor<f32>) -> tensor<7xf32>
                  %d = "graph.relu"(%x) : (tensor<7xf32>) -> tensor<7xf32>
                  return %a, %b, %c, %d : tensor<7xf32>, tensor<7xf32>, tensor<7xf32>, tensor<7xf32>
                }
                """, Tensor.of(x, 7));
        float[] hs = new float[7], sg = new float[7], cl = new float[7], re = new float[7];
        for (int i = 0; i < 7; i++) {
            // HardSwish(x) = x * ReLU6(x + 3) / 6, written differently from the implementation
            hs[i] = x[i] * Math.min(6f, Math.max(0f, x[i] + 3f)) / 6f;
            sg[i] = Math.max(0f, Math.min(1f, 0.25f * x[i] + 0.5f));
            cl[i] = Math.min(x[i], 1f);
            re[i] = x[i] > 0 ? x[i] : 0f;
        }
        assertArrayEquals(hs, out.get(0).floats(), 1e-6f);
        assertArrayEquals(sg, out.get(1).floats(), 1e-6f);
        assertArrayEquals(cl, out.get(2).floats());
        assertArrayEquals(re, out.get(3).floats());
    }

    @Test
    void seluScalesTheExponentialBelowZeroAndTheInputAbove() {
        float[] x = {-3f, -0.5f, 0f, 0.25f, 2f};
        List<Tensor> out = run("""
                func.func @main(%x: tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>) {
                  %a = "graph.selu"(%x) : (tensor<5xf32>) -> tensor<5xf32>
                  %b = "graph.selu"(%x) {alpha = 2.0 : f32, gamma = 3.0 : f32} : (tensor<5xf32>) -> tensor<5xf32>
                  return %a, %b : tensor<5xf32>, tensor<5xf32>
                }
                """, Tensor.of(x, 5));
        float[] def = new float[5], custom = new float[5];
        for (int i = 0; i < 5; i++) {
            // ONNX: gamma * (alpha * e^x - alpha) for x <= 0, gamma * x for x > 0
            def[i] = x[i] > 0 ? 1.0507010f * x[i] : (float) (1.0507010 * (1.6732632 * Math.exp(x[i]) - 1.6732632));
            custom[i] = x[i] > 0 ? 3f * x[i] : (float) (3.0 * (2.0 * Math.exp(x[i]) - 2.0));
        }
        assertArrayEquals(def, out.get(0).floats(), 1e-6f);
        assertArrayEquals(custom, out.get(1).floats(), 1e-6f);
    }

    @Test
    void castToI64TruncatesTowardZero() {
        List<Tensor> out = run("""
                func.func @main(%x: tensor<4xf32>) -> tensor<4xi64> {
                  %y = "graph.cast"(%x) {to = 7 : i64} : (tensor<4xf32>) -> tensor<4xi64>
                  return %y : tensor<4xi64>
                }
                """, Tensor.of(new float[] {-1.7f, 2.9f, 0.2f, -0.9f}, 4));
        assertEquals(DType.I64, out.getFirst().dtype());
        assertArrayEquals(new long[] {-1, 2, 0, 0}, out.getFirst().longs());
    }

    @Test
    void castReachesEveryOnnxTypeAndIntegerOpsKeepTheirType() {
        List<Tensor> out = run(
                """
                func.func @main(%x: tensor<2xf32>, %i: tensor<2xui8>) -> (tensor<2x!graph.string>, tensor<2xf16>, tensor<2xui8>, tensor<2xui8>) {
                  %s = "graph.cast"(%x) {to = 8 : i64} : (tensor<2xf32>) -> tensor<2x!graph.string>
                  %h = "graph.cast"(%x) {to = 10 : i64} : (tensor<2xf32>) -> tensor<2xf16>
                  %m = "graph.max"(%i, %i) : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
                  %n = "graph.none"() : () -> none
                  %c = "graph.clip"(%i, %n, %i) : (tensor<2xui8>, none, tensor<2xui8>) -> tensor<2xui8>
                  return %s, %h, %m, %c : tensor<2x!graph.string>, tensor<2xf16>, tensor<2xui8>, tensor<2xui8>
                }
                """, Tensor.of(new float[] {0.5f, 1e-5f}, 2), Tensor.ofArray(DType.UI8, new byte[] {(byte) 200, 3}, 2));
        assertArrayEquals(new String[] {"0.5", "1e-05"}, out.get(0).strings());
        assertEquals(DType.F16, out.get(1).dtype());
        assertEquals(0.5, out.get(1).getDouble(0));
        assertArrayEquals(new byte[] {(byte) 200, 3}, (byte[]) out.get(2).array());
        assertEquals(DType.UI8, out.get(3).dtype());
    }

    @Test
    void trainingBatchNormUsesBatchStatisticsAndReturnsTheRunningOnes() {
        // one channel holding 1, 3 over the batch: mean 2, variance 1
        List<Tensor> out = run("""
                func.func @main(%x: tensor<2x1xf32>) -> (tensor<2x1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<2x1xi1>) {
                  %one = "graph.constant"() {value = dense<1.0> : tensor<1xf32>} : () -> tensor<1xf32>
                  %zero = "graph.constant"() {value = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
                  %y:3 = "graph.batch_normalization"(%x, %one, %zero, %zero, %one) {epsilon = 0.0 : f32, momentum = 0.5 : f32, training_mode = 1 : i64} : (tensor<2x1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> (tensor<2x1xf32>, tensor<1xf32>, tensor<1xf32>)
                  %n = "graph.none"() : () -> none
                  %d:2 = "graph.dropout"(%x, %n, %n) : (tensor<2x1xf32>, none, none) -> (tensor<2x1xf32>, tensor<2x1xi1>)
                  return %y#0, %y#1, %y#2, %d#1 : tensor<2x1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<2x1xi1>
                }
                """, Tensor.of(new float[] {1, 3}, 2, 1));
        assertArrayEquals(new float[] {-1, 1}, out.get(0).floats());
        assertArrayEquals(new float[] {1}, out.get(1).floats()); // 0 * 0.5 + 2 * 0.5
        assertArrayEquals(new float[] {1}, out.get(2).floats()); // 1 * 0.5 + 1 * 0.5
        assertArrayEquals(new boolean[] {true, true}, out.get(3).bools()); // inference: nothing dropped
    }

    @Test
    void shapeArithmeticOnIntegersRunsExactly() {
        List<Tensor> out = run("""
                func.func @main(%x: tensor<2x3x5xf32>, %a: tensor<3xi64>) -> (tensor<2xi64>, tensor<3xi64>, tensor<2x3xi64>, tensor<3xi64>) {
                  %s = "graph.shape"(%x) {start = 1 : i64} : (tensor<2x3x5xf32>) -> tensor<2xi64>
                  %e = "graph.equal"(%a, %a) : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi1>
                  %m = "graph.mul"(%a, %a) : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
                  %w = "graph.where"(%e, %m, %a) : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
                  %c = "graph.constant_of_shape"(%s) {value = dense<7> : tensor<1xi64>} : (tensor<2xi64>) -> tensor<?x?xi64>
                  %r0 = "graph.constant"() {value = dense<10> : tensor<i64>} : () -> tensor<i64>
                  %r1 = "graph.constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
                  %r2 = "graph.constant"() {value = dense<-3> : tensor<i64>} : () -> tensor<i64>
                  %r = "graph.range"(%r0, %r1, %r2) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>
                  return %s, %w, %c, %r : tensor<2xi64>, tensor<3xi64>, tensor<?x?xi64>, tensor<3xi64>
                }
                """, Tensor.zeros(DType.F32, 2, 3, 5), Tensor.of(new long[] {3_000_000_000L, -2, 5}, 3));
        assertArrayEquals(new long[] {3, 5}, out.get(0).longs());
        assertArrayEquals(
                new long[] {9_000_000_000_000_000_000L, 4, 25}, out.get(1).longs());
        assertArrayEquals(new int[] {3, 5}, out.get(2).shape());
        assertEquals(7, out.get(2).getLong(14));
        assertArrayEquals(new long[] {10, 7, 4}, out.get(3).longs());
    }

    @Test
    void splitSizeArgMaxAndModFollowOnnx() {
        List<Tensor> out = run(
                """
                func.func @main(%x: tensor<2x5xf32>, %a: tensor<4xi64>, %b: tensor<4xi64>) -> (tensor<2x3xf32>, tensor<2x2xf32>, tensor<i64>, tensor<2xi64>, tensor<4xi64>, tensor<2x1xi64>) {
                  %n = "graph.none"() : () -> none
                  %p:2 = "graph.split"(%x, %n) {axis = 1 : i64} : (tensor<2x5xf32>, none) -> (tensor<2x3xf32>, tensor<2x2xf32>)
                  %s = "graph.size"(%x) : (tensor<2x5xf32>) -> tensor<i64>
                  %m = "graph.arg_max"(%x) {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x5xf32>) -> tensor<2xi64>
                  %r = "graph.mod"(%a, %b) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
                  %l = "graph.arg_min"(%x) {axis = 1 : i64, select_last_index = 1 : i64} : (tensor<2x5xf32>) -> tensor<2x1xi64>
                  return %p#0, %p#1, %s, %m, %r, %l : tensor<2x3xf32>, tensor<2x2xf32>, tensor<i64>, tensor<2xi64>, tensor<4xi64>, tensor<2x1xi64>
                }
                """,
                Tensor.of(new float[] {0, 4, 1, 4, 2, 9, 8, 7, 6, 5}, 2, 5),
                Tensor.of(new long[] {7, -7, 7, -7}, 4),
                Tensor.of(new long[] {3, 3, -3, -3}, 4));
        assertArrayEquals(new float[] {0, 4, 1, 9, 8, 7}, out.get(0).floats());
        assertArrayEquals(new float[] {4, 2, 6, 5}, out.get(1).floats());
        assertEquals(0, out.get(2).rank());
        assertEquals(10, out.get(2).getLong(0));
        // ties go to the first index
        assertArrayEquals(new long[] {1, 0}, out.get(3).longs());
        // integer Mod takes the divisor's sign, like Python
        assertArrayEquals(new long[] {1, 2, -2, -1}, out.get(4).longs());
        // with select_last_index the minimum 0 of row 0 is at index 0, 5 of row 1 at index 4
        assertArrayEquals(new long[] {0, 4}, out.get(5).longs());
    }

    @Test
    void padWithAxesPadsOnlyTheListedAxesAndTileRepeats() {
        List<Tensor> out = run(
                """
                func.func @main(%x: tensor<2x2xi64>, %p: tensor<2xi64>, %ax: tensor<1xi64>, %r: tensor<2xi64>) -> (tensor<2x3xi64>, tensor<2x4xi64>) {
                  %v = "graph.constant"() {value = dense<9> : tensor<i64>} : () -> tensor<i64>
                  %y = "graph.pad"(%x, %p, %v, %ax) : (tensor<2x2xi64>, tensor<2xi64>, tensor<i64>, tensor<1xi64>) -> tensor<2x3xi64>
                  %t = "graph.tile"(%x, %r) : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2x4xi64>
                  return %y, %t : tensor<2x3xi64>, tensor<2x4xi64>
                }
                """,
                Tensor.of(new long[] {1, 2, 3, 4}, 2, 2),
                Tensor.of(new long[] {1, 0}, 2),
                Tensor.of(new long[] {-1}, 1),
                Tensor.of(new long[] {1, 2}, 2));
        assertArrayEquals(new long[] {9, 1, 2, 9, 3, 4}, out.get(0).longs());
        assertArrayEquals(new long[] {1, 2, 1, 2, 3, 4, 3, 4}, out.get(1).longs());
    }
}
