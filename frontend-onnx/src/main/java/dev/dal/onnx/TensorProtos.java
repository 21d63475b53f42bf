package dev.dal.onnx;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

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
            return toTensor(TensorProto.parseFrom(in));
        } catch (IOException e) {
            throw new OnnxException(file + ": error: cannot read tensor: " + e.getMessage());
        }
    }

    /**
     * {@return the tensor a TensorProto holds in {@code raw_data} or in its typed data field} (f32, f64, i32, i64,
     * bool; external data is not handled)
     *
     * @throws OnnxException for other element types
     */
    public static Tensor toTensor(TensorProto t) throws OnnxException {
        int[] shape = t.getDimsList().stream().mapToInt(Math::toIntExact).toArray();
        DType dtype = switch (t.getDataType()) {
            case 1 -> DType.F32;
            case 6 -> DType.I32;
            case 7 -> DType.I64;
            case 9 -> DType.BOOL;
            case 11 -> DType.F64;
            default ->
                throw new OnnxException(
                        "error: tensor '" + t.getName() + "' has unsupported data type " + t.getDataType());
        };
        if (t.hasRawData()) {
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            return Tensor.wrap(dtype, raw, shape);
        }
        return switch (dtype) {
            case F32 -> {
                float[] a = new float[t.getFloatDataCount()];
                for (int i = 0; i < a.length; i++) a[i] = t.getFloatData(i);
                yield Tensor.of(a, shape);
            }
            case F64 ->
                Tensor.of(
                        t.getDoubleDataList().stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray(),
                        shape);
            case I64 ->
                Tensor.of(
                        t.getInt64DataList().stream().mapToLong(Long::longValue).toArray(), shape);
            case I32 ->
                Tensor.of(
                        t.getInt32DataList().stream()
                                .mapToInt(Integer::intValue)
                                .toArray(),
                        shape);
            default -> {
                boolean[] a = new boolean[t.getInt32DataCount()];
                for (int i = 0; i < a.length; i++) a[i] = t.getInt32Data(i) != 0;
                yield Tensor.of(a, shape);
            }
        };
    }

    /**
     * {@return a TensorProto holding the tensor in {@code raw_data}} (f32, f64, i32, i64, bool)
     *
     * @throws OnnxException for other element types
     */
    public static TensorProto fromTensor(String name, Tensor t) throws OnnxException {
        int type = switch (t.dtype()) {
            case F32 -> 1;
            case I32 -> 6;
            case I64 -> 7;
            case BOOL -> 9;
            case F64 -> 11;
            default ->
                throw new OnnxException("error: output '" + name + "' has type " + t.dtype()
                        + ", which is not written as a TensorProto");
        };
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(type);
        for (int d : t.shape()) b.addDims(d);
        return b.setRawData(com.google.protobuf.ByteString.copyFrom(t.toBytes()))
                .build();
    }
}
