package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.lowering.quantize.data.SampleReaders;
import dev.dal.lowering.quantize.data.SampleSet;
import dev.dal.onnx.OnnxImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Calibrates the shared digits CNN on the first 200 of its 270 test images ({@code data/images.npy} samples 0 to
 * 199; samples 200 to 269 stay for evaluation) and prints each layer's min, max, and min-max, KL and 99.99th
 * percentile thresholds.
 */
class DigitsCalibrationTest {
    private static final int CALIBRATION_SAMPLES = 200;

    static Path modelsDir() {
        String p = System.getProperty("dal.models");
        if (p == null) p = System.getenv("DAL_MODELS");
        if (p != null) return Path.of(p);
        return Path.of(System.getProperty("dal.root", ".."))
                .resolve("../shared/models")
                .normalize();
    }

    static void requireOnMachine(boolean present, String why) {
        if (present) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(why + "; required when CI=true");
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    @Test
    void digitsCnnCalibratesOnItsImages() throws Exception {
        Path model = modelsDir().resolve("digits_cnn/model.onnx");
        Path images = modelsDir().resolve("digits_cnn/data/images.npy");
        requireOnMachine(
                Files.isRegularFile(model) && Files.isRegularFile(images),
                "shared model " + model + " or its images are missing");
        Operation module = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        String fn = Interpreter.load(module).functionNames().getFirst();
        CalibrationRun run = CalibrationRun.of(module, fn);
        SampleSet samples =
                SampleReaders.open(images, run.inputs(), ReadOptions.defaults().withLimit(CALIBRATION_SAMPLES));
        assertEquals(CALIBRATION_SAMPLES, samples.size());

        long t0 = System.nanoTime();
        CalibrationStats stats = run.collect(
                samples, TensorStats::withHistogram, Runtime.getRuntime().availableProcessors());
        long t1 = System.nanoTime();
        assertEquals(CALIBRATION_SAMPLES, stats.samples());
        assertEquals(stats, run.collect(samples, TensorStats::withHistogram, 1), "one worker gives other statistics");

        // the input's statistics are those of samples 0..199 of images.npy
        float[] all = Npy.read(images).floats();
        TensorStats direct = TensorStats.withHistogram();
        direct.observe(java.util.Arrays.copyOf(all, CALIBRATION_SAMPLES * 256));
        String input = run.inputs().getFirst().name();
        assertEquals(direct, stats.get(ValueKey.input(input)).orElseThrow());

        Map<ValueKey, Double> mm = stats.thresholds(Calibrator.minMax());
        Map<ValueKey, Double> kl = stats.thresholds(Calibrator.kl());
        Map<ValueKey, Double> pc = stats.thresholds(Calibrator.percentile(99.99));
        System.out.printf(
                "digits_cnn: %d samples (images.npy[0:%d]) calibrated in %.0f ms%n",
                CALIBRATION_SAMPLES, CALIBRATION_SAMPLES, (t1 - t0) / 1e6);
        System.out.printf("%-40s %10s %10s %10s %10s %10s%n", "value", "min", "max", "min-max", "KL", "p99.99");
        stats.values()
                .forEach((k, s) -> System.out.printf(
                        "%-40s %10.4f %10.4f %10.4f %10.4f %10.4f%n",
                        k, s.min(), s.max(), mm.get(k), kl.get(k), pc.get(k)));
        assertTrue(
                stats.values().size() > 8,
                "too few calibrated values: " + stats.values().keySet());
        for (var e : stats.values().entrySet()) {
            ValueKey k = e.getKey();
            assertTrue(mm.get(k) > 0, k + " has no range");
            assertTrue(kl.get(k) > 0 && kl.get(k) <= mm.get(k), k + ": KL threshold " + kl.get(k));
            assertEquals(0, e.getValue().count() % CALIBRATION_SAMPLES, k + ": not every sample observed");
        }
        Tensor logits = Npy.read(modelsDir().resolve("digits_cnn/data/logits_float.npy"));
        double logitMax = 0;
        for (int i = 0; i < CALIBRATION_SAMPLES * 10; i++) logitMax = Math.max(logitMax, Math.abs(logits.getDouble(i)));
        double seen = logitMax;
        // the last value observed is the logits: its largest magnitude is that of the stored float logits
        TensorStats last = stats.values().values().stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(seen, last.absMax(), 1e-4 * seen);
    }
}
