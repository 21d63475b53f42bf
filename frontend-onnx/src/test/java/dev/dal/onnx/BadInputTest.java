package dev.dal.onnx;

import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad model is a clear error that names the file and the node or value at fault. */
class BadInputTest {
    static ModelProto small() {
        return ModelBuilder.graph("g")
                .input("x", FLOAT, 2, 2)
                .node("r", "Relu", List.of("x"), List.of("a"))
                .node("n", "Neg", List.of("a"), List.of("y"))
                .output("y", FLOAT, 2, 2)
                .build();
    }

    static String importError(ModelProto m) {
        return assertThrows(OnnxException.class, () -> TestSupport.importModel(m))
                .getMessage();
    }

    static String fileError(byte[] bytes) throws Exception {
        Path f = TestSupport.tempDir().resolve("bad.onnx");
        Files.write(f, bytes);
        return assertThrows(OnnxException.class, () -> OnnxImporter.importFile(f, OnnxImporter.Options.DEFAULT))
                .getMessage();
    }

    @Test
    void truncatedProtobufIsReportedWithTheFileName() throws Exception {
        byte[] full = small().toByteArray();
        String msg = fileError(Arrays.copyOf(full, full.length - 7));
        assertTrue(msg.matches(".*bad\\.onnx: error: not a valid ONNX protobuf \\(truncated or corrupt\\).*"), msg);
    }

    @Test
    void corruptBytesAreReported() throws Exception {
        byte[] junk = new byte[64];
        Arrays.fill(junk, (byte) 0xff);
        String msg = fileError(junk);
        assertTrue(msg.contains("bad.onnx: error: not a valid ONNX protobuf"), msg);
    }

    @Test
    void aFileWithoutAGraphIsNotAModel() throws Exception {
        String msg = fileError(new byte[0]);
        assertTrue(msg.contains("bad.onnx: error: not an ONNX model: it has no graph"), msg);
    }

    @Test
    void unknownOperatorsAreListedByTypeCountAndNodeNames() {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .node("f1", "Frob", List.of("x"), List.of("a"))
                .node("f2", "Frob", List.of("a"), List.of("b"))
                .node("", "Zap", List.of("b"), List.of("y"))
                .output("y", FLOAT, 2)
                .build();
        String msg = importError(m);
        assertTrue(msg.startsWith("test.onnx: error: unsupported operators"), msg);
        assertTrue(msg.contains("Frob x2: 'f1', 'f2'"), msg);
        assertTrue(msg.contains("Zap x1: 'Zap_2'"), msg);
        assertTrue(msg.contains("--allow-unknown-ops"), msg);
    }

    @Test
    void aNodeInputNothingDefinesNamesTheNodeAndTheInput() {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .node("conv7", "Add", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, 2)
                .build();
        assertEquals(
                "test.onnx: error: node 'conv7' (Add): input 'w' is not defined by any initializer, graph "
                        + "input or node",
                importError(m));
    }

    @Test
    void aGraphCycleNamesTheNodesOnIt() {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .node("a", "Add", List.of("x", "c"), List.of("b"))
                .node("b", "Relu", List.of("b"), List.of("c"))
                .node("ok", "Neg", List.of("x"), List.of("y"))
                .output("y", FLOAT, 2)
                .build();
        String msg = importError(m);
        assertEquals("test.onnx: error: graph 'g' has a cycle: nodes 'a', 'b' depend on each other", msg);
    }

    @Test
    void aValueInfoShapeContradictingTheGraphInputIsInconsistent() {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2, 2)
                .valueInfo("x", FLOAT, 2, 3)
                .node("n", "Neg", List.of("x"), List.of("y"))
                .output("y", FLOAT, 2, 2)
                .build();
        String msg = importError(m);
        assertEquals(
                "test.onnx: error: inconsistent shapes for 'x': the graph input declares tensor<2x2xf32> but "
                        + "the value_info declares tensor<2x3xf32>",
                msg);
    }

    @Test
    void anInitializerContradictingItsInputDeclarationIsInconsistent() {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 2)
                .input("w", FLOAT, 3)
                .initializer(ModelBuilder.floatTensor("w", new long[] {2}, 1f, 2f))
                .node("n", "Add", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, 2)
                .build();
        assertTrue(importError(m).contains("inconsistent shapes for 'w'"));
    }

    @Test
    void opsetsOutside1To18AreRejectedNamingTheOpset() {
        for (long v : new long[] {0, 19}) {
            ModelProto m = ModelBuilder.graph("g")
                    .opset(v)
                    .input("x", FLOAT, 2)
                    .node("n", "Neg", List.of("x"), List.of("y"))
                    .output("y", FLOAT, 2)
                    .build();
            assertEquals(
                    "test.onnx: error: unsupported opset " + v + " of the default domain (ai.onnx); supported: "
                            + "1 to 18",
                    importError(m));
        }
    }

    @Test
    void tensorDataThatDoesNotFillItsShapeNamesTheInitializer() {
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 4)
                .initializer(ModelBuilder.floatTensor("w", new long[] {4}, 1f, 2f))
                .node("n", "Add", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, 4)
                .build();
        String msg = importError(m);
        assertTrue(msg.startsWith("test.onnx: error: initializer 'w': has 8 bytes of data"), msg);
    }

    @Test
    void externalDataOutsideTheModelFolderIsRefused() throws Exception {
        Path dir = TestSupport.tempDir();
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 4)
                .initializer(ModelBuilder.externalTensor("w", FLOAT, new long[] {4}, "../w.bin", 0, 16))
                .node("n", "Add", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, 4)
                .build();
        Path f = dir.resolve("m.onnx");
        Files.write(f, m.toByteArray());
        String msg = assertThrows(OnnxException.class, () -> OnnxImporter.importFile(f, OnnxImporter.Options.DEFAULT))
                .getMessage();
        assertTrue(
                msg.contains("initializer 'w': external data location '../w.bin' is outside the model's folder"), msg);
    }
}
