package dev.dal.dialect.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quant and qnn ops run in the interpreter on storage tensors, with hand-checked results. */
class QnnOpsExecTest {
    private static long[] stored(Tensor t) {
        long[] v = new long[t.size()];
        for (int i = 0; i < v.length; i++) v[i] = t.getLong(i);
        return v;
    }

    @Test
    void qcastRoundsHalfAwayAndSaturatesThenDcastScalesBack() {
        List<Tensor> out = QuantIr.run("""
                func.func @main(%x: tensor<6xf32>) -> (tensor<6x!quant.uniform<i8<-127:127>:f32, 0.5>>, tensor<6xf32>, tensor<6xi8>) {
                  %q = quant.qcast %x : (tensor<6xf32>) -> tensor<6x!quant.uniform<i8<-127:127>:f32, 0.5>>
                  %d = quant.dcast %q : (tensor<6x!quant.uniform<i8<-127:127>:f32, 0.5>>) -> tensor<6xf32>
                  %s = quant.scast %q : (tensor<6x!quant.uniform<i8<-127:127>:f32, 0.5>>) -> tensor<6xi8>
                  return %q, %d, %s : tensor<6x!quant.uniform<i8<-127:127>:f32, 0.5>>, tensor<6xf32>, tensor<6xi8>
                }
                """, Tensor.of(new float[] {0.25f, -0.25f, 0.7f, 100f, -100f, 0f}, 6));
        assertEquals(DType.I8, out.get(0).dtype());
        assertArrayEquals(new long[] {1, -1, 1, 127, -127, 0}, stored(out.get(0)));
        assertArrayEquals(
                new float[] {0.5f, -0.5f, 0.5f, 63.5f, -63.5f, 0f}, out.get(1).floats());
        assertArrayEquals(stored(out.get(0)), stored(out.get(2)));
    }

    @Test
    void perAxisQcastUsesEachChannelsScaleAndZeroPoint() {
        List<Tensor> out = QuantIr.run("""
                func.func @main(%x: tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<u8:f32:1, {0.5:10, 2.0:100}>> {
                  %q = quant.qcast %x : (tensor<2x2xf32>) -> tensor<2x2x!quant.uniform<u8:f32:1, {0.5:10, 2.0:100}>>
                  return %q : tensor<2x2x!quant.uniform<u8:f32:1, {0.5:10, 2.0:100}>>
                }
                """, Tensor.of(new float[] {1f, 1f, -20f, 1000f}, 2, 2));
        assertEquals(DType.UI8, out.get(0).dtype());
        assertArrayEquals(new long[] {12, 101, 0, 255}, stored(out.get(0)));
    }

    @Test
    void convWithBiasReluAndResidualComputesTheIntegerResult() {
        // x = 1..4 (scale 0.5), a 1x1 kernel of weight 2 (scale 0.5), bias 1 (scale 0.25), output scale 0.25:
        // acc = 2q + 1, M = 0.5 * 0.5 / 0.25 = 1, residual r (scale 0.5) adds 2r steps, relu clamps at 0.
        List<Tensor> out = QuantIr.run(
                """
                func.func @main(%x: tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>, %r: tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>> {
                  %w0 = graph.constant {value = dense<2> : tensor<1x1x1x1xi8>} : tensor<1x1x1x1xi8>
                  %w = quant.scast %w0 : (tensor<1x1x1x1xi8>) -> tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>
                  %b0 = graph.constant {value = dense<1> : tensor<1xi32>} : tensor<1xi32>
                  %b = quant.scast %b0 : (tensor<1xi32>) -> tensor<1x!quant.uniform<i32:f32, 0.25>>
                  %y = qnn.conv %x, %w, %b, %r {activation = "relu", multiplier = array<i32: 1073741824>, shift = array<i32: -1>, residual_multiplier = array<i32: 1073741824>, residual_shift = array<i32: -2>} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>, tensor<1x!quant.uniform<i32:f32, 0.25>>, tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>>
                  return %y : tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>>
                }
                """,
                Tensor.ofArray(DType.I8, new byte[] {1, 2, -3, 60}, 1, 1, 2, 2),
                Tensor.ofArray(DType.I8, new byte[] {1, -1, 0, 10}, 1, 1, 2, 2));
        // 2q + 1 + 2r: 5, 3, -5 -> 0 (relu), 121 + 20 = 141 -> 127 (saturated)
        assertArrayEquals(new long[] {5, 3, 0, 127}, stored(out.getFirst()));
    }

