package dev.dal.ir;

/** A floating-point type: {@code f16}, {@code bf16}, {@code f32}, {@code f64} and the small float formats. */
public record FloatType(Kind kind) implements Type {
    /** The float formats MLIR's builtin dialect knows, with their keyword and bit width. */
    public enum Kind {
        F8E5M2("f8E5M2", 8),
        F8E4M3FN("f8E4M3FN", 8),
        F8E5M2FNUZ("f8E5M2FNUZ", 8),
        F8E4M3FNUZ("f8E4M3FNUZ", 8),
        F8E4M3B11FNUZ("f8E4M3B11FNUZ", 8),
        BF16("bf16", 16),
        F16("f16", 16),
        TF32("tf32", 19),
        F32("f32", 32),
        F64("f64", 64),
        F80("f80", 80),
        F128("f128", 128);

        private final String keyword;
        private final int width;

        Kind(String keyword, int width) {
            this.keyword = keyword;
            this.width = width;
        }

        /** {@return the keyword in text, e.g. {@code bf16}} */
        public String keyword() {
            return keyword;
        }

        /** {@return the storage width in bits} */
        public int width() {
            return width;
        }
    }

    public static final FloatType F16 = new FloatType(Kind.F16);
    public static final FloatType BF16 = new FloatType(Kind.BF16);
    public static final FloatType F32 = new FloatType(Kind.F32);
    public static final FloatType F64 = new FloatType(Kind.F64);

    public FloatType {
        java.util.Objects.requireNonNull(kind);
    }

    /** {@return the width in bits} */
    public int width() {
        return kind.width();
    }

    @Override
    public String toString() {
        return kind.keyword();
    }
}
