package dev.dal.ir.print;

import static dev.dal.ir.print.Ir.body;
import static dev.dal.ir.print.Ir.module;
import static dev.dal.ir.print.Ir.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.Blob;
import dev.dal.ir.Block;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DAL's pretty forms, locations, elision and the OpAsmPrinter calls custom printers make. */
class PrettyAndOptionsTest {
    private static final TensorType T = TensorType.of(FloatType.F32, 2);

    /** Ops named {@code dstd.*} use the standard pretty shape, {@code dcus.*} a custom printer, others generic. */
    private static Optional<OpAssembly> assembly(Operation op) {
        if (op.name().startsWith("dstd.")) return Optional.of(OpAssembly.Standard.INSTANCE);
        if (op.name().startsWith("dcus.")) {
            return Optional.of(new OpAssembly.Custom(
                    (o, p) -> {
                        p.print(" ")
                                .printSymbolName(
                                        ((StringAttr) o.attribute("sym_name").orElseThrow()).value());
                        p.print("(").printOperands(o.operands()).print(")");
                        p.printOptionalAttrDictWithKeyword(o.attributes(), Set.of("sym_name"));
                        if (!o.regions().isEmpty()) {
                            p.print(" ");
                            p.printRegion(o.region(0), false, false);
                        }
                        if (o.numOperands() > 0) p.print(" : ").printTypes(o.operandTypes());
                    },
                    (p, s) -> false));
        }
        return Optional.empty();
    }

    private static String pretty(Operation op, PrintOptions o) {
        return new IrPrinter(o, PrettyAndOptionsTest::assembly).print(op);
    }

    @Test
    void standardShapeShortensToOneTypeWhenAllTypesAgree() {
        Operation m = module();
        Operation a = op(body(m), "dstd.src", List.of(), List.of(T));
        Operation b = op(body(m), "dstd.add", List.of(a.result(0), a.result(0)), List.of(T), "k", IntegerAttr.i64(1));
        op(body(m), "dstd.cast", List.of(b.result(0)), List.of(TensorType.of(IntegerType.I8, 2)));
        op(body(m), "dstd.nothing", List.of(), List.of());
        op(body(m), "dstd.sink", List.of(a.result(0), b.result(0)), List.of());
        op(body(m), "foo.gen", List.of(b.result(0)), List.of(T));
        assertEquals("""
                "builtin.module"() ({
                  %0 = dstd.src : tensor<2xf32>
                  %1 = dstd.add %0, %0 {k = 1 : i64} : tensor<2xf32>
                  %2 = dstd.cast %1 : (tensor<2xf32>) -> tensor<2xi8>
                  dstd.nothing
                  dstd.sink %0, %1 : tensor<2xf32>
                  %3 = "foo.gen"(%1) : (tensor<2xf32>) -> tensor<2xf32>
                }) : () -> ()
                """, pretty(m, PrintOptions.DEFAULT));
    }

    @Test
    void standardShapeWritesSuccessorsAndRegions() {
        Operation m = module();
        OperationState s = Ir.state("foo.holder");
        Region r = s.addRegion();
        Operation holder = Operation.create(s);
        body(m).append(holder);
        Block b0 = r.addBlock(), b1 = r.addBlock();
        OperationState br = Ir.state("dstd.br");
        br.addSuccessor(b1);
        b0.append(Operation.create(br));
        OperationState loop = Ir.state("dstd.loop");
        loop.addRegion().addBlock();
        b1.append(Operation.create(loop));
        assertEquals("""
                "builtin.module"() ({
                  "foo.holder"() ({
                    dstd.br [^bb1]
                  ^bb1:  // pred: ^bb0
                    dstd.loop ({
                    ^bb0:
                    })
                  }) : () -> ()
                }) : () -> ()
                """, pretty(m, PrintOptions.DEFAULT));
    }

    @Test
    void customPrinterGetsNamesTypesAttributesAndRegionsFromThePrinter() {
        Operation m = module();
        OperationState s = Ir.state("dcus.func");
        s.addAttribute("sym_name", StringAttr.of("main"));
        s.addAttribute("extra", IntegerAttr.of(3, IntegerType.I32));
        Region r = s.addRegion();
        Operation f = Operation.create(s);
        body(m).append(f);
        Block entry = Ir.addBlock(r, T);
        op(entry, "dcus.ret", List.of(entry.argument(0)), List.of(), "sym_name", StringAttr.of("x"));
        assertEquals("""
                "builtin.module"() ({
                  dcus.func @main() attributes {extra = 3 : i32} {
                    ret @x(%arg0) : tensor<2xf32>
                  }
                }) : () -> ()
                """, pretty(m, PrintOptions.DEFAULT));
        // In generic form the same ops print generically.
        assertEquals("""
                "builtin.module"() ({
                  "dcus.func"() ({
                  ^bb0(%arg0: tensor<2xf32>):
                    "dcus.ret"(%arg0) {sym_name = "x"} : (tensor<2xf32>) -> ()
                  }) {extra = 3 : i32, sym_name = "main"} : () -> ()
                }) : () -> ()
                """, pretty(m, PrintOptions.GENERIC));
    }

