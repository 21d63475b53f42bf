package dev.dal.lowering.quantize.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.TensorType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.data.ImageOptions.Color;
import dev.dal.lowering.quantize.data.ImageOptions.Layout;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders: decoding, bilinear resize, channel order, normalisation, layout and dtype, and bad images. */
class ImageFolderReaderTest {
    @TempDir
    Path dir;

    private Path grayPng() throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) img.getRaster().setSample(x, y, 0, 16 * y + 4 * x);
        Path f = dir.resolve("gray.png");
        assertTrue(ImageIO.write(img, "png", f.toFile()));
        return f;
    }

    private Path rgbPng() throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        int[][] px = {{10, 20, 30}, {40, 50, 60}, {70, 80, 90}, {100, 110, 120}};
        for (int i = 0; i < 4; i++) img.setRGB(i % 2, i / 2, (px[i][0] << 16) | (px[i][1] << 8) | px[i][2]);
        Path f = dir.resolve("rgb.png");
        assertTrue(ImageIO.write(img, "png", f.toFile()));
        return f;
    }

    private static SampleSet open(Path p, TensorType t, ImageOptions o) throws DataException {
        return SampleReaders.open(
                p, List.of(new ModelInput("image", t)), ReadOptions.defaults().withImage(o));
    }

    @Test
    void aGrayImageIsResizedBilinearlyWithHalfPixelCentresAndScaled() throws Exception {
        grayPng();
        ImageOptions o = new ImageOptions(List.of(), List.of(255.0), Layout.AUTO, Color.AUTO);
        Tensor t =
                open(dir, TensorType.of(FloatType.F32, 1, 1, 2, 2), o).sample(0).get("image");
        assertArrayEquals(new int[] {1, 1, 2, 2}, t.shape());
        // each output pixel samples the centre of a 2x2 block: the block's average
        float[] expected = {10 / 255f, 18 / 255f, 42 / 255f, 50 / 255f};
        assertArrayEquals(expected, t.floats(), 1e-6f);
    }

    @Test
    void bgrNhwcWithMeanAndStdPerChannel() throws Exception {
        rgbPng();
        ImageOptions o = new ImageOptions(List.of(1.0, 2.0, 3.0), List.of(2.0), Layout.NHWC, Color.BGR);
        Tensor t =
                open(dir, TensorType.of(FloatType.F32, 1, 2, 2, 3), o).sample(0).get("image");
        // first pixel (r,g,b) = (10,20,30): model channels b, g, r minus means 1, 2, 3, over 2
        assertArrayEquals(new float[] {14.5f, 9f, 3.5f}, java.util.Arrays.copyOf(t.floats(), 3), 0f);
        // last pixel (100,110,120)
        assertArrayEquals(new float[] {59.5f, 54f, 48.5f}, java.util.Arrays.copyOfRange(t.floats(), 9, 12), 0f);
    }

    @Test
    void aU8NchwInputTakesThePixelsAsTheyAre() throws Exception {
        rgbPng();
        TensorType u8 = TensorType.of(new IntegerType(8, IntegerType.Signedness.UNSIGNED), 1, 3, 2, 2);
        Tensor t = open(dir, u8, ImageOptions.defaults()).sample(0).get("image");
        assertEquals(DType.UI8, t.dtype());
        long[] v = t.toLongs();
        assertArrayEquals(new long[] {10, 40, 70, 100, 20, 50, 80, 110, 30, 60, 90, 120}, v);
    }

    @Test
    void aGrayModelInputTakesTheLuminanceOfAColourImage() throws Exception {
        rgbPng();
        Tensor t = open(dir, TensorType.of(FloatType.F32, 1, 1, 2, 2), ImageOptions.defaults())
                .sample(0)
                .get("image");
        assertEquals(0.299 * 10 + 0.587 * 20 + 0.114 * 30, t.floats()[0], 1e-4);
    }

    @Test
    void jpegImagesAreDecoded() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) img.setRGB(x, y, 0x806040);
        assertTrue(ImageIO.write(img, "jpeg", dir.resolve("a.jpg").toFile()));
        Tensor t = open(dir, TensorType.of(FloatType.F32, 1, 3, 4, 4), ImageOptions.defaults())
                .sample(0)
                .get("image");
        assertArrayEquals(new int[] {1, 3, 4, 4}, t.shape());
        assertEquals(0x80, t.floats()[0], 3); // a flat colour survives JPEG within a few levels
        assertEquals(0x40, t.floats()[47], 3);
    }

    @Test
    void anUnreadableImageIsAnErrorNamingTheFile() throws Exception {
        grayPng();
        Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3, 4, 5});
        SampleSet s = open(dir, TensorType.of(FloatType.F32, 1, 1, 2, 2), ImageOptions.defaults());
        assertEquals(2, s.size());
        DataException e = assertThrows(DataException.class, () -> s.sample(0));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void meanValuesThatDoNotMatchTheChannelsAreAnError() throws Exception {
        rgbPng();
        ImageOptions o = new ImageOptions(List.of(1.0, 2.0), List.of(), Layout.AUTO, Color.AUTO);
        DataException e =
                assertThrows(DataException.class, () -> open(dir, TensorType.of(FloatType.F32, 1, 3, 2, 2), o));
        assertTrue(e.getMessage().contains("mean"), e.getMessage());
    }

    @Test
    void anInputThatIsNotAnImageIsAnErrorNamingIt() throws Exception {
        rgbPng();
        DataException e = assertThrows(
                DataException.class, () -> open(dir, TensorType.of(FloatType.F32, 1, 12), ImageOptions.defaults()));
        assertTrue(e.getMessage().contains("'image'"), e.getMessage());
    }
}
