package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** Pad's edge, reflect and wrap modes on small hand-checked cases. */
class PadTest {
    private static final Tensor ROW = Tensor.of(new float[] {1, 2, 3}, 3);

    @Test
    void edgeRepeatsTheBorderElement() {
        assertArrayEquals(
                new float[] {1, 1, 1, 2, 3, 3, 3, 3},
                Pad.pad(ROW, new long[] {2, 3}, Pad.Mode.EDGE, 0).floats());
    }

    @Test
    void reflectMirrorsWithoutRepeatingTheBorder() {
        assertArrayEquals(
                new float[] {3, 2, 1, 2, 3, 2, 1, 2},
                Pad.pad(ROW, new long[] {2, 3}, Pad.Mode.REFLECT, 0).floats());
    }

    @Test
    void wrapContinuesFromTheOtherSide() {
        assertArrayEquals(
                new float[] {2, 3, 1, 2, 3, 1, 2, 3},
                Pad.pad(ROW, new long[] {2, 3}, Pad.Mode.WRAP, 0).floats());
        // a negative pad crops first; wrapping then reads the cropped row
        assertArrayEquals(
                new float[] {2, 3, 2, 3},
                Pad.pad(ROW, new long[] {-1, 2}, Pad.Mode.WRAP, 0).floats());
    }

    @Test
    void modesPadEveryAxisOfAnIntegerMatrix() {
        Tensor m = Tensor.of(new long[] {1, 2, 3, 4}, 2, 2);
        Tensor y = Pad.pad(m, new long[] {1, 0, 0, 1}, Pad.Mode.REFLECT, 0);
        assertArrayEquals(new int[] {3, 3}, y.shape());
        assertArrayEquals(new long[] {3, 4, 3, 1, 2, 1, 3, 4, 3}, y.longs());
        Tensor e = Pad.pad(m, new long[] {0, 1, 1, 0}, Pad.Mode.EDGE, 0);
        assertArrayEquals(new long[] {1, 1, 2, 3, 3, 4, 3, 3, 4}, e.longs());
    }

    @Test
    void paddingAnEmptyAxisByCopyingIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Pad.pad(Tensor.of(new float[0], 0), new long[] {1, 1}, Pad.Mode.EDGE, 0));
    }
}
