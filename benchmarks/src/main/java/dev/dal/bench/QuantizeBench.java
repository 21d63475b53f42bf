package dev.dal.bench;

import dev.dal.ir.BlockArgument;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.Severity;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineException;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.lowering.quantize.calib.CalibrationRun;
import dev.dal.lowering.quantize.calib.CalibrationStats;
import dev.dal.lowering.quantize.calib.Calibrator;
import dev.dal.lowering.quantize.calib.EasyQuant;
import dev.dal.lowering.quantize.calib.OpLayerKernel;
import dev.dal.lowering.quantize.calib.QuantMath;
import dev.dal.lowering.quantize.calib.ValueKey;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.ModelInput;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.lowering.quantize.data.SampleReaders;
import dev.dal.lowering.quantize.data.SampleSet;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.TensorProtos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Issue 6's calibration benchmarks, in one JVM: for every shared model (and {@code examples/digits_cnn}), after
 * {@link OrtCompareBench#PIPELINE}, over the model's calibration images ({@code data/images.npy}, first axis =
 * samples) or else seeded random inputs of its {@code test_data_set_0} input's shape:
 *
 * <ol>
 *   <li>(a) plain float inference of the samples, scheduled as calibration schedules them (the same workers, kernel
 *       threads and batches: {@link CalibrationRun#infer});
 *   <li>(b) level-0 statistics ({@link CalibrationRun#collect} with the min-max calibrator), its images per second
 *       and its time over (a)'s (target: at most {@value #LEVEL0_TARGET}x);
 *   <li>(c) level 1: KL histograms, KL thresholds, and EasyQuant refinement of every conv, fused conv, gemm and
 *       matmul with constant weights (over the first {@code --easyquant-samples} samples' layer inputs), its total
 *       time over (b)'s;
 *   <li>(d) int8 simulation speed over float inference, when the build has the {@code quantize} pass (see
 *       {@link #int8Simulation}); otherwise a printed note says the column is skipped.
 * </ol>
 *
 * (a) and (b) alternate rep by rep after a warm-up, so load on the shared machine hits both alike; the table gives
 * medians.
 *
 * <p>Run: {@code benchmarks/run quantize [--reps N] [--level1-reps N] [--samples N] [--random-samples N]
 * [--easyquant-samples N] [--only NAME] [--no-level1]}.
 */
public final class QuantizeBench {
    private static final double LEVEL0_TARGET = 1.3;
    private static final long WARMUP_NANOS = Long.getLong("dal.bench.warmupMillis", 4000) * 1_000_000;
    private static final double MIN_PASS_SECONDS = 0.25;
    private static final double LEVEL1_BUDGET_SECONDS = 20;
    private static final String QUANTIZE_PASS = "dev.dal.lowering.quantize.QuantizePass";

    private QuantizeBench() {}

    /** How much to measure. */
    private record Settings(
            int reps, int level1Reps, int samples, int randomSamples, int easyQuantSamples, boolean level1) {}

    /** One model to measure and where its samples come from. */
    private record Case(String name, Path model, Optional<Path> images, Optional<Path> shapeOf) {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int reps = 11, level1Reps = 3, samples = 200, randomSamples = 32, easyQuantSamples = 16;
        boolean level1 = true;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--level1-reps" -> level1Reps = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--random-samples" -> randomSamples = Integer.parseInt(args[++i]);
                case "--easyquant-samples" -> easyQuantSamples = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--no-level1" -> level1 = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Settings settings = new Settings(reps, level1Reps, samples, randomSamples, easyQuantSamples, level1);
        List<Case> cases = cases();
        if (only != null) {
            String o = only;
            cases.removeIf(c -> !c.name.contains(o));
        }
        boolean hasQuantize = quantizePassPresent();
        System.out.printf(
                "%s, %d cores, %d reps of (a)/(b) interleaved after a warm-up, %d of level 1; %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(),
                reps,
                level1 ? level1Reps : 0,
                System.getProperty("java.vm.version"));
        if (!hasQuantize)
            System.out.println(
                    "note: " + QUANTIZE_PASS + " is not in this build; the int8 simulation column is" + " skipped");
        System.out.printf(
                "compute probe before: %.1f GFLOP/s (1 thread), load average %s%n",
                OrtCompareBench.probe(), OrtCompareBench.loadAvg());
        // load everything, warm everything up (the JIT settles), then measure model by model
        List<Model> models = new ArrayList<>();
        for (Case c : cases) models.add(new Model(c, settings));
        for (Model m : models) m.warm(WARMUP_NANOS);
        List<String> rows = new ArrayList<>();
        for (Model m : models) {
            String row = measure(m, settings, hasQuantize);
            System.out.println(row);
            rows.add(row);
        }
        System.out.printf(
                "compute probe after: %.1f GFLOP/s (1 thread), load average %s%n%n",
                OrtCompareBench.probe(), OrtCompareBench.loadAvg());
        System.out.println("| model | samples | (a) float images/s | (b) level 0 images/s | (b)/(a) time | "
                + "(c) level 1 total | (c)/(b) time | EasyQuant layers | int8 sim / float time |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    /** {@return the shared models, then examples/digits_cnn with the shared digits images} */
    private static List<Case> cases() throws IOException {
        Path dir = OrtCompareBench.modelsDir();
        if (!Files.isDirectory(dir)) throw new IOException("models folder missing: " + dir + " (set -Ddal.models)");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : s.sorted().toList()) {
                Optional<Path> images =
                        Optional.of(d.resolve("data/images.npy")).filter(Files::isRegularFile);
                Optional<Path> shape =
                        Optional.of(d.resolve("test_data_set_0/input_0.pb")).filter(Files::isRegularFile);
                for (String f : List.of("model.onnx", "model_static.onnx")) {
                    Path m = d.resolve(f);
                    String name = d.getFileName() + (f.equals("model.onnx") ? "" : " (static)");
                    if (Files.isRegularFile(m)) out.add(new Case(name, m, images, shape));
                }
            }
        }
        Path example = Path.of(System.getProperty("dal.root", "."))
                .resolve("examples/digits_cnn/model.onnx")
                .toAbsolutePath()
                .normalize();
        if (Files.isRegularFile(example)) {
            Optional<Path> images =
                    Optional.of(dir.resolve("digits_cnn/data/images.npy")).filter(Files::isRegularFile);
            out.add(new Case("examples/digits_cnn", example, images, Optional.empty()));
        }
        return out;
    }

    /** One model imported and optimised, with its calibration run and samples. */
    private static final class Model {
        final Case c;
        final Operation module;
        final String fn;
        final CalibrationRun run;
        final Samples samples;

        Model(Case c, Settings s) throws Exception {
            this.c = c;
            module = OnnxImporter.importFile(c.model, OnnxImporter.Options.DEFAULT);
            OrtCompareBench.optimize(module);
            fn = Interpreter.load(module).functionNames().getFirst();
            run = CalibrationRun.of(module, fn);
            samples = samples(c, run.inputs(), s);
        }

        /**
         * Runs the timed paths (and level 1's statistics) until the JIT has settled on them (at least {@code nanos}
         * and 5 passes).
         */
        void warm(long nanos) throws DataException {
            long start = System.nanoTime();
            int passes = 0;
            do {
                run.infer(samples.set());
                run.collect(samples.set(), Calibrator.minMax());
                run.collect(samples.set(), Calibrator.kl());
                passes++;
            } while (System.nanoTime() - start < nanos || passes < 5);
        }
    }

    /**
     * Measures one model, warmed up. A timed pass repeats the samples often enough to last about
     * {@value #MIN_PASS_SECONDS} s, so timer and scheduling noise stay small against it. {@return its table row}
     */
    private static String measure(Model m, Settings s, boolean hasQuantize) throws Exception {
        CalibrationRun run = m.run;
        SampleSet set = m.samples.set();
        int n = set.size();
        long start = System.nanoTime();
        run.infer(set);
        int repeat = (int) Math.max(1, Math.ceil(MIN_PASS_SECONDS / ((System.nanoTime() - start) / 1e9)));
        double[] plain = new double[s.reps], level0 = new double[s.reps];
        for (int r = 0; r < s.reps; r++) {
            // A B B A ...: neither always runs first
            if (r % 2 == 0) {
                plain[r] = timePlain(run, set, repeat);
                level0[r] = timeLevel0(run, set, repeat);
            } else {
                level0[r] = timeLevel0(run, set, repeat);
                plain[r] = timePlain(run, set, repeat);
            }
        }
        double a = median(plain), b = median(level0);
        // the overhead is the median of each rep's ratio: (a) and (b) of one rep ran seconds apart, under the same load
        double[] ratios = new double[s.reps];
        for (int r = 0; r < s.reps; r++) ratios[r] = level0[r] / plain[r];
        double overhead = median(ratios);

        String level1 = "-", level1Ratio = "-", layers = "-";
        if (s.level1) {
            double[] l1 = new double[s.level1Reps], hist = new double[s.level1Reps];
            int refined = 0;
            int done = 0;
            double spent = 0;
            // reps of a level-1 run that takes many seconds add little: stop after LEVEL1_BUDGET_SECONDS
            while (done < s.level1Reps && (done == 0 || spent < LEVEL1_BUDGET_SECONDS)) {
                long t0 = System.nanoTime();
                LevelOne one = levelOne(m.module, run, set, Math.min(s.easyQuantSamples, n));
                l1[done] = (System.nanoTime() - t0) / 1e9;
                hist[done] = one.histogramSeconds();
                refined = one.layers();
                spent += l1[done++];
            }
            double t = median(Arrays.copyOf(l1, done));
            level1 = String.format("%.2f s (KL statistics %.2f s)", t, median(Arrays.copyOf(hist, done)));
            level1Ratio = String.format("%.1fx", t / b);
            layers = Integer.toString(refined);
        }
        String int8 = hasQuantize ? quantizeAndSimulate(m.module, m.fn, m.samples, run, repeat) : "skipped";
        return String.format(
                "| %s | %d (%s) | %.1f | %.1f | %.2fx%s | %s | %s | %s | %s |",
                m.c.name,
                n,
                m.samples.source(),
                n / a,
                n / b,
                overhead,
                overhead <= LEVEL0_TARGET ? "" : " (over " + LEVEL0_TARGET + "x)",
                level1,
                level1Ratio,
                layers,
                int8);
    }

    /** {@return seconds per pass of plain inference, over {@code repeat} passes} */
    private static double timePlain(CalibrationRun run, SampleSet set, int repeat) throws DataException {
        long t0 = System.nanoTime();
        for (int i = 0; i < repeat; i++) run.infer(set);
        return (System.nanoTime() - t0) / 1e9 / repeat;
    }

    /** {@return seconds per pass of level-0 statistics collection, over {@code repeat} passes} */
    private static double timeLevel0(CalibrationRun run, SampleSet set, int repeat) throws DataException {
        long t0 = System.nanoTime();
        for (int i = 0; i < repeat; i++) run.collect(set, Calibrator.minMax());
        return (System.nanoTime() - t0) / 1e9 / repeat;
    }

    /** The samples of one case and a short description of where they came from. */
    private record Samples(SampleSet set, String source, Optional<Path> file) {}

    private static Samples samples(Case c, List<ModelInput> inputs, Settings s) throws Exception {
        if (c.images.isPresent()) {
            SampleSet set = SampleReaders.open(
                    c.images.get(), inputs, ReadOptions.defaults().withLimit(s.samples));
            return new Samples(set, "images.npy", c.images);
        }
        List<Map<String, Tensor>> list = new ArrayList<>();
        Random random = new Random(42);
        int[] shape = inputShape(c, inputs);
        for (int i = 0; i < s.randomSamples; i++) {
            Map<String, Tensor> sample = new LinkedHashMap<>();
            float[] v = new float[Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
            for (int k = 0; k < v.length; k++) v[k] = (float) random.nextGaussian();
            sample.put(inputs.getFirst().name(), Tensor.of(v, shape));
            list.add(sample);
        }
        return new Samples(inMemory(list), "random " + shapeText(shape), Optional.empty());
    }

    /** {@return the shape of the only input: test_data_set_0's input, or the input's static type} */
    private static int[] inputShape(Case c, List<ModelInput> inputs) throws Exception {
        if (inputs.size() != 1 || inputs.getFirst().dtype() != DType.F32)
            throw new IllegalArgumentException(c.name + ": random samples need one f32 input");
        if (c.shapeOf.isPresent()) return TensorProtos.read(c.shapeOf.get()).shape();
        ModelInput in = inputs.getFirst();
        int[] shape = new int[in.rank()];
        for (int i = 0; i < shape.length; i++) {
            if (in.dim(i) < 0) throw new IllegalArgumentException(c.name + ": input has a dynamic dimension");
            shape[i] = (int) in.dim(i);
        }
        return shape;
    }

    private static String shapeText(int[] shape) {
        return String.join("x", Arrays.stream(shape).mapToObj(Integer::toString).toList());
    }

    private static SampleSet inMemory(List<Map<String, Tensor>> list) {
        return new SampleSet() {
            @Override
            public int size() {
                return list.size();
            }

            @Override
            public Map<String, Tensor> sample(int i) {
                return list.get(i);
            }

            @Override
            public String source(int i) {
                return "random sample " + i;
            }
        };
    }

    /**
     * What {@code accuracy_level: 1} computes before it rewrites: KL histograms of every value, KL thresholds, and
     * EasyQuant refinement of every layer with constant weights over the first {@code count} samples' layer inputs.
     *
     * @return how many layers were refined and the seconds spent on histograms and thresholds
     */
    private static LevelOne levelOne(Operation module, CalibrationRun run, SampleSet samples, int count)
            throws DataException {
        long t0 = System.nanoTime();
        CalibrationStats stats = run.collect(samples, Calibrator.kl());
        Map<ValueKey, Double> thresholds = stats.thresholds(Calibrator.kl());
        double histograms = (System.nanoTime() - t0) / 1e9;
        List<Operation> layers = new ArrayList<>();
        module.walk(op -> {
            if (layerWeightAxis(op).isPresent()
                    && op.operand(1) instanceof OpResult w
                    && w.owner().numOperands() == 0) layers.add(op);
        });
        Map<Operation, List<List<Tensor>>> operands = run.captureOperands(samples, layers, count);
        for (Operation op : layers) {
            List<List<Tensor>> seen = operands.get(op);
            Optional<ValueKey> in = inputKey(run, op.operand(0));
            if (seen.isEmpty() || in.isEmpty() || !thresholds.containsKey(in.get())) continue;
            Tensor weights = seen.getFirst().get(1);
            int weightAxis = layerWeightAxis(op).orElseThrow();
            int outputAxis = op.name().equals("graph.conv") || op.name().equals("graph.fused_conv")
                    ? 1
                    : seen.getFirst().getFirst().rank() - 1;
            EasyQuant.Layer layer = new EasyQuant.Layer(
                    seen.stream().map(List::getFirst).toList(),
                    weights,
                    weightAxis,
                    outputAxis,
                    OpLayerKernel.of(op, 0, 1, seen.getFirst()));
            double sIn = QuantMath.scaleFor(thresholds.get(in.get()));
            EasyQuant.search(layer, sIn, QuantMath.perChannelScales(weights, weightAxis), EasyQuant.Options.defaults());
        }
        return new LevelOne(layers.size(), histograms);
    }

    /** What one level-1 run did: how many layers EasyQuant refined, and the seconds the KL statistics took. */
    private record LevelOne(int layers, double histogramSeconds) {}

    /** {@return the output-channel axis of a layer's weights (operand 1), if the op is a layer EasyQuant refines} */
    private static Optional<Integer> layerWeightAxis(Operation op) {
        return switch (op.name()) {
            case "graph.conv", "graph.fused_conv" -> Optional.of(0);
            case "graph.gemm" ->
                Optional.of(
                        op.attribute("transB").orElse(null) instanceof IntegerAttr t
                                        && t.value().signum() != 0
                                ? 0
                                : 1);
            case "graph.matmul" -> Optional.of(1);
            default -> Optional.empty();
        };
    }

    private static Optional<ValueKey> inputKey(CalibrationRun run, Value v) {
        return switch (v) {
            case OpResult r -> run.keyOf(r.owner(), r.index());
            case BlockArgument a ->
                Optional.of(ValueKey.input(run.inputs().get(a.index()).name()));
        };
    }

    // ---- int8 simulation ----------------------------------------------------------------------------------------

    private static boolean quantizePassPresent() {
        try {
            Class.forName(QUANTIZE_PASS);
            return PassRegistry.global().contains("quantize");
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Quantizes a clone of {@code module} at level 0 with the {@code quantize} pass, calibrating on the case's
     * samples, and measures it with {@link #int8Simulation}. {@return the table cell}
     */
    private static String quantizeAndSimulate(
            Operation module, String fn, Samples samples, CalibrationRun floatRun, int floatRepeat) throws Exception {
        Path data = samples.file().orElse(null);
        Path temp = null;
        if (data == null) {
            temp = Files.createTempDirectory("dal-quantize-bench");
            data = temp.resolve("samples.npy");
            writeStacked(samples.set(), data);
        }
        try {
            Operation quantized = module.clone();
            String pipeline = "quantize{accuracy-level=0 calibration-data=" + data + " samples="
                    + samples.set().size() + "}";
            PassManager pm = PipelineParser.parse(pipeline, PassRegistry.global());
            List<Diagnostic> diags = new ArrayList<>();
            if (!pm.run(quantized, new PassRunConfig(), DiagnosticEngine.collecting(diags))
                    || diags.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return "quantize failed: " + diags;
            return String.format("%.2fx", int8OverFloat(quantized, fn, samples.set(), floatRun, floatRepeat));
        } catch (PipelineException | DataException | InterpreterException e) {
            // one model the pass or its result cannot handle should not end the whole benchmark
            return "quantize failed: " + e.getMessage();
        } finally {
            if (temp != null) {
                Files.deleteIfExists(data);
                Files.delete(temp);
            }
        }
    }

    /**
     * The int8 simulation column's measurement: the median time of running {@code samples} through function
     * {@code fn} of a quantized module, scheduled as calibration schedules float inference, after a warm-up.
     * {@return seconds per pass over the samples}
     */
    static double int8Simulation(Operation quantized, String fn, SampleSet samples) throws DataException {
        CalibrationRun run = CalibrationRun.of(quantized, fn);
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        do run.infer(samples);
        while (System.nanoTime() < warmUntil);
        double[] t = new double[5];
        for (int r = 0; r < t.length; r++) {
            long t0 = System.nanoTime();
            run.infer(samples);
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        return median(t);
    }

    /**
     * The int8 simulation column: {@link #int8Simulation}'s schedule, paired with float inference as (a) and (b) are:
     * each of 5 reps times float, int8, int8, float back to back (every timed pass about {@value #MIN_PASS_SECONDS} s)
     * and takes the ratio of the int8 to the float time, so both ran under the same load. {@return the median ratio}
     */
    static double int8OverFloat(
            Operation quantized, String fn, SampleSet samples, CalibrationRun floatRun, int floatRepeat)
            throws DataException {
        double once = int8Simulation(quantized, fn, samples); // warms the quantized module up
        CalibrationRun run = CalibrationRun.of(quantized, fn);
        int repeat = (int) Math.max(1, Math.ceil(MIN_PASS_SECONDS / once));
        double[] ratio = new double[5];
        for (int r = 0; r < ratio.length; r++) {
            double f1 = timePlain(floatRun, samples, floatRepeat), q1 = timePlain(run, samples, repeat);
            double q2 = timePlain(run, samples, repeat), f2 = timePlain(floatRun, samples, floatRepeat);
            ratio[r] = (q1 + q2) / (f1 + f2);
        }
        return median(ratio);
    }

    /** Writes the samples of a one-input set as one array whose first axis indexes them. */
    private static void writeStacked(SampleSet set, Path file) throws Exception {
        List<float[]> parts = new ArrayList<>();
        int[] shape = null;
        for (int i = 0; i < set.size(); i++) {
            Tensor t = set.sample(i).values().iterator().next();
            parts.add(t.floats());
            shape = t.shape();
        }
        int per = parts.getFirst().length;
        float[] all = new float[per * parts.size()];
        for (int i = 0; i < parts.size(); i++) System.arraycopy(parts.get(i), 0, all, i * per, per);
        int[] stacked = shape.clone();
        stacked[0] = shape[0] * parts.size();
        Npy.write(file, Tensor.of(all, stacked));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
