package dev.dal.lowering.quantize.calib;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RangeScan} with the Vector API: two vectors of running minima and maxima over whole vectors (lanewise
 * {@code MIN}/{@code MAX} have {@link Math#min(float, float)}'s meaning, NaN included), then the tail with the plain
 * loop. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorRangeScan extends RangeScan {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    Range range(float[] values) {
        int n = values.length;
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        int i = 0;
        if (n >= 2 * L) {
            FloatVector lo0 = FloatVector.broadcast(S, lo), lo1 = lo0;
            FloatVector hi0 = FloatVector.broadcast(S, hi), hi1 = hi0;
            // two accumulators each, so consecutive vectors do not wait on one another
            for (; i <= n - 2 * L; i += 2 * L) {
                FloatVector a = FloatVector.fromArray(S, values, i);
                FloatVector b = FloatVector.fromArray(S, values, i + L);
                lo0 = lo0.min(a);
                hi0 = hi0.max(a);
                lo1 = lo1.min(b);
                hi1 = hi1.max(b);
            }
            lo = lo0.min(lo1).reduceLanes(VectorOperators.MIN);
            hi = hi0.max(hi1).reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return new Range(lo, hi);
    }
}
