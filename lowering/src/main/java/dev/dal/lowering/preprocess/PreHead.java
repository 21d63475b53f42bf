package dev.dal.lowering.preprocess;

import dev.dal.lowering.preprocess.PreprocessPass.Color;
import java.util.List;
import java.util.Optional;

/**
 * What the pre-head computes, per model channel {@code c}: {@code y[c] = (raw[source[c]] - mean[c]) / std[c]}, that
 * is {@code y[c] = raw[source[c]] * scale[c] + shift[c]} with {@code scale = 1/std} and {@code shift = -mean/std}.
 *
 * <p>{@code source} maps a model channel to the raw channel it reads: the identity for RGB, the reversal for BGR
 * (the model is taken to expect RGB), and all zeros for GRAY, whose one raw channel is replicated to every model
 * channel (R = G = B = gray, as OpenCV's GRAY2RGB).
 *
 * @param source      the raw channel each model channel reads
 * @param rawChannels how many channels the raw input has
 * @param mean        the mean of each model channel
 * @param scale       {@code 1/std} of each model channel
 */
record PreHead(int[] source, int rawChannels, double[] mean, double[] scale) {

    /**
     * {@return the pre-head for a model input of {@code channels} channels, or an error naming the bad option}
     *
     * @param input the input's name, for messages
     */
    static Result of(String input, int channels, List<Double> mean, List<Double> std, Color color) {
        Optional<String> bad = count("mean", mean, input, channels).or(() -> count("std", std, input, channels));
        if (bad.isPresent()) return new Result.Invalid(bad.get());
        for (double s : std)
            if (!(s > 0) || Double.isInfinite(s))
                return new Result.Invalid("option 'std' must hold positive numbers, got " + format(s));
        for (double m : mean)
            if (!Double.isFinite(m)) return new Result.Invalid("option 'mean' must hold finite numbers, got " + m);
        int[] source = new int[channels];
        int raw = channels;
        switch (color) {
            case RGB, BGR -> {
                if (channels != 3)
                    return new Result.Invalid("option 'color' is '" + name(color) + "' but input '" + input + "' has "
                            + channels(channels) + "; rgb and bgr need 3 (use color=gray for one channel)");
                for (int c = 0; c < 3; c++) source[c] = color == Color.BGR ? 2 - c : c;
            }
            case GRAY -> {
                if (channels != 1 && channels != 3)
                    return new Result.Invalid("option 'color' is 'gray' but input '" + input + "' has "
                            + channels(channels) + "; gray feeds a model input of 1 or 3 channels");
                raw = 1;
            }
        }
        double[] m = new double[channels];
        double[] s = new double[channels];
        for (int c = 0; c < channels; c++) {
            m[c] = mean.isEmpty() ? 0 : mean.get(mean.size() == 1 ? 0 : c);
            s[c] = std.isEmpty() ? 1 : 1 / std.get(std.size() == 1 ? 0 : c);
        }
        return new Result.Valid(new PreHead(source, raw, m, s));
    }

    private static Optional<String> count(String option, List<Double> values, String input, int channels) {
        if (values.size() <= 1 || values.size() == channels) return Optional.empty();
        return Optional.of("option '" + option + "' has " + values.size() + " values, input '" + input + "' has "
                + channels(channels));
    }

    private static String channels(int n) {
        return n + (n == 1 ? " channel" : " channels");
    }

    private static String name(Color c) {
        return c.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String format(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** {@return how many channels the model input has} */
    int channels() {
        return source.length;
    }

    /** {@return {@code -mean[c] / std[c]}} */
    double shift(int c) {
        return -mean[c] * scale[c];
    }

    /** {@return whether the channel map is the identity (no gather needed)} */
    boolean identitySource() {
        if (rawChannels != channels()) return false;
        for (int c = 0; c < source.length; c++) if (source[c] != c) return false;
        return true;
    }

    /** {@return whether every scale is one} */
    boolean unitScale() {
        for (double s : scale) if (s != 1) return false;
        return true;
    }

    /** {@return whether every mean is zero} */
    boolean zeroMean() {
        for (double m : mean) if (m != 0) return false;
        return true;
    }

    /** {@return whether the model channels that read one raw channel share their mean} */
    boolean meanPerRawChannel() {
        for (int c = 0; c < source.length; c++)
            for (int d = 0; d < c; d++) if (source[c] == source[d] && mean[c] != mean[d]) return false;
        return true;
    }

    /** {@return this pre-head after an explicit gather: the channel map is then the identity} */
    PreHead gathered() {
        int[] id = new int[source.length];
        for (int c = 0; c < id.length; c++) id[c] = c;
        return new PreHead(id, source.length, mean, scale);
    }

    /** The pre-head, or why the options do not fit the input. */
    sealed interface Result {
        /** Options that fit. */
        record Valid(PreHead head) implements Result {}

        /** Options that do not fit: the message names the option. */
        record Invalid(String message) implements Result {}
    }
}
