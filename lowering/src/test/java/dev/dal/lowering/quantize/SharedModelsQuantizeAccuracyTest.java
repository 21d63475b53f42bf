package dev.dal.lowering.quantize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import dev.dal.ir.builtin.FuncOp;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.eval.Dequantizer;
import dev.dal.lowering.eval.EvalException;
import dev.dal.lowering.eval.EvalReport;
import dev.dal.lowering.eval.Evaluator;
import dev.dal.lowering.eval.SampleSource;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.testing.SharedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real accuracy of the {@code quantize} pass on every model in the shared models folder ({@link SharedModels}): each
 * model is imported, run through {@code canonicalize,graph-fuse}, quantized at accuracy levels 0 and 1, and compared
 * with the float model (after the same two passes) by the {@link Evaluator}.
 *
 * <p>Data, per model:
 *
 * <ul>
 *   <li>{@code digits_cnn}, {@code digits_vit}: calibration on {@code data/images.npy} samples 0 to 199; the output
 *       metrics on the held-out samples 200 to 269; top-1 accuracy against {@code data/labels.npy} over all 270
 *       samples (the set the stored {@code ACCURACY} figure is over) and over the held-out 70.
 *   <li>{@code ppocr_cls} ({@code model_static.onnx}, the same model with its input fixed to [1,3,48,192]) and
 *       {@code mobilenet_v2} have no data folder and no labels: calibration on the inputs of their three
 *       {@code test_data_set_N} folders, then for each three deterministic variants - the horizontal mirror, the
 *       image shifted by an eighth of its width and height (edges repeated), and Gaussian noise of 5% of the
 *       input's range (seeded, clamped to the input's range) - 12 samples in all, EasyQuant on the first 4; the
 *       metrics are over the three original test inputs, which calibration therefore also saw.
 * </ul>
 *
 * <p>Asserted for digits_cnn, digits_vit and ppocr_cls: the output's mean cosine similarity is at least 0.99 at level
 * 1, and level 1 is no worse than level 0 in cosine and, where labelled, in accuracy; for {@code digits_cnn}, level
 * 1's accuracy over all 270 images is within 0.5 points of the float model's. These three take well under a minute.
 *
 * <p>{@code mobilenet_v2} (random weights and BatchNorm statistics) misses 0.99 at both levels (about 0.976), and
 * the per-layer metrics say why: the error grows geometrically through the network (1 - cosine doubles about every
 * six layers). The random network amplifies any perturbation: Gaussian noise of 0.005 on its input (input cosine
 * 0.99998) gives an output cosine of 0.987 to 0.991, and with every activation at 16 bits the 8-bit weights alone
 * leave 0.991. Better activation scales (KL, percentile, EasyQuant) move it by less than 0.005, and
 * {@code auto-mixed-precision=0.99} (float, at level 0, measured on 3 samples) keeps 54 of its 55 layers float. So for this model the test asserts only that
 * level 1 is no worse than level 0, and prints the cosine the float model keeps on int8-rounded inputs.
 * A table of all numbers is printed at the end.
 */
class SharedModelsQuantizeAccuracyTest {
    private static final int CALIBRATION = 200;
    private static final int LABELLED = 270;
    private static final List<String> TABLE = new ArrayList<>();

    @TempDir
    static Path tmp;

    /** One model at one level: output metrics, and accuracy where labelled. */
    record Row(
            String model,
            String level,
            double cosine,
            double mae,
            double top1Agreement,
            OptionalDouble floatAccuracyAll,
            OptionalDouble int8AccuracyAll,
            OptionalDouble floatAccuracyHeldOut,
            OptionalDouble int8AccuracyHeldOut,
            double seconds) {}

    static Stream<String> models() {
        return Stream.of("digits_cnn", "digits_vit", "ppocr_cls");
    }

    @ParameterizedTest
    @MethodSource("models")
    void levelOneKeepsTheFloatModelsOutputs(String name) throws Exception {
        Path model = model(name);
        Data data = data(name);
        Operation floatModule = prepared(model);
        // EasyQuant and level 1's choice of scales run on the first 4 samples of the augmented sets (the 3 test
        // inputs and a mirror), which keeps ppocr_cls's level 1 near 15 s
        String options = data.labels().isPresent() ? "" : " easyquant-samples=4";
        Row level0 = measure(name, "0", model, floatModule, data, options);
        Row level1 = measure(name, "1", model, floatModule, data, options);
        for (Row r : List.of(level0, level1)) TABLE.add(format(r));

        assertTrue(level1.cosine() >= 0.99, name + ": level-1 output cosine " + level1.cosine() + " < 0.99");
        assertTrue(
                level1.cosine() >= level0.cosine(),
                name + ": level 1 cosine " + level1.cosine() + " below level 0's " + level0.cosine());
        if (level1.int8AccuracyAll().isPresent())
            assertTrue(
                    level1.int8AccuracyAll().getAsDouble()
                            >= level0.int8AccuracyAll().getAsDouble(),
                    name + ": level 1 accuracy below level 0's");
        if (name.equals("digits_cnn"))
            assertTrue(
                    level1.floatAccuracyAll().getAsDouble()
                                    - level1.int8AccuracyAll().getAsDouble()
                            <= 0.005,
                    "digits_cnn: level-1 accuracy " + level1.int8AccuracyAll() + " more than 0.5 points below float "
                            + level1.floatAccuracyAll());
    }

