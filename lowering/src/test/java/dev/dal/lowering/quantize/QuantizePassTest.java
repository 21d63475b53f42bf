package dev.dal.lowering.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.interp.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code quantize} pass on a small CNN: what it rewrites, that the result runs close to the float model, errors. */
class QuantizePassTest {
    @TempDir
    Path dir;

    private Path calibration() throws Exception {
        return QuantModels.npy(dir.resolve("calib.npy"), QuantModels.samples(1, 32, 3, 8, 8));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void quantizedCnnRunsCloseToTheFloatModel(int level) throws Exception {
        Operation ref = QuantizeTesting.parse(QuantModels.cnn(7));
        Operation q = QuantizeTesting.parse(QuantModels.cnn(7));
        QuantizeTesting.run(
                "builtin.module(quantize{calibration-data=" + calibration() + " accuracy-level=" + level + "})", q);
        Map<String, Integer> ops = QuantizeTesting.opCounts(q);
        assertEquals(2, ops.get("qnn.conv"), ops::toString);
        assertEquals(1, ops.get("qnn.add"), ops::toString);
        assertEquals(1, ops.get("qnn.lut"), ops::toString);
        assertEquals(1, ops.get("qnn.average_pool"), ops::toString);
        assertEquals(1, ops.get("qnn.max_pool"), ops::toString);
        assertEquals(1, ops.get("qnn.concat"), ops::toString);
        assertEquals(1, ops.get("qnn.global_average_pool"), ops::toString);
        assertEquals(1, ops.get("qnn.gemm"), ops::toString);
        assertEquals(1, ops.get("graph.flatten"), ops::toString);
        // the input is cast in once; softmax has no int8 form and stays float after a dcast
        assertEquals(1, ops.get("quant.qcast"), ops::toString);
        assertEquals(1, ops.get("quant.dcast"), ops::toString);
        assertEquals(1, ops.get("graph.softmax"), ops::toString);
        for (String gone : List.of("graph.conv", "graph.fused_conv", "graph.add", "graph.gemm", "graph.sigmoid"))
            assertFalse(ops.containsKey(gone), gone + " left: " + ops);
        List<Tensor> eval = QuantModels.samples(99, 20, 3, 8, 8);
        double cos = QuantizeTesting.cosine(ref, q, eval);
        assertTrue(cos >= 0.99, "cosine " + cos + "\n" + QuantizeTesting.print(q));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void matmulsMulTransposeAndResizeAreQuantized(int level) throws Exception {
        Path data = QuantModels.npy(dir.resolve("seq.npy"), QuantModels.samples(2, 24, 4, 8));
        Operation q = QuantizeTesting.parse(QuantModels.attention(9));
        QuantizeTesting.run("builtin.module(quantize{calibration-data=" + data + " accuracy-level=" + level + "})", q);
        Map<String, Integer> ops = QuantizeTesting.opCounts(q);
        assertEquals(2, ops.get("qnn.matmul"), ops::toString);
        assertEquals(1, ops.get("qnn.add"), ops::toString);
        assertEquals(1, ops.get("qnn.mul"), ops::toString);
        assertEquals(1, ops.get("qnn.lut"), ops::toString);
        assertEquals(1, ops.get("qnn.resize"), ops::toString);
        assertEquals(1, ops.get("graph.transpose"), ops::toString);
        assertEquals(1, ops.get("graph.reshape"), ops::toString);
        assertFalse(ops.containsKey("graph.mat_mul"), ops::toString);
        String text = QuantizeTesting.print(q);
        // the constant weights are per column; the second matmul multiplies two per-tensor activations
        assertTrue(text.contains("tensor<8x8x!quant.uniform<i8<-127:127>:f32:1, {"), text);
        List<Tensor> eval = QuantModels.samples(2, 24, 4, 8).subList(0, 12);
        double cos = QuantizeTesting.cosine(QuantizeTesting.parse(QuantModels.attention(9)), q, eval);
        assertTrue(cos >= 0.99, "cosine " + cos + "\n" + text);
    }

    @Test
    void floatLayersStayFloatAndInt16LayersGet16BitActivations() throws Exception {
        Operation q = QuantizeTesting.parse(QuantModels.cnn(3));
        QuantizeTesting.run(
                "builtin.module(quantize{calibration-data=" + calibration()
                        + " float-layers=conv2 int16-layers=fc,sigmoid})",
                q);
        Map<String, Integer> ops = QuantizeTesting.opCounts(q);
        assertEquals(1, ops.get("graph.conv"), ops::toString);
        assertEquals(1, ops.get("qnn.conv"), ops::toString);
        // a lookup table indexes 8-bit storage: the 16-bit sigmoid stays float
        assertEquals(1, ops.get("graph.sigmoid"), ops::toString);
        String text = QuantizeTesting.print(q);
        assertTrue(
                text.lines().anyMatch(l -> l.contains("qnn.gemm") && l.contains("-> tensor<1x4x!quant.uniform<i16")),
                text);
        List<Tensor> eval = QuantModels.samples(5, 10, 3, 8, 8);
        assertTrue(QuantizeTesting.cosine(QuantizeTesting.parse(QuantModels.cnn(3)), q, eval) >= 0.99);
    }

    @Test
    void a16BitMatmulOfTwoActivationsStaysFloatWhileOneByWeightsIsQuantized() throws Exception {
        Path data = QuantModels.npy(dir.resolve("seq16.npy"), QuantModels.samples(2, 24, 4, 8));
        Operation q = QuantizeTesting.parse(QuantModels.attention(9));
        QuantizeTesting.run("builtin.module(quantize{calibration-data=" + data + " int16-layers=q,scores})", q);
        Map<String, Integer> ops = QuantizeTesting.opCounts(q);
        // the scores' 16 x 16-bit products would overflow the int32 accumulator: it stays float
        assertEquals(1, ops.get("graph.mat_mul"), ops::toString);
        assertEquals(1, ops.get("qnn.matmul"), ops::toString);
        String text = QuantizeTesting.print(q);
        assertTrue(
                text.lines()
                        .anyMatch(l -> l.contains("qnn.matmul") && l.contains("-> tensor<1x4x8x!quant.uniform<i16")),
                text);
    }

    @Test
    void perChannelFalseGivesPerTensorWeights() throws Exception {
        Operation a = QuantizeTesting.parse(QuantModels.cnn(4));
        Operation b = QuantizeTesting.parse(QuantModels.cnn(4));
        Path data = calibration();
        QuantizeTesting.run("builtin.module(quantize{calibration-data=" + data + "})", a);
        QuantizeTesting.run("builtin.module(quantize{calibration-data=" + data + " per-channel=false})", b);
        assertTrue(QuantizeTesting.print(a).contains("tensor<8x3x3x3x!quant.uniform<i8<-127:127>:f32:0, {"));
        String pt = QuantizeTesting.print(b);
        assertFalse(pt.contains("f32:0, {"), pt);
        assertTrue(pt.contains("tensor<8x3x3x3x!quant.uniform<i8<-127:127>:f32, "), pt);
    }

    @Test
    void calibrationDataOfTheWrongShapeNamesTheInput() throws Exception {
        Path bad = QuantModels.npy(dir.resolve("bad.npy"), QuantModels.samples(1, 4, 3, 4, 4));
        String m = error("calibration-data=" + bad, QuantModels.cnn(1));
        assertTrue(m.contains("'x'") || m.contains(" x"), m);
        assertTrue(m.contains("1x3x8x8") || m.contains("[1, 3, 8, 8]") || m.contains("3x8x8"), m);
    }

    @Test
    void calibrationDataOfTheWrongDtypeNamesTheInput() throws Exception {
        Path bad = dir.resolve("int.npy");
        dev.dal.ir.interp.Npy.write(bad, Tensor.of(new int[4 * 192], 4, 3, 8, 8));
        String m = error("calibration-data=" + bad, QuantModels.cnn(1));
        assertTrue(m.contains("x") && (m.contains("i32") || m.contains("int32")), m);
    }

    @Test
    void anEmptyDataFolderIsAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String m = error("calibration-data=" + empty, QuantModels.cnn(1));
        assertTrue(m.contains("empty") || m.contains("no "), m);
    }

    @Test
    void missingCalibrationDataIsAnError() {
        assertTrue(error("", QuantModels.cnn(1)).contains("'calibration-data' is required"));
    }

    @Test
    void unknownLayerNamesAreListed() throws Exception {
        String m = error("calibration-data=" + calibration() + " int16-layers=conv1,nope,bad", QuantModels.cnn(1));
        assertTrue(m.contains("unknown layer names in 'int16-layers': nope, bad"), m);
        m = error("calibration-data=" + calibration() + " float-layers=zzz", QuantModels.cnn(1));
        assertTrue(m.contains("unknown layer name in 'float-layers': zzz"), m);
    }

    @Test
    void aModelWithNothingToQuantizeIsAnError() throws Exception {
        String ir = """
                func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
                  %o = graph.softmax %x {axis = -1 : i64} : tensor<1x4xf32> loc("softmax")
                  return %o : tensor<1x4xf32>
                }
                """;
        assertTrue(error("calibration-data=" + calibration(), ir).contains("has no op that can be quantized"));
    }

    private static String error(String options, String ir) {
        Operation m = QuantizeTesting.parse(ir);
        List<Diagnostic> errors = QuantizeTesting.tryRun("builtin.module(quantize{" + options + "})", m);
        assertEquals(1, errors.size(), errors::toString);
        return errors.getFirst().message();
    }
}
