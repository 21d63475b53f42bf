package dev.dal.tools.eval;

import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.DiagnosticRenderer;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.diag.SourceManager;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.verify.Verifier;
import dev.dal.lowering.eval.Dequantizer;
import dev.dal.lowering.eval.EvalException;
import dev.dal.lowering.eval.EvalReport;
import dev.dal.lowering.eval.EvalSamples;
import dev.dal.lowering.eval.Evaluator;
import dev.dal.lowering.eval.SampleSource;
import dev.dal.lowering.quantize.data.ImageOptions;
import dev.dal.lowering.quantize.data.ReadOptions;
import dev.dal.onnx.OnnxException;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.TensorProtos;
import dev.dal.tools.CommandLines;
import dev.dal.tools.Tool;
import dev.dal.tools.ToolIO;
import dev.dal.tools.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dal-eval}: measures how far a quantized model is from its float model, per output and per layer, and
 * writes {@code report.json} and {@code report.html}.
 *
 * <pre>
 * dal-eval --float model.ir --quantized model.q.ir --data DIR [--labels labels.npy] [-o report-dir] [--samples N]
 *          [--mean M,.. --std S,.. --layout NCHW|NHWC --color RGB|BGR|GRAY]
 * </pre>
 *
 * Both models ({@code .ir}/{@code .mlir}, or {@code .onnx} through the importer) run on every sample in this process
 * with a probe on every op; see {@link Evaluator} for what is compared. The data is read by {@link EvalSamples}, as
 * the {@code quantize} pass reads its calibration data (docs/calibration.md); the image options convert an image
 * folder's files as the {@code preprocess} pass's options of the same names do.
 */
@Command(
        name = "dal-eval",
        mixinStandardHelpOptions = true,
        versionProvider = EvalMain.VersionProvider.class,
        description = "Compares a quantized model with its float model per output and per layer (mae, mse, psnr,"
                + " cosine, max abs error; top-1/top-5 agreement and accuracy for classifiers); writes"
                + " report.json and report.html.")
public final class EvalMain implements Tool {
    @Option(names = "--float", required = true, paramLabel = "<model>", description = "The float model (.ir or .onnx)")
    private Path floatModel;

