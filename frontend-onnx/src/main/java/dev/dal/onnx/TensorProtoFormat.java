package dev.dal.onnx;

import dev.dal.ir.interp.Tensor;
import dev.dal.ir.interp.TensorFileFormat;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A serialized ONNX {@code TensorProto} ({@code .pb}, as in ONNX test data sets) as a {@link TensorFileFormat}, so
 * modules without the ONNX wire format (calibration data readers) read such files through the frontend's
 * {@link TensorProtos}.
 */
public final class TensorProtoFormat implements TensorFileFormat {
    @Override
    public String extension() {
        return ".pb";
    }

    @Override
    public Tensor read(Path file) throws IOException {
        try {
            return TensorProtos.read(file);
        } catch (OnnxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
