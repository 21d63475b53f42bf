package dev.dal.ir;

/** {@code i32}, {@code si8}, {@code ui16}: an integer of a bit width and signedness. */
public record IntegerType(int width, Signedness signedness) implements Type {
    /** MLIR's three integer flavours. */
    public enum Signedness {
        SIGNLESS,
        SIGNED,
        UNSIGNED
    }

    public static final IntegerType I1 = new IntegerType(1, Signedness.SIGNLESS);
    public static final IntegerType I8 = new IntegerType(8, Signedness.SIGNLESS);
    public static final IntegerType I16 = new IntegerType(16, Signedness.SIGNLESS);
    public static final IntegerType I32 = new IntegerType(32, Signedness.SIGNLESS);
    public static final IntegerType I64 = new IntegerType(64, Signedness.SIGNLESS);

    public IntegerType {
        if (width < 1 || width > 16_777_215) throw new IllegalArgumentException("invalid integer width " + width);
        java.util.Objects.requireNonNull(signedness);
    }

    /** {@return a signless integer type of the given width} */
    public static IntegerType signless(int width) {
        return switch (width) {
            case 1 -> I1;
            case 8 -> I8;
            case 16 -> I16;
            case 32 -> I32;
            case 64 -> I64;
            default -> new IntegerType(width, Signedness.SIGNLESS);
        };
    }

    @Override
    public String toString() {
        return switch (signedness) {
                    case SIGNLESS -> "i";
                    case SIGNED -> "si";
                    case UNSIGNED -> "ui";
                }
                + width;
    }
}
