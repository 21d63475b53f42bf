package dev.dal.dialect.quant.kernel;

import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/** Moving between runtime tensors (storage integers) and the int arrays the integer kernels work on. */
public final class QTensors {
    /** Centered constants by storage array (held weakly) and type. */
    private static final Map<Object, Map<QuantizedElementType, int[]>> CONSTANTS = new WeakHashMap<>();

    private QTensors() {}

    /**
     * {@return {@link #centered} of a constant, computed on first use and kept while its storage array lives (a
     * constant's array is the same on every run)}; the caller must not change the returned array
     */
    public static int[] centeredConstant(Tensor t, QuantizedElementType type) {
        Object key = t.array();
        synchronized (CONSTANTS) {
            int[] c = CONSTANTS.getOrDefault(key, Map.of()).get(type);
            if (c != null && c.length == t.size()) return c;
        }
        int[] c = centered(t, type);
        synchronized (CONSTANTS) {
            CONSTANTS.computeIfAbsent(key, k -> new HashMap<>()).put(type, c);
        }
        return c;
    }

    /** {@return the stored integers of {@code t}} */
    public static int[] values(Tensor t) {
        int[] out = new int[t.size()];
        // one loop over the storage array (a buffer-backed constant converts once); the element accessor dispatches
        // on the dtype for every element
        switch (t.array()) {
            case byte[] a
            when t.dtype() == DType.I8 -> {
                for (int i = 0; i < out.length; i++) out[i] = a[i];
            }
            case byte[] a
            when t.dtype() == DType.UI8 -> {
                for (int i = 0; i < out.length; i++) out[i] = a[i] & 0xFF;
            }
            case short[] a
            when t.dtype() == DType.I16 -> {
                for (int i = 0; i < out.length; i++) out[i] = a[i];
            }
            case int[] a when t.dtype() == DType.I32 -> System.arraycopy(a, 0, out, 0, out.length);
            case null, default -> {
                for (int i = 0; i < out.length; i++) out[i] = (int) t.getLong(i);
            }
        }
        return out;
    }

    /**
     * {@return the stored integers minus their zero point, {@code q - zp(channel)}}; the channel of an element is its
     * index along the type's axis
     */
    public static int[] centered(Tensor t, QuantizedElementType type) {
        int[] out = values(t);
        int[] shape = t.shape();
        if (type.axis().isEmpty()) {
            int zp = (int) type.zeroPoint(0);
            if (zp != 0) for (int i = 0; i < out.length; i++) out[i] -= zp;
            return out;
        }
        int axis = type.axis().getAsInt(), inner = 1;
        for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        for (int i = 0, c = 0; i < out.length; i += inner, c = (c + 1) % shape[axis]) {
            int zp = (int) type.zeroPoint(c);
            for (int j = i; j < i + inner; j++) out[j] -= zp;
        }
        return out;
    }

    /** {@return the index along the type's axis of flat element {@code i} (0 for per-tensor types)} */
    public static int channel(QuantizedElementType type, int[] shape, int i) {
        if (type.axis().isEmpty()) return 0;
        int axis = type.axis().getAsInt();
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
        return (i / inner) % shape[axis];
    }

    /** {@return a tensor of the storage dtype of {@code type} holding {@code values}} */
    public static Tensor store(QuantizedElementType type, int[] shape, long[] values) {
        Tensor t = Tensor.zeros(storageDType(type), shape);
        if (t.array() instanceof byte[] a) {
            // the values lie in the storage range: the low byte is the stored value, signed or not
            for (int i = 0; i < values.length; i++) a[i] = (byte) values[i];
        } else {
            for (int i = 0; i < values.length; i++) t.setLong(i, values[i]);
        }
        return t;
    }

    /** {@return the runtime dtype of {@code type}'s storage} */
    public static DType storageDType(QuantizedElementType type) {
        return DType.fromIrType(type.storageType())
                .orElseThrow(() -> new IllegalArgumentException(
                        "no runtime storage for " + type.storageType() + " (8, 16 or 32 bits are supported)"));
    }
}
