package dev.dal.lowering.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.eval.Metrics;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The digits CNN and ViT quantized at accuracy levels 0 and 1, calibrated on {@code data/images.npy} samples 0 to 199 and
 * evaluated on samples 200 to 269: the logits keep a cosine of at least 0.99 with the float model's, and the top-1
 * accuracies of both models against {@code labels.npy} are printed.
 */
class DigitsQuantizeTest {
    private static final int CALIBRATION = 200;
    private static final int TOTAL = 270;

    @ParameterizedTest
    @CsvSource({"digits_cnn, 0", "digits_cnn, 1", "digits_vit, 0", "digits_vit, 1"})
    void digitsModelsKeepTheirLogits(String name, int level) throws Exception {
        Path dir = SharedModels.dir().resolve(name);
        Path model = dir.resolve("model.onnx"), images = dir.resolve("data/images.npy");
        SharedModels.requireOnMachine(
                Files.isRegularFile(model) && Files.isRegularFile(images), "shared model " + model + " is missing");
        Operation floatModule = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        Operation quantized = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        long t0 = System.nanoTime();
        QuantizeTesting.run(
                "builtin.module(graph-fuse,quantize{calibration-data=" + images + " samples=" + CALIBRATION
                        + " accuracy-level=" + level + "})",
                quantized);
        long t1 = System.nanoTime();
        assertEquals(0, QuantizeTesting.opCounts(quantized).getOrDefault("graph.conv", 0));
        assertTrue(QuantizeTesting.opCounts(quantized).getOrDefault("qnn.conv", 0) >= 1, "convs quantized");

        List<Tensor> eval = QuantizeTesting.rows(images, CALIBRATION, TOTAL);
        float[] ref = QuantizeTesting.outputs(floatModule, eval), q = QuantizeTesting.outputs(quantized, eval);
        double cosine = Metrics.cosine(ref, q);
        Tensor labels = Npy.read(dir.resolve("data/labels.npy"));
        int floatRight = 0, quantRight = 0, agree = 0;
        for (int i = 0; i < eval.size(); i++) {
            long label = labels.getLong(CALIBRATION + i);
            int a = argmax(ref, i * 10), b = argmax(q, i * 10);
            if (a == label) floatRight++;
            if (b == label) quantRight++;
            if (a == b) agree++;
        }
        System.out.printf(
                "%s level %d (quantized in %.0f ms): logits cosine %.5f over images.npy[200:270], top-1"
                        + " float %.4f, int8 %.4f, agreement %.4f%n",
                name,
                level,
                (t1 - t0) / 1e6,
                cosine,
                floatRight / (double) eval.size(),
                quantRight / (double) eval.size(),
                agree / (double) eval.size());
        assertTrue(cosine >= 0.99, "level " + level + " cosine " + cosine);
    }

    private static int argmax(float[] x, int from) {
        int best = 0;
        for (int i = 1; i < 10; i++) if (x[from + i] > x[from + best]) best = i;
        return best;
    }
}
