package dev.dal.onnx;

import com.google.protobuf.ByteString;
import dev.dal.ir.Attribute;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** ONNX {@code TensorProto}s (the {@code input_0.pb} files of ONNX test data sets) as interpreter tensors. */
public final class TensorProtos {
    private TensorProtos() {}

    /**
     * {@return the tensor in a serialized TensorProto file}
     *
     * @throws OnnxException if the file cannot be read or holds a tensor type this converter does not handle
     */
    public static Tensor read(Path file) throws OnnxException {
        try (InputStream in = Files.newInputStream(file)) {
            return toTensor(
                    TensorProto.parseFrom(in),
                    Optional.ofNullable(file.toAbsolutePath().getParent()));
        } catch (IOException e) {
            throw new OnnxException(file + ": error: cannot read tensor: " + e.getMessage());
        }
    }

    /**
     * {@return the tensor a TensorProto holds in {@code raw_data}, its typed data field or external data (resolved
     * against the working directory)}: every ONNX element type DAL has, strings included
     *
     * @throws OnnxException for other element types or data that does not fit the shape
     */
    public static Tensor toTensor(TensorProto t) throws OnnxException {
        return toTensor(t, Optional.empty());
    }

    private static Tensor toTensor(TensorProto t, Optional<Path> baseDir) throws OnnxException {
        String what = "tensor '" + t.getName() + "'";
        if (OnnxTypes.elementType(t.getDataType()).isEmpty())
            throw new OnnxException("error: " + what + " has unsupported data type " + t.getDataType());
        Attribute value = new TensorReader(what, baseDir, Optional.empty()).attribute(t, what);
        return Tensor.fromAttribute(value);
    }

    /**
     * {@return a TensorProto holding the tensor: {@code raw_data} for numbers and booleans, {@code string_data} for
     * strings}
     *
     * @throws OnnxException for element types ONNX has no number for
     */
    public static TensorProto fromTensor(String name, Tensor t) throws OnnxException {
        int type = OnnxTypes.dataType(t.dtype().toIrType())
                .orElseThrow(() -> new OnnxException(
                        "error: output '" + name + "' has type " + t.dtype() + ", which ONNX has no number for"));
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(type);
        for (int d : t.shape()) b.addDims(d);
        if (t.dtype() == DType.STRING) {
            for (String s : t.strings()) b.addStringData(ByteString.copyFromUtf8(s));
            return b.build();
        }
        return b.setRawData(ByteString.copyFrom(t.toBytes())).build();
    }
}
