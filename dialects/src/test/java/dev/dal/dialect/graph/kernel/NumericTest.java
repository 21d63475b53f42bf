package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The general elementwise kernels on element types other than f32. */
class NumericTest {
    private static Tensor u64(long... v) {
        return Tensor.ofArray(DType.UI64, v, v.length);
    }

    @Test
    void maxAndMinBroadcastInTheInputType() {
        Tensor a = Tensor.ofArray(DType.I8, new byte[] {-5, 3, 7, -128}, 2, 2);
        Tensor b = Tensor.ofArray(DType.I8, new byte[] {0, 4}, 2);
        Tensor max = Numeric.variadic(List.of(a, b), Elementwise.Variadic.MAX);
        assertEquals(DType.I8, max.dtype());
        assertArrayEquals(new byte[] {0, 4, 7, 4}, (byte[]) max.array());
        Tensor min =
                Numeric.variadic(List.of(a, b, Tensor.ofArray(DType.I8, new byte[] {-1}, 1)), Elementwise.Variadic.MIN);
        assertArrayEquals(new byte[] {-5, -1, -1, -128}, (byte[]) min.array());
    }

    @Test
    void u64ComparesUnsigned() {
        Tensor a = u64(-1, 5), b = u64(1, 1L << 63);
        assertArrayEquals(new long[] {-1, 1L << 63}, (long[])
                Numeric.variadic(List.of(a, b), Elementwise.Variadic.MAX).array());
        assertArrayEquals(new long[] {1, 5}, (long[])
                Numeric.variadic(List.of(a, b), Elementwise.Variadic.MIN).array());
    }

    @Test
    void f16MaxKeepsTheTypeAndNanPropagates() {
        Tensor a = Tensor.zeros(DType.F16, 3), b = Tensor.zeros(DType.F16, 3);
        double[] x = {1.5, Double.NaN, -2}, y = {0.25, 1, -3};
        for (int i = 0; i < 3; i++) {
            a.setDouble(i, x[i]);
            b.setDouble(i, y[i]);
        }
        Tensor m = Numeric.variadic(List.of(a, b), Elementwise.Variadic.MAX);
        assertEquals(DType.F16, m.dtype());
        assertEquals(1.5, m.getDouble(0));
        assertTrue(Double.isNaN(m.getDouble(1)));
        assertEquals(-2, m.getDouble(2));
    }

    @Test
    void sumAndMeanOnF64AndIntegers() {
        Tensor a = Tensor.of(new double[] {1, 2}, 2), b = Tensor.of(new double[] {4, 8}, 2);
        assertArrayEquals(
                new double[] {2.5, 5},
                Numeric.variadic(List.of(a, b), Elementwise.Variadic.MEAN).doubles());
        Tensor i = Tensor.of(new int[] {Integer.MAX_VALUE, 1}, 2);
        // wraps at the width, like the ints it holds
        assertArrayEquals(
                new int[] {Integer.MIN_VALUE, 2},
                Numeric.variadic(List.of(i, Tensor.of(new int[] {1}, 1)), Elementwise.Variadic.SUM)
                        .ints());
        var e = assertThrows(
                IllegalArgumentException.class, () -> Numeric.variadic(List.of(a, i), Elementwise.Variadic.SUM));
        assertTrue(e.getMessage().contains("input types differ"), e.getMessage());
    }

    @Test
    void powHasTheBaseTypeWhateverTheExponentType() {
        Tensor ints = Tensor.of(new long[] {1, 2, 3}, 3);
        Tensor floats = Tensor.of(new float[] {4, 5, 6}, 3);
        Tensor p = Numeric.pow(ints, floats);
        assertEquals(DType.I64, p.dtype());
        assertArrayEquals(new long[] {1, 32, 729}, p.longs());
        Tensor q = Numeric.pow(floats, Tensor.of(new int[] {2}, 1));
        assertEquals(DType.F32, q.dtype());
        assertArrayEquals(new float[] {16, 25, 36}, q.floats());
        assertArrayEquals(
                new float[] {2, (float) Math.sqrt(5), (float) Math.sqrt(6)},
                Numeric.pow(floats, Tensor.of(new double[] {0.5}, 1)).floats(),
                1e-6f);
    }

    @Test
    void integerPowersAreExactAndNegativeExponentsTruncate() {
        // 3^39 needs 62 bits: exact, where a double power would round
        assertEquals(
                4_052_555_153_018_976_267L,
                Numeric.pow(Tensor.of(new long[] {3}, 1), Tensor.of(new long[] {39}, 1))
                        .getLong(0));
        assertArrayEquals(
                new long[] {0, -1, 1, 1},
                Numeric.pow(Tensor.of(new long[] {2, -1, -1, 1}, 4), Tensor.of(new long[] {-1, -3, -2, -5}, 4))
                        .longs());
        // wraps at the base's width: 2^8 in u8 is 0
        assertEquals(
                0,
                Numeric.pow(Tensor.ofArray(DType.UI8, new byte[] {2}, 1), Tensor.of(new long[] {8}, 1))
                        .getLong(0));
    }

    @Test
    void clipLimitsIntegersAndKeepsNan() {
        Tensor x = Tensor.ofArray(DType.I8, new byte[] {-128, -3, 0, 5, 127}, 5);
        Tensor lo = Tensor.ofArray(DType.I8, new byte[] {-2}, new int[0]);
        Tensor hi = Tensor.ofArray(DType.I8, new byte[] {4}, new int[0]);
        assertArrayEquals(
                new byte[] {-2, -2, 0, 4, 4}, (byte[]) Numeric.clip(x, lo, hi).array());
        assertArrayEquals(new byte[] {-128, -3, 0, 4, 4}, (byte[])
                Numeric.clip(x, Tensor.none(), hi).array());
        assertArrayEquals(new long[] {-1, 3}, (long[])
                Numeric.clip(u64(-1, 1), u64(3), Tensor.none()).array());
        Tensor d = Numeric.clip(
                Tensor.of(new double[] {Double.NaN, 9, -9}, 3), Tensor.of(new double[] {-1}), Tensor.of(new double[] {1
                }));
        assertTrue(Double.isNaN(d.getDouble(0)));
        assertArrayEquals(new double[] {1, -1}, new double[] {d.getDouble(1), d.getDouble(2)});
        var e = assertThrows(
                IllegalArgumentException.class, () -> Numeric.clip(x, Tensor.of(new long[] {1}), Tensor.none()));
        assertTrue(e.getMessage().contains("bound type I64 differs from input type I8"), e.getMessage());
    }
}