    @Test
    void debugInfoWritesLocationsInPlaceForOpsAndBlockArguments() {
        OperationState ms = new OperationState("builtin.module", Location.file("m.ir", 1, 1));
        Region mr = ms.addRegion();
        Operation m = Operation.create(ms);
        Block b = mr.addBlock();
        OperationState s = new OperationState("foo.r", Location.name("conv1"));
        Region r = s.addRegion();
        b.append(Operation.create(s));
        Block inner = r.addBlock();
        inner.addArgument(IntegerType.I32, Location.name("arg"));
        inner.addArgument(IntegerType.I32, Location.unknown());
        OperationState t = new OperationState(
                "foo.t",
                new Location.CallSite(
                        Location.name("a"),
                        Location.fuse(List.of(
                                Location.file("b", 1, 2), new Location.Name("c", Optional.of(Location.name("d")))))));
        inner.append(Operation.create(t));
        assertEquals("""
                "builtin.module"() ({
                  "foo.r"() ({
                  ^bb0(%arg0: i32 loc("arg"), %arg1: i32 loc(unknown)):
                    "foo.t"() : () -> () loc(callsite("a" at fused["b":1:2, "c"("d")]))
                  }) : () -> () loc("conv1")
                }) : () -> () loc("m.ir":1:1)
                """, new IrPrinter(PrintOptions.GENERIC.withDebugInfo(true)).print(m));
    }

    @Test
    void largeNonSplatElementsAreElidedAndSplatsKept() {
        Operation m = module();
        TensorType t4 = TensorType.of(FloatType.F32, 4);
        op(
                body(m),
                "foo.c",
                List.of(),
                List.of(),
                "big",
                Fixtures.floats(t4, 1, 2, 3, 4),
                "small",
                Fixtures.floats(TensorType.of(FloatType.F32, 3), 1, 2, 3),
                "splat",
                new DenseElementsAttr(t4, Blob.wrap(new byte[4]), true));
        assertEquals("""
                "builtin.module"() ({
                  "foo.c"() {big = dense_resource<__elided__> : tensor<4xf32>, small = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>, splat = dense<0.000000e+00> : tensor<4xf32>} : () -> ()
                }) : () -> ()
                """, new IrPrinter(new PrintOptions(true, false, OptionalLong.of(3))).print(m));
    }

    @Test
    void valuesDefinedOutsideThePrintedOpAreMarked() {
        Operation m = module();
        Operation a = op(body(m), "foo.a", List.of(), List.of(IntegerType.I32));
        Operation b = op(body(m), "foo.b", List.of(a.result(0)), List.of());
        assertEquals("\"foo.b\"(<<UNKNOWN SSA VALUE>>) : (i32) -> ()\n", Ir.generic(b));
    }

    @Test
    void printFileEndsWithTheExtraNewlineMlirOptWrites() throws Exception {
        StringBuilder sb = new StringBuilder();
        new IrPrinter(PrintOptions.GENERIC).printFile(module(), sb);
        assertEquals("\"builtin.module\"() ({\n^bb0:\n}) : () -> ()\n\n", sb.toString());
    }

    @Test
    void stringsAreWrittenAsTheirUtf8BytesWithSurrogateEscapedRawBytes() {
        Operation m = module();
        op(
                body(m),
                "foo.s",
                List.of(),
                List.of(),
                "a",
                StringAttr.of("\u00e9\u20ac\uD83D\uDE00"),
                "b",
                StringAttr.of("x\uDCFF\uDC80y"));
        // mlir-opt 16 prints "é€😀" as these escapes; "\FF\80" are raw bytes that are not UTF-8.
        assertEquals("""
                "builtin.module"() ({
                  "foo.s"() {a = "\\C3\\A9\\E2\\82\\AC\\F0\\9F\\98\\80", b = "x\\FF\\80y"} : () -> ()
                }) : () -> ()
                """, Ir.generic(m));
    }
}
