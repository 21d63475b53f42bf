package dev.dal.lowering.quantize.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.IntegerAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.lowering.quantize.data.SampleReaders;
import dev.dal.lowering.quantize.data.SampleSet;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calibrates the shared digits CNN on the first 200 of its 270 test images ({@code data/images.npy} samples 0 to
 * 199; samples 200 to 269 stay for evaluation) and prints each layer's min, max, and min-max, KL and 99.99th
 * percentile thresholds.
 */
class DigitsCalibrationTest {
    private static final int CALIBRATION_SAMPLES = 200;

    @Test
    void digitsCnnCalibratesOnItsImages() throws Exception {
        Path model = SharedModels.dir().resolve("digits_cnn/model.onnx");
        Path images = SharedModels.dir().resolve("digits_cnn/data/images.npy");
        SharedModels.requireOnMachine(
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
        Tensor logits = Npy.read(SharedModels.dir().resolve("digits_cnn/data/logits_float.npy"));
        double logitMax = 0;
        for (int i = 0; i < CALIBRATION_SAMPLES * 10; i++) logitMax = Math.max(logitMax, Math.abs(logits.getDouble(i)));
        double seen = logitMax;
        // the last value observed is the logits: its largest magnitude is that of the stored float logits
        TensorStats last = stats.values().values().stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(seen, last.absMax(), 1e-4 * seen);
    }

    /**
     * EasyQuant on every conv and gemm of the digits CNN, from KL activation scales and min-max per-channel weight
     * scales, over the layer inputs of images.npy samples 0 to 15 (calibration: samples 0 to 199): the cosine never
     * drops, and the layer kernel is the interpreter's own.
     */
    @Test
    void easyQuantRefinesTheDigitsLayers() throws Exception {
        Path model = SharedModels.dir().resolve("digits_cnn/model.onnx");
        Path images = SharedModels.dir().resolve("digits_cnn/data/images.npy");
        SharedModels.requireOnMachine(
                Files.isRegularFile(model) && Files.isRegularFile(images),
                "shared model " + model + " or its images are missing");
        Operation module = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        CalibrationRun run = CalibrationRun.of(
                module, Interpreter.load(module).functionNames().getFirst());
        SampleSet samples =
                SampleReaders.open(images, run.inputs(), ReadOptions.defaults().withLimit(CALIBRATION_SAMPLES));
        CalibrationStats stats = run.collect(samples, TensorStats::withHistogram, 2);
        List<Operation> layers = new ArrayList<>();
        module.walk(op -> {
            if (op.name().equals("graph.conv") || op.name().equals("graph.gemm")) layers.add(op);
        });
        assertEquals(4, layers.size(), "the digits CNN has two convs and two gemms");
        Map<Operation, List<List<Tensor>>> operands = run.captureOperands(samples, layers, 16);
        for (Operation op : layers) {
            List<List<Tensor>> seen = operands.get(op);
            assertEquals(16, seen.size());
            boolean transB = op.attribute("transB").orElse(null) instanceof IntegerAttr t
                    && t.value().signum() != 0;
            int weightAxis = op.name().equals("graph.gemm") && !transB ? 1 : 0;
            List<Tensor> inputs = seen.stream().map(List::getFirst).toList();
            Tensor weights = seen.getFirst().get(1);
            EasyQuant.Layer layer =
                    new EasyQuant.Layer(inputs, weights, weightAxis, 1, OpLayerKernel.of(op, 0, 1, seen.getFirst()));
            // the layer's input is the value its first operand names
            ValueKey in = inputKey(run, op);
            TensorStats s = stats.get(in).orElseThrow();
            double[] sW = QuantMath.perChannelScales(weights, weightAxis);
            double minMax = EasyQuant.cosine(layer, Calibrator.minMax().scale(s), sW);
            EasyQuant.Result r = EasyQuant.search(layer, Calibrator.kl().scale(s), sW, EasyQuant.Options.defaults());
            System.out.printf(
                    "%-14s input %-22s cosine min-max %.6f, KL %.6f, EasyQuant %.6f (input scale %.5f -> " + "%.5f)%n",
                    CalibrationRun.locationName(op.loc()).orElse(op.name()),
                    in,
                    minMax,
                    r.startCosine(),
                    r.cosine(),
                    Calibrator.kl().scale(s),
                    r.inputScale());
            assertTrue(r.cosine() >= r.startCosine());
            assertTrue(r.cosine() > 0.99, op.loc() + ": cosine " + r.cosine());
        }
    }

    /**
     * Prints the cost of min-max statistics ({@code accuracy_level: 0}) and of histograms next to plain inference of
     * the same 200 samples, one sample at a time on one worker, best of three after a warm-up (not asserted: the
     * machine is shared).
     */
    @Test
    void calibrationOverheadOverPlainInferenceIsPrinted() throws Exception {
        Path model = SharedModels.dir().resolve("digits_cnn/model.onnx");
        Path images = SharedModels.dir().resolve("digits_cnn/data/images.npy");
        SharedModels.requireOnMachine(
                Files.isRegularFile(model) && Files.isRegularFile(images),
                "shared model " + model + " or its images are missing");
        Operation module = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        Interpreter interp = Interpreter.load(module);
        String fn = interp.functionNames().getFirst();
        CalibrationRun run = CalibrationRun.of(module, fn);
        SampleSet samples =
                SampleReaders.open(images, run.inputs(), ReadOptions.defaults().withLimit(CALIBRATION_SAMPLES));
        List<Map<String, Tensor>> loaded = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) loaded.add(samples.sample(i));
        dev.dal.ir.interp.RunOptions plain = dev.dal.ir.interp.RunOptions.defaults();
        double inference = Double.MAX_VALUE, minMax = Double.MAX_VALUE, histogram = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            for (Map<String, Tensor> x : loaded) interp.run(fn, x, plain);
            long t1 = System.nanoTime();
            run.collect(samples, TensorStats::minMax, 1);
            long t2 = System.nanoTime();
            run.collect(samples, TensorStats::withHistogram, 1);
            long t3 = System.nanoTime();
            if (rep == 0) continue; // warm-up
            inference = Math.min(inference, t1 - t0);
            minMax = Math.min(minMax, t2 - t1);
            histogram = Math.min(histogram, t3 - t2);
        }
        System.out.printf(
                "digits_cnn, %d samples, one worker: inference %.0f images/s, min-max calibration %.0f "
                        + "images/s (%.2fx), histogram calibration %.0f images/s (%.2fx)%n",
                CALIBRATION_SAMPLES,
                CALIBRATION_SAMPLES / (inference / 1e9),
                CALIBRATION_SAMPLES / (minMax / 1e9),
                minMax / inference,
                CALIBRATION_SAMPLES / (histogram / 1e9),
                histogram / inference);
    }

    private static ValueKey inputKey(CalibrationRun run, Operation op) {
        if (op.operand(0) instanceof OpResult r)
            return run.keyOf(r.owner(), r.index()).orElseThrow();
        return ValueKey.input(run.inputs().getFirst().name());
    }
}
