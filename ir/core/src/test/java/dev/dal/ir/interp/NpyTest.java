package dev.dal.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    /** Files written by NumPy 2.4 (np.save / numpy.lib.format.write_array), kept as test resources. */
    private static Tensor numpyFile(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/" + name)) {
            return Npy.read(ByteBuffer.wrap(in.readAllBytes()));
        }
    }

    @Test
    void readsFilesWrittenByNumpy() throws IOException {
        Tensor f4 = numpyFile("f4_2x3.npy"); // arange(6).reshape(2,3) * 0.5 - 1
        assertEquals(DType.F32, f4.dtype());
        assertArrayEquals(new int[] {2, 3}, f4.shape());
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, f4.floats());
        Tensor f8 = numpyFile("f8_4.npy");
        assertArrayEquals(new double[] {1.5, -2.25, 1e300, 0.0}, f8.doubles());
        Tensor f2 = numpyFile("f2_3.npy");
        assertEquals(DType.F16, f2.dtype());
        assertEquals(1.0, f2.getDouble(0));
        assertEquals(-0.5, f2.getDouble(1));
        assertEquals(65504.0, f2.getDouble(2));
        Tensor i1 = numpyFile("i1_5.npy");
        assertEquals(DType.I8, i1.dtype());
        assertArrayEquals(new long[] {-128, -1, 0, 1, 127}, i1.toLongs());
        Tensor u1 = numpyFile("u1_3.npy");
        assertEquals(DType.UI8, u1.dtype());
        assertArrayEquals(new long[] {0, 128, 255}, u1.toLongs());
        Tensor i8 = numpyFile("i8_2x2.npy");
        assertArrayEquals(new long[] {1, -2, 1L << 40, -(1L << 40)}, i8.longs());
        Tensor b1 = numpyFile("b1_4.npy");
        assertArrayEquals(new boolean[] {true, false, false, true}, b1.bools());
        Tensor scalar = numpyFile("scalar_f4.npy");
        assertEquals(0, scalar.rank());
        assertArrayEquals(new float[] {3.25f}, scalar.floats());
        Tensor empty = numpyFile("empty_0x3.npy");
        assertArrayEquals(new int[] {0, 3}, empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void readsFormatVersions2And3() throws IOException {
        assertArrayEquals(new float[] {1, 2, 3}, numpyFile("v2_f4_3.npy").floats());
        assertArrayEquals(new int[] {7, -7}, numpyFile("v3_i4_2.npy").ints());
    }

    @Test
    void rejectsFortranOrderAndBigEndianWithClearErrors() {
        var f = assertThrows(Npy.NpyException.class, () -> numpyFile("fortran.npy"));
        assertTrue(f.getMessage().contains("fortran_order arrays are not supported"), f.getMessage());
        var b = assertThrows(Npy.NpyException.class, () -> numpyFile("big_endian.npy"));
        assertTrue(b.getMessage().contains("big-endian dtype '>f4' is not supported"), b.getMessage());
        var m = assertThrows(Npy.NpyException.class, () -> Npy.read(ByteBuffer.wrap("hello, not numpy".getBytes())));
        assertTrue(m.getMessage().contains("bad magic string"), m.getMessage());
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        byte[] full;
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/f4_2x3.npy")) {
            full = in.readAllBytes();
        }
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
        var e = assertThrows(Npy.NpyException.class, () -> Npy.read(ByteBuffer.wrap(cut)));
        assertTrue(e.getMessage().contains("truncated data"), e.getMessage());
    }

    @Test
    void writtenHeaderIsPaddedTo64BytesAndEndsInNewline() {
        byte[] b = Npy.toBytes(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        int headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLen) % 64);
        assertEquals('\n', b[10 + headerLen - 1]);
        String header = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertEquals(10 + headerLen + 24, b.length);
        String vec = new String(Npy.toBytes(Tensor.of(new float[] {1}, 1)), StandardCharsets.ISO_8859_1);
        assertTrue(vec.contains("'shape': (1,)"), vec);
        String sc = new String(Npy.toBytes(Tensor.scalar(1f)), StandardCharsets.ISO_8859_1);
        assertTrue(sc.contains("'shape': ()"), sc);
    }

    @Test
    void everyNumericDtypeRoundTrips() throws IOException {
        Random r = new Random(7);
        for (DType d : DType.values()) {
            if (d.npyDescr().isEmpty()) continue;
            Tensor t = Tensor.zeros(d, 3, 2);
            Object a = t.array();
            switch (a) {
                case float[] x -> {
                    for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() - 0.5f;
                }
                case double[] x -> {
                    for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
                }
                case short[] x -> {
                    for (int i = 0; i < x.length; i++) x[i] = (short) r.nextInt(0x7C00);
                }
                case byte[] x -> r.nextBytes(x);
                case int[] x -> {
                    for (int i = 0; i < x.length; i++) x[i] = r.nextInt();
                }
                case long[] x -> {
                    for (int i = 0; i < x.length; i++) x[i] = r.nextLong();
                }
                case boolean[] x -> {
                    for (int i = 0; i < x.length; i++) x[i] = r.nextBoolean();
                }
                default -> throw new AssertionError(d);
            }
            Tensor back = Npy.read(ByteBuffer.wrap(Npy.toBytes(t)));
            assertTrue(back.contentEquals(t), d + " did not round-trip");
        }
    }

    @Test
    void randomShapesRoundTripThroughFiles(@TempDir Path dir) {
        qt().withExamples(40)
                .forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 4))
                .checkAssert(dims -> {
                    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
                    int n = 1;
                    for (int d : shape) n *= d;
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) v[i] = i * 0.25f - 3;
                    Tensor t = Tensor.of(v, shape);
                    try {
                        Path f = dir.resolve("t.npy");
                        Npy.write(f, t);
                        Tensor back = Npy.read(f);
                        assertArrayEquals(shape, back.shape());
                        assertArrayEquals(v, back.floats());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void longHeadersUseVersion2() {
        int[] shape = new int[25000]; // "1, " per dimension: a header over 65535 bytes
        java.util.Arrays.fill(shape, 1);
        byte[] b = Npy.toBytes(Tensor.zeros(DType.F32, shape));
        assertEquals(2, b[6]);
        Tensor back = assertDoesNotThrowRead(b);
        assertEquals(25000, back.rank());
    }

    private static Tensor assertDoesNotThrowRead(byte[] b) {
        try {
            return Npy.read(ByteBuffer.wrap(b));
        } catch (Npy.NpyException e) {
            throw new AssertionError(e);
        }
    }

    /** The ONNX model zoo inputs beside the shared models were written by NumPy; they need the shared folder. */
    @Test
    void readsTheSharedModelInputs() throws IOException {
        Path models = modelsDir();
        if (!Files.isDirectory(models)) {
            String why = "shared models folder not found at " + models + " (set -Ddal.models or DAL_MODELS)";
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(why + "; required when CI=true");
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        List<Path> inputs;
        try (Stream<Path> s = Files.walk(models, 3)) {
            inputs = s.filter(p -> p.getFileName().toString().equals("input_0.npy"))
                    .toList();
        }
        assertFalse(inputs.isEmpty());
        for (Path p : inputs) {
            Tensor t = Npy.read(p);
            assertTrue(t.rank() >= 1 && t.size() > 0, p + ": " + t);
            if (t.dtype() == DType.F32) for (float v : t.floats()) assertTrue(Float.isFinite(v), p + " has " + v);
        }
    }

    /** The shared models: {@code -Ddal.models}, {@code DAL_MODELS}, or {@code ../shared/models} beside the repo root. */
    private static Path modelsDir() {
        String p = System.getProperty("dal.models");
        if (p == null) p = System.getenv("DAL_MODELS");
        if (p != null) return Path.of(p);
        return Path.of(System.getProperty("dal.root", "../.."))
                .resolve("../shared/models")
                .normalize();
    }
}
