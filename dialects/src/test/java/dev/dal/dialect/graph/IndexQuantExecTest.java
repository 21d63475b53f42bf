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

/** The indexing and quantized ops run through their declarations, and their operand checks name the problem. */
class IndexQuantExecTest {
    private static List<Tensor> run(String ir, Tensor... args) {
        return Interpreter.load(GraphIr.parse(ir)).run("main", List.of(args), RunOptions.defaults());
    }

    @Test
    void topKReturnsValuesAndIndicesForKGivenAsAnOperand() {
        List<Tensor> out = run("""
                func.func @main(%x: tensor<5xf32>) -> (tensor<2xf32>, tensor<2xi64>) {
                  %k = "graph.constant"() {value = dense<2> : tensor<1xi64>} : () -> tensor<1xi64>
                  %v, %i = "graph.top_k"(%x, %k) {largest = 0 : i64} : (tensor<5xf32>, tensor<1xi64>) -> (tensor<2xf32>, tensor<2xi64>)
                  return %v, %i : tensor<2xf32>, tensor<2xi64>
                }
                """, Tensor.of(new float[] {3, 1, 4, 1, 5}, 5));
        assertArrayEquals(new float[] {1, 1}, out.get(0).floats());
        assertArrayEquals(new long[] {1, 3}, out.get(1).longs());
    }

    @Test
    void quantizeThenDequantizeRunsPerAxis() {
        List<Tensor> out = run("""
                func.func @main(%x: tensor<2x2xf32>) -> (tensor<2x2xi8>, tensor<2x2xf32>) {
                  %s = "graph.constant"() {value = dense<[0.5, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
                  %z = "graph.constant"() {value = dense<[1, -1]> : tensor<2xi8>} : () -> tensor<2xi8>
                  %q = "graph.quantize_linear"(%x, %s, %z) {axis = 0 : i64} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xi8>) -> tensor<2x2xi8>
                  %d = "graph.dequantize_linear"(%q, %s, %z) {axis = 0 : i64} : (tensor<2x2xi8>, tensor<2xf32>, tensor<2xi8>) -> tensor<2x2xf32>
                  return %q, %d : tensor<2x2xi8>, tensor<2x2xf32>
                }
                """, Tensor.of(new float[] {1, -1.25f, 3, 100}, 2, 2));
        assertEquals(DType.I8, out.get(0).dtype());
        // row 0 at scale 0.5 + 1: 2 + 1, -2.5 -> -2, + 1; row 1 at scale 2 - 1: 1.5 -> 2, - 1, 50 - 1
        assertArrayEquals(new long[] {3, -1, 1, 49}, out.get(0).toLongs());
        assertArrayEquals(new float[] {1, -1, 4, 100}, out.get(1).floats());
    }

    @Test
    void aZeroPointOfTheWrongTypeIsAnErrorAtTheOp() {
        String ir = """
                func.func @main(%a: tensor<2x2xui8>, %b: tensor<2x2xui8>, %za: tensor<i8>) -> tensor<2x2xi32> {
                  %n = "graph.none"() : () -> none
                  %y = "graph.mat_mul_integer"(%a, %b, %za, %n) : (tensor<2x2xui8>, tensor<2x2xui8>, tensor<i8>, none) -> tensor<2x2xi32>
                  return %y : tensor<2x2xi32>
                }
                """;
        Tensor a = Tensor.zeros(DType.UI8, 2, 2), za = Tensor.zeros(DType.I8);
        var e = assertThrows(InterpreterException.class, () -> run(ir, a, a, za));
        assertTrue(
                e.getMessage().contains("'graph.mat_mul_integer' op a_zero_point must have the type of its operand"),
                e.getMessage());
    }

    @Test
    void anOutOfRangeScatterIndexIsAnErrorAtTheOp() {
        String ir = """
                func.func @main(%d: tensor<3xf32>, %i: tensor<1x1xi64>, %u: tensor<1xf32>) -> tensor<3xf32> {
                  %y = "graph.scatter_nd"(%d, %i, %u) : (tensor<3xf32>, tensor<1x1xi64>, tensor<1xf32>) -> tensor<3xf32>
                  return %y : tensor<3xf32>
                }
                """;
        var e = assertThrows(
                InterpreterException.class,
                () -> run(
                        ir,
                        Tensor.of(new float[3], 3),
                        Tensor.of(new long[] {3}, 1, 1),
                        Tensor.of(new float[] {1}, 1)));
        assertTrue(e.getMessage().contains("'graph.scatter_nd' op index 3 is out of range [-3, 2]"), e.getMessage());
    }
}