    /**
     * MobileNetV2 at both levels (EasyQuant on 4 samples): level 1 is no worse than level 0. Its cosine stays under
     * 0.99 (see the class comment); to show how sensitive the model is, the float model's output on inputs rounded to
     * the int8 grid the pass gives the input (symmetric, {@code max |x| / 127} over the calibration samples) is
     * printed beside the levels' figures. That is not where the quantized model loses: deployed with a pre-head, its
     * u8 pixel input is exact and level 1 still gives 0.982 (docs/quantize-pass.md).
     */
    @Test
    void mobilenetV2LevelOneIsNoWorseThanLevelZero() throws Exception {
        String name = "mobilenet_v2";
        Path model = model(name);
        Data data = data(name);
        Operation floatModule = prepared(model);
        Row level0 = measure(name, "0", model, floatModule, data, "");
        Row level1 = measure(name, "1", model, floatModule, data, " easyquant-samples=4");
        TABLE.add(format(level0));
        TABLE.add(format(level1));
        System.out.printf(
                Locale.ROOT,
                "mobilenet_v2: float model on int8-rounded inputs: output cosine %.6f%n",
                inputRoundingCosine(floatModule, data));
        assertTrue(level1.cosine() >= level0.cosine(), name + ": level 1 " + level1 + " below level 0 " + level0);
    }

    /** {@return the float model's mean output cosine on the evaluation inputs rounded to the input's int8 grid} */
    private static double inputRoundingCosine(Operation floatModule, Data data) throws Exception {
        double max = 0;
        for (Tensor t : QuantizeTesting.rows(data.calibration(), 0, data.count()))
            for (float v : t.floats()) max = Math.max(max, Math.abs(v));
        double sum = 0;
        for (Tensor x : data.evaluation())
            sum += dev.dal.lowering.eval.Metrics.cosine(
                    QuantizeTesting.outputs(floatModule, List.of(x)),
                    QuantizeTesting.outputs(floatModule, List.of(Augment.roundToGrid(x, max / 127))));
        return sum / data.evaluation().size();
    }

    private static Path model(String name) {
        Path model =
                SharedModels.dir().resolve(name).resolve(name.equals("ppocr_cls") ? "model_static.onnx" : "model.onnx");
        SharedModels.requireOnMachine(Files.isRegularFile(model), "shared model " + model + " is missing");
        return model;
    }

    private static Data data(String name) throws IOException {
        Path dir = SharedModels.dir().resolve(name);
        return name.startsWith("digits") ? digitsData(dir) : augmentedData(dir, name);
    }

    @AfterAll
    static void printTable() {
        if (TABLE.isEmpty()) return;
        System.out.println("model         level  cosine     mae        top-1 agree  accuracy all (float/int8)  "
                + "held-out (float/int8)  seconds");
        TABLE.forEach(System.out::println);
    }

    /**
     * The samples of one model.
     *
     * @param calibration a file of calibration samples (first axis indexes them) and how many the pass reads
     * @param evaluation  the samples the output metrics are over
     * @param labelled    all labelled samples and their labels, when the model has them
     * @param heldOut     the labels of the evaluation samples, when labelled
     */
    record Data(
            Path calibration,
            int count,
            List<Tensor> evaluation,
            Optional<List<Tensor>> labelled,
            Optional<long[]> labels,
            Optional<long[]> heldOut) {}

    private static Data digitsData(Path dir) throws IOException {
        Path images = dir.resolve("data/images.npy");
        SharedModels.requireOnMachine(Files.isRegularFile(images), images + " is missing");
        long[] labels = Npy.read(dir.resolve("data/labels.npy")).toLongs();
        return new Data(
                images,
                CALIBRATION,
                QuantizeTesting.rows(images, CALIBRATION, LABELLED),
                Optional.of(QuantizeTesting.rows(images, 0, LABELLED)),
                Optional.of(labels),
                Optional.of(java.util.Arrays.copyOfRange(labels, CALIBRATION, LABELLED)));
    }

