package dev.dal.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.Tensor;
import dev.dal.ir.interp.TensorFileFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frontend registers TensorProto {@code .pb} files as a tensor file format for modules without protobuf. */
class TensorProtoFormatTest {
    @TempDir
    Path dir;

    @Test
    void pbFilesAreReadThroughTheRegisteredFormat() throws Exception {
        Path f = dir.resolve("input_0.pb");
        Files.write(
                f,
                TensorProtos.fromTensor("x", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2))
                        .toByteArray());
        TensorFileFormat fmt = TensorFileFormat.forFile(f).orElseThrow();
        assertTrue(fmt instanceof TensorProtoFormat);
        Tensor t = fmt.read(f);
        assertArrayEquals(new int[] {2, 2}, t.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, t.floats());
    }

    @Test
    void aMalformedFileIsAnIoErrorNamingIt() throws Exception {
        Path f = dir.resolve("bad.pb");
        Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        IOException e = assertThrows(IOException.class, () -> new TensorProtoFormat().read(f));
        assertTrue(e.getMessage().contains("bad.pb"), e.getMessage());
    }
}
