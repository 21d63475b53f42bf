package dev.dal.tools.translate;

import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.tools.Tool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dal-translate} in-process: conversions both ways, errors, exit codes, and no half-written outputs. */
class TranslateToolTest {
    @TempDir
    Path dir;

    String out, err;

    int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int rc = new TranslateMain()
                .run(
                        List.of(args),
                        dir,
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(o, true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    static ModelProto model() {
        return ModelBuilder.graph("g")
                .input("x", FLOAT, 2, 3)
                .initializer(ModelBuilder.floatTensor("b", new long[] {3}, 1f, 2f, 3f))
                .node("add1", "Add", List.of("x", "b"), List.of("y"))
                .node("relu1", "Relu", List.of("y"), List.of("z"))
                .output("z", FLOAT, 2, 3)
                .build();
    }

    @BeforeEach
    void writeModel() throws Exception {
        Files.write(dir.resolve("m.onnx"), model().toByteArray());
    }

    @Test
    void isAServiceLoadedTool() {
        assertTrue(ServiceLoader.load(Tool.class).stream()
                .anyMatch(p -> p.get().name().equals("dal-translate")));
    }

    @Test
    void importWritesIrWithNodeNamesAsLocations() throws Exception {
        assertEquals(0, run("--import-onnx", "m.onnx", "-o", "m.ir"), err);
        String ir = Files.readString(dir.resolve("m.ir"));
        assertTrue(ir.contains("= graph.add %") && ir.contains("loc(\"add1\")"), ir);
        assertTrue(ir.contains("{onnx.name = \"x\"}") && ir.contains("{onnx.name = \"z\"}"), ir);
        assertTrue(ir.contains("ai.onnx = 13 : i64"), ir);
    }

    @Test
    void printOpGenericWritesGenericForm() throws Exception {
        assertEquals(0, run("--import-onnx", "m.onnx", "-o", "-", "--print-op-generic"), err);
        assertTrue(out.contains("\"func.func\"()"), out);
    }

    @Test
    void exportOfAnImportRestoresNamesInitializersAndNodes() throws Exception {
        assertEquals(0, run("--import-onnx", "m.onnx", "-o", "m.ir"), err);
        assertEquals(0, run("--export-onnx", "m.ir", "-o", "back.onnx"), err);
        ModelProto back = ModelProto.parseFrom(Files.readAllBytes(dir.resolve("back.onnx")));
        assertEquals(
                List.of("add1", "relu1"),
                back.getGraph().getNodeList().stream().map(n -> n.getName()).toList());
        assertEquals(
                List.of("Add", "Relu"),
                back.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList());
        assertEquals("b", back.getGraph().getInitializer(0).getName());
        assertArrayEquals(
                model().getGraph().getInitializer(0).getRawData().toByteArray(),
                back.getGraph().getInitializer(0).getRawData().toByteArray());
        assertEquals("x", back.getGraph().getInput(0).getName());
        assertEquals("z", back.getGraph().getOutput(0).getName());
    }

    @Test
    void unknownOpsFailWithoutTheFlagAndLeaveNoOutput() throws Exception {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .node("w1", "Wobble", List.of("x"), List.of("y"))
                .output("y", FLOAT, 2)
                .build();
        Files.write(dir.resolve("u.onnx"), m.toByteArray());
        assertEquals(1, run("--import-onnx", "u.onnx", "-o", "u.ir"));
        assertTrue(err.contains("Wobble x1: 'w1'"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("u.ir")));
        assertEquals(0, run("--import-onnx", "u.onnx", "-o", "u.ir", "--allow-unknown-ops"), err);
        assertTrue(Files.readString(dir.resolve("u.ir")).contains("op_type = \"Wobble\""));
    }

    @Test
    void badInputsExitOneAndKeepAnExistingOutputUntouched() throws Exception {
        Files.writeString(dir.resolve("keep.ir"), "old");
        byte[] full = model().toByteArray();
        Files.write(dir.resolve("t.onnx"), java.util.Arrays.copyOf(full, full.length / 2));
        assertEquals(1, run("--import-onnx", "t.onnx", "-o", "keep.ir"));
        assertTrue(err.contains("t.onnx: error: not a valid ONNX protobuf"), err);
        assertEquals("old", Files.readString(dir.resolve("keep.ir")));
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }

    @Test
    void exportOfInvalidIrReportsTheLineAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("bad.ir"), "module {\n  %0 = \n}\n");
        assertEquals(1, run("--export-onnx", "bad.ir", "-o", "bad.onnx"));
        assertTrue(err.contains("bad.ir:3:1: error: expected operation name in quotes"), err);
        assertFalse(Files.exists(dir.resolve("bad.onnx")));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("--import-onnx", "m.onnx"));
        assertTrue(err.contains("usage: dal-translate"), err);
        assertEquals(2, run("--import-onnx", "m.onnx", "--export-onnx", "m.ir", "-o", "x"));
        assertEquals(2, run("--frobnicate"));
    }

    @Test
    void everyKindOfBadModelExitsOneNamingTheCulpritAndWritesNothing() throws Exception {
        java.util.Map<String, ModelProto> bad = new java.util.LinkedHashMap<>();
        bad.put(
                "input 'w' is not defined",
                ModelBuilder.graph("g")
                        .input("x", FLOAT, 2)
                        .node("a1", "Add", List.of("x", "w"), List.of("y"))
                        .output("y", FLOAT, 2)
                        .build());
        bad.put(
                "has a cycle: nodes 'a', 'b'",
                ModelBuilder.graph("g")
                        .input("x", FLOAT, 2)
                        .node("a", "Add", List.of("x", "c"), List.of("b"))
                        .node("b", "Relu", List.of("b"), List.of("c"))
                        .node("n", "Neg", List.of("x"), List.of("y"))
                        .output("y", FLOAT, 2)
                        .build());
        bad.put(
                "inconsistent shapes for 'x'",
                ModelBuilder.graph("g")
                        .input("x", FLOAT, 2)
                        .valueInfo("x", FLOAT, 3)
                        .node("n", "Neg", List.of("x"), List.of("y"))
                        .output("y", FLOAT, 2)
                        .build());
        bad.put(
                "unsupported opset 19",
                ModelBuilder.graph("g")
                        .opset(19)
                        .input("x", FLOAT, 2)
                        .node("n", "Neg", List.of("x"), List.of("y"))
                        .output("y", FLOAT, 2)
                        .build());
        for (var e : bad.entrySet()) {
            Files.write(dir.resolve("bad.onnx"), e.getValue().toByteArray());
            assertEquals(1, run("--import-onnx", "bad.onnx", "-o", "bad.ir"), e.getKey());
            assertTrue(err.contains("bad.onnx: error: ") && err.contains(e.getKey()), err);
            assertFalse(Files.exists(dir.resolve("bad.ir")), e.getKey());
        }
    }
}
