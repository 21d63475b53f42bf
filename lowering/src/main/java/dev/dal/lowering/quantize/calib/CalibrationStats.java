package dev.dal.lowering.quantize.calib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics of every calibrated value of a function over a set of samples, in function order (inputs, then op
 * results in walk order). Mergeable: statistics of shards merged equal those of the whole set.
 *
 * @param samples how many samples were run
 * @param values  the statistics per value
 */
public record CalibrationStats(int samples, Map<ValueKey, TensorStats> values) {
    /** Keeps the map unmodifiable. */
    public CalibrationStats {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@return the statistics of a value, if it was observed} */
    public Optional<TensorStats> get(ValueKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** {@return the threshold a calibrator chooses for every value, in order} */
    public Map<ValueKey, Double> thresholds(Calibrator c) {
        Map<ValueKey, Double> out = new LinkedHashMap<>();
        values.forEach((k, s) -> out.put(k, c.threshold(s)));
        return out;
    }

    /** {@return the statistics of both sets together (keys in this set's order, then the other's new ones)} */
    public CalibrationStats merge(CalibrationStats other) {
        Map<ValueKey, TensorStats> m = new LinkedHashMap<>();
        values.forEach((k, s) -> m.put(k, s.copy()));
        other.values.forEach((k, s) -> m.merge(k, s.copy(), (a, b) -> {
            a.merge(b);
            return a;
        }));
        return new CalibrationStats(samples + other.samples, m);
    }
}
