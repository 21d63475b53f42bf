package dev.dal.onnx;

import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.ResourceHandle;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.onnx.proto.Onnx.StringStringEntryProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ONNX tensors to DAL attributes: small ones inline as dense elements, large ones as {@code dense_resource} blobs.
 * Neither copies {@code raw_data} or external data: both wrap slices of the memory-mapped files.
 */
final class TensorReader {
    private final String fileName;
    private final Optional<Path> baseDir;
    private final Optional<ByteBuffer> self;
    private final Map<Path, ByteBuffer> mapped = new HashMap<>();
    private final Set<String> keys = new HashSet<>();

    TensorReader(String fileName, Optional<Path> baseDir, Optional<ByteBuffer> self) {
        this.fileName = fileName;
        this.baseDir = baseDir;
        this.self = self;
    }

    private OnnxException error(String msg) {
        return new OnnxException(fileName + ": error: " + msg);
    }

    static DenseElementsAttr dense(TensorType t, ByteBuffer filled) {
        filled.flip();
        return new DenseElementsAttr(t, Blob.wrap(filled, 1), false);
    }

    /** {@return the attribute holding a tensor's value} */
    Attribute attribute(TensorProto t, String what) throws OnnxException {
        return attribute(t, what, t.getName());
    }

    /** {@return the attribute holding a tensor's value; a blob is keyed after {@code keyName}} */
    Attribute attribute(TensorProto t, String what, String keyName) throws OnnxException {
        Type et = OnnxTypes.elementType(t.getDataType())
                .orElseThrow(() -> error(what + ": tensor element type " + t.getDataType() + " is not supported"));
        for (long d : t.getDimsList()) if (d < 0) throw error(what + ": negative dimension " + d);
        TensorType type = TensorType.of(t.getDimsList(), et);
        if (t.hasSegment()) throw error(what + ": segmented tensors are not supported");
        if (et.equals(OnnxTypes.STRING)) {
            List<String> s =
                    t.getStringDataList().stream().map(b -> b.toStringUtf8()).toList();
            if (s.size() != type.numElements())
                throw error(what + ": has " + s.size() + " strings, its shape needs " + type.numElements());
            return new DenseStringElementsAttr(type, s, false);
        }
        int eb = DenseElementsAttr.elementBytes(et);
        long expected = type.numElements() * eb;
        ByteBuffer data;
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) data = external(t, what);
        else if (t.hasRawData()) data = ModelFile.rawData(t);
        else data = typed(t, et, (int) expected, what);
        if (data.remaining() != expected)
            throw error(
                    what + ": has " + data.remaining() + " bytes of data, its shape " + type + " needs " + expected);
        if (expected > OnnxImporter.DENSE_LIMIT_BYTES)
            return new DenseResourceAttr(type, ResourceHandle.of(key(keyName), Blob.wrap(data, 64)));
        return new DenseElementsAttr(type, Blob.wrap(data, 1), false);
    }

    /** {@return a resource key made of identifier characters, unique in the module} */
    private String key(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) sb.append(Character.isLetterOrDigit(c) || c == '_' || c == '.' ? c : '_');
        if (sb.isEmpty() || !Character.isLetter(sb.charAt(0)) && sb.charAt(0) != '_') sb.insert(0, "t_");
        String k = sb.toString();
        for (int i = 1; !keys.add(k); i++) k = sb + "_" + i;
        return k;
    }

    /** {@return the typed-field data as little-endian bytes (small tensors; these are copied by nature)} */
    private ByteBuffer typed(TensorProto t, Type et, int expected, String what) throws OnnxException {
        ByteBuffer b = ByteBuffer.allocate(expected).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (et instanceof FloatType f && f.kind() == FloatType.Kind.F32) {
                for (float x : t.getFloatDataList()) b.putFloat(x);
            } else if (et instanceof FloatType f && f.kind() == FloatType.Kind.F64) {
                for (double x : t.getDoubleDataList()) b.putDouble(x);
            } else if (et instanceof FloatType) {
                for (int x : t.getInt32DataList()) b.putShort((short) x);
            } else if (et instanceof IntegerType i
                    && i.width() == 64
                    && i.signedness() != IntegerType.Signedness.UNSIGNED) {
                for (long x : t.getInt64DataList()) b.putLong(x);
            } else if (et instanceof IntegerType i
                    && i.signedness() == IntegerType.Signedness.UNSIGNED
                    && i.width() >= 32) {
                for (long x : t.getUint64DataList()) {
                    if (i.width() == 32) b.putInt((int) x);
                    else b.putLong(x);
                }
            } else if (et instanceof IntegerType i) {
                int bytes = Math.max(1, i.width() / 8);
                for (int x : t.getInt32DataList()) {
                    if (bytes == 1) b.put((byte) x);
                    else if (bytes == 2) b.putShort((short) x);
                    else b.putInt(x);
                }
            }
        } catch (java.nio.BufferOverflowException e) {
            throw error(what + ": has more values than its shape " + t.getDimsList() + " holds");
        }
        if (b.position() != expected)
            throw error(what + ": has " + b.position() + " bytes of data, its shape " + t.getDimsList() + " needs "
                    + expected);
        b.flip();
        return b;
    }

    /** {@return a slice of the mapped external data file} */
    private ByteBuffer external(TensorProto t, String what) throws OnnxException {
        String location = null;
        long offset = 0, length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            try {
                switch (e.getKey()) {
                    case "location" -> location = e.getValue();
                    case "offset" -> offset = Long.parseLong(e.getValue());
                    case "length" -> length = Long.parseLong(e.getValue());
                    default -> {}
                }
            } catch (NumberFormatException x) {
                throw error(what + ": external data " + e.getKey() + " '" + e.getValue() + "' is not a number");
            }
        }
        if (location == null) throw error(what + ": external data without a location");
        if (location.equals(Skeleton.SELF) && self.isPresent()) {
            ByteBuffer f = self.get();
            if (offset < 0 || length < 0 || offset + length > f.capacity())
                throw error(what + ": raw data range is outside the file");
            return f.slice((int) offset, (int) length).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        if (baseDir.isEmpty()) throw error(what + ": external data '" + location + "' but no model folder is known");
        Path dir = baseDir.get().toAbsolutePath().normalize();
        Path file = dir.resolve(location).normalize();
        if (!file.startsWith(dir))
            throw error(what + ": external data location '" + location + "' is outside the model's folder");
        ByteBuffer whole = mapped.get(file);
        if (whole == null) {
            try {
                whole = ModelFile.map(file);
            } catch (IOException e) {
                throw error(what + ": cannot read external data file " + file + ": " + e.getMessage());
            }
            mapped.put(file, whole);
        }
        if (length < 0) length = whole.capacity() - offset;
        if (offset < 0 || offset + length > whole.capacity())
            throw error(what + ": external data range " + offset + "+" + length + " is outside " + location + " ("
                    + whole.capacity() + " bytes)");
        return whole.slice((int) offset, (int) length).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
}
