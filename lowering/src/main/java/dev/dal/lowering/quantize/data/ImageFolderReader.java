package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A folder of images ({@code .png}, {@code .jpg}, {@code .jpeg}, {@code .bmp}; other files are ignored), one sample
 * each, for a model with one four-dimensional image input of batch 1. Each image is decoded with
 * {@link ImageIO}, then converted as {@link ImageOptions} says ({@link ImageConversion}).
 */
public final class ImageFolderReader implements SampleReader {
    private static final Set<String> EXTENSIONS = Set.of(".png", ".jpg", ".jpeg", ".bmp");

    @Override
    public String name() {
        return "images";
    }

    @Override
    public boolean accepts(Path path) {
        if (!Files.isDirectory(path)) return false;
        try {
            return SampleReaders.list(path).stream().anyMatch(ImageFolderReader::isImage);
        } catch (DataException e) {
            return false;
        }
    }

    static boolean isImage(Path p) {
        String n = SampleReaders.lowerName(p);
        return Files.isRegularFile(p) && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    @Override
    public SampleSet open(Path path, List<ModelInput> inputs, ReadOptions options) throws DataException {
        if (inputs.size() != 1)
            throw new DataException(path + ": a folder of images feeds a model of one input, this one has "
                    + inputs.size() + " ("
                    + String.join(", ", inputs.stream().map(ModelInput::name).toList()) + ")");
        ModelInput in = inputs.getFirst();
        ImageConversion conv = ImageConversion.of(in, options.image());
        List<Path> images = SampleReaders.list(path).stream()
                .filter(ImageFolderReader::isImage)
                .toList();
        return new SampleSet() {
            @Override
            public int size() {
                return images.size();
            }

            @Override
            public Map<String, Tensor> sample(int i) throws DataException {
                return Map.of(in.name(), conv.apply(decode(images.get(i))));
            }

            @Override
            public String source(int i) {
                return images.get(i).toString();
            }
        };
    }

    private static BufferedImage decode(Path file) throws DataException {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) throw new DataException(file + ": cannot read the image: not a PNG, JPEG or BMP file");
            return img;
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": cannot read the image: " + e.getMessage(), e);
        }
    }
}
