package dev.dal.ir.print;

import static dev.dal.ir.print.Ir.addBlock;
import static dev.dal.ir.print.Ir.body;
import static dev.dal.ir.print.Ir.module;
import static dev.dal.ir.print.Ir.op;
import static dev.dal.ir.print.Ir.withRegions;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Blob;
import dev.dal.ir.Block;
import dev.dal.ir.BoolAttr;
import dev.dal.ir.ComplexType;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IndexType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.LocationAttr;
import dev.dal.ir.MemRefType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.NoneType;
import dev.dal.ir.OpaqueAttr;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.ResourceHandle;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.TupleType;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.UnitAttr;
import dev.dal.ir.UnrankedTensorType;
import dev.dal.ir.VectorType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * IR built through the core API, with the exact generic text {@code mlir-opt --mlir-print-op-generic} 16 prints for
 * it (observed by running mlir-opt on that text; {@link PrinterAgreesWithMlirOptTest} re-checks each against the
 * installed mlir-opt).
 */
final class Fixtures {
    private Fixtures() {}

    static final IntegerType I32 = IntegerType.I32;

    /** Fixture name → (builder, expected generic text). */
    static Map<String, Map.Entry<Supplier<Operation>, String>> all() {
        return Map.of(
                "regionsBlocksSuccessors", Map.entry(Fixtures::regionsBlocksSuccessors, REGIONS),
                "numbering", Map.entry(Fixtures::numbering, NUMBERING),
                "attributes", Map.entry(Fixtures::attributes, ATTRIBUTES),
                "types", Map.entry(Fixtures::types, TYPES),
                "dense", Map.entry(Fixtures::dense, DENSE),
                "resources", Map.entry(Fixtures::resources, RESOURCES),
                "aliases", Map.entry(Fixtures::aliases, ALIASES),
                "preds", Map.entry(Fixtures::preds, PREDS));
    }

    static final String REGIONS = """
            "builtin.module"() ({
              "foo.func"() ({
              ^bb0(%arg0: i32, %arg1: f32):
                %0:2 = "foo.bar"(%arg0) {a = 2 : i32, u} : (i32) -> (i32, i32)
                "foo.br"(%0#0)[^bb1] : (i32) -> ()
              ^bb1:  // pred: ^bb0
                %1 = "foo.baz"() ({
                ^bb0(%arg2: i32):
                  %2 = "foo.in"(%arg2, %0#1) : (i32, i32) -> i32
                  "foo.yield"(%2) : (i32) -> ()
                }, {
                  "foo.yield"() : () -> ()
                }) : () -> i32
                "foo.return"(%1) : (i32) -> ()
              }) {sym_name = "f"} : () -> ()
            }) : () -> ()
            """;

    static Operation regionsBlocksSuccessors() {
        Operation m = module();
        OperationState fs = Ir.state("foo.func");
        fs.addAttribute("sym_name", StringAttr.of("f"));
        Region fr = fs.addRegion();
        Operation f = Operation.create(fs);
        body(m).append(f);
        Block entry = addBlock(fr, I32, FloatType.F32);
        Block bb1 = fr.addBlock();
        Operation bar = op(
                entry,
                "foo.bar",
                List.of(entry.argument(0)),
                List.of(I32, I32),
                "u",
                UnitAttr.INSTANCE,
                "a",
                IntegerAttr.of(2, I32));
        OperationState br = Ir.state("foo.br");
        br.addOperand(bar.result(0));
        br.addSuccessor(bb1);
        entry.append(Operation.create(br));
        Operation baz = withRegions(bb1, "foo.baz", 2);
        Block inner = addBlock(baz.region(0), I32);
        Operation in = op(inner, "foo.in", List.of(inner.argument(0), bar.result(1)), List.of(I32));
        op(inner, "foo.yield", List.of(in.result(0)), List.of());
        op(baz.region(1).addBlock(), "foo.yield", List.of(), List.of());
        // results are added after creation of the op: rebuild baz with a result type
        OperationState bs = Ir.state("foo.baz");
        bs.addResultType(I32);
        Region r0 = bs.addRegion(), r1 = bs.addRegion();
        r0.takeBody(baz.region(0));
        r1.takeBody(baz.region(1));
        Operation baz2 = Operation.create(bs);
        bb1.append(baz2);
        baz.erase();
        op(bb1, "foo.return", List.of(baz2.result(0)), List.of());
        return m;
    }

