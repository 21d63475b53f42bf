package dev.dal.dialect.quant.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fixed-point requantization equals the real-valued rescale rounded half away from zero. Exact statement: for
 * every Q31 multiplier and shift, {@code rescale(x) = round_half_away(x * M')} with {@code M' = multiplier *
 * 2^-(31 + shift)}, for all int32 {@code x} (checked exhaustively over shifts, randomly over multipliers and values,
 * against exact BigDecimal arithmetic); {@code FixedPoint.of(M)} has {@code M' = M} when {@code M} has at most 31
 * significant bits, and {@code |M' - M| <= 2^-31 * M} otherwise.
 */
class FixedPointPropertyTest {
    /** {@code round_half_away(x * m)} in exact arithmetic. */
    static long realRescale(long x, BigDecimal m) {
        return new BigDecimal(x).multiply(m).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    @Test
    void rescaleEqualsTheExactRescaleByTheRepresentedFactorForEveryShift() {
        Random rnd = new Random(7);
        for (int shift = FixedPoint.MIN_SHIFT; shift <= 70; shift++) {
            for (int trial = 0; trial < 400; trial++) {
                int mult = trial % 5 == 0 ? rnd.nextInt(1 << 30) : (1 << 30) + rnd.nextInt(1 << 30);
                FixedPoint f = new FixedPoint(mult, shift);
                long x = switch (trial % 7) {
                    case 0 -> Integer.MIN_VALUE;
                    case 1 -> Integer.MAX_VALUE;
                    case 2 -> rnd.nextInt(255) - 127;
                    default -> rnd.nextInt();
                };
                assertEquals(realRescale(x, f.represented()), f.rescale(x), () -> f + " applied to " + x);
            }
        }
    }

    @Test
    void tiesRoundAwayFromZero() {
        FixedPoint half = new FixedPoint(1 << 30, 0); // M' = 1/2
        assertEquals(1, half.rescale(1));
        assertEquals(-1, half.rescale(-1));
        assertEquals(2, half.rescale(3));
        assertEquals(-2, half.rescale(-3));
        assertEquals(0, half.rescale(0));
    }

    @Test
    void rescaleIsExactForRandomShiftsAndValues() {
        qt().forAll(
                        integers().between(0, Integer.MAX_VALUE),
                        integers().between(FixedPoint.MIN_SHIFT, 100),
                        longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .checkAssert((m, s, x) -> {
                    FixedPoint f = new FixedPoint(m, s);
                    assertEquals(realRescale(x, f.represented()), f.rescale(x));
                });
    }

    @Test
    void factorsWithAtMost31SignificantBitsAreRepresentedExactly() {
        qt().forAll(
                        integers().between(1, Integer.MAX_VALUE),
                        integers().between(-60, -1),
                        longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .checkAssert((k, e, x) -> {
                    double m = Math.scalb((double) k, e); // k < 2^31: exact in a double
                    FixedPoint f = FixedPoint.of(m);
                    assertEquals(0, f.represented().compareTo(new BigDecimal(m)), () -> m + " -> " + f);
                    assertEquals(realRescale(x, new BigDecimal(m)), f.rescale(x));
                });
    }

    @Test
    void ofRoundsAnyFactorToWithinTwoToTheMinus31() {
        qt().forAll(doubles().between(1e-12, 1e6)).checkAssert(m -> {
            FixedPoint f = FixedPoint.of(m);
            assertTrue(f.multiplier() >= 1 << 30, () -> "normalized multiplier for " + m + ": " + f);
            BigDecimal exact = new BigDecimal(m);
            BigDecimal err = f.represented().subtract(exact).abs();
            assertTrue(
                    err.compareTo(exact.multiply(BigDecimal.valueOf(Math.scalb(1.0, -31)))) <= 0, () -> m + " -> " + f);
        });
    }

    @Test
    void theKernelIsWithinHalfAStepPlusTheFactorErrorOfTheRealRescale() {
        qt().forAll(doubles().between(1e-6, 100), longs().between(-(1L << 24), 1L << 24))
                .checkAssert((m, x) -> {
                    FixedPoint f = FixedPoint.of(m);
                    BigDecimal real = new BigDecimal(x).multiply(new BigDecimal(m));
                    BigDecimal bound = BigDecimal.valueOf(0.5)
                            .add(new BigDecimal(Math.abs(x))
                                    .multiply(f.represented()
                                            .subtract(new BigDecimal(m))
                                            .abs()));
                    assertTrue(new BigDecimal(f.rescale(x)).subtract(real).abs().compareTo(bound) <= 0);
                });
    }

    @Test
    void ofRejectsNegativeAndHugeFactors() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.of(-1));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.of(0x1p31));
        assertEquals(new FixedPoint(0, 0), FixedPoint.of(0));
        assertEquals(new FixedPoint(0, 0), FixedPoint.of(Double.MIN_VALUE));
        assertEquals(new FixedPoint(1 << 30, -1), FixedPoint.of(1.0));
    }

    @Test
    void divisionRoundsHalfAwayFromZero() {
        assertEquals(2, Rounding.divRoundHalfAway(3, 2));
        assertEquals(-2, Rounding.divRoundHalfAway(-3, 2));
        assertEquals(1, Rounding.divRoundHalfAway(4, 3));
        assertEquals(-1, Rounding.divRoundHalfAway(-4, 3));
        assertEquals(3.0, Rounding.roundHalfAway(2.5));
        assertEquals(-3.0, Rounding.roundHalfAway(-2.5));
        assertEquals(0.0, Rounding.roundHalfAway(0.49999999999999994));
    }
}
