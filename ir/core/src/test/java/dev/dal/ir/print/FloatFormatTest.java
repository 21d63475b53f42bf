package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.FloatBits;
import dev.dal.ir.FloatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floats as MLIR writes them. The expected texts were observed from {@code mlir-opt} 16 (Debian's mlir-16-tools)
 * printing the same values in attributes; they are facts about the peer, recorded here as test data.
 */
class FloatFormatTest {
    @ParameterizedTest(name = "{0} as {1} prints {2}")
    @CsvSource({
        "1.0, F64, 1.000000e+00",
        "0.1, F32, 1.000000e-01",
        "1.0e-10, F64, 1.000000e-10",
        "3.0, F32, 3.000000e+00",
        "0.3, F64, 3.000000e-01",
        "1.0e300, F64, 1.000000e+300",
        "3.14159265358979, F64, 3.14159265358979",
        "65504.0, F16, 6.550400e+04",
        "1.0e-7, F32, 1.000000e-07",
        "123.456, F32, 1.234560e+02",
        "1.5, BF16, 1.500000e+00",
        "4.9e-324, F64, 4.940660e-324",
        "100.0, F64, 1.000000e+02",
        "1.0e6, F32, 1.000000e+06",
        "1.0e16, F64, 1.000000e+16",
        "0.1, F16, 9.997550e-02",
        "0.1, BF16, 1.000980e-01",
        "1.0e-45, F32, 1.401300e-45",
        "-0.0, F32, -0.000000e+00",
        "0.5, F32, 5.000000e-01",
        "9.5, F32, 9.500000e+00",
        "-2.5, F64, -2.500000e+00",
        "1.0e-20, F64, 9.9999999999999995E-21",
        "1.2345678e-20, F32, 1.23456779E-20",
        "1.23456789e20, F64, 1.23456789E+20",
        "0.00012345678, F64, 1.2345678000000001E-4",
        "1234.5678, F32, 1234.56775",
    })
    void valuesPrintAsMlirOptPrintsThem(double value, FloatType.Kind kind, String expected) {
        assertEquals(expected, FloatFormat.format(FloatBits.fromDouble(value, kind), kind));
    }

    @ParameterizedTest(name = "bits {0} of {1} print {2}")
    @CsvSource({
        "0x7FC00000, F32, 0x7FC00000",
        "0x7FC00001, F32, 0x7FC00001",
        "0xFF800000, F32, 0xFF800000",
        "0x7FF0000000000000, F64, 0x7FF0000000000000",
        "0x7C00, F16, 0x7C00",
        "0x0001, F16, 5.960460e-08",
        "0x419D6F3454000000, F64, 0x419D6F3454000000",
        "0x4B3C614E, F32, 0x4B3C614E",
        "0x42, F8E4M3FN, 2.500000e+00",
        "0x7F, F8E4M3FN, 0x7F",
        "0x3E, F8E5M2, 1.500000e+00",
    })
    void specialsAndUnroundableIntegersPrintAsHex(String bits, FloatType.Kind kind, String expected) {
        assertEquals(expected, FloatFormat.format(Long.parseUnsignedLong(bits.substring(2), 16), kind));
    }

    @Test
    void valuesNeedingMoreThanSevenDigitsUseTheShortestRoundTripForm() {
        // 0.1 + 0.2 is not 0.3 in f64; mlir-opt writes 17 significant digits for it.
        assertEquals(
                "0.30000000000000004", FloatFormat.format(Double.doubleToRawLongBits(0.1 + 0.2), FloatType.Kind.F64));
        // 1/3 in f32: nine digits, no exponent needed.
        assertEquals(
                "0.333333343", FloatFormat.format(Float.floatToRawIntBits(1f / 3) & 0xFFFFFFFFL, FloatType.Kind.F32));
    }
}
