package dev.dal.lowering.quantize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The greedy search of automatic mixed precision, apart from what is measured: given candidate layers and a measure
 * of the model's accuracy (an output cosine) for any set of layers kept at higher precision, find few layers that
 * meet a target.
 *
 * <ol>
 *   <li>Nothing kept: if that meets the target, keep nothing.
 *   <li>Each layer alone kept: its measure is its sensitivity; layers are ordered by it, highest first (graph order
 *       on ties). A layer that does not measure above the baseline is dropped: keeping it does not help (a 16-bit
 *       form can even be worse, when its 32-bit accumulator wraps).
 *   <li>All remaining layers kept: if even that misses the target, keep all of them (or nothing, when that measures
 *       higher) and report the target unreachable.
 *   <li>Otherwise a binary search over the length of the prefix of that order finds a prefix that meets the target
 *       whose one-shorter prefix does not; it is the shortest such prefix when the measure grows with the prefix.
 * </ol>
 *
 * <p>This is greedy, not an exhaustive minimum: a pair of layers that only helps together is not found before
 * either is added by its own sensitivity. For a fixed measure the chosen prefix never shrinks as the target rises (a
 * higher target's binary search turns towards longer prefixes at its first different step).
 */
final class PrefixSearch {
    private PrefixSearch() {}

    /**
     * The outcome of a search.
     *
     * @param kept      the layers kept at higher precision, most sensitive first
     * @param order     the candidates that help alone, most sensitive first (empty when nothing had to be kept)
     * @param measure   the measure of {@code kept}
     * @param reached   whether {@code measure} meets the target
     * @param baseline  the measure with nothing kept
     * @param trials    how many sets were measured
     * @param <L>       the layer type
     */
    record Result<L>(List<L> kept, List<L> order, double measure, boolean reached, double baseline, int trials) {}

    /**
     * {@return the layers to keep at higher precision}
     *
     * @param candidates the layers that may be kept, in graph order
     * @param measure    the accuracy with a given list of layers kept (higher is better); called once per set
     * @param target     the accuracy to reach
     */
    static <L> Result<L> search(List<L> candidates, ToDoubleFunction<List<L>> measure, double target) {
        int[] trials = {0};
        ToDoubleFunction<List<L>> counted = set -> {
            trials[0]++;
            return measure.applyAsDouble(set);
        };
        double baseline = counted.applyAsDouble(List.of());
        if (baseline >= target || candidates.isEmpty())
            return new Result<>(List.of(), List.of(), baseline, baseline >= target, baseline, trials[0]);
        Map<L, Double> alone = new HashMap<>();
        for (L l : candidates) alone.put(l, counted.applyAsDouble(List.of(l)));
        List<L> order = new ArrayList<>();
        for (L l : candidates) if (alone.get(l) > baseline) order.add(l);
        order.sort(Comparator.comparingDouble((L l) -> -alone.get(l))); // stable: graph order on ties
        if (order.isEmpty()) return new Result<>(List.of(), order, baseline, false, baseline, trials[0]);
        Map<Integer, Double> prefix = new HashMap<>();
        prefix.put(0, baseline);
        prefix.put(1, alone.get(order.getFirst()));
        double all = order.size() == 1 ? prefix.get(1) : counted.applyAsDouble(List.copyOf(order));
        if (all < target) {
            boolean none = baseline > all;
            return new Result<>(
                    none ? List.of() : List.copyOf(order), order, none ? baseline : all, false, baseline, trials[0]);
        }
        prefix.put(order.size(), all);
        ToDoubleFunction<Integer> length =
                n -> prefix.computeIfAbsent(n, k -> counted.applyAsDouble(List.copyOf(order.subList(0, k))));
        int lo = 0, hi = order.size(); // the prefix of length lo misses the target, that of length hi meets it
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (length.applyAsDouble(mid) >= target) hi = mid;
            else lo = mid;
        }
        return new Result<>(List.copyOf(order.subList(0, hi)), order, prefix.get(hi), true, baseline, trials[0]);
    }
}
