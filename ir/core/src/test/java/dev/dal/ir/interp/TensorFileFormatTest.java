package dev.dal.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core registers NumPy's format; files are matched by extension, whatever its case. */
class TensorFileFormatTest {
    @TempDir
    Path dir;

    @Test
    void npyFilesAreReadThroughTheRegisteredFormat() throws Exception {
        Path f = dir.resolve("X.NPY");
        Npy.write(f, Tensor.of(new float[] {1, 2, 3}, 3));
        TensorFileFormat fmt = TensorFileFormat.forFile(f).orElseThrow();
        assertTrue(fmt instanceof NpyFormat);
        assertArrayEquals(new float[] {1, 2, 3}, fmt.read(f).floats());
    }

    @Test
    void otherExtensionsHaveNoFormatHere() {
        assertTrue(TensorFileFormat.forFile(dir.resolve("x.txt")).isEmpty());
    }
}
