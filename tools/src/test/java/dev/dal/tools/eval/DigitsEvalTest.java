package dev.dal.tools.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.testing.SharedModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dal-eval end to end on the trained digits CNN of the shared models: the float ONNX model against a copy of itself
 * whose weights are rounded to 8 bits (symmetric, per tensor, done here) and written as IR, on all 270 labelled
 * test images. The float model's accuracy in the report must be the stored one.
 */
class DigitsEvalTest {
    @TempDir
    Path dir;

    /** Rounds every weight (an f32 constant of rank 2 or more) to 8 bits: w → round(w / s) · s, s = max|w| / 127. */
    static int fakeQuantizeWeights(Operation module) {
        List<Operation> weights = new ArrayList<>();
        module.walk(op -> {
            if (op.name().equals("graph.constant")
                    && op.attribute("value").isPresent()
                    && Tensor.fromAttribute(op.attribute("value").get()) instanceof Tensor t
                    && t.dtype() == dev.dal.ir.interp.DType.F32
                    && t.rank() >= 2) weights.add(op);
        });
        for (Operation op : weights) {
            Tensor w = Tensor.fromAttribute(op.attribute("value").get());
            float[] v = w.floats().clone();
            double max = 0;
            for (float x : v) max = Math.max(max, Math.abs(x));
            double s = max / 127;
            if (s > 0) for (int i = 0; i < v.length; i++) v[i] = (float) (Math.round(v[i] / s) * s);
            op.setAttribute("value", Tensor.of(v, w.shape()).toAttribute());
        }
        return weights.size();
    }

    @Test
    void reportsTheStoredFloatAccuracyAndEveryConvLayer() throws Exception {
        Path model = SharedModels.dir().resolve("digits_cnn/model.onnx");
        Path data = SharedModels.dir().resolve("digits_cnn/data");
        SharedModels.requireOnMachine(
                Files.exists(model) && Files.exists(data.resolve("images.npy")), model + " not found");
        Operation q = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        assertTrue(fakeQuantizeWeights(q) >= 3, "two convs and a gemm have weights");
        Path qFile = dir.resolve("model.q.ir");
        Files.writeString(qFile, new IrPrinter(PrintOptions.DEFAULT.withDebugInfo(true)).print(q));
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Files.copy(data.resolve("images.npy"), samples.resolve("images.npy"));
        Path report = dir.resolve("report");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new EvalMain()
                .run(
                        List.of(
                                "--float", model.toString(),
                                "--quantized", qFile.toString(),
                                "--data", samples.toString(),
                                "--labels", data.resolve("labels.npy").toString(),
                                "-o", report.toString()),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));

        JsonNode r = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(270, r.get("samples").asInt());
        JsonNode logits = r.get("outputs").get(0);
        JsonNode cls = logits.get("classifier");
        String stored = Files.readString(data.resolve("ACCURACY")).strip();
        double accuracy = Double.parseDouble(stored.substring(stored.lastIndexOf(' ') + 1));
        assertEquals(accuracy, cls.get("float_accuracy").asDouble(), 5e-5, "stored: " + stored);
        // 8-bit weights change the logits a little, and the ranking hardly
        double cosine = logits.get("metrics").get("cosine").asDouble();
        assertTrue(cosine < 1 && cosine > 0.99, "output cosine " + cosine);
        assertTrue(cls.get("top1_agreement").asDouble() > 0.95);
        assertTrue(Math.abs(cls.get("quantized_accuracy").asDouble() - accuracy) < 0.02);

        Set<String> layers = new HashSet<>();
        r.get("layers").forEach(l -> layers.add(l.get("name").asText()));
        Operation f = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        List<String> convs = new ArrayList<>();
        f.walk(op -> {
            if (op.name().equals("graph.conv") && op.loc() instanceof Location.Name n) convs.add(n.name());
        });
        assertEquals(2, convs.size(), "the digits CNN has two convs");
        for (String c : convs) assertTrue(layers.contains(c), "a layer row for conv " + c + " in " + layers);
        JsonNode firstConv = null;
        for (JsonNode l : r.get("layers")) if (l.get("name").asText().equals(convs.getFirst())) firstConv = l;
        double convCos = firstConv.get("metrics").get("cosine").asDouble();
        assertTrue(convCos < 1 && convCos > 0.99, "first conv cosine " + convCos);
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains(convs.getFirst()) && html.contains("<svg"));
        for (String resource : List.of("src=", "href=", "url(", "@import"))
            assertFalse(html.contains(resource), "self-contained, but has " + resource);
    }
}
