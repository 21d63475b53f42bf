package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link GraphShapes#broadcast} against an independent model of ONNX multidirectional broadcasting: the NumPy rule
 * applied to two shapes at a time (left-pad with 1s, then per dim: equal stays, 1 stretches, a dynamic dim takes the
 * other's static size), folded over the operands.
 */
class BroadcastPropertyTest {
    private static final long DYN = GraphShapes.DYN;

    /** Shapes of rank 0 to 4 with dims 0..4 and dynamic (generated as -1). */
    private static Gen<List<Long>> shapes() {
        return SourceDSL.lists()
                .of(SourceDSL.integers().between(-1, 4))
                .ofSizeBetween(0, 4)
                .map(l -> l.stream().map(d -> d < 0 ? DYN : (long) d).toList());
    }

    private static Optional<List<Long>> model(List<Long> a, List<Long> b) {
        int r = Math.max(a.size(), b.size());
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            long x = i < r - a.size() ? 1 : a.get(i - (r - a.size()));
            long y = i < r - b.size() ? 1 : b.get(i - (r - b.size()));
            if (x == y) out.add(x);
            else if (x == 1) out.add(y);
            else if (y == 1) out.add(x);
            else if (x == DYN) out.add(y);
            else if (y == DYN) out.add(x);
            else return Optional.empty();
        }
        return Optional.of(out);
    }

    @Test
    void broadcastOfThreeShapesMatchesThePairwiseNumpyModel() {
        QuickTheory.qt().withExamples(2000).forAll(shapes(), shapes(), shapes()).checkAssert((a, b, c) -> {
            Optional<List<Long>> expected = model(a, b).flatMap(ab -> model(ab, c));
            assertEquals(expected, GraphShapes.broadcast(List.of(a, b, c)), () -> a + " " + b + " " + c);
        });
    }

    @Test
    void broadcastIsSymmetric() {
        QuickTheory.qt()
                .forAll(shapes(), shapes())
                .checkAssert((a, b) ->
                        assertEquals(GraphShapes.broadcast(List.of(a, b)), GraphShapes.broadcast(List.of(b, a))));
    }
}
