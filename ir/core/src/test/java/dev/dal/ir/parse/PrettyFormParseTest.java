package dev.dal.ir.parse;

import static dev.dal.ir.parse.ParseHelper.body;
import static dev.dal.ir.parse.ParseHelper.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.UnitAttr;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrettyFormParseTest {
    @Test
    void moduleWithNameAndAttributesIsTheTopLevelOp() {
        Operation m = parse("module @m attributes {x = 1} {\n  partest.op\n}");
        assertInstanceOf(dev.dal.ir.builtin.ModuleOp.class, m);
        assertEquals(Optional.of(StringAttr.of("m")), m.attribute("sym_name"));
        assertEquals(Optional.of(IntegerAttr.i64(1)), m.attribute("x"));
        assertEquals(
                List.of("partest.op"), body(m).stream().map(Operation::name).toList());
    }

    @Test
    void emptyModuleStillHasItsBlock() {
        Operation m = parse("module {}");
        assertEquals(1, m.region(0).blocks().size());
        assertTrue(m.region(0).entry().isEmpty());
    }

    @Test
    void funcWithArgumentAndResultAttributesAndReturnWithoutDialectPrefix() {
        Operation m = parse("""
                func.func @f(%a: i32 {dal.name = "x"}, %b: f32 loc("b")) -> (i32 {dal.r}, f32) attributes {k} {
                  return %a, %b : i32, f32
                }
                """);
        Operation f = body(m).getFirst();
        assertEquals("func.func", f.name());
        assertEquals(Optional.of(StringAttr.of("f")), f.attribute("sym_name"));
        assertEquals(
                Optional.of(new TypeAttr(new FunctionType(
                        List.of(IntegerType.I32, FloatType.F32), List.of(IntegerType.I32, FloatType.F32)))),
                f.attribute("function_type"));
        assertEquals(Optional.of(UnitAttr.INSTANCE), f.attribute("k"));
        assertEquals(
                Optional.of(ArrayAttr.of(
                        new DictionaryAttr(List.of(new NamedAttribute("dal.name", StringAttr.of("x")))),
                        DictionaryAttr.EMPTY)),
                f.attribute("arg_attrs"));
        assertEquals(
                Optional.of(ArrayAttr.of(
                        new DictionaryAttr(List.of(new NamedAttribute("dal.r", UnitAttr.INSTANCE))),
                        DictionaryAttr.EMPTY)),
                f.attribute("res_attrs"));
        var entry = f.region(0).entry();
        assertEquals(Location.name("b"), entry.argument(1).loc());
        Operation ret = entry.firstOp().orElseThrow();
        assertEquals("func.return", ret.name());
        assertInstanceOf(dev.dal.ir.builtin.ReturnOp.class, ret);
        assertSame(entry.argument(0), ret.operand(0));
        assertSame(entry.argument(1), ret.operand(1));
    }

    @Test
    void externalPrivateFuncHasTypesOnlyAndAnEmptyBody() {
        Operation f =
                body(parse("func.func private @ext(i32, tensor<2xf32>) -> i32")).getFirst();
        assertEquals(Optional.of(StringAttr.of("private")), f.attribute("sym_visibility"));
        assertTrue(f.region(0).isEmpty());
        assertEquals(
                Optional.of(new TypeAttr(new FunctionType(
                        List.of(IntegerType.I32, TensorType.of(FloatType.F32, 2)), List.of(IntegerType.I32)))),
                f.attribute("function_type"));
    }

    @Test
    void callAndConstantCustomForms() {
        Operation m = parse("""
                func.func @g(%x: f32) -> f32 {
                  %c = dal.constant 1.0 : f32
                  %d = dal.constant dense<[1, 2]> : tensor<2xi32>
                  %r = func.call @g(%c) {tail} : (f32) -> f32
                  %s = call @g(%r) : (f32) -> f32
                  func.return %s : f32
                }
                """);
        List<Operation> ops = body(m).getFirst().region(0).entry().opList();
        assertEquals(
                FloatAttr.of(1.0, FloatType.F32), ops.get(0).attribute("value").orElseThrow());
        assertEquals(FloatType.F32, ops.get(0).result(0).type());
        assertInstanceOf(DenseElementsAttr.class, ops.get(1).attribute("value").orElseThrow());
        assertEquals(TensorType.of(IntegerType.I32, 2), ops.get(1).result(0).type());
        assertEquals(Optional.of(SymbolRefAttr.of("g")), ops.get(2).attribute("callee"));
        assertEquals(Optional.of(UnitAttr.INSTANCE), ops.get(2).attribute("tail"));
        assertSame(ops.get(0).result(0), ops.get(2).operand(0));
        assertEquals("func.call", ops.get(3).name());
        assertSame(ops.get(2).result(0), ops.get(3).operand(0));
        assertSame(ops.get(3).result(0), ops.get(4).operand(0));
    }

    @Test
    void standardShapeShortAndFunctionalTypes() {
        Operation m = parse("""
                %a = partest.op : i32
                %b = partest.op %a, %a {k = 2} : i32
                %c, %d = partest.op %a, %b : (i32, i32) -> (f32, i1)
                partest.op %c : f32
                partest.op
                """);
        List<Operation> ops = body(m);
        assertEquals(List.of(IntegerType.I32), ops.get(0).resultTypes());
        assertEquals(0, ops.get(0).numOperands());
        assertEquals(List.of(IntegerType.I32, IntegerType.I32), ops.get(1).operandTypes());
        assertEquals(Optional.of(IntegerAttr.i64(2)), ops.get(1).attribute("k"));
        assertEquals(List.of(FloatType.F32, IntegerType.I1), ops.get(2).resultTypes());
        assertEquals(0, ops.get(3).numResults());
        assertSame(ops.get(2).result(0), ops.get(3).operand(0));
        assertEquals(0, ops.get(4).numOperands() + ops.get(4).numResults());
    }

    @Test
    void standardShapeWithSuccessorsAndRegions() {
        Operation m = parse("""
                partest.isolated ({
                  %x = partest.op : i32
                  partest.br %x [^bb1] : i32
                ^bb1:
                  partest.op
                }) : () -> ()
                """);
        Operation iso = body(m).getFirst();
        assertEquals(2, iso.region(0).blocks().size());
        Operation br = iso.region(0).entry().lastOp().orElseThrow();
        assertSame(iso.region(0).blocks().get(1), br.successors().getFirst());
    }

    @Test
    void genericFormOfRegisteredOpsAndArgumentsOfIsolatedRegions() {
        Operation m = parse("""
                "func.func"() ({
                ^bb0(%arg0: i32):
                  "func.return"(%arg0) : (i32) -> ()
                }) {function_type = (i32) -> i32, sym_name = "id"} : () -> ()
                """);
        Operation f = body(m).getFirst();
        assertInstanceOf(dev.dal.ir.builtin.FuncOp.class, f);
        assertInstanceOf(
                BlockArgument.class, f.region(0).entry().firstOp().orElseThrow().operand(0));
    }
}