    @Test
    void addRescalesBothInputsAndLutLooksUp() {
        StringBuilder table = new StringBuilder();
        for (int q = -128; q < 128; q++) table.append(q == -128 ? "" : ", ").append(Math.max(-127, -q));
        List<Tensor> out = QuantIr.run(
                """
                func.func @main(%a: tensor<3x!quant.uniform<i8:f32, 0.5>>, %b: tensor<1x!quant.uniform<i8:f32, 1.0>>) -> (tensor<3x!quant.uniform<i8:f32, 1.0>>, tensor<3x!quant.uniform<i8:f32, 1.0>>) {
                  %y = qnn.add %a, %b {multiplier = array<i32: 1073741824, 1073741824>, shift = array<i32: 0, -1>} : (tensor<3x!quant.uniform<i8:f32, 0.5>>, tensor<1x!quant.uniform<i8:f32, 1.0>>) -> tensor<3x!quant.uniform<i8:f32, 1.0>>
                  %n = qnn.lut %y {function = "neg", table = array<i32: TABLE>} : (tensor<3x!quant.uniform<i8:f32, 1.0>>) -> tensor<3x!quant.uniform<i8:f32, 1.0>>
                  return %y, %n : tensor<3x!quant.uniform<i8:f32, 1.0>>, tensor<3x!quant.uniform<i8:f32, 1.0>>
                }
                """.replace("TABLE", table),
                Tensor.ofArray(DType.I8, new byte[] {3, -3, 100}, 3),
                Tensor.ofArray(DType.I8, new byte[] {100}, 1));
        // 0.5 * a + b: 1.5 + 100 -> 102 (half away), -1.5 + 100 -> 98.5 -> 99, 50 + 100 -> 127
        assertArrayEquals(new long[] {102, 99, 127}, stored(out.get(0)));
        assertArrayEquals(new long[] {-102, -99, -127}, stored(out.get(1)));
    }

    @Test
    void poolsConcatResizeAndGraphDataMovementRunOnStoredValues() {
        List<Tensor> out = QuantIr.run("""
                func.func @main(%x: tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> (tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<1x2x2x2x!quant.uniform<i8:f32, 1.0>>, tensor<1x4x!quant.uniform<i8:f32, 0.5>>) {
                  %m = qnn.max_pool %x {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>
                  %g = qnn.global_average_pool %x {multiplier = array<i32: 1073741824>, shift = array<i32: -1>} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>
                  %r = qnn.resize %x {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor"} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>>
                  %c = qnn.concat %x, %x {axis = 1 : i64, multiplier = array<i32: 1073741824, 1073741824>, shift = array<i32: 0, 0>} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 1.0>>
                  %f = graph.flatten %x : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.5>>
                  return %m, %g, %r, %c, %f : tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<1x2x2x2x!quant.uniform<i8:f32, 1.0>>, tensor<1x4x!quant.uniform<i8:f32, 0.5>>
                }
                """, Tensor.ofArray(DType.I8, new byte[] {1, 2, -7, 9}, 1, 1, 2, 2));
        assertArrayEquals(new long[] {9}, stored(out.get(0)));
        assertArrayEquals(new long[] {1}, stored(out.get(1))); // 5 / 4 = 1.25 -> 1
        assertArrayEquals(new long[] {1, 1, 2, 2, 1, 1, 2, 2, -7, -7, 9, 9, -7, -7, 9, 9}, stored(out.get(2)));
        assertArrayEquals(new long[] {1, 1, -4, 5, 1, 1, -4, 5}, stored(out.get(3))); // halved, half away from zero
        assertArrayEquals(new long[] {1, 2, -7, 9}, stored(out.get(4)));
    }

    @Test
    void runtimeShapesThatDoNotFitAreErrorsNamingTheOp() {
        String ir = """
                func.func @main(%a: tensor<?x!quant.uniform<i8:f32, 1.0>>, %b: tensor<?x!quant.uniform<i8:f32, 1.0>>) -> tensor<?x!quant.uniform<i8:f32, 1.0>> {
                  %y = qnn.add %a, %b {multiplier = array<i32: 1073741824, 1073741824>, shift = array<i32: -1, -1>} : (tensor<?x!quant.uniform<i8:f32, 1.0>>, tensor<?x!quant.uniform<i8:f32, 1.0>>) -> tensor<?x!quant.uniform<i8:f32, 1.0>>
                  return %y : tensor<?x!quant.uniform<i8:f32, 1.0>>
                }
                """;
        InterpreterException e = assertThrows(
                InterpreterException.class,
                () -> QuantIr.run(
                        ir,
                        Tensor.ofArray(DType.I8, new byte[] {1, 2, 3}, 3),
                        Tensor.ofArray(DType.I8, new byte[] {1, 2}, 2)));
        assertTrue(
                e.getMessage().contains("'qnn.add' op operands")
                        && e.getMessage().contains("do not broadcast"),
                e::getMessage);
    }
}
