package dev.dal.dialect.quant.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Quantize then dequantize loses at most half a step inside the representable range and saturates outside it. The
 * bound is checked on the exact quotient: {@code |q - zp - x / s| <= 1/2}, up to the double rounding of
 * {@code x / s} (relative 2^-52 of the quotient).
 */
class QuantCastPropertyTest {
    private static final long MIN = -127, MAX = 127;

    @Test
    void roundTripErrorIsAtMostHalfAStepInsideTheRange() {
        qt().forAll(
                        doubles().between(1e-6, 1e3),
                        integers().between(-20, 20),
                        doubles().between(-1, 1))
                .checkAssert((s, zp, u) -> {
                    double lo = (MIN - zp) * s, hi = (MAX - zp) * s;
                    double x = lo + (u + 1) / 2 * (hi - lo);
                    long q = QuantCast.quantize(x, s, zp, MIN, MAX);
                    BigDecimal exact = new BigDecimal(x).divide(new BigDecimal(s), java.math.MathContext.DECIMAL128);
                    BigDecimal err = new BigDecimal(q - zp).subtract(exact).abs();
                    double slack = Math.ulp(Math.abs(x / s));
                    assertTrue(err.doubleValue() <= 0.5 + slack, () -> x + " / " + s + " -> " + q + ", error " + err);
                    double back = (q - zp) * s;
                    assertTrue(Math.abs(back - x) <= s / 2 * (1 + 1e-12), () -> x + " -> " + back);
                });
    }

    @Test
    void valuesOutsideTheRangeSaturate() {
        qt().forAll(
                        doubles().between(1e-6, 1e3),
                        integers().between(-20, 20),
                        doubles().between(0.5000001, 1e6))
                .checkAssert((s, zp, beyond) -> {
                    assertEquals(MAX, QuantCast.quantize((MAX - zp + beyond) * s, s, zp, MIN, MAX));
                    assertEquals(MIN, QuantCast.quantize((MIN - zp - beyond) * s, s, zp, MIN, MAX));
                });
        assertEquals(MAX, QuantCast.quantize(Double.POSITIVE_INFINITY, 0.1, 0, MIN, MAX));
        assertEquals(MIN, QuantCast.quantize(Double.NEGATIVE_INFINITY, 0.1, 0, MIN, MAX));
    }

    @Test
    void tiesRoundAwayFromZero() {
        assertEquals(3, QuantCast.quantize(2.5, 1, 0, MIN, MAX));
        assertEquals(-3, QuantCast.quantize(-2.5, 1, 0, MIN, MAX));
        assertEquals(1, QuantCast.quantize(0.25, 0.5, 0, MIN, MAX));
        assertEquals(-1, QuantCast.quantize(-0.25, 0.5, 0, MIN, MAX));
    }
}
