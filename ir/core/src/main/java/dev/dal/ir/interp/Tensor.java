package dev.dal.ir.interp;

import dev.dal.ir.Attribute;
import dev.dal.ir.Blob;
import dev.dal.ir.DenseElementsAttr;
import dev.dal.ir.DenseResourceAttr;
import dev.dal.ir.DenseStringElementsAttr;
import dev.dal.ir.FloatBits;
import dev.dal.ir.FloatType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A runtime tensor: element type, shape and row-major contiguous elements.
 *
 * <p>The elements live either in a primitive array ({@code float[]} for f32, {@code double[]} for f64,
 * {@code short[]} for f16/bf16 bits and (u)i16, {@code byte[]} for (u)i8, {@code int[]} for (u)i32, {@code long[]}
 * for (u)i64, {@code boolean[]} for bool, {@code String[]} for strings) or in a little-endian {@link ByteBuffer}
 * (for example a read-only view of a memory-mapped {@code dense_resource} blob, which is never copied). Kernels want
 * arrays: {@link #floats()} converts a buffer-backed tensor once and keeps the array. Tensors are treated as
 * immutable once an op has produced them: kernels write only to tensors they allocated.
 *
 * <p>Shapes are {@code int[]}: a tensor holds fewer than 2<sup>31</sup> elements.
 */
public final class Tensor implements RuntimeValue {
    private static final Tensor NONE = new Tensor(DType.F32, new int[] {0}, new float[0], null, true);

    private final DType dtype;
    private final int[] shape;
    private final int size;
    // volatile: a buffer-backed constant shared by concurrent runs is converted once, and the array must be
    // published with its contents
    private volatile Object array;
    private final ByteBuffer buffer;
    private final boolean none;

    private Tensor(DType dtype, int[] shape, Object array, ByteBuffer buffer, boolean none) {
        this.dtype = Objects.requireNonNull(dtype);
        this.shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        this.size = (int) n;
        this.array = array;
        this.buffer = buffer;
        this.none = none;
        if (array != null && arrayLength(array) != size)
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + size + " elements, got " + arrayLength(array));
        if (buffer != null && (long) buffer.remaining() < (long) size * dtype.byteSize())
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + (long) size * dtype.byteSize() + " bytes, got " + buffer.remaining());
    }

    // ---- creation -------------------------------------------------------------------------------------------

    /** {@return the marker for an absent optional operand ({@code graph.none})} */
    public static Tensor none() {
        return NONE;
    }

    /** {@return an f32 tensor over {@code data} (not copied)} */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(DType.F32, shape, data, null, false);
    }

    /** {@return an f64 tensor over {@code data} (not copied)} */
    public static Tensor of(double[] data, int... shape) {
        return new Tensor(DType.F64, shape, data, null, false);
    }

    /** {@return an i64 tensor over {@code data} (not copied)} */
    public static Tensor of(long[] data, int... shape) {
        return new Tensor(DType.I64, shape, data, null, false);
    }

    /** {@return an i32 tensor over {@code data} (not copied)} */
    public static Tensor of(int[] data, int... shape) {
        return new Tensor(DType.I32, shape, data, null, false);
    }

    /** {@return a bool tensor over {@code data} (not copied)} */
    public static Tensor of(boolean[] data, int... shape) {
        return new Tensor(DType.BOOL, shape, data, null, false);
    }

    /** {@return a string tensor over {@code data} (not copied)} */
    public static Tensor of(String[] data, int... shape) {
        return new Tensor(DType.STRING, shape, data, null, false);
    }

    /**
     * {@return a tensor over a primitive array of the storage kind {@code dtype} uses (not copied)}
     *
     * @throws IllegalArgumentException if the array kind does not match the dtype
     */
    public static Tensor ofArray(DType dtype, Object array, int... shape) {
        if (array.getClass() != newArray(dtype, 0).getClass())
            throw new IllegalArgumentException(
                    dtype + " is not stored in a " + array.getClass().getSimpleName());
        return new Tensor(dtype, shape, array, null, false);
    }

    /** {@return a zero-filled tensor} */
    public static Tensor zeros(DType dtype, int... shape) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        Object a = newArray(dtype, (int) n);
        if (a instanceof String[] s) Arrays.fill(s, "");
        return new Tensor(dtype, shape, a, null, false);
    }

    /** {@return a scalar (rank 0) f32 tensor} */
    public static Tensor scalar(float v) {
        return of(new float[] {v});
    }

    /**
     * {@return a tensor over little-endian packed bytes (a view: the bytes are not copied)}; the buffer's position
     * is the first element
     */
    public static Tensor wrap(DType dtype, ByteBuffer littleEndianBytes, int... shape) {
        if (dtype == DType.STRING) throw new IllegalArgumentException("strings cannot be wrapped from bytes");
        return new Tensor(dtype, shape, null, littleEndianBytes.slice().order(ByteOrder.LITTLE_ENDIAN), false);
    }

    /**
     * {@return the tensor of a {@code dense}, {@code dense_resource} or dense string attribute}; non-splat dense
     * and resource elements are viewed, not copied (a blob over a mapped file stays in the file)
     *
     * @throws IllegalArgumentException for other attributes, dynamic shapes or unsupported element types
     */
    public static Tensor fromAttribute(Attribute a) {
        switch (a) {
            case DenseElementsAttr d -> {
                int[] shape = staticShape(d.shapedType());
                DType dt = dtypeOf(d.shapedType());
                if (!d.splat()) return wrap(dt, d.data().bytes(), shape);
                Tensor one = wrap(dt, d.data().bytes(), new int[0]);
                return one.broadcastScalarTo(shape);
            }
            case DenseResourceAttr r -> {
                int[] shape = staticShape(r.shapedType());
                DType dt = dtypeOf(r.shapedType());
                Blob b = r.handle()
                        .blob()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "dense_resource '" + r.handle().key() + "' has no data"));
                return wrap(dt, b.bytes(), shape);
            }
            case DenseStringElementsAttr s -> {
                int[] shape = staticShape(s.shapedType());
                List<String> v = s.values();
                String[] out = new String[(int) s.shapedType().numElements()];
                for (int i = 0; i < out.length; i++) out[i] = v.size() == 1 ? v.getFirst() : v.get(i);
                return of(out, shape);
            }
            default -> throw new IllegalArgumentException("not a tensor attribute: " + a);
        }
    }

    /** {@return this tensor as a {@code dense} elements attribute (little-endian bytes; strings are not supported)} */
    public DenseElementsAttr toAttribute() {
        if (dtype == DType.STRING || none) throw new IllegalArgumentException("no dense attribute for " + this);
        List<Long> dims = new java.util.ArrayList<>();
        for (int d : shape) dims.add((long) d);
        ByteBuffer bytes =
                buffer != null && array == null ? buffer.duplicate().limit(size * dtype.byteSize()) : toBytes();
        return new DenseElementsAttr(TensorType.of(dims, dtype.toIrType()), Blob.wrap(bytes, 64), false);
    }

    private static int[] staticShape(ShapedType t) {
        if (!t.hasStaticShape()) throw new IllegalArgumentException("a constant needs a static shape, got " + t);
        List<Long> s = t.shape();
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = Math.toIntExact(s.get(i));
        return out;
    }

    private static DType dtypeOf(ShapedType t) {
        return DType.fromIrType(t.elementType())
                .orElseThrow(() -> new IllegalArgumentException("unsupported element type " + t.elementType()));
    }

    static Object newArray(DType dtype, int n) {
        return switch (dtype) {
            case F32 -> new float[n];
            case F64 -> new double[n];
            case F16, BF16, I16, UI16 -> new short[n];
            case I8, UI8 -> new byte[n];
            case I32, UI32 -> new int[n];
            case I64, UI64 -> new long[n];
            case BOOL -> new boolean[n];
            case STRING -> new String[n];
        };
    }

    private static int arrayLength(Object a) {
        return java.lang.reflect.Array.getLength(a);
    }

    // ---- shape ----------------------------------------------------------------------------------------------

    /** {@return the element type} */
    public DType dtype() {
        return dtype;
    }

    /** {@return a copy of the shape} */
    public int[] shape() {
        return shape.clone();
    }

    /** {@return dimension {@code i}} */
    public int dim(int i) {
        return shape[i];
    }

    /** {@return the rank} */
    public int rank() {
        return shape.length;
    }

    /** {@return the number of elements} */
    public int size() {
        return size;
    }

    /** {@return whether this is the absent-operand marker} */
    public boolean isNone() {
        return none;
    }

    /** {@return the storage array, or null while the tensor is buffer-backed (no conversion)} */
    Object storage() {
        return array;
    }

    /** {@return whether the elements are in a byte buffer that has not been converted to an array yet} */
    public boolean isBufferBacked() {
        return array == null && buffer != null;
    }

    /** {@return a tensor with the same elements (shared, not copied) and another shape of the same size} */
    public Tensor reshape(int... newShape) {
        Tensor t = new Tensor(dtype, newShape, null, null, false);
        if (t.size != size)
            throw new IllegalArgumentException(
                    "cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(newShape));
        return array != null
                ? new Tensor(dtype, newShape, array, null, false)
                : new Tensor(dtype, newShape, null, buffer, false);
    }

    // ---- element access -------------------------------------------------------------------------------------

    /**
     * {@return the f32 elements as an array}; an array-backed tensor returns its own array (do not change it
     * unless this tensor is yours), a buffer-backed one is converted once and keeps the array
     *
     * @throws IllegalStateException if the dtype is not f32
     */
    public float[] floats() {
        requireType(DType.F32);
        if (array == null) {
            float[] a = new float[size];
            buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
            array = a;
        }
        return (float[]) array;
    }

    /** {@return a read-only view of the f32 elements, without copying the storage} */
    public FloatBuffer floatView() {
        requireType(DType.F32);
        if (array != null) return FloatBuffer.wrap((float[]) array).asReadOnlyBuffer();
        return buffer.duplicate()
                .order(ByteOrder.LITTLE_ENDIAN)
                .limit(size * 4)
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .asReadOnlyBuffer();
    }

    /**
     * {@return the storage array of the dtype's kind (see the class comment)}; a buffer-backed tensor is converted
     * once
     */
    public Object array() {
        if (array == null) {
            Object a = newArray(dtype, size);
            ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            switch (a) {
                case float[] f -> b.asFloatBuffer().get(f);
                case double[] d -> b.asDoubleBuffer().get(d);
                case short[] s -> b.asShortBuffer().get(s);
                case byte[] x -> b.get(x);
                case int[] x -> b.asIntBuffer().get(x);
                case long[] x -> b.asLongBuffer().get(x);
                case boolean[] x -> {
                    for (int i = 0; i < size; i++) x[i] = b.get(i) != 0;
                }
                default -> throw new IllegalStateException("unreachable: " + dtype);
            }
            array = a;
        }
        return array;
    }

    /** {@return the f64 elements (the own array for f64 tensors)} */
    public double[] doubles() {
        requireType(DType.F64);
        return (double[]) array();
    }

    /** {@return the i64 elements (the own array for i64 tensors)} */
    public long[] longs() {
        requireType(DType.I64);
        return (long[]) array();
    }

    /** {@return the i32 elements (the own array for i32 tensors)} */
    public int[] ints() {
        requireType(DType.I32);
        return (int[]) array();
    }

    /** {@return the bool elements (the own array for bool tensors)} */
    public boolean[] bools() {
        requireType(DType.BOOL);
        return (boolean[]) array();
    }

    /** {@return the string elements (the own array)} */
    public String[] strings() {
        requireType(DType.STRING);
        return (String[]) array;
    }

    private void requireType(DType t) {
        if (none) throw new IllegalStateException("absent operand used as a tensor");
        if (dtype != t) throw new IllegalStateException("expected a " + t + " tensor, got " + dtype);
    }

    /** {@return element {@code i} (row-major) of a numeric or bool tensor as a double} */
    public double getDouble(int i) {
        Objects.checkIndex(i, size);
        if (array == null) {
            int at = i * dtype.byteSize();
            return switch (dtype) {
                case F32 -> buffer.getFloat(buffer.position() + at);
                case F64 -> buffer.getDouble(buffer.position() + at);
                case F16 -> FloatBits.toDouble(buffer.getShort(buffer.position() + at) & 0xFFFF, FloatType.Kind.F16);
                case BF16 -> FloatBits.toDouble(buffer.getShort(buffer.position() + at) & 0xFFFF, FloatType.Kind.BF16);
                case UI64 -> unsignedToDouble(buffer.getLong(buffer.position() + at));
                default -> getLong(i);
            };
        }
        return switch (array) {
            case float[] f -> f[i];
            case double[] d -> d[i];
            case short[] s when dtype == DType.F16 -> FloatBits.toDouble(s[i] & 0xFFFF, FloatType.Kind.F16);
            case short[] s when dtype == DType.BF16 -> FloatBits.toDouble(s[i] & 0xFFFF, FloatType.Kind.BF16);
            case long[] l when dtype == DType.UI64 -> unsignedToDouble(l[i]);
            default -> getLong(i);
        };
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    /** {@return element {@code i} of an integer or bool tensor (unsigned types zero-extended; floats truncated)} */
    public long getLong(int i) {
        Objects.checkIndex(i, size);
        if (array == null) {
            int at = buffer.position() + i * dtype.byteSize();
            return switch (dtype) {
                case I8 -> buffer.get(at);
                case UI8 -> buffer.get(at) & 0xFFL;
                case BOOL -> buffer.get(at) != 0 ? 1 : 0;
                case I16 -> buffer.getShort(at);
                case UI16 -> buffer.getShort(at) & 0xFFFFL;
                case I32 -> buffer.getInt(at);
                case UI32 -> buffer.getInt(at) & 0xFFFF_FFFFL;
                case I64, UI64 -> buffer.getLong(at);
                default -> (long) getDouble(i);
            };
        }
        return switch (dtype) {
            case I8 -> ((byte[]) array)[i];
            case UI8 -> ((byte[]) array)[i] & 0xFFL;
            case BOOL -> ((boolean[]) array)[i] ? 1 : 0;
            case I16 -> ((short[]) array)[i];
            case UI16 -> ((short[]) array)[i] & 0xFFFFL;
            case I32 -> ((int[]) array)[i];
            case UI32 -> ((int[]) array)[i] & 0xFFFF_FFFFL;
            case I64, UI64 -> ((long[]) array)[i];
            case STRING -> throw new IllegalStateException("string tensor has no numeric elements");
            default -> (long) getDouble(i);
        };
    }

    /** {@return element {@code i} of an f32 tensor, read from the storage without converting it} */
    public float getFloat(int i) {
        if (dtype == DType.F32) {
            Objects.checkIndex(i, size);
            return array != null ? ((float[]) array)[i] : buffer.getFloat(buffer.position() + i * 4);
        }
        return (float) getDouble(i);
    }

    /**
     * Sets element {@code i} of a numeric or bool tensor from a double (rounded to the element type; integers
     * truncate toward zero and wrap like a cast in Java, bool is {@code v != 0}). Only for tensors you allocated.
     */
    public void setDouble(int i, double v) {
        Object a = array();
        switch (a) {
            case float[] f -> f[i] = (float) v;
            case double[] d -> d[i] = v;
            case short[] x when dtype == DType.F16 -> x[i] = (short) FloatBits.fromDouble(v, FloatType.Kind.F16);
            case short[] x when dtype == DType.BF16 -> x[i] = (short) FloatBits.fromDouble(v, FloatType.Kind.BF16);
            case boolean[] x -> x[i] = v != 0;
            default -> setLong(i, (long) v);
        }
    }

    /** Sets element {@code i} of an integer or bool tensor (low bits kept for narrower types). */
    public void setLong(int i, long v) {
        Object a = array();
        switch (a) {
            case byte[] x -> x[i] = (byte) v;
            case short[] x when dtype == DType.I16 || dtype == DType.UI16 -> x[i] = (short) v;
            case int[] x -> x[i] = (int) v;
            case long[] x -> x[i] = v;
            case boolean[] x -> x[i] = v != 0;
            default -> setDouble(i, v);
        }
    }

    /** {@return the elements as little-endian packed bytes (a new heap buffer)} */
    public ByteBuffer toBytes() {
        if (dtype == DType.STRING) throw new IllegalStateException("string tensors have no byte form");
        ByteBuffer out = ByteBuffer.allocate(size * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        if (array == null) {
            out.put(buffer.duplicate().limit(buffer.position() + size * dtype.byteSize()));
        } else {
            switch (array) {
                case float[] f -> out.asFloatBuffer().put(f);
                case double[] d -> out.asDoubleBuffer().put(d);
                case short[] s -> out.asShortBuffer().put(s);
                case byte[] x -> out.put(x);
                case int[] x -> out.asIntBuffer().put(x);
                case long[] x -> out.asLongBuffer().put(x);
                case boolean[] x -> {
                    for (boolean b : x) out.put((byte) (b ? 1 : 0));
                }
                default -> throw new IllegalStateException("unreachable");
            }
        }
        return out.rewind();
    }

    /** {@return this tensor converted to f32 (itself if it already is)} */
    public Tensor toF32() {
        if (dtype == DType.F32) return this;
        float[] out = new float[size];
        for (int i = 0; i < size; i++) out[i] = (float) getDouble(i);
        return of(out, shape);
    }

    /** {@return the elements of an integer tensor as longs (a new array unless the tensor is i64)} */
    public long[] toLongs() {
        if (dtype == DType.I64) return longs();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) out[i] = getLong(i);
        return out;
    }

    private Tensor broadcastScalarTo(int[] newShape) {
        Tensor t = zeros(dtype, newShape);
        if (t.size == 0) return t;
        Object one = array();
        Object a = t.array;
        switch (a) {
            case float[] f -> Arrays.fill(f, ((float[]) one)[0]);
            case double[] d -> Arrays.fill(d, ((double[]) one)[0]);
            case short[] s -> Arrays.fill(s, ((short[]) one)[0]);
            case byte[] x -> Arrays.fill(x, ((byte[]) one)[0]);
            case int[] x -> Arrays.fill(x, ((int[]) one)[0]);
            case long[] x -> Arrays.fill(x, ((long[]) one)[0]);
            case boolean[] x -> Arrays.fill(x, ((boolean[]) one)[0]);
            default -> throw new IllegalStateException("unreachable");
        }
        return t;
    }

    /** {@return the IR type of this tensor} */
    public TensorType irType() {
        List<Long> dims = new java.util.ArrayList<>();
        for (int d : shape) dims.add((long) d);
        return TensorType.of(dims, dtype.toIrType());
    }

    /** {@return whether {@code o} has the same dtype, shape and elements (NaNs compare equal)} */
    public boolean contentEquals(Tensor o) {
        if (o.dtype != dtype || !Arrays.equals(o.shape, shape)) return false;
        if (dtype == DType.STRING) return Arrays.equals(strings(), o.strings());
        return toBytes().equals(o.toBytes());
    }

    /** {@return the shape and dtype, e.g. {@code tensor<2x3xf32>}} */
    @Override
    public String toString() {
        if (none) return "none";
        StringBuilder b = new StringBuilder("tensor<");
        for (int d : shape) b.append(d).append('x');
        return b.append(dtype.name().toLowerCase(java.util.Locale.ROOT))
                .append('>')
                .toString();
    }

    @Override
    public String describe() {
        return toString();
    }

    /** {@return the shape as a short text, e.g. {@code [2, 3]}} */
    public static String shapeText(int[] shape) {
        return Arrays.toString(shape);
    }

    /** {@return {@code Optional.of(this)} unless this is the absent-operand marker} */
    public Optional<Tensor> present() {
        return none ? Optional.empty() : Optional.of(this);
    }
}
