package dev.dal.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an ONNX file without copying its tensors: the file is memory-mapped and parsed with aliasing, so every
 * {@code raw_data} field is a {@link ByteString} over a slice of the mapping (and {@link #rawData} a view of it).
 */
public final class ModelFile {
    private ModelFile() {}

    /** {@return the whole file mapped read-only} */
    static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE)
                throw new IOException("file is larger than 2 GiB; keep large tensors in external data files");
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
    }

    /**
     * A model read from a mapped file: large {@code raw_data} fields are left in the mapping and referenced from
     * the parsed model (external data with location {@link Skeleton#SELF}).
     *
     * @param model the parsed structure
     * @param file the mapped file the references point into
     */
    public record Mapped(ModelProto model, ByteBuffer file) {}

    /**
     * Parses a model file (without copying its large tensors into the heap).
     *
     * @throws OnnxException if the file cannot be read or is not a valid ONNX protobuf
     */
    public static Mapped read(Path file) throws OnnxException {
        MappedByteBuffer mapped;
        try {
            mapped = map(file);
        } catch (NoSuchFileException e) {
            throw new OnnxException(file + ": error: no such file");
        } catch (IOException e) {
            throw new OnnxException(file + ": error: cannot read the file: " + e.getMessage());
        }
        byte[] skeleton;
        try {
            skeleton = Skeleton.strip(mapped);
        } catch (Skeleton.Malformed e) {
            throw new OnnxException(
                    file + ": error: not a valid ONNX protobuf (truncated or corrupt): " + e.getMessage());
        }
        return new Mapped(parse(UnsafeByteOperations.unsafeWrap(skeleton), file.toString()), mapped);
    }

    /**
     * Parses a model from bytes that stay unchanged while the model is used (tensors alias them).
     *
     * @throws OnnxException if the bytes are not a valid ONNX protobuf
     */
    public static ModelProto parse(ByteString bytes, String fileName) throws OnnxException {
        try {
            // an immutable ByteString's stream may alias: bytes fields become views of the input, not copies
            CodedInputStream in = bytes.newCodedInput();
            in.enableAliasing(true);
            in.setRecursionLimit(200);
            ModelProto m = ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
            if (!m.hasGraph()) throw new OnnxException(fileName + ": error: not an ONNX model: it has no graph");
            return m;
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxException(fileName + ": error: not a valid ONNX protobuf (truncated or corrupt): "
                    + lowerFirst(e.getMessage()));
        } catch (IOException e) {
            throw new OnnxException(fileName + ": error: cannot read the model: " + e.getMessage());
        }
    }

    /** {@return a read-only view of a tensor's {@code raw_data} (a slice of the mapped file when read by us)} */
    public static ByteBuffer rawData(TensorProto t) {
        return t.getRawData().asReadOnlyByteBuffer();
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) return "unknown error";
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
