package dev.dal.dialect.quant.kernel;

import dev.dal.dialect.graph.kernel.Elementwise;
import dev.dal.ir.IntegerType;
import dev.dal.ir.QuantizedElementType;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Lookup tables for the non-linear int8 ops (DESIGN §7): one output storage value for each of the 2^8 input storage
 * values, indexed by {@code q - min(storage type)} ({@code q + 128} for {@code i8}, {@code q} for {@code u8}).
 */
public final class Lut {
    private Lut() {}

    /** The functions {@code qnn.lut} tables are commonly built from, by the name written in its {@code function}. */
    public enum Function {
        SIGMOID(x -> 1 / (1 + Math.exp(-x))),
        TANH(Math::tanh),
        HARD_SIGMOID(x -> Math.max(0, Math.min(1, x / 6 + 0.5))),
        HARD_SWISH(x -> x * Math.max(0, Math.min(1, x / 6 + 0.5))),
        GELU(x -> 0.5 * x * (1 + Elementwise.erf(x / Math.sqrt(2)))),
        SILU(x -> x / (1 + Math.exp(-x))),
        EXP(Math::exp),
        ELU(x -> x >= 0 ? x : Math.expm1(x)),
        SOFTPLUS(x -> Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0));

        private final DoubleUnaryOperator f;

        Function(DoubleUnaryOperator f) {
            this.f = f;
        }

        /** {@return the real function} */
        public DoubleUnaryOperator function() {
            return f;
        }

        /** {@return the lowercase name written in IR, e.g. {@code hard_swish}} */
        public String irName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@return the function of an IR name} */
        public static Optional<Function> of(String irName) {
            for (Function fn : values()) if (fn.irName().equals(irName)) return Optional.of(fn);
            return Optional.empty();
        }
    }

    /** The number of entries of a table over 8-bit storage. */
    public static final int SIZE = 256;

    /**
     * {@return the table of {@code f} from {@code in} to {@code out}: entry {@code q - min} is
     * {@code saturate(zp_out + round_half_away(f((q - zp_in) * s_in) / s_out))}}
     *
     * @throws IllegalArgumentException if either type is not per-tensor with 8-bit storage
     */
    public static int[] build(DoubleUnaryOperator f, QuantizedElementType in, QuantizedElementType out) {
        if (in.storageType().width() != 8 || in.axis().isPresent() || out.axis().isPresent())
            throw new IllegalArgumentException("lookup tables need per-tensor types with 8-bit input storage");
        long base = base(in.storageType());
        int[] table = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double real = in.dequantize(base + i, 0);
            table[i] = (int) QuantCast.quantize(
                    f.applyAsDouble(real), out.scale(0), out.zeroPoint(0), out.storageMin(), out.storageMax());
        }
        return table;
    }

    /** {@return the table entry of every stored input value} */
    public static long[] apply(int[] q, int[] table, IntegerType inStorage) {
        long base = base(inStorage);
        long[] out = new long[q.length];
        for (int i = 0; i < q.length; i++) out[i] = table[(int) (q[i] - base)];
        return out;
    }

    private static long base(IntegerType storage) {
        return storage.signedness() == IntegerType.Signedness.UNSIGNED ? 0 : -(1L << (storage.width() - 1));
    }
}
