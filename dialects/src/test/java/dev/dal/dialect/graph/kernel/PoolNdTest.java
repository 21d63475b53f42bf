package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolNdTest {
    @Test
    void threeDimensionalPoolsMatchNaiveWindows() {
        qt().withExamples(80)
                .forAll(integers().between(0, 7), integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((mode, seed) -> {
                    Random r = new Random(seed);
                    boolean ceil = (mode & 1) != 0, max = (mode & 2) != 0, inc = (mode & 4) != 0;
                    int[] k = new int[3], s = new int[3], d = new int[3], pb = new int[3], pe = new int[3];
                    int[] xs = {1 + r.nextInt(2), 1 + r.nextInt(2), 0, 0, 0};
                    for (int a = 0; a < 3; a++) {
                        k[a] = 1 + r.nextInt(3);
                        s[a] = 1 + r.nextInt(2);
                        d[a] = max ? 1 + r.nextInt(2) : 1;
                        pb[a] = r.nextInt(k[a]);
                        pe[a] = r.nextInt(k[a]);
                        xs[a + 2] = (k[a] - 1) * d[a] + 1 + r.nextInt(4);
                    }
                    WindowNd win = new WindowNd(k, s, d, pb, pe);
                    Tensor x = Ref.random(r, xs);
                    Tensor got = max
                            ? PoolNd.maxPool(x, win, ceil, false, false, Ref.POOL)
                                    .values()
                            : PoolNd.averagePool(x, win, ceil, inc, Ref.POOL);
                    int[] out = xs.clone();
                    for (int a = 0; a < 3; a++)
                        out[a + 2] = PoolTest.outSize(xs[a + 2], k[a], s[a], d[a], pb[a], pe[a], ceil);
                    Ref.sameShape(out, got);
                    float[] want = new float[Ref.size(out)];
                    for (int o = 0; o < want.length; o++) {
                        int[] oi = Ref.unravel(o, out);
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int valid = 0, padded = 0;
                        for (int kp = 0; kp < k[0] * k[1] * k[2]; kp++) {
                            int[] ki = Ref.unravel(kp, k);
                            int[] xi = oi.clone();
                            boolean in = true, inPad = true;
                            for (int a = 0; a < 3; a++) {
                                xi[a + 2] = oi[a + 2] * s[a] - pb[a] + ki[a] * d[a];
                                in &= xi[a + 2] >= 0 && xi[a + 2] < xs[a + 2];
                                inPad &= xi[a + 2] >= -pb[a] && xi[a + 2] < xs[a + 2] + pe[a];
                            }
                            if (inPad) padded++;
                            if (!in) continue;
                            float v = x.floats()[Ref.ravel(xi, xs)];
                            acc = max ? Math.max(acc, v) : acc + v;
                            valid++;
                        }
                        want[o] = (float) (max ? acc : acc / (inc ? padded : valid));
                    }
                    Ref.close(want, got.floats(), 1e-6);
                });
    }

    @Test
    void maxPoolIndicesCountOverTheWholeInputInEitherStorageOrder() {
        // two planes of 2x3; a 2x2 window with stride 1 gives 1x2 outputs per plane
        float[] v = {1, 9, 2, 3, 4, 8, 5, 0, 7, 6, 1, 2};
        Tensor x = Tensor.of(v, 1, 2, 2, 3);
        WindowNd win = WindowNd.of(new long[] {2, 2}, new long[0], new long[0], new long[0]);
        PoolNd.MaxResult rowMajor = PoolNd.maxPool(x, win, false, true, false, Ref.POOL);
        assertArrayEquals(new float[] {9, 9, 6, 7}, rowMajor.values().floats());
        // plane 0: 9 at (0, 1) twice; plane 1 starts at 6: 6 at (1, 0), 7 at (0, 2)
        assertArrayEquals(new long[] {1, 1, 6 + 3, 6 + 2}, rowMajor.indices().longs());
        // column-major within a plane: (y, x) -> y + x * H
        PoolNd.MaxResult colMajor = PoolNd.maxPool(x, win, false, true, true, Ref.POOL);
        assertArrayEquals(new long[] {2, 2, 6 + 1, 6 + 4}, colMajor.indices().longs());
    }

    @Test
    void maxPoolTakesTheFirstOfEqualMaxima() {
        float[] v = new float[8];
        Arrays.fill(v, 3);
        PoolNd.MaxResult r = PoolNd.maxPool(
                Tensor.of(v, 1, 1, 8),
                WindowNd.of(new long[] {4}, new long[] {4}, new long[0], new long[0]),
                false,
                true,
                false,
                Ref.POOL);
        assertArrayEquals(new long[] {0, 4}, r.indices().longs());
    }
}
