package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TopK against hand-worked cases and against a full sort of each slice. */
class TopKTest {
    @Test
    void largestAlongTheLastAxisBreaksTiesByTheLowerIndex() {
        Tensor x = Tensor.of(new float[] {1, 3, 3, 2, 5, 0, 0, 5}, 2, 4);
        Indexing.TopK r = Indexing.topK(x, 3, -1, true);
        assertArrayEquals(new int[] {2, 3}, r.values().shape());
        assertArrayEquals(new float[] {3, 3, 2, 5, 5, 0}, r.values().floats());
        assertArrayEquals(new long[] {1, 2, 3, 0, 3, 1}, r.indices().longs());
    }

    @Test
    void smallestAlongTheFirstAxisKeepsTheOtherDims() {
        Tensor x = Tensor.of(new long[] {4, 1, 2, 2, 9, 0}, 3, 2);
        Indexing.TopK r = Indexing.topK(x, 2, 0, false);
        // columns [4, 2, 9] and [1, 2, 0]: the two smallest of each, smallest first
        assertArrayEquals(new long[] {2, 0, 4, 1}, r.values().longs());
        assertArrayEquals(new long[] {1, 2, 0, 0}, r.indices().longs());
    }

    @Test
    void everySliceMatchesAStableSortOnEveryAxisAndK() {
        Random rnd = new Random(11);
        int[] shape = {3, 5, 4};
        float[] v = new float[60];
        // few distinct values, so ties are common
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextInt(4);
        Tensor x = Tensor.of(v, shape);
        for (int axis = 0; axis < 3; axis++)
            for (boolean largest : new boolean[] {true, false})
                for (int k = 0; k <= shape[axis]; k++) {
                    Indexing.TopK r = Indexing.topK(x, k, axis - 3, largest);
                    int[] os = shape.clone();
                    os[axis] = k;
                    assertArrayEquals(os, r.values().shape());
                    for (int o = 0; o < Ref.size(os); o++) {
                        int[] c = Ref.unravel(o, os);
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < shape[axis]; i++) order.add(i);
                        int ax = axis;
                        Comparator<Integer> byValue = Comparator.comparingDouble(i -> at(v, shape, c, ax, i));
                        order.sort(largest ? byValue.reversed() : byValue);
                        int want = order.get(c[axis]);
                        assertArrayEquals(
                                new long[] {want},
                                new long[] {r.indices().getLong(o)},
                                "axis " + axis + " k " + k + " at " + o);
                        assertArrayEquals(
                                new float[] {at(v, shape, c, axis, want)},
                                new float[] {r.values().getFloat(o)});
                    }
                }
    }

    private static float at(float[] v, int[] shape, int[] coord, int axis, int i) {
        int[] c = coord.clone();
        c[axis] = i;
        return v[Ref.ravel(c, shape)];
    }

    @Test
    void kLargerThanTheAxisIsRejected() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2);
        assertThrows(IllegalArgumentException.class, () -> Indexing.topK(x, 3, 0, true));
    }
}
