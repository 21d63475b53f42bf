package dev.dal.tools.run;

import static dev.dal.onnx.proto.Onnx.TensorProto.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.builder.ModelBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dal-run: runs an ONNX model on .npy inputs and writes one .npy per output; bad input is a clear error. */
class RunMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeModelAndInput() throws Exception {
        // y = relu(x + b): small enough to check by hand.
        var model = ModelBuilder.graph("g")
                .input("x", FLOAT, 2, 3)
                .initializer(ModelBuilder.floatTensor("b", new long[] {3}, 1f, -2f, 0.5f))
                .node("add1", "Add", List.of("x", "b"), List.of("s"))
                .node("relu1", "Relu", List.of("s"), List.of("y"))
                .output("y", FLOAT, 2, 3)
                .build();
        Files.write(dir.resolve("m.onnx"), model.toByteArray());
        Npy.write(dir.resolve("x.npy"), Tensor.of(new float[] {0, 1, 2, -3, 4, -5}, 2, 3));
    }

    private int run(String... args) {
        return new RunMain()
                .run(
                        List.of(args),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneNpyPerOutputNamedAfterIt() throws Exception {
        Path outDir = dir.resolve("out");
        assertEquals(
                0,
                run(dir.resolve("m.onnx").toString(), "--input", "x=" + dir.resolve("x.npy"), "-o", outDir.toString()),
                err());
        Tensor y = Npy.read(outDir.resolve("y.npy"));
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertArrayEquals(new float[] {1, 0, 2.5f, 0, 2, 0}, y.floats());
    }

    @Test
    void inputsCanBeGivenByPosition() throws Exception {
        Path outDir = dir.resolve("out");
        assertEquals(
                0,
                run(dir.resolve("m.onnx").toString(), "--input", "0=" + dir.resolve("x.npy"), "-o", outDir.toString()),
                err());
        assertTrue(Files.exists(outDir.resolve("y.npy")));
    }

    @Test
    void aMissingInputIsAnErrorNamingItAndWritesNothing() {
        Path outDir = dir.resolve("out");
        assertEquals(1, run(dir.resolve("m.onnx").toString(), "-o", outDir.toString()));
        assertTrue(err().contains("missing input 'x'"), err());
        assertFalse(Files.exists(outDir.resolve("y.npy")));
    }

    @Test
    void anInputOfTheWrongShapeIsAnErrorNamingIt() throws Exception {
        Npy.write(dir.resolve("bad.npy"), Tensor.of(new float[] {1, 2}, 2));
        assertEquals(
                1,
                run(
                        dir.resolve("m.onnx").toString(),
                        "--input",
                        "x=" + dir.resolve("bad.npy"),
                        "-o",
                        dir.resolve("out").toString()));
        assertTrue(err().contains("input 'x'"), err());
    }

    @Test
    void unreadableFilesAndBadSpecsAreErrors() {
        assertEquals(1, run(dir.resolve("nope.onnx").toString(), "-o", dir.toString()));
        assertTrue(err().contains("nope.onnx"), err());
        err.reset();
        assertEquals(1, run(dir.resolve("m.onnx").toString(), "--input", "x", "-o", dir.toString()));
        assertTrue(err().contains("--input wants <name>=<file.npy>"), err());
        err.reset();
        assertEquals(
                1,
                run(dir.resolve("m.onnx").toString(), "--input", "x=" + dir.resolve("none.npy"), "-o", dir.toString()));
        assertTrue(err().contains("cannot read input"), err());
    }

    /** The ONNX test data layout: TensorProto inputs, and outputs checked against the stored reference. */
    @Test
    void readsAndWritesTensorProtos() throws Exception {
        Path pb = dir.resolve("x.pb");
        Files.write(
                pb,
                dev.dal.onnx.TensorProtos.fromTensor("x", Npy.read(dir.resolve("x.npy")))
                        .toByteArray());
        Path outDir = dir.resolve("out");
        assertEquals(
                0,
                run(dir.resolve("m.onnx").toString(), "--input", "x=" + pb, "-o", outDir.toString(), "--format", "pb"),
                err());
        Tensor y = dev.dal.onnx.TensorProtos.read(outDir.resolve("y.pb"));
        assertArrayEquals(new float[] {1, 0, 2.5f, 0, 2, 0}, y.floats());
        err.reset();
        assertEquals(
                1,
                run(
                        dir.resolve("m.onnx").toString(),
                        "--input",
                        "x=" + pb,
                        "-o",
                        outDir.toString(),
                        "--format",
                        "csv"));
        assertTrue(err().contains("--format must be npy or pb"), err());
    }

    @Test
    void aMissingOutputFolderOptionIsAUsageError() {
        assertEquals(2, run(dir.resolve("m.onnx").toString()));
        assertTrue(err().contains("--output-dir"), err());
    }
}
