package dev.dal.ir.parse;

import static dev.dal.ir.parse.ParseHelper.body;
import static dev.dal.ir.parse.ParseHelper.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IndexType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.LocationAttr;
import dev.dal.ir.MemRefType;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpaqueAttr;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.TupleType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.UnitAttr;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.VectorType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeAttrLocParseTest {
    private static Type type(String t) {
        return body(parse("\"a.t\"() : () -> " + t)).getFirst().result(0).type();
    }

    private static Attribute attr(String a) {
        return body(parse("\"a.t\"() {v = " + a + "} : () -> ()"))
                .getFirst()
                .attribute("v")
                .orElseThrow();
    }

    private static Location loc(String l) {
        return body(parse("\"a.t\"() : () -> () loc(" + l + ")")).getFirst().loc();
    }

    @Test
    void builtinScalarTypes() {
        assertEquals(IntegerType.I1, type("i1"));
        assertEquals(new IntegerType(7, IntegerType.Signedness.UNSIGNED), type("ui7"));
        assertEquals(IndexType.INSTANCE, type("index"));
        assertEquals(NoneType.INSTANCE, type("none"));
        assertEquals(FloatType.BF16, type("bf16"));
        assertEquals(new FloatType(FloatType.Kind.F8E4M3FN), type("f8E4M3FN"));
        assertEquals(new FloatType(FloatType.Kind.F8E5M2FNUZ), type("f8E5M2FNUZ"));
        assertEquals(new ComplexType(FloatType.F32), type("complex<f32>"));
        assertEquals(new TupleType(List.of(IntegerType.I32, new TupleType(List.of()))), type("tuple<i32, tuple<>>"));
    }

    @Test
    void shapedTypes() {
        assertEquals(TensorType.of(FloatType.F32, 4, 4), type("tensor<4x4xf32>"));
        assertEquals(TensorType.of(FloatType.F32), type("tensor<f32>"));
        assertEquals(TensorType.of(List.of(ShapedType.DYNAMIC, 3L), IntegerType.I8), type("tensor<?x3xi8>"));
        assertEquals(TensorType.of(IntegerType.I8, 0, 4), type("tensor<0x4xi8>"));
        assertEquals(new UnrankedTensorType(FloatType.F16), type("tensor<*xf16>"));
        TensorType enc = (TensorType) type("tensor<2xf32, \"enc\">");
        assertEquals(Optional.of(StringAttr.of("enc")), enc.encoding());
        assertEquals(new VectorType(List.of(2L, 4L), List.of(false, true), FloatType.F32), type("vector<2x[4]xf32>"));
        MemRefType m = (MemRefType) type("memref<4x?xf32, strided<[?, 1], offset: ?>, 1>");
        assertEquals(Optional.of(new OpaqueAttr("", "strided<[?, 1], offset: ?>", Optional.empty())), m.layout());
        assertEquals(Optional.of(IntegerAttr.i64(1)), m.memorySpace());
        MemRefType u = (MemRefType) type("memref<*xi32, 2>");
        assertFalse(u.ranked());
        assertEquals(Optional.of(IntegerAttr.i64(2)), u.memorySpace());
        assertEquals(TensorType.of(new TupleType(List.of()), 2).shape(), ((TensorType) type("tensor<2x!a.b>")).shape());
    }

    @Test
    void dialectTypesKeepTheirBodyAsText() {
        assertEquals(new OpaqueType("quant", "uniform<i8:f32, 0.0235:0>"), type("!quant.uniform<i8:f32, 0.0235:0>"));
        assertEquals(
                new OpaqueType("quant", "uniform<i8<-127:127>:f32:0, {0.1:0, 0.2:0}>"),
                type("!quant.uniform<i8<-127:127>:f32:0, {0.1:0,\n 0.2:0}>"));
        assertEquals(new OpaqueType("foo", "<\"x->y\">"), type("!foo<\"x->y\">"));
        assertEquals(new OpaqueType("foo", "fn<(i32) -> i32>"), type("!foo.fn<(i32) -> i32>"));
        assertEquals(new OpaqueType("foo", "bar"), type("!foo.bar"));
    }

    @Test
    void aliasesAreUsableAfterTheirDefinition() {
        Operation m = parse("!t = tensor<2xf32>\n#a = {k = 1 : i32}\n\"a.t\"() {v = #a} : () -> !t\n");
        Operation op = body(m).getFirst();
        assertEquals(TensorType.of(FloatType.F32, 2), op.result(0).type());
        assertEquals(
                new DictionaryAttr(List.of(new dev.dal.ir.NamedAttribute("k", IntegerAttr.of(1, IntegerType.I32)))),
                op.attribute("v").orElseThrow());
    }

    @Test
    void scalarAttributes() {
        assertEquals(IntegerAttr.i64(-3), attr("-3"));
        assertEquals(IntegerAttr.of(255, new IntegerType(8, IntegerType.Signedness.UNSIGNED)), attr("255 : ui8"));
        assertEquals(IntegerAttr.of(-1, IntegerType.I8), attr("-1 : i8"));
        assertEquals(IntegerAttr.of(5, IndexType.INSTANCE), attr("5 : index"));
        assertEquals(FloatAttr.of(1.5, FloatType.F64), attr("1.5"));
        assertEquals(FloatAttr.of(-2.5e-3, FloatType.F32), attr("-2.5e-3 : f32"));
        assertEquals(new FloatAttr(0x7FC00000L, FloatType.F32), attr("0x7FC00000 : f32"));
        assertEquals(new FloatAttr(0x7C00L, FloatType.F16), attr("0x7C00 : f16"));
        assertEquals(StringAttr.of("a\"b\\c\nd\u00e9"), attr("\"a\\\"b\\\\c\\0Ad\u00e9\""));
        assertEquals(BoolAttr.TRUE, attr("true"));
        assertEquals(BoolAttr.FALSE, attr("false"));
        assertEquals(UnitAttr.INSTANCE, attr("unit"));
        assertEquals(new TypeAttr(IntegerType.I32), attr("i32"));
        assertEquals(new TypeAttr(new OpaqueType("x", "y")), attr("!x.y"));
    }

    @Test
    void compositeAttributes() {
        assertEquals(ArrayAttr.of(IntegerAttr.i64(1), ArrayAttr.of(), StringAttr.of("s")), attr("[1, [], \"s\"]"));
        DictionaryAttr d = (DictionaryAttr) attr("{b = 1, a, \"q r\" = \"x\"}");
        assertEquals(Optional.of(UnitAttr.INSTANCE), d.get("a"));
        assertEquals(Optional.of(StringAttr.of("x")), d.get("q r"));
        assertEquals(DenseArrayAttr.i64(1, -2, 3), attr("array<i64: 1, -2, 3>"));
        assertEquals(new DenseArrayAttr(IntegerType.I64, new long[0]), attr("array<i64>"));
        assertEquals(new DenseArrayAttr(IntegerType.I1, new long[] {1, 0}), attr("array<i1: true, false>"));
        DenseArrayAttr f = (DenseArrayAttr) attr("array<f32: 1.0, -0.5>");
        assertEquals(-0.5, f.getDouble(1));
        assertEquals(new SymbolRefAttr("a", List.of("b", "c")), attr("@a::@b::@c"));
        assertEquals(SymbolRefAttr.of("with space"), attr("@\"with space\""));
        assertEquals(
                new OpaqueAttr("", "affine_map<(d0, d1) -> (d1, d0)>", Optional.empty()),
                attr("affine_map<(d0, d1) -> (d1, d0)>"));
        assertEquals(
                new OpaqueAttr("", "affine_set<(d0) : (d0 - 1 >= 0)>", Optional.empty()),
                attr("affine_set<(d0) : (d0 - 1 >= 0)>"));
        assertEquals(new OpaqueAttr("foo", "bar<1, \"}\">", Optional.empty()), attr("#foo.bar<1, \"}\">"));
        assertEquals(new LocationAttr(Location.name("n")), attr("loc(\"n\")"));
    }

    @Test
    void denseElementsInAllTheirForms() {
        DenseElementsAttr l = (DenseElementsAttr) attr("dense<[[1.0, 2.0], [3.0, -4.0]]> : tensor<2x2xf32>");
        assertFalse(l.splat());
        assertEquals(-4.0, l.getDouble(3));
        DenseElementsAttr s = (DenseElementsAttr) attr("dense<7> : tensor<3xi16>");
        assertTrue(s.splat());
        assertEquals(7, s.getLong(2));
        DenseElementsAttr hex = (DenseElementsAttr) attr("dense<\"0x0000803F00000040\"> : tensor<2xf32>");
        assertEquals(1.0, hex.getDouble(0));
        assertEquals(2.0, hex.getDouble(1));
        DenseElementsAttr hexSplat = (DenseElementsAttr) attr("dense<\"0x0000803F\"> : tensor<4xf32>");
        assertTrue(hexSplat.splat());
        DenseElementsAttr bools = (DenseElementsAttr) attr("dense<[true, false, true]> : tensor<3xi1>");
        assertEquals(List.of(1L, 0L, 1L), List.of(bools.getLong(0), bools.getLong(1), bools.getLong(2)));
        DenseElementsAttr packed = (DenseElementsAttr) attr("dense<\"0x05\"> : tensor<3xi1>");
        assertEquals(bools, packed);
        DenseElementsAttr cplx = (DenseElementsAttr) attr("dense<[(1.0, 2.0)]> : tensor<1xcomplex<f32>>");
        assertEquals(8, cplx.data().size());
        assertEquals(2.0f, cplx.data().bytes().getFloat(4));
        DenseStringElementsAttr str = (DenseStringElementsAttr) attr("dense<[\"a\", \"b\"]> : tensor<2x!foo.string>");
        assertEquals(List.of("a", "b"), str.values());
        DenseElementsAttr empty = (DenseElementsAttr) attr("dense<> : tensor<0xi32>");
        assertEquals(0, empty.data().size());
        DenseElementsAttr vec = (DenseElementsAttr) attr("dense<[1, 2]> : vector<2xindex>");
        assertEquals(2, vec.getLong(1));
    }

    @Test
    void resourceBlobsComeFromTheMetadataSectionAtTheEnd() {
        Operation m = parse("""
                "a.t"() {v = dense_resource<w> : tensor<2xi16>, u = dense_resource<missing> : tensor<1xi8>} : () -> ()
                {-#
                  dialect_resources: {
                    builtin: {
                      w: "0x0200000001000200"
                    },
                    other: { x: "0x01", y: true }
                  },
                  external_resources: { z: { k: "v" } }
                #-}
                """);
        Operation op = body(m).getFirst();
        DenseResourceAttr w = (DenseResourceAttr) op.attribute("v").orElseThrow();
        var blob = w.handle().blob().orElseThrow();
        assertEquals(2, blob.alignment());
        assertArrayEquals(new byte[] {1, 0, 2, 0}, bytes(blob.bytes()));
        assertTrue(((DenseResourceAttr) op.attribute("u").orElseThrow())
                .handle()
                .blob()
                .isEmpty());
    }

    private static byte[] bytes(java.nio.ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void locationsOfEveryKind() {
        assertEquals(Location.unknown(), loc("unknown"));
        assertEquals(Location.name("conv1"), loc("\"conv1\""));
        assertEquals(Location.file("m.onnx", 12, 3), loc("\"m.onnx\":12:3"));
        assertEquals(new Location.Name("n", Optional.of(Location.file("f", 1, 2))), loc("\"n\"(\"f\":1:2)"));
        assertEquals(
                new Location.Fused(List.of(Location.name("a"), Location.file("f", 1, 1)), Optional.empty()),
                loc("fused[\"a\", \"f\":1:1]"));
        assertEquals(
                new Location.Fused(List.of(Location.name("a")), Optional.of(StringAttr.of("m"))),
                loc("fused<\"m\">[\"a\"]"));
        assertEquals(
                new Location.CallSite(Location.name("callee"), Location.file("f", 2, 4)),
                loc("callsite(\"callee\" at \"f\":2:4)"));
    }

    @Test
    void locationAliasesMayBeDefinedBeforeOrAfterTheirUse() {
        Operation m = parse("""
                #before = loc("b")
                "a.x"() : () -> () loc(#before)
                "a.y"() ({
                ^bb0(%a: i32 loc(#after)):
                  "a.z"() : () -> () loc(fused[#after, #before])
                }) : () -> () loc(#after)
                #after = loc("f":9:9)
                """);
        List<Operation> ops = body(m);
        assertEquals(Location.name("b"), ops.get(0).loc());
        assertEquals(Location.file("f", 9, 9), ops.get(1).loc());
        assertEquals(
                Location.file("f", 9, 9),
                ops.get(1).region(0).entry().argument(0).loc());
        assertEquals(
                new Location.Fused(List.of(Location.file("f", 9, 9), Location.name("b")), Optional.empty()),
                ops.get(1).region(0).entry().firstOp().orElseThrow().loc());
        assertSame(m, ops.get(0).parentOp().orElseThrow());
    }
}
