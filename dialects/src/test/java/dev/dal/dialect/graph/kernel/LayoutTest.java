package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayoutTest {
    private static int[] randomShape(Random r, int minRank) {
        int[] s = new int[minRank + r.nextInt(5 - minRank)];
        for (int i = 0; i < s.length; i++) s[i] = 1 + r.nextInt(4);
        return s;
    }

    @Test
    void transposeMovesEveryElementToItsPermutedCoordinate() {
        qt().withExamples(100)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    int[] s = randomShape(r, 0);
                    List<Integer> p = new ArrayList<>();
                    for (int i = 0; i < s.length; i++) p.add(i);
                    java.util.Collections.shuffle(p, r);
                    int[] perm = p.stream().mapToInt(Integer::intValue).toArray();
                    Tensor x = Ref.random(r, s);
                    Tensor got = Layout.transpose(x, perm);
                    int[] os = new int[s.length];
                    for (int i = 0; i < s.length; i++) os[i] = s[perm[i]];
                    assertArrayEquals(os, got.shape());
                    for (int i = 0; i < got.size(); i++) {
                        int[] oi = Ref.unravel(i, os), ii = new int[s.length];
                        for (int d = 0; d < s.length; d++) ii[perm[d]] = oi[d];
                        if (got.floats()[i] != x.floats()[Ref.ravel(ii, s)]) throw new AssertionError("element " + i);
                    }
                    // other element types move the same way
                    long[] lv = new long[x.size()];
                    for (int i = 0; i < lv.length; i++) lv[i] = i;
                    Tensor li = Layout.transpose(Tensor.of(lv, s), perm);
                    for (int i = 0; i < li.size(); i++)
                        if (li.longs()[i] != (long) indexOf(x.floats(), got.floats()[i]))
                            throw new AssertionError("i64 " + i);
                });
    }

    private static int indexOf(float[] a, float v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }

    @Test
    void sliceMatchesNumpyStyleStridedSelection() {
        qt().withExamples(150)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    int[] s = randomShape(r, 1);
                    int ax = r.nextInt(s.length);
                    long step = r.nextBoolean() ? 1 + r.nextInt(3) : -(1 + r.nextInt(3));
                    long start = r.nextInt(2 * s[ax] + 3) - s[ax] - 1, end = r.nextInt(2 * s[ax] + 3) - s[ax] - 1;
                    if (r.nextInt(5) == 0) end = step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
                    Tensor x = Ref.random(r, s);
                    Tensor got = Layout.slice(
                            x,
                            new long[] {start},
                            new long[] {end},
                            new long[] {ax - (r.nextBoolean() ? s.length : 0)},
                            new long[] {step});
                    // the selected indices along the axis, by the ONNX spec's rule (as Python's, except that a
                    // negative-step
                    // start below 0 is clamped to 0, not to -1)
                    List<Integer> sel = new ArrayList<>();
                    int dim = s[ax];
                    long b = start < 0 ? start + dim : start, e = end < 0 && end != Long.MIN_VALUE ? end + dim : end;
                    if (step > 0) {
                        b = Math.max(0, Math.min(b, dim));
                        e = Math.max(0, Math.min(e, dim));
                        for (long i = b; i < e; i += step) sel.add((int) i);
                    } else {
                        b = Math.max(0, Math.min(b, dim - 1));
                        e = end == Long.MIN_VALUE ? -1 : Math.max(-1, Math.min(e, dim - 1));
                        for (long i = b; i > e; i += step) sel.add((int) i);
                    }
                    int[] os = s.clone();
                    os[ax] = sel.size();
                    assertArrayEquals(os, got.shape());
                    for (int i = 0; i < got.size(); i++) {
                        int[] oi = Ref.unravel(i, os);
                        oi[ax] = sel.get(oi[ax]);
                        if (got.floats()[i] != x.floats()[Ref.ravel(oi, s)]) throw new AssertionError("element " + i);
                    }
                });
    }

    @Test
    void concatAndGatherPlaceBlocksAlongTheAxis() {
        qt().withExamples(100)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    int[] s = randomShape(r, 1);
                    int ax = r.nextInt(s.length);
                    int[] s2 = s.clone();
                    s2[ax] = 1 + r.nextInt(3);
                    Tensor a = Ref.random(r, s), b = Ref.random(r, s2);
                    Tensor cat = Layout.concat(List.of(a, b), ax - s.length);
                    int[] cs = s.clone();
                    cs[ax] += s2[ax];
                    assertArrayEquals(cs, cat.shape());
                    for (int i = 0; i < cat.size(); i++) {
                        int[] ci = Ref.unravel(i, cs);
                        float want;
                        if (ci[ax] < s[ax]) want = a.floats()[Ref.ravel(ci, s)];
                        else {
                            ci[ax] -= s[ax];
                            want = b.floats()[Ref.ravel(ci, s2)];
                        }
                        if (cat.floats()[i] != want) throw new AssertionError("concat element " + i);
                    }
                    long[] idx = new long[1 + r.nextInt(4)];
                    for (int i = 0; i < idx.length; i++) idx[i] = r.nextInt(2 * s[ax]) - s[ax];
                    Tensor g = Layout.gather(a, Tensor.of(idx, idx.length), ax);
                    int[] gs = s.clone();
                    gs[ax] = idx.length;
                    assertArrayEquals(gs, g.shape());
                    for (int i = 0; i < g.size(); i++) {
                        int[] gi = Ref.unravel(i, gs);
                        long k = idx[gi[ax]];
                        gi[ax] = (int) (k < 0 ? k + s[ax] : k);
                        if (g.floats()[i] != a.floats()[Ref.ravel(gi, s)])
                            throw new AssertionError("gather element " + i);
                    }
                });
    }

    @Test
    void shapeHelpersFollowOnnxRules() {
        assertArrayEquals(new int[] {2, 12}, Layout.reshapeShape(new int[] {2, 3, 4}, new long[] {0, -1}, false));
        assertArrayEquals(new int[] {0, 5}, Layout.reshapeShape(new int[] {0, 5}, new long[] {0, 5}, true));
        assertThrows(
                IllegalArgumentException.class, () -> Layout.reshapeShape(new int[] {2, 3}, new long[] {4, -1}, false));
        assertArrayEquals(new int[] {6, 4}, Layout.flattenShape(new int[] {2, 3, 4}, 2));
        assertArrayEquals(new int[] {1, 24}, Layout.flattenShape(new int[] {2, 3, 4}, 0));
        assertArrayEquals(new int[] {3}, Layout.squeezeShape(new int[] {1, 3, 1}, new long[0]));
        assertArrayEquals(new int[] {3, 1}, Layout.squeezeShape(new int[] {1, 3, 1}, new long[] {0}));
        assertArrayEquals(new int[] {1, 3, 1, 4}, Layout.unsqueezeShape(new int[] {3, 4}, new long[] {0, -2}));
        Tensor g = Layout.gather(Tensor.of(new String[] {"a", "b", "c"}, 3), Tensor.of(new long[] {2, 0}, 2), 0);
        assertArrayEquals(new String[] {"c", "a"}, g.strings());
        assertArrayEquals(
                new boolean[] {true, false, true},
                Layout.concat(List.of(Tensor.of(new boolean[] {true}, 1), Tensor.of(new boolean[] {false, true}, 2)), 0)
                        .bools());
        assertThrows(
                IllegalArgumentException.class,
                () -> Layout.concat(List.of(Tensor.zeros(DType.F32, 2, 2), Tensor.zeros(DType.F32, 3, 3)), 0));
    }
}
