package dev.dal.lowering.eval;

/**
 * The error metrics between a reference tensor (the float model's) and a test tensor (the quantized model's), over
 * their elements in the same order. Each function takes two arrays of equal, non-zero length.
 *
 * <ul>
 *   <li>mae: mean of |ref - test|
 *   <li>mse: mean of (ref - test)²
 *   <li>max abs error: max of |ref - test|
 *   <li>cosine similarity: ref·test / (|ref| |test|); 1 when both are all zeros, 0 when only one is
 *   <li>psnr (dB): 10 log10(peak² / mse), where the peak is the largest |ref| of the reference tensor (so the
 *       measure does not depend on a nominal value range, which activations do not have); +∞ when the tensors are
 *       equal, −∞ when they differ but the reference is all zeros
 * </ul>
 */
public final class Metrics {
    private Metrics() {}

    /** {@return the mean absolute error} */
    public static double mae(float[] ref, float[] test) {
        check(ref, test);
        double s = 0;
        for (int i = 0; i < ref.length; i++) s += Math.abs((double) ref[i] - test[i]);
        return s / ref.length;
    }

    /** {@return the mean squared error} */
    public static double mse(float[] ref, float[] test) {
        check(ref, test);
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = (double) ref[i] - test[i];
            s += d * d;
        }
        return s / ref.length;
    }

    /** {@return the largest absolute difference} */
    public static double maxAbsError(float[] ref, float[] test) {
        check(ref, test);
        double m = 0;
        for (int i = 0; i < ref.length; i++) m = Math.max(m, Math.abs((double) ref[i] - test[i]));
        return m;
    }

    /** {@return the cosine similarity, 1 when both tensors are all zeros and 0 when only one is} */
    public static double cosine(float[] ref, float[] test) {
        check(ref, test);
        double dot = 0, rr = 0, tt = 0;
        for (int i = 0; i < ref.length; i++) {
            dot += (double) ref[i] * test[i];
            rr += (double) ref[i] * ref[i];
            tt += (double) test[i] * test[i];
        }
        return cosine(dot, rr, tt);
    }

    /** {@return the cosine similarity from a dot product and the two squared norms} */
    static double cosine(double dot, double refNorm2, double testNorm2) {
        if (refNorm2 == 0 && testNorm2 == 0) return 1;
        if (refNorm2 == 0 || testNorm2 == 0) return 0;
        return Math.max(-1, Math.min(1, dot / (Math.sqrt(refNorm2) * Math.sqrt(testNorm2))));
    }

    /** {@return the peak signal-to-noise ratio in dB, the peak being the reference's largest absolute value} */
    public static double psnr(float[] ref, float[] test) {
        double peak = 0;
        for (float v : ref) peak = Math.max(peak, Math.abs(v));
        return psnr(peak, mse(ref, test));
    }

    /** {@return {@code 10 log10(peak² / mse)}: +∞ for no error, −∞ for an error against an all-zero reference} */
    public static double psnr(double peak, double mse) {
        if (mse == 0) return Double.POSITIVE_INFINITY;
        if (peak == 0) return Double.NEGATIVE_INFINITY;
        return 10 * Math.log10(peak * peak / mse);
    }

    private static void check(float[] ref, float[] test) {
        if (ref.length != test.length)
            throw new IllegalArgumentException(
                    "tensors of different sizes: " + ref.length + " and " + test.length + " elements");
        if (ref.length == 0) throw new IllegalArgumentException("empty tensors have no error metrics");
    }
}
