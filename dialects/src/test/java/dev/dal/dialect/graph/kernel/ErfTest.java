package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The error function against a naive reference: Simpson integration of 2/sqrt(pi) exp(-t^2). */
class ErfTest {
    private static double naiveErf(double x) {
        int n = 20_000;
        double h = x / n, s = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h, f = Math.exp(-t * t);
            s += (i == 0 || i == n) ? f : (i % 2 == 1 ? 4 * f : 2 * f);
        }
        return 2 / Math.sqrt(Math.PI) * s * h / 3;
    }

    @Test
    void erfAgreesWithNumericIntegrationWithinFloatPrecision() {
        for (double x = -4; x <= 4; x += 0.05) assertEquals(naiveErf(x), Elementwise.erf(x), 2e-7, "erf(" + x + ")");
    }

    @Test
    void erfIsOddAndSaturates() {
        for (double x = 0; x < 3; x += 0.1) assertEquals(-Elementwise.erf(x), Elementwise.erf(-x), 0.0);
        assertEquals(1.0, Elementwise.erf(10), 1e-12);
    }
}
