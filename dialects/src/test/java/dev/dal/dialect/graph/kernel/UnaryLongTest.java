package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** The integer unary kernel keeps the dtype and shape and maps each element on its own. */
class UnaryLongTest {
    @Test
    void negAbsAndSignOnI64MatchHandComputedValues() {
        Tensor x = Tensor.of(new long[] {-3, 0, 5, -1, 7, -9}, 2, 3);
        Tensor neg = Elementwise.unaryLong(x, v -> -v);
        assertEquals(DType.I64, neg.dtype());
        assertArrayEquals(new int[] {2, 3}, neg.shape());
        assertArrayEquals(new long[] {3, 0, -5, 1, -7, 9}, neg.longs());
        assertArrayEquals(
                new long[] {3, 0, 5, 1, 7, 9},
                Elementwise.unaryLong(x, Math::abs).longs());
        assertArrayEquals(
                new long[] {-1, 0, 1, -1, 1, -1},
                Elementwise.unaryLong(x, Long::signum).longs());
    }

    @Test
    void i32StaysI32() {
        Tensor x = Tensor.of(new int[] {-2, 4}, 2);
        Tensor t = Elementwise.unaryLong(x, Math::abs);
        assertEquals(DType.I32, t.dtype());
        assertArrayEquals(new int[] {2, 4}, t.ints());
    }
}