    @Option(
            names = "--quantized",
            required = true,
            paramLabel = "<model>",
            description = "The quantized model (.ir or .onnx), with the float model's inputs and outputs")
    private Path quantizedModel;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "<dir>",
            description = "Samples: a .npy/.pb/.npz file, or a folder of such files, of test_data_set-like folders or"
                    + " of images (.png, .jpg, .bmp)")
    private Path data;

    @Option(
            names = "--mean",
            split = ",",
            paramLabel = "<m>",
            description = "Images: the mean per model channel (or one for all) on the 0-255 scale (default: 0)")
    private List<Double> mean = new ArrayList<>();

    @Option(
            names = "--std",
            split = ",",
            paramLabel = "<s>",
            description = "Images: the standard deviation per model channel (or one for all) (default: 1)")
    private List<Double> std = new ArrayList<>();

    @Option(
            names = "--layout",
            paramLabel = "<layout>",
            description = "Images: the model input's layout, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                    + " NCHW when dimension 1 has 1 or 3 channels)")
    private ImageOptions.Layout layout = ImageOptions.Layout.AUTO;

    @Option(
            names = "--color",
            paramLabel = "<color>",
            description =
                    "Images: the model input's channel order, ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                            + " GRAY for one channel, RGB for three)")
    private ImageOptions.Color color = ImageOptions.Color.AUTO;

    @Option(
            names = "--labels",
            paramLabel = "<file.npy>",
            description = "Integer class labels, one per classifier row in sample order (for top-1 accuracy)")
    private Path labels;

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "<dir>",
            description = "Folder for report.json and report.html (default: ${DEFAULT-VALUE})")
    private Path outDir = Path.of("eval-report");

    @Option(names = "--samples", paramLabel = "<n>", description = "Evaluate at most this many samples")
    private int samples = Integer.MAX_VALUE;

    @Option(names = "--function", paramLabel = "<name>", description = "The function to run (default: the only one)")
    private String function;

    @Option(names = "--threads", paramLabel = "<n>", description = "Threads (default: all cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--allow-unregistered-dialect", description = "Accept ops of unknown dialects in .ir input")
    private boolean allowUnregistered;

    @Override
    public String name() {
        return "dal-eval";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return run(args, Path.of(""), stdin, stdout, stderr);
    }

    @Override
    public int run(List<String> args, Path workingDir, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        EvalMain cmd = new EvalMain();
        CommandLine cl = new CommandLine(cmd);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        CommandLines.Parsed parsed = CommandLines.parse(cl, "dal-eval", args.toArray(String[]::new), stdout, stderr);
        if (parsed.done()) return parsed.exitCode();
        cmd.floatModel = workingDir.resolve(cmd.floatModel);
        cmd.quantizedModel = workingDir.resolve(cmd.quantizedModel);
        cmd.data = workingDir.resolve(cmd.data);
        if (cmd.labels != null) cmd.labels = workingDir.resolve(cmd.labels);
        cmd.outDir = workingDir.resolve(cmd.outDir);
        try {
            return cmd.execute(stdout, stderr);
        } catch (EvalException e) {
            stderr.println("dal-eval: error: " + e.getMessage());
            return 1;
        }
    }

    private int execute(PrintStream stdout, PrintStream stderr) throws EvalException {
        if (samples < 1) throw new EvalException("--samples must be at least 1, got " + samples);
        if (threads < 1) throw new EvalException("--threads must be at least 1, got " + threads);
        Optional<Operation> ref = load(floatModel, stderr);
        if (ref.isEmpty()) return 1;
        Optional<Operation> test = load(quantizedModel, stderr);
        if (test.isEmpty()) return 1;
        Evaluator evaluator = Evaluator.create(
                new Evaluator.Model(floatModel.toString(), ref.get(), chooseFunction(floatModel, ref.get())),
                new Evaluator.Model(quantizedModel.toString(), test.get(), chooseFunction(quantizedModel, test.get())),
                Dequantizer.standard(),
                threads);
        Optional<long[]> expected = labels == null ? Optional.empty() : Optional.of(readLabels(labels));
        ReadOptions read = new ReadOptions(samples, new ImageOptions(mean, std, layout, color));
        if (labels != null) read = read.withSkipped(labels);
        SampleSource samplesData = EvalSamples.open(data, evaluator.inputs(), read);
        EvalReport report = evaluator.evaluate(samplesData, expected);
        writeReports(report, stdout);
        printSummary(report, stdout);
        if (report.layers().isEmpty())
            stderr.println("dal-eval: note: no layer was compared: the two models share no layer names. Layers are"
                    + " matched by location; dal-opt drops locations unless it writes with --print-debuginfo.");
        return 0;
    }

    /** Writes both reports, or neither: the JSON is removed again when the HTML cannot be written. */
    private void writeReports(EvalReport report, PrintStream stdout) throws EvalException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            JsonReport.write(report, json);
        } catch (IOException e) {
            throw new IllegalStateException("JSON to memory failed", e);
        }
        byte[] html = HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
        Path jsonFile = outDir.resolve("report.json"), htmlFile = outDir.resolve("report.html");
        boolean dirExisted = Files.isDirectory(outDir);
        boolean jsonExisted = Files.exists(jsonFile);
        try {
            ToolIO.writeAtomically(jsonFile.toString(), out -> json.writeTo(out), stdout);
            ToolIO.writeAtomically(htmlFile.toString(), out -> out.write(html), stdout);
        } catch (ToolIO.ToolIOException e) {
            try {
                if (!jsonExisted) Files.deleteIfExists(jsonFile);
                if (!dirExisted) Files.deleteIfExists(outDir);
            } catch (IOException ignored) {
                // best effort: the error below says what failed
            }
            throw new EvalException(e.getMessage());
        }
    }

    private void printSummary(EvalReport r, PrintStream out) {
        out.println("dal-eval: " + r.samples() + " samples, " + r.layers().size() + " layers compared");
        for (EvalReport.OutputResult o : r.outputs()) {
            out.printf(
                    Locale.ROOT,
                    "output %s: cosine %s, psnr %s, max abs error %.4g%n",
                    o.name(),
                    HtmlReport.cosine(o.metrics().cosine()),
                    HtmlReport.psnr(o.metrics().psnr()),
                    o.metrics().maxAbsError());
            o.classifier().ifPresent(c -> {
                out.printf(
                        Locale.ROOT,
                        "  top-1 agreement %.2f%%, top-5 agreement %.2f%%%n",
                        100 * c.top1Agreement(),
                        100 * c.top5Agreement());
                if (c.floatAccuracy().isPresent())
                    out.printf(
                            Locale.ROOT,
                            "  top-1 accuracy: float %.2f%%, quantized %.2f%%%n",
                            100 * c.floatAccuracy().getAsDouble(),
                            100 * c.quantizedAccuracy().getAsDouble());
            });
        }
        List<EvalReport.LayerResult> worst = r.worstLayersFirst();
        if (!worst.isEmpty()) out.println("worst layers:");
        for (EvalReport.LayerResult l : worst.subList(0, Math.min(5, worst.size())))
            out.println("  " + l.name() + ": cosine "
                    + HtmlReport.cosine(l.metrics().cosine()) + ", psnr "
                    + HtmlReport.psnr(l.metrics().psnr()));
        out.println("report: " + outDir.resolve("report.html") + ", " + outDir.resolve("report.json"));
    }

    /** {@return the labels: an integer tensor with one label per classifier row} */
    private static long[] readLabels(Path file) throws EvalException {
        if (!Files.isRegularFile(file)) throw new EvalException("labels file '" + file + "' does not exist");
        Tensor t;
        try {
            t = file.getFileName().toString().endsWith(".pb") ? TensorProtos.read(file) : Npy.read(file);
        } catch (IOException | OnnxException e) {
            throw new EvalException("cannot read labels file '" + file + "': " + e.getMessage());
        }
        if (!t.dtype().isInteger())
            throw new EvalException(
                    "labels file '" + file + "' holds " + t.dtype().name().toLowerCase(Locale.ROOT)
                            + " data; labels must be integers, one class index per sample");
        if (t.rank() != 1 && !(t.rank() == 2 && t.dim(1) == 1))
            throw new EvalException("labels file '" + file + "' has shape " + Tensor.shapeText(t.shape())
                    + "; labels must be one class index per sample ([N] or [N, 1])");
        return t.toLongs();
    }

    private Optional<Operation> load(Path model, PrintStream stderr) throws EvalException {
        if (!Files.isRegularFile(model)) throw new EvalException("model file '" + model + "' does not exist");
        if (model.getFileName().toString().endsWith(".onnx")) {
            try {
                return Optional.of(OnnxImporter.importFile(model, OnnxImporter.Options.DEFAULT));
            } catch (OnnxException e) {
                throw new EvalException(model + ": " + e.getMessage());
            }
        }
        String text;
        try {
            text = Files.readString(model);
        } catch (IOException e) {
            throw new EvalException("cannot read model file '" + model + "': " + e.getMessage());
        }
        SourceFile src = new SourceFile(model.toString(), text);
        SourceManager sources = new SourceManager();
        sources.add(src);
        DiagnosticEngine diag = new DiagnosticEngine();
        diag.addHandler(new DiagnosticRenderer(sources, stderr));
        Optional<Operation> m = IrParser.parse(src, new ParserConfig(allowUnregistered), diag);
        if (m.isEmpty() || !Verifier.verify(m.get(), diag)) return Optional.empty();
        return m;
    }

    private String chooseFunction(Path model, Operation module) throws EvalException {
        List<String> names = new java.util.ArrayList<>();
        module.walk(op -> {
            if (op.name().equals("func.func")
                    && !op.regions().isEmpty()
                    && !op.region(0).isEmpty()
                    && op.attribute("sym_name").orElse(null) instanceof StringAttr s) names.add(s.value());
        });
        if (function != null) {
            if (!names.contains(function))
                throw new EvalException(
                        model + ": no function named '" + function + "' (functions: " + String.join(", ", names) + ")");
            return function;
        }
        if (names.size() != 1)
            throw new EvalException(model + ": the model has " + names.size() + " functions ("
                    + String.join(", ", names) + "); choose one with --function");
        return names.getFirst();
    }

    public static void main(String[] args) {
        System.exit(new EvalMain().run(List.of(args), System.in, System.out, System.err));
    }

    /** Reports the DAL version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dal-eval " + Version.VERSION};
        }
    }
}
