package dev.dal.lowering.quantize.data;

import dev.dal.ir.FloatType;
import dev.dal.ir.TensorType;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small data files for the reader tests: .npy, .npz, TensorProto .pb from raw bytes. */
final class Fixtures {
    private Fixtures() {}

    /** {@return an f32 input of the given shape} */
    static ModelInput f32Input(String name, long... dims) {
        return new ModelInput(name, TensorType.of(FloatType.F32, dims));
    }

    /** {@return an f32 tensor holding {@code start, start+1, ...}} */
    static Tensor iota(float start, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = start + i;
        return Tensor.of(v, shape);
    }

    static Path npy(Path file, Tensor t) throws IOException {
        Files.createDirectories(file.getParent());
        Npy.write(file, t);
        return file;
    }

    /** Writes an .npz archive (deflated, as {@code numpy.savez_compressed} does). */
    static Path npz(Path file, Map<String, Tensor> arrays) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Npy.toBytes(e.getValue()));
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * Writes an ONNX TensorProto of f32 data by hand, in protobuf wire format: {@code dims} (field 1, varint),
     * {@code data_type} (field 2, 1 = FLOAT), {@code name} (field 8) and {@code raw_data} (field 9, little endian).
     */
    static Path pb(Path file, String name, Tensor t) throws IOException {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int d : t.shape()) {
            b.write(0x08);
            varint(b, d);
        }
        b.write(0x10);
        varint(b, 1);
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        b.write(0x42);
        varint(b, n.length);
        b.write(n);
        byte[] raw = new byte[t.size() * 4];
        t.toBytes().get(raw);
        b.write(0x4A);
        varint(b, raw.length);
        b.write(raw);
        Files.write(file, b.toByteArray());
        return file;
    }

    private static void varint(ByteArrayOutputStream b, long v) {
        while ((v & ~0x7FL) != 0) {
            b.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.write((int) v);
    }
}
