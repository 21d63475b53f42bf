package dev.dal.tools.eval;

import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.TensorProtos;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.tools.Tool;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dal-eval on a model small enough to check by hand: {@code y = relu(x + b)}, the "quantized" model having another
 * {@code b}; data in each layout the calibration readers take; and every kind of bad input, which must be a clear
 * error that leaves no report behind.
 */
class EvalMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** {@code y = relu(x + b)} over {@code x: [1, 3]}, its nodes named add1 and relu1. */
    private Path model(String file, float... b) throws Exception {
        var m = ModelBuilder.graph("g")
                .input("x", FLOAT, 1, 3)
                .initializer(ModelBuilder.floatTensor("b", new long[] {3}, b))
                .node("add1", "Add", List.of("x", "b"), List.of("s"))
                .node("relu1", "Relu", List.of("s"), List.of("y"))
                .output("y", FLOAT, 1, 3)
                .build();
        Path p = dir.resolve(file);
        Files.write(p, m.toByteArray());
        return p;
    }

    /** Two samples stacked: x = [0, 0, 0] and [1, -5, 0]. */
    private Path data() throws Exception {
        Path d = Files.createDirectories(dir.resolve("data"));
        Npy.write(d.resolve("x.npy"), Tensor.of(new float[] {0, 0, 0, 1, -5, 0}, 2, 3));
        return d;
    }

    private int run(String... args) {
        return new EvalMain()
                .run(
                        List.of(args),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> standardArgs(Path data, Path report) throws Exception {
        return new ArrayList<>(List.of(
                "--float",
                model("f.onnx", 1, 2, 3).toString(),
                "--quantized",
                model("q.onnx", 1, 2, 3.5f).toString(),
                "--data",
                data.toString(),
                "-o",
                report.toString()));
    }

    @Test
    void reportsHandComputedMetricsPerOutputAndLayer() throws Exception {
        Path report = dir.resolve("report");
        Npy.write(dir.resolve("labels.npy"), Tensor.of(new long[] {2, 0}, 2));
        List<String> args = standardArgs(data(), report);
        args.addAll(List.of("--labels", dir.resolve("labels.npy").toString()));
        assertEquals(0, run(args.toArray(String[]::new)), err());
        JsonNode r = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(2, r.get("samples").asInt());
        // float [1,2,3] and [2,0,3]; quantized [1,2,3.5] and [2,0,3.5]: differences 0,0,.5 per sample
        JsonNode y = r.get("outputs").get(0);
        assertEquals("y", y.get("name").asText());
        JsonNode m = y.get("metrics");
        assertEquals(6, m.get("elements").asInt());
        assertEquals(1.0 / 6, m.get("mae").asDouble(), 1e-12);
        assertEquals(0.5 / 6, m.get("mse").asDouble(), 1e-12);
        assertEquals(0.5, m.get("max_abs_error").asDouble(), 1e-12);
        assertEquals(3.0, m.get("peak").asDouble(), 1e-12);
        assertEquals(10 * Math.log10(9 / (0.5 / 6)), m.get("psnr_db").asDouble(), 1e-9);
        double c0 = (1 + 4 + 10.5) / (Math.sqrt(14) * Math.sqrt(1 + 4 + 12.25));
        double c1 = (4 + 10.5) / (Math.sqrt(13) * Math.sqrt(4 + 12.25));
        assertEquals((c0 + c1) / 2, m.get("cosine").asDouble(), 1e-9);
        assertEquals(Math.min(c0, c1), m.get("min_cosine").asDouble(), 1e-9);
        // both rank class 2 first for both samples; the labels say 2 and 0
        JsonNode c = y.get("classifier");
        assertEquals(2, c.get("rows").asInt());
        assertEquals(1.0, c.get("top1_agreement").asDouble());
        assertEquals(1.0, c.get("top5_agreement").asDouble());
        assertEquals(0.5, c.get("float_accuracy").asDouble());
        assertEquals(0.5, c.get("quantized_accuracy").asDouble());
        // the layers in graph order: add1 then relu1; add1 differs by 0.5 in its last element each sample
        JsonNode layers = r.get("layers");
        assertEquals(2, layers.size());
        assertEquals("add1", layers.get(0).get("name").asText());
        assertEquals("relu1", layers.get(1).get("name").asText());
        assertEquals(0.5 / 6, layers.get(0).get("metrics").get("mse").asDouble(), 1e-12);
        // add1's second sample [2,-3,3] vs [2,-3,3.5] has a lower cosine than relu1's: add1 is the worst layer
        assertEquals("add1", r.get("worst_layers").get(0).asText());
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<svg"), "charts inline");
        String table = html.substring(html.indexOf("Layers, worst first"));
        assertTrue(table.indexOf(">add1<") > 0 && table.indexOf(">add1<") < table.indexOf(">relu1<"), "worst first");
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("@import"), "no resources");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("top-1 accuracy: float 50.00%, quantized 50.00%"));
    }

    @Test
    void boundedSamplesUseTheFirstLabelsWhichMaySitInTheDataFolder() throws Exception {
        Path report = dir.resolve("report");
        Path d = Files.createDirectories(dir.resolve("stacked"));
        Npy.write(d.resolve("samples.npy"), Tensor.of(new float[] {0, 0, 0, 1, -5, 0}, 2, 3));
        Path labels = d.resolve("labels.npy"); // not a sample file, though not named after the input
        Npy.write(labels, Tensor.of(new long[] {2, 0}, 2));
        List<String> args = standardArgs(d, report);
        args.addAll(List.of("--labels", labels.toString(), "--samples", "1"));
        assertEquals(0, run(args.toArray(String[]::new)), err());
        JsonNode c = new ObjectMapper()
                .readTree(report.resolve("report.json").toFile())
                .get("outputs")
                .get(0)
                .get("classifier");
        assertEquals(1, c.get("rows").asInt());
        assertEquals(1.0, c.get("float_accuracy").asDouble(), "sample 0 is class 2, as its label");
    }

    @Test
    void aModelAgainstItselfHasNoError() throws Exception {
        Path report = dir.resolve("report");
        Path f = model("f.onnx", 1, 2, 3);
        assertEquals(
                0,
                run(
                        "--float",
                        f.toString(),
                        "--quantized",
                        f.toString(),
                        "--data",
                        data().toString(),
                        "-o",
                        report.toString()),
                err());
        JsonNode r = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        JsonNode m = r.get("outputs").get(0).get("metrics");
        assertEquals("Infinity", m.get("psnr_db").asText());
        assertEquals(1.0, m.get("cosine").asDouble());
        assertEquals(0.0, m.get("mse").asDouble());
    }

    @Test
    void modelsWithoutSharedLayerNamesCompareOutputsAndSayWhyNoLayer() throws Exception {
        // IR written without locations: each op's location is its own file's line and column
        String ir = """
                func.func @main(%x: tensor<1x3xf32> {onnx.name = "x"}) -> (tensor<1x3xf32> {onnx.name = "y"}) {
                  %y = graph.relu %x : tensor<1x3xf32>
                  return %y : tensor<1x3xf32>
                }
                """;
        Path f = Files.writeString(dir.resolve("f.ir"), ir), q = Files.writeString(dir.resolve("q.ir"), ir);
        String[] args = {"--float", f.toString(), "--quantized", q.toString(), "--data", data().toString(), "-o"};
        assertEquals(0, run(concat(args, dir.resolve("report").toString())), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 layers compared"), out::toString);
        assertTrue(err().contains("note: no layer was compared"), err());
        assertTrue(err().contains("--print-debuginfo"), err());
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    @Test
    void samplesMayBeTensorProtoFilesOrTestDataSetFoldersAndAreBounded() throws Exception {
        Path d = Files.createDirectories(dir.resolve("sets"));
        for (int i = 0; i < 3; i++) {
            Path set = Files.createDirectories(d.resolve("test_data_set_" + i));
            Files.write(
                    set.resolve("input_0.pb"),
                    TensorProtos.fromTensor("x", Tensor.of(new float[] {i, -i, 0}, 1, 3))
                            .toByteArray());
            Npy.write(set.resolve("output_0.npy"), Tensor.of(new float[] {9}, 1));
        }
        Path report = dir.resolve("report");
        List<String> args = standardArgs(d, report);
        args.addAll(List.of("--samples", "2"));
        assertEquals(0, run(args.toArray(String[]::new)), err());
        JsonNode r = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(2, r.get("samples").asInt());
    }

    @Test
    void aFolderWithAFileNamedAfterTheInputUsesOnlyThatFile() throws Exception {
        Path set = Files.createDirectories(dir.resolve("test_data_set_0"));
        Npy.write(set.resolve("input_0.npy"), Tensor.of(new float[] {1, 2, 3}, 1, 3));
        Files.write(
                set.resolve("input_0.pb"),
                TensorProtos.fromTensor("x", Tensor.of(new float[] {1, 2, 3}, 1, 3))
                        .toByteArray());
        Npy.write(set.resolve("output_0.npy"), Tensor.of(new float[] {9, 9}, 2));
        Path report = dir.resolve("report");
        assertEquals(0, run(standardArgs(set, report).toArray(String[]::new)), err());
        assertEquals(
                1,
                new ObjectMapper()
                        .readTree(report.resolve("report.json").toFile())
                        .get("samples")
                        .asInt());
    }

    /** {@code y = relu(x)} over an image input {@code x: [1, 1, 2, 2]}. */
    private Path imageModel() throws Exception {
        var m = ModelBuilder.graph("g")
                .input("x", FLOAT, 1, 1, 2, 2)
                .node("relu1", "Relu", List.of("x"), List.of("y"))
                .output("y", FLOAT, 1, 1, 2, 2)
                .build();
        Path p = dir.resolve("image.onnx");
        Files.write(p, m.toByteArray());
        return p;
    }

    @Test
    void imageFoldersAreConvertedWithTheMeanAndStdGiven() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (String name : List.of("a.png", "b.png")) {
            BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 4; y++)
                for (int x = 0; x < 4; x++) img.getRaster().setSample(x, y, 0, 200);
            ImageIO.write(img, "png", images.resolve(name).toFile());
        }
        String f = imageModel().toString();
        Path report = dir.resolve("report");
        assertEquals(
                0,
                run(
                        "--float",
                        f,
                        "--quantized",
                        f,
                        "--data",
                        images.toString(),
                        "--mean",
                        "100",
                        "--std",
                        "2",
                        "--layout",
                        "nchw",
                        "--color",
                        "gray",
                        "-o",
                        report.toString()),
                err());
        JsonNode r = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(2, r.get("samples").asInt());
        // every pixel (200 - 100) / 2 = 50, through relu
        assertEquals(50.0, r.get("outputs").get(0).get("metrics").get("peak").asDouble(), 1e-9);
        Files.delete(report.resolve("report.json"));
        Files.delete(report.resolve("report.html"));
        Files.delete(report);
        assertError(
                "mean",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                images.toString(),
                "--mean",
                "1,2",
                "-o",
                report.toString());
    }

    @Test
    void npzArchivesFeedInputsByKey() throws Exception {
        Path npz = dir.resolve("data.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(Npy.toBytes(Tensor.of(new float[] {0, 0, 0, 1, -5, 0, 2, 2, 2}, 3, 3)));
            zip.closeEntry();
        }
        Path report = dir.resolve("report");
        assertEquals(0, run(standardArgs(npz, report).toArray(String[]::new)), err());
        assertEquals(
                3,
                new ObjectMapper()
                        .readTree(report.resolve("report.json").toFile())
                        .get("samples")
                        .asInt());
    }

    @Test
    void theToolIsRegisteredForDalLit() {
        assertTrue(ServiceLoader.load(Tool.class).stream().anyMatch(p -> p.type() == EvalMain.class));
    }

    /** Runs dal-eval expecting failure; checks the message and that no report was left behind. */
    private void assertError(String expected, String... args) {
        err.reset();
        int code = run(args);
        assertTrue(code != 0, "exit code " + code);
        assertTrue(err().contains("dal-eval: error: ") && err().contains(expected), err());
        assertFalse(err().contains("\tat "), "no stack trace: " + err());
        assertFalse(Files.exists(dir.resolve("report")), "no report left behind");
    }

    @Test
    void missingFilesAreErrorsNamingThem() throws Exception {
        String f = model("f.onnx", 1, 2, 3).toString(),
                data = data().toString(),
                rep = dir.resolve("report").toString();
        assertError(
                "nope.onnx",
                "--float",
                dir.resolve("nope.onnx").toString(),
                "--quantized",
                f,
                "--data",
                data,
                "-o",
                rep);
        assertError(
                "nope.ir", "--float", f, "--quantized", dir.resolve("nope.ir").toString(), "--data", data, "-o", rep);
        assertError(
                dir.resolve("none") + ": no such file or folder",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                dir.resolve("none").toString(),
                "-o",
                rep);
        assertError(
                "labels file",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                data,
                "--labels",
                dir.resolve("l.npy").toString(),
                "-o",
                rep);
    }

    @Test
    void anEmptyDataFolderIsAnError() throws Exception {
        String f = model("f.onnx", 1, 2, 3).toString();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertError(
                "empty: the folder is empty",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                empty.toString(),
                "-o",
                dir.resolve("report").toString());
    }

    @Test
    void dataThatDoesNotFitTheInputIsAnErrorNamingFileAndInput() throws Exception {
        String f = model("f.onnx", 1, 2, 3).toString(),
                rep = dir.resolve("report").toString();
        Path shape = Files.createDirectories(dir.resolve("shape"));
        Npy.write(shape.resolve("bad.npy"), Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
        assertError(
                "bad.npy: shape [2, 2] does not fit input 'x'",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                shape.toString(),
                "-o",
                rep);
        Path dtype = Files.createDirectories(dir.resolve("dtype"));
        Npy.write(dtype.resolve("wide.npy"), Tensor.of(new double[] {1, 2, 3}, 1, 3));
        assertError(
                "wide.npy: holds f64 data, input 'x' takes tensor<1x3xf32>",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                dtype.toString(),
                "-o",
                rep);
    }

    @Test
    void modelsWithDifferentInputsOrOutputsAreAnError() throws Exception {
        String f = model("f.onnx", 1, 2, 3).toString(),
                rep = dir.resolve("report").toString();
        var wide = ModelBuilder.graph("g")
                .input("x", FLOAT, 1, 3)
                .node("c", "Concat", List.of("x", "x"), List.of("y"), ModelBuilder.attr("axis", 1L))
                .output("y", FLOAT, 1, 6)
                .build();
        Files.write(dir.resolve("wide.onnx"), wide.toByteArray());
        assertError(
                "different outputs",
                "--float",
                f,
                "--quantized",
                dir.resolve("wide.onnx").toString(),
                "--data",
                data().toString(),
                "-o",
                rep);
        var other = ModelBuilder.graph("g")
                .input("z", FLOAT, 1, 3)
                .node("r", "Relu", List.of("z"), List.of("y"))
                .output("y", FLOAT, 1, 3)
                .build();
        Files.write(dir.resolve("other.onnx"), other.toByteArray());
        assertError(
                "different inputs: #0 is 'x'",
                "--float",
                f,
                "--quantized",
                dir.resolve("other.onnx").toString(),
                "--data",
                data().toString(),
                "-o",
                rep);
    }

    @Test
    void labelsMustBeIntegersOnePerRow() throws Exception {
        String data = data().toString(), rep = dir.resolve("report").toString();
        String f = model("f.onnx", 1, 2, 3).toString();
        Npy.write(dir.resolve("three.npy"), Tensor.of(new long[] {1, 2, 0}, 3));
        assertError(
                "3 labels but output 'y' has 2 rows",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                data,
                "--labels",
                dir.resolve("three.npy").toString(),
                "-o",
                rep);
        Npy.write(dir.resolve("float.npy"), Tensor.of(new float[] {1, 2}, 2));
        assertError(
                "labels must be integers",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                data,
                "--labels",
                dir.resolve("float.npy").toString(),
                "-o",
                rep);
    }

    @Test
    void aBadSampleCountIsAUsageError() throws Exception {
        String f = model("f.onnx", 1, 2, 3).toString();
        assertError(
                "--samples must be at least 1",
                "--float",
                f,
                "--quantized",
                f,
                "--data",
                data().toString(),
                "--samples",
                "0",
                "-o",
                dir.resolve("report").toString());
    }
}
