package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dropout at inference and in training, with the reference's seeded draws. */
class DropoutTest {
    private static final Tensor X = Tensor.of(new float[] {1, -2, 3, 4.5f, -5}, 5);

    @Test
    void inferenceAndZeroRatioPassTheInputWithAnAllTrueMask() {
        for (List<Tensor> out : List.of(Dropout.dropout(X, 0.5f, false, 0), Dropout.dropout(X, 0f, true, 0))) {
            assertSame(X, out.get(0));
            assertArrayEquals(
                    new boolean[] {true, true, true, true, true}, out.get(1).bools());
        }
    }

    @Test
    void trainingKeepsElementsWhoseDrawReachesTheRatioAndScalesThem() {
        // seed 0 draws 0.549, 0.715, 0.603, 0.545, 0.424: with ratio 0.55 the 2nd and 3rd are kept, scaled by 1/0.45
        List<Tensor> out = Dropout.dropout(X, 0.55f, true, 0);
        assertArrayEquals(
                new boolean[] {false, true, true, false, false}, out.get(1).bools());
        float scale = 1f / (1f - 0.55f);
        assertArrayEquals(
                new float[] {0, -2 * scale, 3 * scale, 0, 0}, out.get(0).floats());
        // f64 keeps its type; the scale is computed in the ratio's f32, as NumPy does with an f32 ratio
        Tensor d = Dropout.dropout(Tensor.of(new double[] {1, 1}, 2), 0.6f, true, 0)
                .getFirst();
        assertArrayEquals(new double[] {0, 1f / (1f - 0.6f)}, d.doubles());
        assertSame(DType.F64, d.dtype());
    }

    @Test
    void ratioMustBeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(X, 1f, true, 0));
        assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(X, -0.1f, true, 0));
    }
}
