package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** The vectorised GELU ({@link Activation#gelu}) agrees with the scalar formula it stands for. */
class GeluTest {
    private static double reference(float x) {
        return 0.5 * x * (1 + Elementwise.erf(x * Math.sqrt(0.5)));
    }

    @Test
    void matchesTheScalarFormulaEverywhereIncludingTails() {
        // 1,003 values: whole vectors and a tail; from -12 to 12 in steps of 0.024
        int n = 1003;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -12f + 0.024f * i;
        float[] got = Activation.gelu(Tensor.of(x, n), Ref.POOL).floats();
        for (int i = 0; i < n; i++) {
            double want = reference(x[i]);
            assertTrue(
                    Math.abs(got[i] - want) <= 1e-6 * Math.max(1, Math.abs(want)),
                    "gelu(" + x[i] + ") = " + got[i] + ", want " + want);
        }
    }

    @Test
    void specialValuesFollowTheFormula() {
        float[] x = new float[64];
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3f, -3f};
        for (int i = 0; i < x.length; i++) x[i] = special[i % special.length];
        float[] got = Activation.gelu(Tensor.of(x, x.length), Ref.POOL).floats();
        for (int i = 0; i < x.length; i++) {
            double want = reference(x[i]);
            if (Double.isNaN(want)) assertTrue(Float.isNaN(got[i]), "gelu(" + x[i] + ") = " + got[i]);
            else assertEquals(want, got[i], 1e-6 * Math.max(1, Math.abs(want)), "gelu(" + x[i] + ")");
        }
    }
}
