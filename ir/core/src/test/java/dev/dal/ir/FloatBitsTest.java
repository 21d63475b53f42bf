package dev.dal.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Doubles round once, to nearest-even, into the 16-bit float formats. */
class FloatBitsTest {
    @Test
    void f16RoundsFromTheDoubleNotThroughF32() {
        // just above the tie between 1 and 1 + 2^-10: f32 would drop the 2^-40 and make it a tie (to even: 1.0)
        assertEquals(0x3C01, FloatBits.fromDouble(1 + 0x1p-11 + 0x1p-40, FloatType.Kind.F16));
        assertEquals(0x3C00, FloatBits.fromDouble(1 + 0x1p-11, FloatType.Kind.F16));
        assertEquals(0x3C02, FloatBits.fromDouble(1 + 3 * 0x1p-11, FloatType.Kind.F16));
    }

    @Test
    void f16HandlesSubnormalsOverflowAndSpecialValues() {
        assertEquals(0x0001, FloatBits.fromDouble(0x1p-24, FloatType.Kind.F16));
        assertEquals(0x0000, FloatBits.fromDouble(0x1p-25, FloatType.Kind.F16)); // a tie, to even: zero
        assertEquals(0x7BFF, FloatBits.fromDouble(65504, FloatType.Kind.F16));
        assertEquals(0x7C00, FloatBits.fromDouble(65520, FloatType.Kind.F16)); // rounds past the largest finite
        assertEquals(0xFC00, FloatBits.fromDouble(Double.NEGATIVE_INFINITY, FloatType.Kind.F16));
        assertEquals(0x8000, FloatBits.fromDouble(-0.0, FloatType.Kind.F16));
        assertEquals(0x7E00, FloatBits.fromDouble(Double.NaN, FloatType.Kind.F16));
        for (int bits = 0; bits < 0x7C00; bits += 7) {
            double v = FloatBits.toDouble(bits, FloatType.Kind.F16);
            assertEquals(bits, FloatBits.fromDouble(v, FloatType.Kind.F16), () -> "round trip of " + v);
        }
    }

    @Test
    void bf16RoundsTheF32BitsToNearestEven() {
        assertEquals(0x3EF5, FloatBits.fromDouble(Float.intBitsToFloat(0x3EF57FFF), FloatType.Kind.BF16));
        assertEquals(0x3EF6, FloatBits.fromDouble(Float.intBitsToFloat(0x3EF58001), FloatType.Kind.BF16));
        assertEquals(0x3EF6, FloatBits.fromDouble(Float.intBitsToFloat(0x3EF58000), FloatType.Kind.BF16)); // to even
        assertEquals(0x3EF4, FloatBits.fromDouble(Float.intBitsToFloat(0x3EF48000), FloatType.Kind.BF16));
        assertEquals(0x7F80, FloatBits.fromDouble(Float.POSITIVE_INFINITY, FloatType.Kind.BF16));
        assertEquals(0x7F80, FloatBits.fromDouble(Float.intBitsToFloat(0x7F7FFFFF), FloatType.Kind.BF16));
        assertEquals(0x7FC0, FloatBits.fromDouble(Double.NaN, FloatType.Kind.BF16));
    }
}
