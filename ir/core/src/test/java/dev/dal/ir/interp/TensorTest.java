package dev.dal.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Blob;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.ResourceHandle;
import dev.dal.ir.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorTest {
    @Test
    void mappedResourceBlobIsReadWithoutCopying(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w.bin");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.5f).putFloat(-2f).putFloat(3f).putFloat(0.25f);
        Files.write(f, b.array());
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            var mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, 16);
            var attr = new DenseResourceAttr(
                    TensorType.of(FloatType.F32, 2, 2), ResourceHandle.of("w", Blob.wrap(mapped, 64)));
            Tensor t = Tensor.fromAttribute(attr);
            assertTrue(t.isBufferBacked());
            assertArrayEquals(new int[] {2, 2}, t.shape());
            var view = t.floatView();
            assertTrue(view.isReadOnly());
            assertFalse(view.hasArray(), "the view must read the mapped bytes, not a heap copy");
            assertEquals(-2f, view.get(1));
            assertEquals(0.25f, t.getFloat(3));
            assertTrue(t.isBufferBacked(), "reading elements must not convert the storage");
            assertArrayEquals(new float[] {1.5f, -2f, 3f, 0.25f}, t.floats());
        }
    }

    @Test
    void denseAttributesConvertBothWays() {
        Tensor t = Tensor.of(new long[] {1, -2, 3}, 3);
        DenseElementsAttr a = t.toAttribute();
        assertEquals(TensorType.of(IntegerType.I64, 3), a.shapedType());
        assertEquals(-2, a.getLong(1));
        assertTrue(Tensor.fromAttribute(a).contentEquals(t));
        var splat = new DenseElementsAttr(
                TensorType.of(FloatType.F32, 2, 3),
                Blob.wrap(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 7f), 4),
                true);
        Tensor s = Tensor.fromAttribute(splat);
        assertArrayEquals(new float[] {7, 7, 7, 7, 7, 7}, s.floats());
    }

    @Test
    void dtypesMapToIrTypesAndBack() {
        for (DType d : DType.values())
            assertEquals(d, DType.fromIrType(d.toIrType()).orElseThrow(), d.name());
        assertEquals(IntegerType.I1, DType.BOOL.toIrType());
    }

    @Test
    void reshapeSharesStorageAndChecksSize() {
        float[] v = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(v, 2, 3);
        Tensor r = t.reshape(3, 2);
        assertTrue(r.floats() == v);
        assertThrows(IllegalArgumentException.class, () -> t.reshape(4, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(v, 2, 2));
    }

    @Test
    void unsignedAndHalfElementsConvert() {
        Tensor u = Tensor.ofArray(DType.UI8, new byte[] {(byte) 200, 1}, 2);
        assertEquals(200, u.getLong(0));
        assertEquals(200.0, u.getDouble(0));
        Tensor h = Tensor.ofArray(DType.F16, new short[] {(short) 0x3C00, (short) 0xC000}, 2);
        assertArrayEquals(new float[] {1f, -2f}, h.toF32().floats());
        Tensor bf = Tensor.ofArray(DType.BF16, new short[] {(short) 0x3F80}, 1);
        assertEquals(1.0, bf.getDouble(0));
    }
}