    /** The three test inputs, and for calibration each with a mirror, a shift and noise (see the class doc). */
    private static Data augmentedData(Path dir, String name) throws IOException {
        List<Tensor> originals = new ArrayList<>();
        for (int i = 0; Files.isRegularFile(dir.resolve("test_data_set_" + i + "/input_0.npy")); i++)
            originals.add(
                    Npy.read(dir.resolve("test_data_set_" + i + "/input_0.npy")).toF32());
        SharedModels.requireOnMachine(!originals.isEmpty(), dir + " has no test_data_set_N/input_0.npy");
        Random random = new Random(6);
        List<Tensor> calibration = new ArrayList<>(originals);
        for (Tensor t : originals) calibration.add(Augment.mirror(t));
        for (Tensor t : originals) calibration.add(Augment.shift(t, t.dim(3) / 8, t.dim(2) / 8));
        for (Tensor t : originals) calibration.add(Augment.noise(t, 0.05, random));
        Path file = QuantModels.npy(tmp.resolve(name + "-calibration.npy"), calibration);
        return new Data(file, calibration.size(), originals, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Operation prepared(Path model) throws Exception {
        Operation m = OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT);
        QuantizeTesting.run("builtin.module(canonicalize,graph-fuse)", m);
        return m;
    }

    private static Row measure(String name, String level, Path model, Operation floatModule, Data data, String options)
            throws Exception {
        Operation q = prepared(model);
        long t0 = System.nanoTime();
        QuantizeTesting.run(
                "builtin.module(quantize{calibration-data=" + data.calibration() + " samples=" + data.count()
                        + " accuracy-level=" + level.charAt(0) + options + "})",
                q);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String fn = floatModule.collect(FuncOp.class).getFirst().symName().value();
        Evaluator ev = Evaluator.create(
                new Evaluator.Model(name + " float", floatModule, fn),
                new Evaluator.Model(name + " level " + level, q, fn),
                Dequantizer.standard(),
                Runtime.getRuntime().availableProcessors());
        EvalReport heldOut = ev.evaluate(source(ev, data.evaluation()), data.heldOut());
        EvalReport.OutputResult out = heldOut.outputs().getFirst();
        OptionalDouble floatAll = OptionalDouble.empty(), int8All = OptionalDouble.empty();
        if (data.labelled().isPresent()) {
            EvalReport all = ev.evaluate(source(ev, data.labelled().get()), data.labels());
            EvalReport.ClassifierResult c =
                    all.outputs().getFirst().classifier().orElseThrow();
            floatAll = c.floatAccuracy();
            int8All = c.quantizedAccuracy();
        }
        if (!level.equals("0")) printWorstLayers(name, level, heldOut);
        EvalReport.ClassifierResult c = out.classifier().orElseThrow();
        return new Row(
                name,
                level,
                out.metrics().cosine(),
                out.metrics().mae(),
                c.top1Agreement(),
                floatAll,
                int8All,
                c.floatAccuracy(),
                c.quantizedAccuracy(),
                seconds);
    }

    private static void printWorstLayers(String name, String level, EvalReport r) {
        List<EvalReport.LayerResult> worst = r.worstLayersFirst();
        for (EvalReport.LayerResult l : worst.subList(0, Math.min(5, worst.size())))
            System.out.printf(
                    Locale.ROOT,
                    "%s level %s worst layer %s (%s): cosine %.5f%n",
                    name,
                    level,
                    l.name(),
                    l.quantizedOp(),
                    l.metrics().cosine());
    }

    private static SampleSource source(Evaluator ev, List<Tensor> samples) {
        String input = ev.inputs().getFirst().name();
        return new SampleSource() {
            @Override
            public int size() {
                return samples.size();
            }

            @Override
            public String describe(int i) {
                return "sample " + i;
            }

            @Override
            public Map<String, Tensor> inputs(int i) throws EvalException {
                return Map.of(input, samples.get(i));
            }
        };
    }

    private static String format(Row r) {
        return String.format(
                Locale.ROOT,
                "%-13s %-6s %-10.6f %-10.6f %-12.4f %-26s %-22s %.1f",
                r.model(),
                r.level(),
                r.cosine(),
                r.mae(),
                r.top1Agreement(),
                pair(r.floatAccuracyAll(), r.int8AccuracyAll()),
                pair(r.floatAccuracyHeldOut(), r.int8AccuracyHeldOut()),
                r.seconds());
    }

    private static String pair(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() ? String.format(Locale.ROOT, "%.4f / %.4f", a.getAsDouble(), b.getAsDouble()) : "-";
    }
}
