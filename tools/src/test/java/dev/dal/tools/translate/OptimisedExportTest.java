package dev.dal.tools.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.testing.SharedModels;
import dev.dal.tools.opt.DalOpt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The user's path from an optimised model back to ONNX: {@code dal-translate --import-onnx}, {@code dal-opt
 * --canonicalize --graph-fuse}, {@code dal-translate --export-onnx}, all in-process; ONNX Runtime then runs the
 * exported file (fused convolutions, folded batch norms and GELUs written as standard nodes) to the reference outputs
 * stored beside each shared model, within 1e-4 of the output's largest magnitude.
 */
class OptimisedExportTest {
    @TempDir
    Path dir;

    private String err;

    private int translate(String... args) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = new TranslateMain()
                .run(
                        List.of(args),
                        dir,
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8));
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    private int opt(String... args) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = new DalOpt()
                .run(
                        List.of(args),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8));
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "digits_cnn/model.onnx, graph.fused_conv",
        "digits_vit/model.onnx, graph.gelu",
        "mobilenet_v2/model.onnx, graph.fused_conv",
        "ppocr_cls/model_static.onnx, graph.fused_conv"
    })
    void optimisedModelExportsAndOnnxRuntimeGivesTheReferenceOutputs(String relative, String fusedOp) throws Exception {
        Path model = SharedModels.dir().resolve(relative);
        SharedModels.requireOnMachine(Files.isRegularFile(model), "shared model " + model + " is missing");
        Path ir = dir.resolve("m.ir"), fused = dir.resolve("fused.ir"), onnx = dir.resolve("fused.onnx");
        assertEquals(0, translate("--import-onnx", model.toString(), "-o", ir.toString()), err);
        assertEquals(0, opt(ir.toString(), "--canonicalize", "--graph-fuse", "-o", fused.toString()), err);
        assertTrue(Files.readString(fused).contains(fusedOp), relative + ": no " + fusedOp + " after graph-fuse");
        assertEquals(0, translate("--export-onnx", fused.toString(), "-o", onnx.toString()), err);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int sets = 0;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(onnx.toString(), so)) {
            String input = session.getInputNames().iterator().next();
            for (int k = 0; Files.isDirectory(model.resolveSibling("test_data_set_" + k)); k++) {
                Path set = model.resolveSibling("test_data_set_" + k);
                Tensor in = Npy.read(set.resolve("input_0.npy")).toF32();
                float[] want = Npy.read(set.resolve("output_0.npy")).toF32().floats();
                long[] shape = new long[in.rank()];
                for (int d = 0; d < shape.length; d++) shape[d] = in.dim(d);
                try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.floats()), shape);
                        OrtSession.Result r = session.run(Map.of(input, x))) {
                    OnnxTensor y = (OnnxTensor) r.get(0);
                    FloatBuffer fb = y.getFloatBuffer();
                    float[] got = new float[fb.remaining()];
                    fb.get(got);
                    assertArrayEquals(new int[] {want.length}, new int[] {got.length}, set.toString());
                    double max = 0, worst = 0;
                    for (int i = 0; i < want.length; i++) {
                        max = Math.max(max, Math.abs(want[i]));
                        worst = Math.max(worst, Math.abs(want[i] - got[i]));
                    }
                    assertTrue(worst <= 1e-4 * max, set + ": max |diff| " + worst + " > 1e-4 * " + max);
                    sets++;
                }
            }
        }
        assertTrue(sets > 0, "no test data sets beside " + model);
    }
}
