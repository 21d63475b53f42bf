package dev.dal.ir.print;

import dev.dal.ir.FloatType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes float values exactly as MLIR's printer does, so that DAL's output and {@code mlir-opt}'s agree byte for byte.
 *
 * <p>The rule (MLIR's documented behaviour, checked against {@code mlir-opt} 16): first try the exponential form with
 * six digits after the point ({@code 1.000000e+00}); use it if reading it back gives the same value. Otherwise use
 * the shortest form that holds enough digits for the format ({@code 2 + precision * 59 / 196} significant digits,
 * trailing zeros dropped, plain notation when at most three padding zeros are needed, {@code 1.5E+20} style
 * otherwise); if that form has no decimal point, or the value is an infinity or NaN, write the bit pattern as
 * {@code 0x7FC00000}. Decimal digits are rounded half up from the exact binary value.
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** {@return the text of a value of {@code kind} given by its bit pattern} */
    public static String format(long bits, FloatType.Kind kind) {
        StringBuilder sb = new StringBuilder(16);
        append(sb, bits, kind);
        return sb.toString();
    }

    /** Appends the text of a value of {@code kind} given by its bit pattern. */
    public static void append(StringBuilder sb, long bits, FloatType.Kind kind) {
        Semantics s = Semantics.of(kind);
        if (s == null || s.isSpecial(bits)) {
            appendHex(sb, bits, kind.width());
            return;
        }
        boolean negative = s.isNegative(bits);
        long[] mp = s.mantissaAndPower(bits);
        if (mp[0] == 0) {
            if (negative) sb.append('-');
            sb.append("0.000000e+00");
            return;
        }
        // Exponential form with six digits after the point.
        Digits d = Digits.of(mp[0], (int) mp[1], 6);
        String exp = scientific(d, 6, false);
        if (s.roundTrips(d, bits & ~s.signMask())) {
            if (negative) sb.append('-');
            sb.append(exp);
            return;
        }
        int precision = 2 + s.precision * 59 / 196;
        Digits full = Digits.of(mp[0], (int) mp[1], precision);
        String shortest = plainOrScientific(full, precision);
        if (shortest.indexOf('.') >= 0) {
            if (negative) sb.append('-');
            sb.append(shortest);
            return;
        }
        appendHex(sb, bits, kind.width());
    }

    private static void appendHex(StringBuilder sb, long bits, int width) {
        sb.append("0x");
        String h = Long.toHexString(bits).toUpperCase(java.util.Locale.ROOT);
        int digits = (width + 3) / 4;
        for (int i = h.length(); i < digits; i++) sb.append('0');
        sb.append(h);
    }

    /**
     * Significant decimal digits (no trailing zeros) and the power of ten of the last digit, made as LLVM's APFloat
     * makes them: the exact value {@code mant * 2^pow} as an integer times a power of ten, first cut down by a
     * truncating division to about as many bits as {@code precision} digits need, then rounded half up (on the next
     * digit only) to {@code precision} digits. The truncation step is why {@code 0.1 : f16} prints as
     * {@code 9.997550e-02} rather than the correctly rounded {@code 9.997559e-02}.
     */
    private record Digits(int exp, String text) {
        static Digits of(long mant, int pow, int precision) {
            int tz = Long.numberOfTrailingZeros(mant);
            mant >>>= tz;
            pow += tz;
            int bitsRequired = (precision * 196 + 58) / 59;
            int exp = 0;
            String t;
            if (pow >= 0 && pow < 64 - (64 - Long.numberOfLeadingZeros(mant)) - 1) {
                long v = mant << pow;
                int bits = 64 - Long.numberOfLeadingZeros(v);
                if (bits > bitsRequired) {
                    int tens = (bits - bitsRequired) * 59 / 196;
                    if (tens > 0) {
                        v /= POW10[tens];
                        exp += tens;
                    }
                }
                t = Long.toString(v);
            } else if (pow < 0 && -pow < 28 && mant < (1L << 53)) {
                // mant * 5^k in 128 bits (hi, lo): no BigInteger for the common magnitudes.
                long p5 = POW5_LONG[-pow];
                long hi = Math.unsignedMultiplyHigh(mant, p5), lo = mant * p5;
                exp = pow;
                int bits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
                if (bits > bitsRequired) {
                    int tens = (bits - bitsRequired) * 59 / 196;
                    exp += tens;
                    while (tens > 0) {
                        int step = Math.min(tens, 9);
                        long d = POW10[step];
                        // (hi, lo) / d with d < 2^32, in 32-bit limbs
                        long qh = Long.divideUnsigned(hi, d), r = Long.remainderUnsigned(hi, d);
                        long x1 = (r << 32) | (lo >>> 32);
                        long q1 = x1 / d;
                        r = x1 % d;
                        long x0 = (r << 32) | (lo & 0xFFFF_FFFFL);
                        long q0 = x0 / d;
                        hi = qh;
                        lo = (q1 << 32) | q0;
                        tens -= step;
                    }
                }
                t = hi == 0 && lo >= 0
                        ? Long.toString(lo)
                        : new BigInteger(
                                        1,
                                        java.nio.ByteBuffer.allocate(16)
                                                .putLong(hi)
                                                .putLong(lo)
                                                .array())
                                .toString();
            } else {
                BigInteger sig = BigInteger.valueOf(mant);
                if (pow > 0) sig = sig.shiftLeft(pow);
                else if (pow < 0) {
                    sig = sig.multiply(pow5(-pow));
                    exp = pow;
                }
                int bits = sig.bitLength();
                if (bits > bitsRequired) {
                    int tens = (bits - bitsRequired) * 59 / 196;
                    if (tens > 0) {
                        sig = sig.divide(pow10(tens));
                        exp += tens;
                    }
                }
                t = sig.bitLength() < 63 ? Long.toString(sig.longValue()) : sig.toString();
            }
            int end = t.length();
            while (end > 1 && t.charAt(end - 1) == '0') end--;
            exp += t.length() - end;
            t = t.substring(0, end);
            if (t.length() > precision) {
                int drop = t.length() - precision;
                boolean up = t.charAt(precision) >= '5';
                String head = t.substring(0, precision);
                String k;
                if (precision <= 18) k = up ? Long.toString(Long.parseLong(head) + 1) : head;
                else k = up ? new BigInteger(head).add(BigInteger.ONE).toString() : head;
                exp += drop;
                if (k.length() > precision) { // carried into a new digit: 999 -> 1000
                    exp += k.length() - precision;
                    k = k.substring(0, precision);
                }
                int e2 = k.length();
                while (e2 > 1 && k.charAt(e2 - 1) == '0') e2--;
                exp += k.length() - e2;
                t = k.substring(0, e2);
            }
            return new Digits(exp, t);
        }
    }

    private static final long[] POW10 = new long[19];
    private static final long[] POW5_LONG = new long[28];
    private static final BigInteger[] POW5 = new BigInteger[1100];
    private static final BigInteger[] BIG_POW10 = new BigInteger[400];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
        POW5_LONG[0] = 1;
        for (int i = 1; i < POW5_LONG.length; i++) POW5_LONG[i] = POW5_LONG[i - 1] * 5;
    }

    private static BigInteger pow5(int k) {
        if (k >= POW5.length) return BigInteger.valueOf(5).pow(k);
        BigInteger p = POW5[k];
        if (p == null) POW5[k] = p = BigInteger.valueOf(5).pow(k);
        return p;
    }

    private static BigInteger pow10(int k) {
        if (k >= BIG_POW10.length) return BigInteger.TEN.pow(k);
        BigInteger p = BIG_POW10[k];
        if (p == null) BIG_POW10[k] = p = BigInteger.TEN.pow(k);
        return p;
    }

    /** {@code d.ddddddE+XX}: padded with zeros to {@code precision} digits unless {@code truncateZero}. */
    private static String scientific(Digits d, int precision, boolean truncateZero) {
        String t = d.text;
        int e = d.exp + t.length() - 1;
        StringBuilder sb = new StringBuilder(t.length() + 8);
        sb.append(t.charAt(0)).append('.');
        if (t.length() == 1 && truncateZero) sb.append('0');
        else sb.append(t, 1, t.length());
        if (!truncateZero) for (int i = t.length(); i <= precision; i++) sb.append('0');
        sb.append(truncateZero ? 'E' : 'e').append(e >= 0 ? '+' : '-');
        int ae = Math.abs(e);
        if (!truncateZero && ae < 10) sb.append('0');
        sb.append(ae);
        return sb.toString();
    }

    /** The default form: plain notation when at most three padding zeros are needed, else scientific. */
    private static String plainOrScientific(Digits d, int precision) {
        String t = d.text;
        int n = t.length();
        int exp = d.exp;
        final int maxPadding = 3;
        boolean sci;
        if (exp >= 0) sci = exp > maxPadding || n + exp > precision;
        else {
            int msd = exp + n - 1;
            sci = msd < 0 && -msd > maxPadding;
        }
        if (sci) return scientific(d, precision, true);
        StringBuilder sb = new StringBuilder(n + 8);
        if (exp >= 0) {
            sb.append(t);
            for (int i = 0; i < exp; i++) sb.append('0');
            return sb.toString();
        }
        int whole = exp + n;
        if (whole > 0) {
            sb.append(t, 0, whole).append('.').append(t, whole, n);
        } else {
            sb.append("0.");
            for (int i = 0; i < -whole; i++) sb.append('0');
            sb.append(t);
        }
        return sb.toString();
    }

    /** An IEEE-style binary format: sign, biased exponent, explicit fraction. */
    private record Semantics(int expBits, int fracBits, int precision, boolean ieeeSpecials, FloatType.Kind kind) {
        static Semantics of(FloatType.Kind kind) {
            return switch (kind) {
                case F16 -> new Semantics(5, 10, 11, true, kind);
                case BF16 -> new Semantics(8, 7, 8, true, kind);
                case F32 -> new Semantics(8, 23, 24, true, kind);
                case F64 -> new Semantics(11, 52, 53, true, kind);
                case F8E5M2 -> new Semantics(5, 2, 3, true, kind);
                case F8E4M3FN -> new Semantics(4, 3, 4, false, kind); // no infinities; NaN is S.1111.111
                default -> null; // other small formats have their own special values: written as hex
            };
        }

        long signMask() {
            return 1L << (expBits + fracBits);
        }

        boolean isNegative(long bits) {
            return (bits & signMask()) != 0;
        }

        boolean isSpecial(long bits) {
            long e = (bits >>> fracBits) & ((1L << expBits) - 1);
            if (!ieeeSpecials) return (bits & (signMask() - 1)) == signMask() - 1;
            return e == (1L << expBits) - 1;
        }

        /** {@return {mantissa, power of two} with value {@code mantissa * 2^power}} */
        long[] mantissaAndPower(long bits) {
            long frac = bits & ((1L << fracBits) - 1);
            long e = (bits >>> fracBits) & ((1L << expBits) - 1);
            int bias = (1 << (expBits - 1)) - 1;
            if (e == 0) return new long[] {frac, 1 - bias - fracBits};
            return new long[] {frac | (1L << fracBits), e - bias - fracBits};
        }

        BigDecimal exactMagnitude(long bits) {
            long frac = bits & ((1L << fracBits) - 1);
            long e = (bits >>> fracBits) & ((1L << expBits) - 1);
            int bias = (1 << (expBits - 1)) - 1;
            long mant;
            int pow;
            if (e == 0) {
                mant = frac;
                pow = 1 - bias - fracBits;
            } else {
                mant = frac | (1L << fracBits);
                pow = (int) e - bias - fracBits;
            }
            BigDecimal m = new BigDecimal(BigInteger.valueOf(mant));
            if (pow >= 0) return m.multiply(new BigDecimal(BigInteger.TWO.pow(pow)));
            // m * 2^pow = m * 5^-pow / 10^-pow, exactly.
            return new BigDecimal(
                    BigInteger.valueOf(mant).multiply(BigInteger.valueOf(5).pow(-pow)), -pow);
        }

        /** Whether the decimal {@code digits} (positive) rounds to the positive value {@code bits} (nearest, ties even). */
        boolean roundTrips(Digits digits, long bits) {
            switch (kind) {
                case F64:
                    return Double.doubleToRawLongBits(Double.parseDouble(digits.text + "E" + digits.exp)) == bits;
                case F32:
                    return (Float.floatToRawIntBits(Float.parseFloat(digits.text + "E" + digits.exp)) & 0xFFFF_FFFFL)
                            == bits;
                default:
                    break;
            }
            BigDecimal d = new BigDecimal(new BigInteger(digits.text)).scaleByPowerOfTen(digits.exp);
            // Exact comparison with the neighbours, so that no double rounding can creep in.
            BigDecimal v = exactMagnitude(bits);
            int c = d.compareTo(v);
            if (c == 0) return true;
            long maxFinite =
                    ieeeSpecials ? (((1L << expBits) - 2) << fracBits) | ((1L << fracBits) - 1) : signMask() - 2;
            long neighbour = c > 0 ? bits + 1 : bits - 1;
            BigDecimal half;
            if (c > 0 && bits == maxFinite) {
                // Above the largest finite value, overflow happens at max + ulp/2.
                half = v.subtract(exactMagnitude(bits - 1)).divide(BigDecimal.TWO);
            } else if (c < 0 && bits == 0) {
                return false;
            } else {
                half = exactMagnitude(neighbour).subtract(v).abs().divide(BigDecimal.TWO);
            }
            int cmp = d.subtract(v).abs().compareTo(half);
            if (cmp < 0) return true;
            return cmp == 0 && (bits & 1) == 0;
        }
    }
}
