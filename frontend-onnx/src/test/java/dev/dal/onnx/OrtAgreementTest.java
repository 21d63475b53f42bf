package dev.dal.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.dal.ir.Operation;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole models: import, export, run the exported file with ONNX Runtime (the oracle) and compare with the reference
 * outputs stored beside the model, within 1e-4 of the output's largest magnitude.
 */
class OrtAgreementTest {
    static Stream<Path> models() throws Exception {
        Path dir = TestSupport.modelsDir();
        TestSupport.requireOnMachine(Files.isDirectory(dir), "models folder missing: " + dir);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve("model.onnx"))) out.add(p.resolve("model.onnx"));
                if (Files.isRegularFile(p.resolve("model_static.onnx"))) out.add(p.resolve("model_static.onnx"));
            }
        }
        assertTrue(out.size() >= 4, "expected the shared models in " + dir);
        return out.stream();
    }

    static float[] floats(TensorProto t) {
        if (t.hasRawData()) {
            FloatBuffer fb = t.getRawData()
                    .asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            float[] f = new float[fb.remaining()];
            fb.get(f);
            return f;
        }
        float[] f = new float[t.getFloatDataCount()];
        for (int i = 0; i < f.length; i++) f[i] = t.getFloatData(i);
        return f;
    }

    static long[] dims(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void exportedModelRunsInOnnxRuntimeToTheReferenceOutputs(Path model) throws Exception {
        Operation module = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        assertEquals(List.of(), TestSupport.verify(module));
        ModelProto exported = OnnxExporter.export(module);
        String inputName = exported.getGraph().getInput(0).getName();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int sets = 0;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(exported.toByteArray(), so)) {
                for (int k = 0; k < 3; k++) {
                    Path set = model.getParent().resolve("test_data_set_" + k);
                    if (!Files.isDirectory(set)) continue;
                    TensorProto in = TensorProto.parseFrom(Files.readAllBytes(set.resolve("input_0.pb")));
                    TensorProto want = TensorProto.parseFrom(Files.readAllBytes(set.resolve("output_0.pb")));
                    float[] expected = floats(want);
                    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(floats(in)), dims(in));
                            OrtSession.Result r = session.run(Map.of(inputName, x))) {
                        OnnxTensor y = (OnnxTensor) r.get(0);
                        assertArrayEquals(dims(want), y.getInfo().getShape(), "output shape, " + set);
                        FloatBuffer fb = y.getFloatBuffer();
                        float[] got = new float[fb.remaining()];
                        fb.get(got);
                        double maxMag = 0;
                        for (float e : expected) maxMag = Math.max(maxMag, Math.abs(e));
                        double worst = 0;
                        for (int i = 0; i < expected.length; i++)
                            worst = Math.max(worst, Math.abs(got[i] - expected[i]));
                        assertTrue(worst <= 1e-4 * maxMag, set + ": max |diff| " + worst + " > 1e-4 * " + maxMag);
                        sets++;
                    }
                }
            }
        }
        assertTrue(sets > 0, "no test data sets beside " + model);
    }
}
