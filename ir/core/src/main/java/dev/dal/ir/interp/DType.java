package dev.dal.ir.interp;

import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.OpaqueType;
import dev.dal.ir.QuantizedElementType;
import dev.dal.ir.Type;
import java.util.Optional;

/**
 * The element types a runtime {@link Tensor} can hold, with their storage width, NumPy descriptor and IR element
 * type. Booleans are {@code i1} in IR (one byte each in storage); strings are {@code !graph.string}.
 */
public enum DType {
    F32(4, "<f4"),
    F64(8, "<f8"),
    F16(2, "<f2"),
    BF16(2, ""),
    I8(1, "|i1"),
    I16(2, "<i2"),
    I32(4, "<i4"),
    I64(8, "<i8"),
    UI8(1, "|u1"),
    UI16(2, "<u2"),
    UI32(4, "<u4"),
    UI64(8, "<u8"),
    BOOL(1, "|b1"),
    STRING(0, "");

    private final int bytes;
    private final String npyDescr;

    DType(int bytes, String npyDescr) {
        this.bytes = bytes;
        this.npyDescr = npyDescr;
    }

    /** {@return the bytes one element takes in packed little-endian storage (0 for strings)} */
    public int byteSize() {
        return bytes;
    }

    /** {@return the NumPy {@code descr} of this type, if NumPy has one (bf16 and strings have none here)} */
    public Optional<String> npyDescr() {
        return npyDescr.isEmpty() ? Optional.empty() : Optional.of(npyDescr);
    }

    /** {@return whether this is one of the floating-point types} */
    public boolean isFloat() {
        return this == F32 || this == F64 || this == F16 || this == BF16;
    }

    /** {@return whether this is a signed or unsigned integer type (not bool)} */
    public boolean isInteger() {
        return switch (this) {
            case I8, I16, I32, I64, UI8, UI16, UI32, UI64 -> true;
            default -> false;
        };
    }

    /** {@return whether this is an unsigned integer type} */
    public boolean isUnsigned() {
        return this == UI8 || this == UI16 || this == UI32 || this == UI64;
    }

    /** {@return the IR element type of this dtype} */
    public Type toIrType() {
        return switch (this) {
            case F32 -> FloatType.F32;
            case F64 -> FloatType.F64;
            case F16 -> FloatType.F16;
            case BF16 -> FloatType.BF16;
            case I8 -> IntegerType.I8;
            case I16 -> IntegerType.I16;
            case I32 -> IntegerType.I32;
            case I64 -> IntegerType.I64;
            case UI8 -> new IntegerType(8, IntegerType.Signedness.UNSIGNED);
            case UI16 -> new IntegerType(16, IntegerType.Signedness.UNSIGNED);
            case UI32 -> new IntegerType(32, IntegerType.Signedness.UNSIGNED);
            case UI64 -> new IntegerType(64, IntegerType.Signedness.UNSIGNED);
            case BOOL -> IntegerType.I1;
            case STRING -> new OpaqueType("graph", "string");
        };
    }

    /**
     * {@return the dtype of an IR element type, if the runtime supports it}; a quantized element type maps to the dtype
     * of its storage type
     */
    public static Optional<DType> fromIrType(Type t) {
        DType d = switch (t) {
            case FloatType f ->
                switch (f.kind()) {
                    case F32 -> F32;
                    case F64 -> F64;
                    case F16 -> F16;
                    case BF16 -> BF16;
                    default -> null;
                };
            case IntegerType i -> {
                boolean unsigned = i.signedness() == IntegerType.Signedness.UNSIGNED;
                yield switch (i.width()) {
                    case 1 -> BOOL;
                    case 8 -> unsigned ? UI8 : I8;
                    case 16 -> unsigned ? UI16 : I16;
                    case 32 -> unsigned ? UI32 : I32;
                    case 64 -> unsigned ? UI64 : I64;
                    default -> null;
                };
            }
            case OpaqueType o when o.dialect().equals("graph") && o.body().equals("string") -> STRING;
            case QuantizedElementType q -> fromIrType(q.storageType()).orElse(null);
            default -> null;
        };
        return Optional.ofNullable(d);
    }

    /** {@return the dtype of a NumPy little-endian or byte-order-free descriptor} */
    public static Optional<DType> fromNpyDescr(String descr) {
        String d = descr.startsWith("=") ? "<" + descr.substring(1) : descr;
        for (DType t : values()) {
            if (t.npyDescr.isEmpty()) continue;
            if (t.npyDescr.equals(d)) return Optional.of(t);
            // NumPy writes one-byte types with '|', but '<' is also accepted for them
            if (t.bytes == 1
                    && d.length() == 3
                    && d.charAt(0) == '<'
                    && d.substring(1).equals(t.npyDescr.substring(1))) return Optional.of(t);
        }
        return Optional.empty();
    }
}
