package dev.dal.dialect.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.interp.DType;
import dev.dal.ir.trait.Traits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

/** {@code !quant.uniform} types parse from and print to MLIR's syntax, and invalid ones cannot be built. */
class QuantTypesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "!quant.uniform<i8:f32, 0.0235:0>|!quant.uniform<i8:f32, 2.350000e-02>",
                "!quant.uniform<i8:f32, 0.5>|!quant.uniform<i8:f32, 5.000000e-01>",
                "!quant.uniform<u8:f32, 0.5:128>|!quant.uniform<u8:f32, 5.000000e-01:128>",
                "!quant.uniform<i8<-127:127>:f32, 1.0>|!quant.uniform<i8<-127:127>:f32, 1.000000e+00>",
                "!quant.uniform<i8<-128:127>:f32, 1.0>|!quant.uniform<i8:f32, 1.000000e+00>",
                "!quant.uniform<i32:f32, 0.1>|!quant.uniform<i32:f32, 1.000000e-01>",
                "!quant.uniform<i8:f32:1, {0.1:0, 0.2:0}>|!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>",
                "!quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2:3}>|!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01:3}>",
                "!quant.uniform<u8:f16, 0.1:-0>|!quant.uniform<u8:f16, 1.000000e-01>",
                "!quant.uniform<i16:bf16, 0.123456789>|!quant.uniform<i16:bf16, 0.123456789>",
            })
    void parsesAndPrintsMlirsSyntax(String written, String printed) {
        Type t = QuantIr.type("tensor<2x" + written + ">");
        assertEquals("tensor<2x" + printed + ">", Traits.typeText(t));
        assertEquals(t, QuantIr.type(Traits.typeText(t)));
    }

    @Test
    void perTensorTypeHasItsParameters() {
        QuantizedElementType q = (QuantizedElementType) QuantIr.type("!quant.uniform<u8<1:200>:f16, 0.25:7>");
        assertEquals(new IntegerType(8, IntegerType.Signedness.UNSIGNED), q.storageType());
        assertEquals(FloatType.F16, q.expressedType());
        assertEquals(1, q.storageMin());
        assertEquals(200, q.storageMax());
        assertTrue(q.axis().isEmpty());
        assertEquals(0.25, q.scale(0));
        assertEquals(7, q.zeroPoint(0));
        assertEquals(-1.75, q.dequantize(0, 0));
    }

    @Test
    void perAxisTypeHasOneScaleAndZeroPointPerChannel() {
        QuantizedElementType q = (QuantizedElementType) QuantIr.type("!quant.uniform<i8:f32:1, {0.5:1, 2.0:-3}>");
        assertEquals(1, q.axis().getAsInt());
        assertEquals(2, q.channels());
        assertEquals(2.0, q.scale(1));
        assertEquals(-3, q.zeroPoint(1));
    }

    @Test
    void storageTypeMapsToTheRuntimeDtype() {
        assertEquals(Optional.of(DType.I8), DType.fromIrType(QuantIr.type("!quant.uniform<i8:f32, 0.5>")));
        assertEquals(Optional.of(DType.UI8), DType.fromIrType(QuantIr.type("!quant.uniform<u8:f32, 0.5:3>")));
        assertEquals(Optional.of(DType.I32), DType.fromIrType(QuantIr.type("!quant.uniform<i32:f32:0, {0.5}>")));
    }

    @Test
    void otherQuantKindsStayOpaque() {
        assertInstanceOf(OpaqueType.class, QuantIr.type("!quant.any<i8:f32>"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "!quant.uniform<i8:f32, 0.0>|illegal scale: 0.0",
                "!quant.uniform<i8:f32, -1.0>|illegal scale: -1.0",
                "!quant.uniform<i8:f32, 1.0e400>|illegal scale: Infinity",
                "!quant.uniform<i8:f32, 0.5:128>|illegal zero point: 128",
                "!quant.uniform<u8:f32, 0.5:-1>|illegal zero point: -1",
                "!quant.uniform<i8<-127:127>:f32, 0.5:-128>|illegal zero point: -128",
                "!quant.uniform<i8<-129:127>:f32, 0.5>|illegal storage type minimum: -129",
                "!quant.uniform<u8<0:256>:f32, 0.5>|illegal storage type maximum: 256",
                "!quant.uniform<i8<5:1>:f32, 0.5>|illegal storage min and storage max: (5:1)",
                "!quant.uniform<i64:f32, 0.5>|illegal storage type size: 64",
                "!quant.uniform<i8:i32, 0.5>|expected a float expressed type",
                "!quant.uniform<i8:f32:0, {0.5, 0.0}>|illegal scale: 0.0",
                "!quant.uniform<i8:f32, {0.5}>|expected a scale",
                "!quant.uniform<f8:f32, 0.5>|expected storage type iN or uN",
            })
    void invalidTypesAreParseErrors(String written, String message) {
        List<Diagnostic> diags = new ArrayList<>();
        QuantIr.parse("func.func @f(%a: tensor<2x" + written + ">) {\n  return\n}\n", diags);
        assertTrue(
                diags.stream().anyMatch(d -> d.message().contains(message)),
                () -> "expected '" + message + "' in " + diags);
    }

    @Test
    void invalidTypesCannotBeConstructed() {
        QuantStorage i8 = QuantStorage.full(IntegerType.I8, FloatType.F32);
        assertThrows(IllegalArgumentException.class, () -> new UniformQuantizedType(i8, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new UniformQuantizedType(i8, 1, 200));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UniformQuantizedPerAxisType(i8, 0, List.of(1.0, 2.0), List.of(0L)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UniformQuantizedPerAxisType(i8, -1, List.of(1.0), List.of(0L)));
    }

    private static Gen<QuantStorage> storages() {
        return integers()
                .between(0, 3)
                .zip(
                        integers().between(0, 2),
                        integers().between(0, 40),
                        integers().between(0, 40),
                        (kind, ex, lo, hi) -> {
                            IntegerType st = switch (kind) {
                                case 0 -> IntegerType.I8;
                                case 1 -> new IntegerType(8, IntegerType.Signedness.UNSIGNED);
                                case 2 -> IntegerType.I16;
                                default -> IntegerType.I32;
                            };
                            FloatType et = List.of(FloatType.F32, FloatType.F16, FloatType.BF16)
                                    .get(ex);
                            return new QuantStorage(
                                    st, QuantStorage.defaultMin(st) + lo, QuantStorage.defaultMax(st) - hi, et);
                        });
    }

    private static Gen<Double> scales() {
        return doubles().between(1e-12, 1e6).map(d -> d); // any positive finite value, printed exactly
    }

    /** Print -> parse gives the same type, per tensor and per axis, for generated parameters. */
    @Test
    void printedTypesParseBackEqual() {
        qt().forAll(storages(), scales(), doubles().between(0, 1)).checkAssert((st, s, z) -> {
            long zp = st.storageMin() + (long) Math.floor(z * (st.storageMax() - st.storageMin()));
            Type t = new UniformQuantizedType(st, s, zp);
            assertEquals(
                    t,
                    QuantIr.type("tensor<3x" + Traits.typeText(t) + ">") instanceof TensorType tt
                            ? tt.elementType()
                            : null);
        });
        qt().forAll(storages(), integers().between(0, 3), lists().of(scales()).ofSizeBetween(1, 5))
                .checkAssert((st, axis, ss) -> {
                    List<Long> zps = new ArrayList<>();
                    for (int i = 0; i < ss.size(); i++) zps.add(st.storageMin() + i);
                    Type t = new UniformQuantizedPerAxisType(st, axis, ss, zps);
                    assertEquals(t, QuantIr.type(Traits.typeText(t)));
                });
    }
}
