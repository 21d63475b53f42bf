package dev.dal.ir.parse;

import static dev.dal.ir.parse.ParseHelper.body;
import static dev.dal.ir.parse.ParseHelper.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericFormParseTest {
    @Test
    void topLevelOpsAreWrappedInAnImplicitModuleWithFileLocations() {
        Operation m = parse("\"a.x\"() : () -> ()\n  \"a.y\"() : () -> ()\n");
        assertEquals("builtin.module", m.name());
        List<Operation> ops = body(m);
        assertEquals(List.of("a.x", "a.y"), ops.stream().map(Operation::name).toList());
        assertEquals(Location.file("t.ir", 2, 3), ops.get(1).loc());
    }

    @Test
    void aSingleTopLevelModuleIsTheResult() {
        Operation m = parse("\"builtin.module\"() ({\n  \"a.x\"() : () -> ()\n}) {sym_name = \"m\"} : () -> ()");
        assertEquals("builtin.module", m.name());
        assertTrue(m.parentBlock().isEmpty());
        assertEquals(1, body(m).size());
    }

    @Test
    void operandsResultsAndResultGroupsAreLinked() {
        Operation m = parse("""
                %0:2 = "a.two"() : () -> (i32, f32)
                %1 = "a.use"(%0#1, %0#0, %0) : (f32, i32, i32) -> tensor<2x?xf32>
                """);
        List<Operation> ops = body(m);
        Operation two = ops.get(0), use = ops.get(1);
        assertSame(two.result(1), use.operand(0));
        assertSame(two.result(0), use.operand(1));
        assertSame(two.result(0), use.operand(2));
        assertEquals(2, two.result(0).useCount());
        assertEquals(
                TensorType.of(List.of(2L, TensorType.DYNAMIC), dev.dal.ir.FloatType.F32),
                use.result(0).type());
    }

    @Test
    void forwardReferencesInAGraphRegionResolveToTheLaterDefinition() {
        Operation m = parse("""
                "a.region"() ({
                  "a.use"(%later) : (i32) -> ()
                  %later = "a.def"() : () -> i32
                }) : () -> ()
                """);
        List<Operation> inner =
                m.region(0).entry().opList().getFirst().region(0).entry().opList();
        assertInstanceOf(OpResult.class, inner.get(0).operand(0));
        assertSame(inner.get(1).result(0), inner.get(0).operand(0));
    }

    @Test
    void blocksArgumentsAndSuccessorsIncludingForwardLabels() {
        Operation m = parse("""
                "a.f"() ({
                ^bb0(%a: i32 loc("arg"), %b: i1):
                  "a.cond_br"(%b, %a)[^bb2, ^bb1] : (i1, i32) -> ()
                ^bb1:
                  "a.ret"() : () -> ()
                ^bb2:
                  "a.br"()[^bb1] : () -> ()
                }) : () -> ()
                """);
        Region r = body(m).getFirst().region(0);
        assertEquals(3, r.blocks().size());
        Block entry = r.entry();
        assertEquals(2, entry.arguments().size());
        assertEquals(Location.name("arg"), entry.argument(0).loc());
        assertEquals(Location.file("t.ir", 2, 26), entry.argument(1).loc());
        Operation condBr = entry.firstOp().orElseThrow();
        assertSame(r.blocks().get(2), condBr.successors().get(0));
        assertSame(r.blocks().get(1), condBr.successors().get(1));
        assertInstanceOf(BlockArgument.class, condBr.operand(0));
        assertSame(
                r.blocks().get(1),
                r.blocks().get(2).firstOp().orElseThrow().successors().getFirst());
    }

    @Test
    void valuesOfEnclosingRegionsAreVisibleInNestedRegions() {
        Operation m = parse("""
                %x = "a.def"() : () -> i32
                "a.region"() ({
                  "a.use"(%x) : (i32) -> ()
                }, {
                }) : () -> ()
                """);
        Operation region = body(m).get(1);
        assertEquals(2, region.regions().size());
        assertTrue(region.region(1).isEmpty());
        assertSame(
                body(m).get(0).result(0),
                region.region(0).entry().firstOp().orElseThrow().operand(0));
    }

    @Test
    void functionTypesAndIntegerKindsParse() {
        Operation m = parse("\"a.t\"() {t = (i32, si8) -> (ui16, index), u = () -> ()} : () -> ()");
        var t = (dev.dal.ir.TypeAttr) body(m).getFirst().attribute("t").orElseThrow();
        FunctionType ft = (FunctionType) t.value();
        assertEquals(List.of(IntegerType.I32, new IntegerType(8, IntegerType.Signedness.SIGNED)), ft.inputs());
        assertEquals(
                new IntegerType(16, IntegerType.Signedness.UNSIGNED),
                ft.results().get(0));
        assertFalse(body(m).getFirst().attribute("missing").isPresent());
    }
}
