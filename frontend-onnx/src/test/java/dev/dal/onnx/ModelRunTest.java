package dev.dal.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interpreter runs the imported shared models: every ONNX test data set's output is reproduced within 1e-4 of
 * the output's largest magnitude, and the digits CNN reaches its float accuracy on its 270 images.
 */
class ModelRunTest {
    private static final double TOLERANCE = 1e-4;

    /** {@return the model file, skipping (or failing under CI=true) when the shared models are missing} */
    private static Path model(String relative) {
        Path p = TestSupport.modelsDir().resolve(relative);
        TestSupport.requireOnMachine(Files.isRegularFile(p), "shared model " + p + " is missing");
        return p;
    }

    private static Interpreter load(Path file) throws OnnxException {
        Operation module = OnnxImporter.importFile(file, OnnxImporter.Options.DEFAULT);
        return Interpreter.load(module);
    }

    private static Tensor runOne(Interpreter interp, Tensor input) {
        String fn = interp.functionNames().getFirst();
        return interp.run(fn, List.of(input), RunOptions.defaults()).getFirst();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "digits_cnn/model.onnx",
                "digits_vit/model.onnx",
                "mobilenet_v2/model.onnx",
                "ppocr_cls/model.onnx",
                "ppocr_cls/model_static.onnx"
            })
    void interpreterReproducesTheReferenceOutputsOfEveryTestDataSet(String relative) throws Exception {
        Path file = model(relative);
        Interpreter interp = load(file);
        List<Path> sets;
        try (Stream<Path> s = Files.list(file.getParent())) {
            sets = s.filter(d -> d.getFileName().toString().startsWith("test_data_set_"))
                    .sorted()
                    .toList();
        }
        assertTrue(!sets.isEmpty(), "no test data sets next to " + file);
        List<String> report = new ArrayList<>();
        for (Path set : sets) {
            Tensor in = TensorProtos.read(set.resolve("input_0.pb"));
            Tensor expected = TensorProtos.read(set.resolve("output_0.pb")).toF32();
            Tensor actual = runOne(interp, in).toF32();
            assertArrayEquals(expected.shape(), actual.shape(), set + ": output shape");
            float[] e = expected.floats(), a = actual.floats();
            double max = 0, err = 0;
            for (float v : e) max = Math.max(max, Math.abs(v));
            for (int i = 0; i < e.length; i++) err = Math.max(err, Math.abs((double) e[i] - a[i]));
            double rel = err / Math.max(max, Float.MIN_NORMAL);
            report.add(set.getFileName() + " max relative error " + rel);
            assertTrue(rel <= TOLERANCE, set + ": max error " + err + " is " + rel + " of the largest output " + max);
        }
        System.out.println(relative + ": " + report);
    }

    @Test
    void digitsCnnReachesItsFloatAccuracyOnAll270Images() throws Exception {
        Path file = model("digits_cnn/model.onnx");
        Path data = file.getParent().resolve("data");
        Tensor images = Npy.read(data.resolve("images.npy")).toF32();
        long[] labels = Npy.read(data.resolve("labels.npy")).toLongs();
        Matcher m = Pattern.compile("([0-9]+\\.[0-9]+)").matcher(Files.readString(data.resolve("ACCURACY")));
        assertTrue(m.find(), "no accuracy in data/ACCURACY");
        double expected = Double.parseDouble(m.group(1));
        Interpreter interp = load(file);
        int n = images.dim(0);
        assertEquals(n, labels.length);
        int[] one = images.shape().clone();
        one[0] = 1;
        int per = images.size() / n;
        float[] all = images.floats();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            float[] x = new float[per];
            System.arraycopy(all, i * per, x, 0, per);
            float[] logits = runOne(interp, Tensor.of(x, one)).toF32().floats();
            int best = 0;
            for (int k = 1; k < logits.length; k++) if (logits[k] > logits[best]) best = k;
            if (best == labels[i]) correct++;
        }
        double accuracy = (double) correct / n;
        System.out.println("digits_cnn top-1 accuracy " + accuracy + " (" + correct + "/" + n + ")");
        assertEquals(expected, accuracy, 0.001);
    }
}