    static final String NUMBERING = """
            "builtin.module"() ({
              "foo.a"() ({
                %0 = "foo.x"() : () -> i32
                "foo.r1"() ({
                  %2 = "foo.y"() : () -> i32
                  "foo.r3"() ({
                  ^bb0(%arg0: i32):
                    %3 = "foo.w"() : () -> i32
                  }) : () -> ()
                }, {
                ^bb0(%arg0: i32):
                  %2 = "foo.y"() : () -> i32
                }) : () -> ()
                %1 = "foo.after"() : () -> i32
                "foo.empty"() ({
                }) : () -> ()
                "foo.emptyblock"() ({
                ^bb0:
                }) : () -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    static Operation numbering() {
        Operation m = module();
        Operation a = withRegions(body(m), "foo.a", 1);
        Block ab = a.region(0).addBlock();
        op(ab, "foo.x", List.of(), List.of(I32));
        Operation r1 = withRegions(ab, "foo.r1", 2);
        Block r1b = r1.region(0).addBlock();
        op(r1b, "foo.y", List.of(), List.of(I32));
        Operation r3 = withRegions(r1b, "foo.r3", 1);
        op(addBlock(r3.region(0), I32), "foo.w", List.of(), List.of(I32));
        op(addBlock(r1.region(1), I32), "foo.y", List.of(), List.of(I32));
        op(ab, "foo.after", List.of(), List.of(I32));
        withRegions(ab, "foo.empty", 1);
        withRegions(ab, "foo.emptyblock", 1).region(0).addBlock();
        return m;
    }

    static final String ATTRIBUTES = """
            "builtin.module"() ({
              "foo.a"() {"a b" = 1 : i64, arr = [1, "a", i32, unit, 2.000000e+00, 3 : i32], b = true, big = 123456789012345678901234567890 : i128, d = array<i64: 1, 2>, dict = {a = 2 : i64, b = 1 : i64}, e = array<i32>, f = 1.000000e+00 : f64, fa = array<f32: 1.000000e+00, 2.500000e+00>, ff = 0x7FC00000 : f32, i = 5 : index, ia = array<i1: true, false>, n = -56 : i8, nb = false, ne = true, nested = [[1], {}], o = #foo.bar<"x">, o2 = #foo<"hello">, o3 = #foo.a : i32, q = @"we ird", s = "x\\22y\\0A\\01\\\\\\C3\\A9", si = -3 : si8, st = "s" : tensor<2xi8>, sym = @a::@b.c, t = tensor<?x4xf32>, u, ui = 255 : ui8, y = @"0abc"::@"", z = 18446744073709551615 : ui64} : () -> ()
            }) : () -> ()
            """;

    static Operation attributes() {
        Operation m = module();
        op(
                body(m),
                "foo.a",
                List.of(),
                List.of(),
                "z",
                new IntegerAttr(
                        new BigInteger("18446744073709551615"), new IntegerType(64, IntegerType.Signedness.UNSIGNED)),
                "arr",
                ArrayAttr.of(
                        IntegerAttr.i64(1),
                        StringAttr.of("a"),
                        new TypeAttr(I32),
                        UnitAttr.INSTANCE,
                        FloatAttr.of(2, FloatType.F64),
                        IntegerAttr.of(3, I32)),
                "a b",
                IntegerAttr.i64(1),
                "b",
                BoolAttr.TRUE,
                "nb",
                BoolAttr.FALSE,
                "ne",
                IntegerAttr.of(-1, IntegerType.I1),
                "big",
                new IntegerAttr(new BigInteger("123456789012345678901234567890"), IntegerType.signless(128)),
                "d",
                DenseArrayAttr.i64(1, 2),
                "e",
                new DenseArrayAttr(I32, new long[0]),
                "fa",
                new DenseArrayAttr(FloatType.F32, new long[] {0x3F800000L, 0x40200000L}),
                "ia",
                new DenseArrayAttr(IntegerType.I1, new long[] {1, 0}),
                "dict",
                new DictionaryAttr(List.of(
                        new NamedAttribute("b", IntegerAttr.i64(1)), new NamedAttribute("a", IntegerAttr.i64(2)))),
                "f",
                FloatAttr.of(1.0, FloatType.F64),
                "ff",
                new FloatAttr(0x7FC00000L, FloatType.F32),
                "i",
                IntegerAttr.of(5, IndexType.INSTANCE),
                "n",
                IntegerAttr.of(200, IntegerType.I8),
                "nested",
                ArrayAttr.of(ArrayAttr.of(IntegerAttr.i64(1)), DictionaryAttr.EMPTY),
                "o",
                new OpaqueAttr("foo", "bar<\"x\">", Optional.empty()),
                "o2",
                new OpaqueAttr("foo", "<\"hello\">", Optional.empty()),
                "o3",
                new OpaqueAttr("foo", "a", Optional.of(I32)),
                "q",
                SymbolRefAttr.of("we ird"),
                "s",
                StringAttr.of("x\"y\n\u0001\\\u00e9"),
                "si",
                IntegerAttr.of(-3, new IntegerType(8, IntegerType.Signedness.SIGNED)),
                "st",
                new StringAttr("s", Optional.of(TensorType.of(IntegerType.I8, 2))),
                "sym",
                new SymbolRefAttr("a", List.of("b.c")),
                "t",
                new TypeAttr(TensorType.of(FloatType.F32, ShapedType.DYNAMIC, 4)),
                "u",
                UnitAttr.INSTANCE,
                "ui",
                IntegerAttr.of(255, new IntegerType(8, IntegerType.Signedness.UNSIGNED)),
                "y",
                new SymbolRefAttr("0abc", List.of("")));
        return m;
    }

    static final String TYPES = """
            "builtin.module"() ({
              %0:14 = "foo.types"() : () -> (tensor<*xf32>, tensor<?x?xi8, "enc">, memref<*xf32, 1>, memref<4x?xf32, strided<[?, 1], offset: ?>, "ms">, vector<8x[4]xf16>, complex<f64>, tuple<i32, tuple<>, none>, !quant.uniform<i8:f32, 1.000000e-01:-3>, !foo<"x">, tensor<f32>, memref<f32>, si1, ui64, index)
              "foo.fn"() {a = (i32) -> ((i32) -> i32), b = () -> (), c = (i32, f32) -> (), d = (i32) -> (i32, f32), e = bf16, g = f8E4M3FN} : () -> ()
            }) : () -> ()
            """;

    static Operation types() {
        Operation m = module();
        op(
                body(m),
                "foo.types",
                List.of(),
                List.of(
                        new UnrankedTensorType(FloatType.F32),
                        new TensorType(
                                List.of(ShapedType.DYNAMIC, ShapedType.DYNAMIC),
                                IntegerType.I8,
                                Optional.of(StringAttr.of("enc"))),
                        new MemRefType(
                                false, List.of(), FloatType.F32, Optional.empty(), Optional.of(IntegerAttr.i64(1))),
                        new MemRefType(
                                true,
                                List.of(4L, ShapedType.DYNAMIC),
                                FloatType.F32,
                                Optional.of(new OpaqueAttr("", "strided<[?, 1], offset: ?>", Optional.empty())),
                                Optional.of(StringAttr.of("ms"))),
                        new VectorType(List.of(8L, 4L), List.of(false, true), FloatType.F16),
                        new ComplexType(FloatType.F64),
                        new TupleType(List.of(I32, new TupleType(List.of()), NoneType.INSTANCE)),
                        new OpaqueType("quant", "uniform<i8:f32, 1.000000e-01:-3>"),
                        new OpaqueType("foo", "<\"x\">"),
                        TensorType.of(FloatType.F32),
                        new MemRefType(true, List.of(), FloatType.F32, Optional.empty(), Optional.empty()),
                        new IntegerType(1, IntegerType.Signedness.SIGNED),
                        new IntegerType(64, IntegerType.Signedness.UNSIGNED),
                        IndexType.INSTANCE));
        op(
                body(m),
                "foo.fn",
                List.of(),
                List.of(),
                "a",
                new TypeAttr(new FunctionType(List.of(I32), List.of(new FunctionType(List.of(I32), List.of(I32))))),
                "b",
                new TypeAttr(new FunctionType(List.of(), List.of())),
                "c",
                new TypeAttr(new FunctionType(List.of(I32, FloatType.F32), List.of())),
                "d",
                new TypeAttr(new FunctionType(List.of(I32), List.of(I32, FloatType.F32))),
                "e",
                new TypeAttr(FloatType.BF16),
                "g",
                new TypeAttr(new FloatType(FloatType.Kind.F8E4M3FN)));
        return m;
    }

    static DenseElementsAttr floats(ShapedType t, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return new DenseElementsAttr(t, Blob.wrap(b.array()), false);
    }

    static DenseElementsAttr bytes(ShapedType t, int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return new DenseElementsAttr(t, Blob.wrap(b), false);
    }

    static final String DENSE;

    static {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 101; i++) hex.append(String.format("%02X", i % 100));
        DENSE = """
                "builtin.module"() ({
                  "foo.d"() {a = dense<[1, 2, 3]> : tensor<3xi8>, b = dense<1.000000e+00> : tensor<2x2xf32>, c = dense<[[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>, d = dense<[true, false]> : tensor<2xi1>, e = dense<5> : tensor<i8>, f = dense<(1.000000e+00,2.000000e+00)> : tensor<2xcomplex<f32>>, g = dense<[(1,2), (3,4)]> : tensor<2xcomplex<i8>>, h = dense<"0x%s"> : tensor<101xi8>, i = dense<["a", "b"]> : tensor<2x!foo.str>, j = dense<"x"> : tensor<3x!foo.str>, k = dense<> : tensor<0xf32>, m = dense<1> : vector<2x[4]xi8>, n = dense<0xFF800000> : tensor<2xf32>, o = dense<[[[1]], [[2]]]> : tensor<2x1x1xi8>, p = dense<[1, 2]> : tensor<2xindex>, q = dense<[1, 255]> : tensor<2xui8>, r = dense<[-1, 127]> : tensor<2xsi8>, s = dense<"0x49922449922449922449922409"> : tensor<101xi1>, t = dense<true> : tensor<1xi1>} : () -> ()
                }) : () -> ()
                """.formatted(hex);
    }

    static Operation dense() {
        Operation m = module();
        TensorType t22 = TensorType.of(FloatType.F32, 2, 2);
        int[] h = new int[101];
        for (int i = 0; i < 101; i++) h[i] = i % 100;
        int[] bits = new int[101];
        for (int i = 0; i < 101; i++) bits[i] = i % 3 == 0 ? 1 : 0;
        ByteBuffer idx = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1)
                .putLong(2);
        op(
                body(m),
                "foo.d",
                List.of(),
                List.of(),
                "a",
                bytes(TensorType.of(IntegerType.I8, 3), 1, 2, 3),
                "b",
                new DenseElementsAttr(
                        t22,
                        Blob.wrap(ByteBuffer.allocate(4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putFloat(0, 1f)
                                .array()),
                        true),
                "c",
                floats(t22, 1, 2, 3, 4),
                "d",
                bytes(TensorType.of(IntegerType.I1, 2), 1, 0),
                "e",
                bytes(TensorType.of(IntegerType.I8), 5),
                "f",
                floats(TensorType.of(new ComplexType(FloatType.F32), 2), 1, 2, 1, 2),
                "g",
                bytes(TensorType.of(new ComplexType(IntegerType.I8), 2), 1, 2, 3, 4),
                "h",
                bytes(TensorType.of(IntegerType.I8, 101), h),
                "i",
                new DenseStringElementsAttr(TensorType.of(new OpaqueType("foo", "str"), 2), List.of("a", "b"), false),
                "j",
                new DenseStringElementsAttr(TensorType.of(new OpaqueType("foo", "str"), 3), List.of("x"), true),
                "k",
                new DenseElementsAttr(TensorType.of(FloatType.F32, 0), Blob.wrap(new byte[0]), false),
                "m",
                bytes(new VectorType(List.of(2L, 4L), List.of(false, true), IntegerType.I8), 1, 1, 1, 1, 1, 1, 1, 1),
                "n",
                floats(TensorType.of(FloatType.F32, 2), Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY),
                "o",
                bytes(TensorType.of(IntegerType.I8, 2, 1, 1), 1, 2),
                "p",
                new DenseElementsAttr(TensorType.of(IndexType.INSTANCE, 2), Blob.wrap(idx.array()), false),
                "q",
                bytes(TensorType.of(new IntegerType(8, IntegerType.Signedness.UNSIGNED), 2), 1, 255),
                "r",
                bytes(TensorType.of(new IntegerType(8, IntegerType.Signedness.SIGNED), 2), -1, 127),
                "s",
                bytes(TensorType.of(IntegerType.I1, 101), bits),
                "t",
                bytes(TensorType.of(IntegerType.I1, 1), 1));
        return m;
    }

    static final String RESOURCES = """
            "builtin.module"() ({
              "foo.a"() {r = dense_resource<blob1> : tensor<2xf32>, r3 = dense_resource<blob_2> : tensor<2xf32>} : () -> ()
              "foo.b"() {r = dense_resource<blob1> : tensor<2xf32>} : () -> ()
            }) : () -> ()

            {-#
              dialect_resources: {
                builtin: {
                  blob1: "0x040000000000803F00000040",
                  blob_2: "0x080000000000803F00000040"
                }
              }
            #-}
            """;

    static Operation resources() {
        Operation m = module();
        byte[] data = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1f)
                .putFloat(2f)
                .array();
        TensorType t = TensorType.of(FloatType.F32, 2);
        var b1 = new DenseResourceAttr(t, ResourceHandle.of("blob1", Blob.wrap(ByteBuffer.wrap(data), 4)));
        var b2 = new DenseResourceAttr(t, ResourceHandle.of("blob_2", Blob.wrap(ByteBuffer.wrap(data), 8)));
        op(body(m), "foo.a", List.of(), List.of(), "r", b1, "r3", b2);
        op(body(m), "foo.b", List.of(), List.of(), "r", b1);
        return m;
    }

    static final String ALIASES = """
            #loc = loc("zz")
            #loc1 = loc("a")
            #loc2 = loc("b")
            #map = affine_map<(d0) -> (d0)>
            #map1 = affine_map<(d0) -> (d0 + 2)>
            #map2 = affine_map<(d0) -> (d0 + 3)>
            #map3 = affine_map<(d0) -> (d0 + 4)>
            #set = affine_set<(d0) : (d0 >= 0)>
            #loc3 = loc(fused[#loc1, #loc2])
            "builtin.module"() ({
              "foo.a"() {a = #set, b = #loc, c = #map, d = memref<2xf32, #map1>, e = [#map2], f = #loc3, g = #map} : () -> ()
              "foo.b"() {z = #map3} : () -> ()
            }) : () -> ()
            """;

    static OpaqueAttr map(String body) {
        return new OpaqueAttr("", "affine_map<" + body + ">", Optional.empty());
    }

    static Operation aliases() {
        Operation m = module();
        op(
                body(m),
                "foo.a",
                List.of(),
                List.of(),
                "a",
                new OpaqueAttr("", "affine_set<(d0) : (d0 >= 0)>", Optional.empty()),
                "b",
                new LocationAttr(Location.name("zz")),
                "c",
                map("(d0) -> (d0)"),
                "d",
                new TypeAttr(new MemRefType(
                        true, List.of(2L), FloatType.F32, Optional.of(map("(d0) -> (d0 + 2)")), Optional.empty())),
                "e",
                ArrayAttr.of(map("(d0) -> (d0 + 3)")),
                "f",
                new LocationAttr(Location.fuse(List.of(Location.name("a"), Location.name("b")))),
                "g",
                map("(d0) -> (d0)"));
        op(body(m), "foo.b", List.of(), List.of(), "z", map("(d0) -> (d0 + 4)"));
        return m;
    }

    static final String PREDS = """
            "builtin.module"() ({
              "foo.op"() ({
                "foo.br"()[^bb1, ^bb2] : () -> ()
              ^bb1:  // 2 preds: ^bb0, ^bb2
                "foo.br"()[^bb2] : () -> ()
              ^bb2:  // 2 preds: ^bb0, ^bb1
                "foo.br"()[^bb3, ^bb3, ^bb1] : () -> ()
              ^bb3(%0: i32, %1: tensor<2xf32>):  // 3 preds: ^bb2, ^bb2, ^bb3
                "foo.br"()[^bb3] : () -> ()
              ^bb4:  // no predecessors
                "foo.t"() : () -> ()
              }) : () -> ()
            }) : () -> ()
            """;

    static Operation preds() {
        Operation m = module();
        Operation o = withRegions(body(m), "foo.op", 1);
        Region r = o.region(0);
        Block b0 = r.addBlock(), b1 = r.addBlock(), b2 = r.addBlock();
        Block b3 = addBlock(r, I32, TensorType.of(FloatType.F32, 2));
        Block b4 = r.addBlock();
        br(b0, b1, b2);
        br(b1, b2);
        br(b2, b3, b3, b1);
        br(b3, b3);
        op(b4, "foo.t", List.of(), List.of());
        return m;
    }

    private static void br(Block from, Block... to) {
        OperationState s = Ir.state("foo.br");
        for (Block t : to) s.addSuccessor(t);
        from.append(Operation.create(s));
    }
}
