package dev.dal.lowering.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The greedy search of auto-mixed-precision on made-up measures: additive gains per layer (cosine growing with the
 * set, as quantization error mostly does) plus, for some draws, a deterministic per-set perturbation that makes the
 * measure non-monotone.
 */
class PrefixSearchTest {
    /** A measure: {@code base} plus each kept layer's gain, plus a per-set wobble of up to {@code noise}, at most 1. */
    private static ToDoubleFunction<List<Integer>> measure(long seed, int n, double noise) {
        Random r = new Random(seed);
        double base = r.nextDouble() * 0.9;
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) gain[i] = r.nextDouble() * r.nextDouble() * (1 - base) / Math.max(1, n / 3.0);
        return list -> {
            // a function of the set, not of the list's order
            java.util.SortedSet<Integer> set = new java.util.TreeSet<>(list);
            double m = base;
            for (int l : set) m += gain[l];
            long h = seed;
            for (int l : set) h = h * 31 + l + 1;
            return Math.min(1, m + noise * new Random(h).nextDouble());
        };
    }

    private static List<Integer> layers(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    @Test
    void aReachableTargetIsMetByTheChosenLayers() {
        qt().withExamples(300)
                .forAll(longs().all(), integers().between(0, 12), doubles().between(0, 1))
                .checkAssert((seed, n, t) -> {
                    // without the wobble every layer helps or is neutral, so all layers kept is what the search
                    // reaches at most
                    ToDoubleFunction<List<Integer>> m = measure(seed, n, 0);
                    double target =
                            m.applyAsDouble(List.of()) + t * (m.applyAsDouble(layers(n)) - m.applyAsDouble(List.of()));
                    PrefixSearch.Result<Integer> r = PrefixSearch.search(layers(n), m, target);
                    assertTrue(r.reached(), "target " + target + " is reachable with every layer kept");
                    assertTrue(m.applyAsDouble(r.kept()) >= target, "the chosen set misses the target");
                    assertEquals(m.applyAsDouble(r.kept()), r.measure(), "the reported measure is the chosen set's");
                });
    }

    @Test
    void aHigherTargetNeverChoosesFewerLayers() {
        qt().withExamples(300)
                .forAll(
                        longs().all(),
                        integers().between(0, 12),
                        doubles().between(0, 1),
                        doubles().between(0, 1))
                .checkAssert((seed, n, a, b) -> {
                    ToDoubleFunction<List<Integer>> m = measure(seed, n, (seed & 1) * 0.05);
                    double lo = Math.min(a, b), hi = Math.max(a, b);
                    int fewer = PrefixSearch.search(layers(n), m, lo).kept().size();
                    int more = PrefixSearch.search(layers(n), m, hi).kept().size();
                    assertTrue(fewer <= more, "target " + lo + " keeps " + fewer + " layers, " + hi + " keeps " + more);
                });
    }

    @Test
    void theMostSensitiveLayerAloneIsChosenWhenItSuffices() {
        // layer 2 alone lifts the cosine from 0.5 to 0.995; the others add 0.001 each
        ToDoubleFunction<List<Integer>> m = set -> 0.5
                + (set.contains(2) ? 0.495 : 0)
                + 0.001 * set.stream().filter(l -> l != 2).count();
        PrefixSearch.Result<Integer> r = PrefixSearch.search(layers(5), m, 0.99);
        assertEquals(List.of(2), r.kept());
        assertEquals(2, r.order().getFirst());
        assertEquals(0.5, r.baseline());
        // nothing kept, five alone, all five, then the binary search: length 2 (meets), length 1 (measured alone)
        assertEquals(8, r.trials());
    }

    @Test
    void nothingIsKeptWhenTheBaselineMeetsTheTarget() {
        PrefixSearch.Result<Integer> r = PrefixSearch.search(layers(4), set -> 0.999, 0.99);
        assertEquals(List.of(), r.kept());
        assertTrue(r.reached());
        assertEquals(1, r.trials());
    }

    @Test
    void layersThatDoNotHelpAloneAreNeverKept() {
        // layer 1 makes things worse, layer 3 changes nothing; 0 and 2 help
        ToDoubleFunction<List<Integer>> m =
                set -> 0.9 + (set.contains(0) ? 0.03 : 0) + (set.contains(2) ? 0.05 : 0) - (set.contains(1) ? 0.2 : 0);
        PrefixSearch.Result<Integer> r = PrefixSearch.search(layers(4), m, 0.99);
        assertEquals(List.of(2, 0), r.order());
        assertEquals(List.of(2, 0), r.kept());
        assertFalse(r.reached());
        assertEquals(0.98, r.measure(), 1e-12);
    }

    @Test
    void anUnreachableTargetKeepsEveryLayerAndSaysSo() {
        ToDoubleFunction<List<Integer>> m = set -> 0.9 + 0.01 * set.size();
        PrefixSearch.Result<Integer> r = PrefixSearch.search(layers(3), m, 0.99);
        assertFalse(r.reached());
        assertEquals(3, r.kept().size());
        assertEquals(0.93, r.measure(), 1e-12);
    }
}
