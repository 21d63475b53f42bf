package dev.dal.dialect.dtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Dialect;
import dev.dal.ir.DialectRegistry;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.builtin.ConstantOp;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.builtin.ModuleOp;
import dev.dal.ir.trait.Commutative;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.SameOperandsAndResultType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated dialects are found through ServiceLoader and create the generated op classes; docs are written. */
class DtestRegistrationTest {
    @Test
    void everyDialectOfTheFoundationIsRegistered() {
        DialectRegistry reg = DialectRegistry.global();
        for (String d : List.of("builtin", "func", "dal", "dtest"))
            assertTrue(reg.dialect(d).isPresent(), d);
        for (String op : List.of(
                "builtin.module",
                "builtin.unrealized_conversion_cast",
                "func.func",
                "func.return",
                "func.call",
                "dal.constant",
                "dtest.add",
                "dtest.variadic",
                "dtest.ret")) assertTrue(reg.lookupOp(op).isPresent(), op);
    }

    @Test
    void operationCreateInstantiatesTheGeneratedClass() {
        assertInstanceOf(AddOp.class, Operation.create(new OperationState("dtest.add", Location.unknown())));
        assertInstanceOf(ModuleOp.class, Operation.create(new OperationState("builtin.module", Location.unknown())));
        assertInstanceOf(FuncOp.class, Operation.create(new OperationState("func.func", Location.unknown())));
        Operation unknown = Operation.create(new OperationState("dtest.nope", Location.unknown()));
        assertEquals(Operation.class, unknown.getClass(), "an unknown op of a known dialect stays generic");
        assertTrue(!unknown.isRegistered());
    }

    @Test
    void definitionsCarryClassSummaryAssemblyAndAttributeNames() {
        OpDefinition add = DialectRegistry.global().lookupOp("dtest.add").orElseThrow();
        assertEquals(AddOp.class, add.opClass());
        assertEquals("Adds two values of the same type; folds constant integers and x + 0", add.summary());
        assertInstanceOf(OpAssembly.Standard.class, add.assembly());
        assertEquals(
                List.of("count", "label", "stride", "scale", "enabled", "mode", "kernel"),
                DialectRegistry.global().lookupOp("dtest.attrs").orElseThrow().attributeNames());
        assertEquals(
                List.of("operandSegmentSizes"),
                DialectRegistry.global()
                        .lookupOp("dtest.variadic")
                        .orElseThrow()
                        .attributeNames());
        assertInstanceOf(
                OpAssembly.GenericOnly.class,
                DialectRegistry.global()
                        .lookupOp("builtin.unrealized_conversion_cast")
                        .orElseThrow()
                        .assembly());
        assertInstanceOf(
                OpAssembly.Custom.class,
                DialectRegistry.global().lookupOp("func.func").orElseThrow().assembly());
    }

    @Test
    void traitsAreJavaInterfacesOfTheOpClass() {
        Operation add = Operation.create(new OperationState("dtest.add", Location.unknown()));
        assertTrue(add instanceof Pure && add instanceof Commutative && add instanceof SameOperandsAndResultType);
        Operation produce = Operation.create(new OperationState("dtest.produce", Location.unknown()));
        assertTrue(!(produce instanceof Pure), "dtest.produce has side effects");
        assertTrue(Operation.create(new OperationState("dtest.br", Location.unknown()))
                .isTerminator());
    }

    @Test
    void dtestMaterializesFoldedConstantsAsDalConstant() {
        Dialect dtest = DialectRegistry.global().dialect("dtest").orElseThrow();
        Operation c = dtest.materializeConstant(
                        dev.dal.ir.Builder.detached(),
                        dev.dal.ir.IntegerAttr.of(5, IntegerType.I32),
                        IntegerType.I32,
                        Location.unknown())
                .orElseThrow();
        assertInstanceOf(ConstantOp.class, c);
        assertEquals(dev.dal.ir.IntegerAttr.of(5, IntegerType.I32), ((ConstantOp) c).value());
    }

    @Test
    void theReferencePageMentionsEveryOp() throws IOException {
        String page;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/dal/docs/dtest.md")) {
            assertNotNull(in, "the processor writes the page to the class output");
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<OpDefinition> ops =
                DialectRegistry.global().dialect("dtest").orElseThrow().ops();
        assertEquals(13, ops.size());
        for (OpDefinition op : ops) {
            assertTrue(page.contains("### `" + op.name() + "`"), op.name() + " has a section");
            assertTrue(page.contains(op.summary()), op.name() + " summary is on the page");
        }
        assertTrue(page.contains("```mlir\n%2 = dtest.add %0, %1 : i32\n```"), "the IR example is a code block");
        assertTrue(page.contains("| `stride` | IntegerAttr | `1 : i64` |"), "defaults are listed");
        assertTrue(page.contains("| `input` | 1 | `FLOAT_TENSOR` |"), "constraints are listed");
        String root = System.getProperty("dal.root");
        if (root != null) {
            Path file = Path.of(root, "docs", "dialects", "dtest.md");
            assertTrue(Files.exists(file), "-Adal.docs.dir writes " + file);
            assertEquals(page, Files.readString(file));
        }
    }
}
