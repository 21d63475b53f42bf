package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ONNX Cast between numeric types, f16/bf16 and strings. */
class CastTest {
    private static Tensor f64(double... v) {
        return Tensor.of(v, v.length);
    }

    @ParameterizedTest(name = "{0} as {1} is ''{2}''")
    @CsvSource({
        // NumPy's str of the value in its type (observed from numpy 2.4: str(np.float32(x)) and friends)
        "0.039187793, F32, 0.039187793",
        "0.9767611, F32, 0.9767611",
        "1.0, F32, 1.0",
        "100, F32, 100.0",
        "0.0001, F32, 1e-04", // the nearest f32 is below 1e-4
        "0.0001, F16, 0.0001", // the nearest f16 is above
        "999999, F32, 999999.0",
        "1000000, F32, 1e+06",
        "999, F16, 999.0",
        "1024, F16, 1.024e+03",
        "9999999999999998, F64, 9999999999999998.0",
        "1.0e-5, F32, 1e-05",
        "-2.5e-7, F64, -2.5e-07",
        "1.5e16, F64, 1.5e+16",
        "123456789012, F64, 123456789012.0",
        "0.1, F64, 0.1",
        "0.1, F16, 0.1",
        "65504, F16, 6.55e+04",
        "0.333, BF16, 0.332", // 0.33203125: 0.33 would read back as 0.33007812
    })
    void floatsFormatAsNumpyStrDoes(double v, DType type, String expected) {
        Tensor x = Tensor.zeros(type, 1);
        x.setDouble(0, v);
        assertEquals(expected, Cast.cast(x, DType.STRING).strings()[0]);
    }

    @Test
    void specialFloatsIntegersAndBoolsBecomeStrings() {
        assertArrayEquals(
                new String[] {"nan", "inf", "-inf", "-0.0"},
                Cast.cast(f64(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0), DType.STRING)
                        .strings());
        assertArrayEquals(
                new String[] {"18446744073709551615", "7"},
                Cast.cast(Tensor.ofArray(DType.UI64, new long[] {-1, 7}, 2), DType.STRING)
                        .strings());
        assertArrayEquals(
                new String[] {"True", "False"},
                Cast.cast(Tensor.of(new boolean[] {true, false}, 2), DType.STRING)
                        .strings());
    }

    @Test
    void stringsParsePlainScientificAndTheSpecialLiterals() {
        Tensor s = Tensor.of(new String[] {"0.47892547", "1E8", "-1e-5", " 3.5 ", "NaN", "INF", "+INF", "-inf"}, 8);
        float[] f = Cast.cast(s, DType.F32).floats();
        assertArrayEquals(
                new float[] {
                    0.47892547f,
                    1e8f,
                    -1e-5f,
                    3.5f,
                    Float.NaN,
                    Float.POSITIVE_INFINITY,
                    Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY
                },
                f);
        // integers read exactly (beyond double's 53 bits); a fraction truncates
        assertArrayEquals(
                new long[] {9_007_199_254_740_993L, 100, -100},
                Cast.cast(Tensor.of(new String[] {"9007199254740993", "100.5", "-100.7"}, 3), DType.I64)
                        .longs());
        var e = assertThrows(
                IllegalArgumentException.class, () -> Cast.cast(Tensor.of(new String[] {"Hello"}, 1), DType.F32));
        assertTrue(e.getMessage().contains("cannot cast string 'Hello' to F32"), e.getMessage());
    }

    @Test
    void floatsToF16AndBf16RoundOnceToNearestEven() {
        Tensor h = Cast.cast(f64(1 + 0x1p-11 + 0x1p-40, 1 + 0x1p-11, 65520, 0.1), DType.F16);
        assertEquals(DType.F16, h.dtype());
        assertArrayEquals(new short[] {0x3C01, 0x3C00, 0x7C00, 0x2E66}, (short[]) h.array());
        Tensor b = Cast.cast(
                Tensor.of(new float[] {Float.intBitsToFloat(0x3EF5EEB0), Float.intBitsToFloat(0x3EF535B8), -1.5f}, 3),
                DType.BF16);
        assertArrayEquals(new short[] {0x3EF6, 0x3EF5, (short) 0xBFC0}, (short[]) b.array());
        // and back exactly
        assertArrayEquals(
                new float[] {0.48046875f, 0.478515625f, -1.5f},
                Cast.cast(b, DType.F32).floats());
    }

    @Test
    void integersConvertToFloatsWithOneRounding() {
        // 2^60 + 2^36 + 1 is above the f32 halfway point; through f64 it would become the tie 2^60 + 2^36 (to even:
        // 2^60)
        long x = (1L << 60) + (1L << 36) + 1;
        assertEquals(
                0x1p60f + 0x1p37f,
                Cast.cast(Tensor.of(new long[] {x}, 1), DType.F32).floats()[0]);
        assertEquals(
                0x1p64,
                Cast.cast(Tensor.ofArray(DType.UI64, new long[] {-1}, 1), DType.F64)
                        .doubles()[0]);
    }

    @Test
    void floatsToIntegersTruncateAndNumbersToBoolTestNonZero() {
        assertArrayEquals(
                new int[] {-1, 2, 0}, Cast.cast(f64(-1.7, 2.9, -0.2), DType.I32).ints());
        assertArrayEquals(new byte[] {(byte) 200, 1}, (byte[])
                Cast.cast(f64(200.5, 1), DType.UI8).array());
        assertEquals(-1L, Cast.cast(f64(0x1.fffffffffffffp63), DType.UI64).getLong(0) | 0x7FFL);
        assertArrayEquals(
                new boolean[] {true, false, true},
                Cast.cast(f64(Double.NaN, 0.0, -3), DType.BOOL).bools());
        assertArrayEquals(new byte[] {(byte) 0xFF, 0x01}, (byte[]) Cast.cast(
                        Tensor.of(new int[] {255, 257}, 2), DType.I8)
                .array());
    }
}
