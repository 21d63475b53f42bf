package dev.dal.ir.opgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Default literals in the textual attribute syntax become the Java expressions that build them. */
class DefaultLiteralsTest {
    private static String java(String literal) throws DefaultLiterals.BadLiteral {
        return DefaultLiterals.translate(literal).expression().toString();
    }

    private static String kind(String literal) throws DefaultLiterals.BadLiteral {
        return DefaultLiterals.translate(literal).attrClass().simpleName();
    }

    @Test
    void integersKeepTheirTypeAndDefaultToI64() throws Exception {
        assertEquals("dev.dal.ir.IntegerAttr.of(1L, dev.dal.ir.IntegerType.I64)", java("1 : i64"));
        assertEquals("dev.dal.ir.IntegerAttr.of(-3L, dev.dal.ir.IntegerType.I64)", java("-3"));
        assertEquals("dev.dal.ir.IntegerAttr.of(255L, dev.dal.ir.IntegerType.I8)", java("0xff : i8"));
        assertEquals(
                "dev.dal.ir.IntegerAttr.of(7L, new dev.dal.ir.IntegerType(32, dev.dal.ir.IntegerType.Signedness.UNSIGNED))",
                java("7 : ui32"));
        assertEquals("dev.dal.ir.IntegerAttr.of(4L, dev.dal.ir.IndexType.INSTANCE)", java("4 : index"));
        assertEquals("IntegerAttr", kind("0 : i1"));
    }

    @Test
    void integersThatDoNotFitAreRejected() {
        assertThrows(DefaultLiterals.BadLiteral.class, () -> java("256 : i8"));
        assertThrows(DefaultLiterals.BadLiteral.class, () -> java("-1 : ui8"));
        assertThrows(DefaultLiterals.BadLiteral.class, () -> java("128 : si8"));
    }

    @Test
    void floatsKeepTheirTypeAndDefaultToF64() throws Exception {
        assertEquals("dev.dal.ir.FloatAttr.of(0.5, dev.dal.ir.FloatType.F32)", java("0.5 : f32"));
        assertEquals("dev.dal.ir.FloatAttr.of(0.001, dev.dal.ir.FloatType.F64)", java("1.0e-3"));
        assertEquals("dev.dal.ir.FloatAttr.of(2.0, dev.dal.ir.FloatType.BF16)", java("2 : bf16"));
        assertEquals("new dev.dal.ir.FloatAttr(2143289344L, dev.dal.ir.FloatType.F32)", java("0x7FC00000 : f32"));
        assertEquals("dev.dal.ir.FloatAttr.of(Double.NEGATIVE_INFINITY, dev.dal.ir.FloatType.F16)", java("-inf : f16"));
    }

    @Test
    void boolsStringsUnitAndDenseArrays() throws Exception {
        assertEquals("dev.dal.ir.BoolAttr.TRUE", java("true"));
        assertEquals("dev.dal.ir.StringAttr.of(\"relu\")", java("\"relu\""));
        assertEquals("dev.dal.ir.StringAttr.of(\"a\\\"b\\n\")", java("\"a\\\"b\\n\""));
        assertEquals("dev.dal.ir.UnitAttr.INSTANCE", java("unit"));
        assertEquals(
                "new dev.dal.ir.DenseArrayAttr(dev.dal.ir.IntegerType.I64, new long[] {1L, 1L})",
                java("array<i64: 1, 1>"));
        assertEquals("new dev.dal.ir.DenseArrayAttr(dev.dal.ir.IntegerType.I32, new long[] {})", java("array<i32>"));
        assertEquals(
                "new dev.dal.ir.DenseArrayAttr(dev.dal.ir.IntegerType.I1, new long[] {1L, 0L})",
                java("array<i1: true, false>"));
        assertTrue(java("array<f32: 1.5>").contains("FloatAttr.of(1.5, dev.dal.ir.FloatType.F32).bits()"));
    }

    @Test
    void otherFormsAreRejectedWithTheListOfUnderstoodOnes() {
        DefaultLiterals.BadLiteral e =
                assertThrows(DefaultLiterals.BadLiteral.class, () -> java("dense<1> : tensor<2xi32>"));
        assertTrue(e.getMessage().contains("understood forms"), e.getMessage());
        assertThrows(DefaultLiterals.BadLiteral.class, () -> java("1 : q7"));
        assertThrows(DefaultLiterals.BadLiteral.class, () -> java("\"open"));
        assertThrows(DefaultLiterals.BadLiteral.class, () -> java("array<i8: 300>"));
    }
}
