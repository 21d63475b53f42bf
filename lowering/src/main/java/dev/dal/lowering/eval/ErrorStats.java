package dev.dal.lowering.eval;

/**
 * The error between a reference and a test value accumulated over samples: mergeable, so samples can be compared on
 * several threads and their statistics combined. Over all samples, mae, mse and max abs error are taken over every
 * element of every sample; the PSNR's peak is the largest |reference| seen in any sample; the cosine similarity is
 * computed per sample and averaged (its minimum over samples is kept too).
 */
public final class ErrorStats {
    private long samples;
    private long elements;
    private double sumAbs;
    private double sumSquares;
    private double maxAbs;
    private double peak;
    private double sumCosine;
    private double minCosine = Double.POSITIVE_INFINITY;

    /** {@return the statistics of one sample} */
    public static ErrorStats of(float[] ref, float[] test) {
        ErrorStats s = new ErrorStats();
        s.add(ref, test);
        return s;
    }

    /** Adds one sample's pair of values (of equal, non-zero length). */
    public void add(float[] ref, float[] test) {
        if (ref.length != test.length || ref.length == 0)
            throw new IllegalArgumentException("cannot compare " + ref.length + " with " + test.length + " elements");
        double dot = 0, rr = 0, tt = 0;
        for (int i = 0; i < ref.length; i++) {
            double r = ref[i], t = test[i], d = Math.abs(r - t);
            sumAbs += d;
            sumSquares += d * d;
            maxAbs = Math.max(maxAbs, d);
            peak = Math.max(peak, Math.abs(r));
            dot += r * t;
            rr += r * r;
            tt += t * t;
        }
        double c = Metrics.cosine(dot, rr, tt);
        sumCosine += c;
        minCosine = Math.min(minCosine, c);
        elements += ref.length;
        samples++;
    }

    /** Adds the samples another accumulator has seen. */
    public void merge(ErrorStats o) {
        samples += o.samples;
        elements += o.elements;
        sumAbs += o.sumAbs;
        sumSquares += o.sumSquares;
        maxAbs = Math.max(maxAbs, o.maxAbs);
        peak = Math.max(peak, o.peak);
        sumCosine += o.sumCosine;
        minCosine = Math.min(minCosine, o.minCosine);
    }

    /** {@return the metrics of the samples added so far (at least one)} */
    public Summary summary() {
        if (samples == 0) throw new IllegalStateException("no samples compared");
        double mse = sumSquares / elements;
        return new Summary(
                samples,
                elements,
                sumAbs / elements,
                mse,
                Metrics.psnr(peak, mse),
                sumCosine / samples,
                minCosine,
                maxAbs,
                peak);
    }

    /** {@return whether any sample was added} */
    public boolean isEmpty() {
        return samples == 0;
    }

    /**
     * The metrics of one compared value over all samples.
     *
     * @param samples     how many samples were compared
     * @param elements    how many elements, over all samples
     * @param mae         mean absolute error
     * @param mse         mean squared error
     * @param psnr        PSNR in dB against the peak (may be ±∞, see {@link Metrics})
     * @param cosine      mean per-sample cosine similarity
     * @param minCosine   the lowest per-sample cosine similarity
     * @param maxAbsError the largest absolute error
     * @param peak        the largest |reference value|
     */
    public record Summary(
            long samples,
            long elements,
            double mae,
            double mse,
            double psnr,
            double cosine,
            double minCosine,
            double maxAbsError,
            double peak) {}
}
