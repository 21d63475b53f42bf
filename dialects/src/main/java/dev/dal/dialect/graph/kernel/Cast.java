package dev.dal.dialect.graph.kernel;

import dev.dal.ir.FloatBits;
import dev.dal.ir.FloatType;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * ONNX Cast between any two element types, strings included.
 *
 * <ul>
 *   <li>To a float type: the value rounded once, to nearest-even (f16 and bf16 included; integers convert
 *       directly, not through another float type).
 *   <li>Float to integer: truncated toward zero, then wrapped to the width (NumPy's {@code astype}); NaN gives 0.
 *   <li>Integer to integer: the low bits (two's complement wrap). To bool: {@code v != 0} (NaN is true).
 *   <li>To string: integers in decimal, bools {@code True}/{@code False}, floats as NumPy's {@code str}: the
 *       shortest digits that read back to the same value, positional from {@code 1e-4} up to a limit
 *       that depends on the type ({@code 1e16} for f64, {@code 1e6} for f32, {@code 1e3} for f16) ({@code 0.039187793},
 *       {@code 1.0}), else scientific ({@code 1e-05}, {@code 1.5e+16}); {@code nan},
 *       {@code inf}, {@code -inf}.
 *   <li>From string: plain and scientific numerals; {@code NaN}, {@code INF}, {@code +INF}, {@code -INF} in any case
 *       (also {@code inf}inity). Integers read exactly; a fractional numeral cast to an integer truncates.
 * </ul>
 */
public final class Cast {
    private Cast() {}

    /**
     * {@return x converted to {@code to}}
     *
     * @throws IllegalArgumentException for a string that is not a number
     */
    public static Tensor cast(Tensor x, DType to) {
        DType from = x.dtype();
        if (from == to) return x;
        if (to == DType.STRING) return toStrings(x);
        Tensor out = Tensor.zeros(to, x.shape());
        int n = x.size();
        if (from == DType.STRING) {
            String[] s = x.strings();
            for (int i = 0; i < n; i++) setFromString(out, i, s[i]);
            return out;
        }
        for (int i = 0; i < n; i++) {
            if (to == DType.BOOL)
                out.setLong(i, from.isFloat() ? (x.getDouble(i) != 0 ? 1 : 0) : x.getLong(i) != 0 ? 1 : 0);
            else if (to.isFloat()) setFloat(out, i, x, i);
            else out.setLong(i, from.isFloat() ? truncate(x.getDouble(i), to) : x.getLong(i));
        }
        return out;
    }

    /** Element {@code i} of float tensor {@code out} from element {@code j} of a numeric tensor, rounded once. */
    private static void setFloat(Tensor out, int i, Tensor x, int j) {
        DType from = x.dtype();
        if (from.isFloat() || from == DType.UI64 || from == DType.BOOL) out.setDouble(i, x.getDouble(j));
        else if (out.dtype() == DType.F32) out.setDouble(i, (float) x.getLong(j)); // long -> float directly
        else if (out.dtype() == DType.F64) out.setDouble(i, (double) x.getLong(j));
        else out.setDouble(i, (double) x.getLong(j)); // exact below 2^53, then rounded once to f16/bf16
    }

    /** {@return v truncated toward zero as the bits of integer type {@code to}} (wrapped by the tensor's setter) */
    private static long truncate(double v, DType to) {
        if (Double.isNaN(v)) return 0;
        if (to == DType.UI64 && v >= 0x1p63) return (long) (v - 0x1p63) ^ Long.MIN_VALUE;
        return (long) v;
    }

    private static Tensor toStrings(Tensor x) {
        String[] out = new String[x.size()];
        DType from = x.dtype();
        for (int i = 0; i < out.length; i++) {
            if (from == DType.BOOL) out[i] = x.getLong(i) != 0 ? "True" : "False";
            else if (from == DType.UI64) out[i] = Long.toUnsignedString(x.getLong(i));
            else if (from.isInteger()) out[i] = Long.toString(x.getLong(i));
            else out[i] = format(x.getDouble(i), from);
        }
        return Tensor.of(out, x.shape());
    }

    /** {@return a float of element type {@code type} as NumPy's {@code str} writes it (see the class comment)} */
    public static String format(double v, DType type) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0.0";
        BigDecimal d = shortest(v, type).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < positionalLimit(type)) {
            String s = d.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale(); // value = 0.digits... * 10^(exp + 1)
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
                + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }

    /**
     * {@return where NumPy (2.x) switches to scientific notation for large values of a type}: beyond the digits the
     * type holds ({@code str(np.float32(1e6))} is {@code 1e+06}, {@code str(np.float16(1000))} is {@code 1e+03})
     */
    private static double positionalLimit(DType type) {
        return switch (type) {
            case F64 -> 1e16;
            case F32 -> 1e6;
            default -> 1e3; // f16, and bf16 (fewer digits still), which NumPy itself does not have
        };
    }

    /** {@return the shortest decimal that rounds back to v in its type} */
    private static BigDecimal shortest(double v, DType type) {
        // Java's toString gives the shortest uniquely-distinguishing digits for float and double (JDK 19 and on)
        if (type == DType.F32) return new BigDecimal(Float.toString((float) v));
        if (type == DType.F64) return new BigDecimal(Double.toString(v));
        FloatType.Kind kind = type == DType.F16 ? FloatType.Kind.F16 : FloatType.Kind.BF16;
        long bits = FloatBits.fromDouble(v, kind);
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; ; p++) {
            BigDecimal d = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (FloatBits.fromDouble(d.doubleValue(), kind) == bits) return d;
        }
    }

    private static void setFromString(Tensor out, int i, String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        DType to = out.dtype();
        if (unsigned.equals("nan") || unsigned.equals("inf") || unsigned.equals("infinity")) {
            double v = unsigned.equals("nan")
                    ? Double.NaN
                    : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (to.isFloat()) out.setDouble(i, v);
            else if (to == DType.BOOL) out.setLong(i, 1);
            else throw new IllegalArgumentException("cannot cast string '" + text + "' to " + to);
            return;
        }
        try {
            if (to == DType.F32) out.setDouble(i, Float.parseFloat(s)); // one rounding, straight to f32
            else if (to.isFloat()) out.setDouble(i, Double.parseDouble(s));
            else {
                long v;
                try {
                    v = to == DType.UI64 ? Long.parseUnsignedLong(s) : Long.parseLong(s);
                } catch (NumberFormatException e) {
                    v = truncate(Double.parseDouble(s), to);
                }
                out.setLong(i, to == DType.BOOL ? (v != 0 ? 1 : 0) : v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot cast string '" + text + "' to " + to + ": not a number");
        }
    }
}
