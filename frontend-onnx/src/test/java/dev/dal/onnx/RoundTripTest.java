package dev.dal.onnx;

import static dev.dal.onnx.builder.ModelBuilder.attr;
import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * import → export → import gives the same IR text (with locations); the only change is the module's opset header,
 * since the export is written at opset 18. A second round is an exact fixpoint. Also: tensors are not copied.
 */
class RoundTripTest {
    static final IrPrinter PRINTER = new IrPrinter(PrintOptions.DEFAULT.withDebugInfo(true));

    static String body(String ir) {
        return ir.substring(ir.indexOf('\n') + 1);
    }

    static Operation reimport(Operation module) throws Exception {
        // through the IR text, as dal-translate does: printed, parsed, exported, serialised, parsed, imported
        Operation parsed = TestSupport.parse(PRINTER.print(module));
        ModelProto exported = ModelProto.parseFrom(OnnxExporter.export(parsed).toByteArray());
        return TestSupport.importModel(exported);
    }

    static void assertRoundTrips(Operation first) throws Exception {
        String a = PRINTER.print(first);
        Operation second = reimport(first);
        String b = PRINTER.print(second);
        assertEquals(body(a), body(b));
        assertEquals(b, PRINTER.print(reimport(second)), "the second round is a fixpoint");
    }

    static Stream<Path> models() throws Exception {
        return OrtAgreementTest.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sharedModelsRoundTrip(Path model) throws Exception {
        assertRoundTrips(OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT));
    }

    @Test
    void subgraphsCustomOpsAndOutputsThatAreInputsRoundTrip() throws Exception {
        var thenG = ModelBuilder.graph("then")
                .node("tn", "Neg", List.of("x"), List.of("t"))
                .output("t", FLOAT, 2)
                .buildGraph();
        var elseG = ModelBuilder.graph("else")
                .node("en", "Relu", List.of("x"), List.of("e"))
                .output("e", FLOAT, 2)
                .buildGraph();
        ModelProto m = ModelBuilder.graph("g")
                .opset(18)
                .opsetImport("com.example", 2)
                .input("x", FLOAT, 2)
                .input("c", dev.dal.onnx.proto.Onnx.TensorProto.DataType.BOOL)
                .node("if1", "If", List.of("c"), List.of("y"), attr("then_branch", thenG), attr("else_branch", elseG))
                .customNode("f", "com.example", "Frob", List.of("y"), List.of("z"), attr("k", 2L))
                .output("z", FLOAT, 2)
                .output("x", FLOAT, 2)
                .build();
        Operation module = OnnxImporter.importModel(m, "t.onnx", Optional.empty(), new OnnxImporter.Options(true));
        String a = PRINTER.print(module);
        Operation parsed = TestSupport.parse(a);
        ModelProto exported = OnnxExporter.export(parsed);
        assertEquals("Frob", exported.getGraph().getNode(1).getOpType());
        assertEquals("com.example", exported.getGraph().getNode(1).getDomain());
        assertEquals(
                List.of("z", "x"),
                exported.getGraph().getOutputList().stream()
                        .map(v -> v.getName())
                        .toList());
        Operation back = OnnxImporter.importModel(exported, "t.onnx", Optional.empty(), new OnnxImporter.Options(true));
        assertEquals(a, PRINTER.print(back), "opset 18 models round-trip exactly, header included");
    }

    @Test
    void rawDataIsASliceOfTheMappedFileNotACopy() throws Exception {
        float[] w = new float[4096];
        for (int i = 0; i < w.length; i++) w[i] = i * 0.5f;
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 4096)
                .initializer(ModelBuilder.floatTensor("w", new long[] {4096}, w))
                .node("a", "Add", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, 4096)
                .build();
        Path f = TestSupport.tempDir().resolve("m.onnx");
        Files.write(f, m.toByteArray());
        Operation module = OnnxImporter.importFile(f, OnnxImporter.Options.DEFAULT);
        DenseResourceAttr r = (DenseResourceAttr) OnnxImporterTest.only(module, "graph.constant")
                .attribute("value")
                .orElseThrow();
        ByteBuffer b = r.handle().blob().orElseThrow().bytes();
        assertTrue(b.isDirect(), "the blob is a view of the mapped file");
        assertEquals(4095 * 0.5f, b.order(ByteOrder.LITTLE_ENDIAN).getFloat(4 * 4095));
    }

    @Test
    void externalDataIsMappedAndExportedInline() throws Exception {
        Path dir = TestSupport.tempDir();
        ByteBuffer data = ByteBuffer.allocate(8 + 4 * 300).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(-1L);
        for (int i = 0; i < 300; i++) data.putFloat(i);
        Files.write(dir.resolve("weights.bin"), data.array());
        ModelProto m = ModelBuilder.graph("g")
                .input("x", FLOAT, 300)
                .initializer(ModelBuilder.externalTensor("w", FLOAT, new long[] {300}, "weights.bin", 8, 1200))
                .node("a", "Add", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, 300)
                .build();
        Path f = dir.resolve("m.onnx");
        Files.write(f, m.toByteArray());
        Operation module = OnnxImporter.importFile(f, OnnxImporter.Options.DEFAULT);
        DenseResourceAttr r = (DenseResourceAttr) OnnxImporterTest.only(module, "graph.constant")
                .attribute("value")
                .orElseThrow();
        ByteBuffer b = r.handle().blob().orElseThrow().bytes().order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(b.isDirect());
        assertEquals(1200, b.remaining());
        assertEquals(299f, b.getFloat(4 * 299));
        ModelProto exported = OnnxExporter.export(module);
        assertEquals(1200, exported.getGraph().getInitializer(0).getRawData().size());
        assertNotEquals(
                dev.dal.onnx.proto.Onnx.TensorProto.DataLocation.EXTERNAL,
                exported.getGraph().getInitializer(0).getDataLocation());
    }
}
