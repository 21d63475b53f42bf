package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spatial ops run through their declarations: attributes reach the kernels, bad combinations are errors. */
class GraphSpatialExecTest {
    private static List<Tensor> run(String ir, Tensor... args) {
        return Interpreter.load(GraphIr.parse(ir)).run("main", List.of(args), RunOptions.defaults());
    }

    @Test
    void convTransposeOutputShapeSetsThePads() {
        // 1-D, stride 2, kernel 3 over 2 inputs reaches 5 outputs [1, 1, 3, 2, 2]; output_shape 4 takes one pad,
        // which goes to the start unless auto_pad is SAME_UPPER
        List<Tensor> out = run("""
                func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
                  %n = "graph.none"() : () -> none
                  %y = "graph.conv_transpose"(%x, %w, %n) {strides = array<i64: 2>, output_shape = array<i64: 4>} : (tensor<1x1x2xf32>, tensor<1x1x3xf32>, none) -> tensor<1x1x4xf32>
                  return %y : tensor<1x1x4xf32>
                }
                """, Tensor.of(new float[] {1, 2}, 1, 1, 2), Tensor.of(new float[] {1, 1, 1}, 1, 1, 3));
        assertArrayEquals(new float[] {1, 3, 2, 2}, out.getFirst().floats());
    }

    @Test
    void maxPoolOnBytesReturnsBytesAndIndices() {
        byte[] v = {1, (byte) 200, 3, 4};
        List<Tensor> out = run("""
                func.func @main(%x: tensor<1x1x2x2xui8>) -> (tensor<1x1x1x1xui8>, tensor<1x1x1x1xi64>) {
                  %y:2 = "graph.max_pool"(%x) {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x2x2xui8>) -> (tensor<1x1x1x1xui8>, tensor<1x1x1x1xi64>)
                  return %y#0, %y#1 : tensor<1x1x1x1xui8>, tensor<1x1x1x1xi64>
                }
                """, Tensor.ofArray(DType.UI8, v, 1, 1, 2, 2));
        assertEquals(DType.UI8, out.get(0).dtype());
        assertEquals(200, out.get(0).getLong(0));
        assertArrayEquals(new long[] {1}, out.get(1).longs());
    }

    @Test
    void threeDimensionalAveragePoolRuns() {
        float[] v = new float[8];
        for (int i = 0; i < 8; i++) v[i] = i;
        List<Tensor> out = run("""
                func.func @main(%x: tensor<1x1x2x2x2xf32>) -> tensor<1x1x1x1x1xf32> {
                  %y = "graph.average_pool"(%x) {kernel_shape = array<i64: 2, 2, 2>} : (tensor<1x1x2x2x2xf32>) -> tensor<1x1x1x1x1xf32>
                  return %y : tensor<1x1x1x1x1xf32>
                }
                """, Tensor.of(v, 1, 1, 2, 2, 2));
        assertArrayEquals(new float[] {3.5f}, out.getFirst().floats());
    }

    @Test
    void padReflectAndResizeRunThroughTheirDeclarations() {
        List<Tensor> out = run("""
                func.func @main(%x: tensor<1x3xf32>) -> (tensor<1x5xf32>, tensor<1x6xf32>) {
                  %n = "graph.none"() : () -> none
                  %p = "graph.constant"() {value = dense<[0, 1, 0, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
                  %y = "graph.pad"(%x, %p, %n, %n) {mode = "reflect"} : (tensor<1x3xf32>, tensor<4xi64>, none, none) -> tensor<1x5xf32>
                  %s = "graph.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
                  %z = "graph.resize"(%x, %n, %s, %n) {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor"} : (tensor<1x3xf32>, none, tensor<2xf32>, none) -> tensor<1x6xf32>
                  return %y, %z : tensor<1x5xf32>, tensor<1x6xf32>
                }
                """, Tensor.of(new float[] {1, 2, 3}, 1, 3));
        assertArrayEquals(new float[] {2, 1, 2, 3, 2}, out.get(0).floats());
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3}, out.get(1).floats());
    }

    @Test
    void resizeWithBothScalesAndSizesIsAnErrorNamingThem() {
        InterpreterException e =
                assertThrows(InterpreterException.class, () -> run("""
                func.func @main(%x: tensor<4xf32>) -> tensor<2xf32> {
                  %n = "graph.none"() : () -> none
                  %s = "graph.constant"() {value = dense<[0.5]> : tensor<1xf32>} : () -> tensor<1xf32>
                  %z = "graph.constant"() {value = dense<[2]> : tensor<1xi64>} : () -> tensor<1xi64>
                  %y = "graph.resize"(%x, %n, %s, %z) {mode = "linear"} : (tensor<4xf32>, none, tensor<1xf32>, tensor<1xi64>) -> tensor<2xf32>
                  return %y : tensor<2xf32>
                }
                """, Tensor.of(new float[] {1, 2, 3, 4}, 4)));
        assertTrue(e.getMessage().contains("'graph.resize' op only one of 'scales' and 'sizes'"), e.getMessage());
    }

    @Test
    void convTransposeOutputPaddingAsLargeAsTheStrideIsAnError() {
        InterpreterException e = assertThrows(
                InterpreterException.class,
                () -> run("""
                func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x7xf32> {
                  %n = "graph.none"() : () -> none
                  %y = "graph.conv_transpose"(%x, %w, %n) {strides = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x1x2xf32>, tensor<1x1x3xf32>, none) -> tensor<1x1x7xf32>
                  return %y : tensor<1x1x7xf32>
                }
                """, Tensor.of(new float[] {1, 2}, 1, 1, 2), Tensor.of(new float[] {1, 1, 1}, 1, 1, 3)));
        assertTrue(e.getMessage().contains("'graph.conv_transpose' op output_padding 2"), e.getMessage());
    }
}
