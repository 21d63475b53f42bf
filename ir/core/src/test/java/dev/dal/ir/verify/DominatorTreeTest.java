package dev.dal.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.Location;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DominatorTreeTest {
    /** A region of {@code n} blocks; block i ends with an unregistered branch to the blocks in {@code succ.get(i)}. */
    private static Region cfg(int n, List<List<Integer>> succ) {
        OperationState st = new OperationState("other.graph", Location.unknown());
        Region r = st.addRegion();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) blocks.add(r.addBlock());
        for (int i = 0; i < n; i++) {
            OperationState br = new OperationState("other.br", Location.unknown());
            for (int s : succ.get(i)) br.addSuccessor(blocks.get(s));
            Builder.atEnd(blocks.get(i)).create(br);
        }
        dev.dal.ir.Operation.create(st);
        return r;
    }

    private static Set<Integer> reachable(int n, List<List<Integer>> succ, int removed) {
        Set<Integer> seen = new HashSet<>();
        if (removed == 0) return seen;
        ArrayDeque<Integer> work = new ArrayDeque<>(List.of(0));
        seen.add(0);
        while (!work.isEmpty()) for (int s : succ.get(work.pop())) if (s != removed && seen.add(s)) work.push(s);
        return seen;
    }

    @Test
    void diamondJoinIsDominatedByEntryOnly() {
        Region r = cfg(4, List.of(List.of(1, 2), List.of(3), List.of(3), List.of()));
        DominatorTree t = new DominatorTree(r);
        List<Block> b = r.blocks();
        assertEquals(Optional.of(b.get(0)), t.immediateDominator(b.get(3)));
        assertEquals(Optional.of(b.get(0)), t.immediateDominator(b.get(1)));
        assertTrue(t.dominates(b.get(0), b.get(3)));
        assertFalse(t.dominates(b.get(1), b.get(3)));
        assertFalse(t.dominates(b.get(3), b.get(1)));
        assertEquals(
                List.of(b.get(1), b.get(2), b.get(3)),
                t.children(b.get(0)).stream()
                        .sorted(java.util.Comparator.comparingInt(x -> b.indexOf(x)))
                        .toList());
    }

    @Test
    void loopHeaderDominatesBodyAndExit() {
        // 0 -> 1 (header); 1 -> 2 (body), 3 (exit); 2 -> 1
        Region r = cfg(4, List.of(List.of(1), List.of(2, 3), List.of(1), List.of()));
        DominatorTree t = new DominatorTree(r);
        List<Block> b = r.blocks();
        assertEquals(Optional.of(b.get(1)), t.immediateDominator(b.get(2)));
        assertEquals(Optional.of(b.get(1)), t.immediateDominator(b.get(3)));
        assertFalse(t.dominates(b.get(2), b.get(1)));
        assertFalse(t.dominates(b.get(2), b.get(3)));
    }

    @Test
    void unreachableBlocksAreOutsideTheTree() {
        Region r = cfg(3, List.of(List.of(), List.of(2), List.of()));
        DominatorTree t = new DominatorTree(r);
        assertFalse(t.isReachable(r.blocks().get(1)));
        assertEquals(Optional.empty(), t.immediateDominator(r.blocks().get(2)));
        assertEquals(1, t.reversePostOrder().size());
    }

    @Test
    void dominanceAgreesWithTheRemovalDefinitionOnRandomGraphs() {
        // a dominates b (both reachable, a != b) iff b is unreachable from the entry once a is removed.
        qt().withExamples(300)
                .forAll(
                        integers().between(1, 9),
                        lists().of(integers().between(0, 1000)).ofSizeBetween(0, 30))
                .checkAssert((n, edgeSeeds) -> {
                    List<List<Integer>> succ = new ArrayList<>();
                    for (int i = 0; i < n; i++) succ.add(new ArrayList<>());
                    for (int k = 0; k + 1 < edgeSeeds.size(); k += 2)
                        succ.get(edgeSeeds.get(k) % n).add(edgeSeeds.get(k + 1) % n);
                    Region r = cfg(n, succ);
                    DominatorTree t = new DominatorTree(r);
                    Set<Integer> live = reachable(n, succ, -1);
                    for (int a = 0; a < n; a++)
                        for (int b = 0; b < n; b++) {
                            if (!live.contains(b)) continue;
                            boolean expected = a == b
                                    || (live.contains(a)
                                            && !reachable(n, succ, a).contains(b));
                            assertEquals(
                                    expected,
                                    t.dominates(r.blocks().get(a), r.blocks().get(b)),
                                    "a=" + a + " b=" + b + " succ=" + succ);
                        }
                    for (int b = 0; b < n; b++)
                        assertEquals(live.contains(b), t.isReachable(r.blocks().get(b)));
                });
    }
}
