package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaxPool2x2Test {
    private static final Conv.Window WIN = new Conv.Window(2, 2, 2, 2, 1, 1, 0, 0, 0, 0);

    /** Random values with NaNs and signed zeros sprinkled in, where max's special cases live. */
    private static Tensor input(Random r, int n, int c, int h, int w) {
        Tensor x = Ref.random(r, n, c, h, w);
        float[] v = x.floats();
        for (int i = 0; i < v.length; i++) {
            int k = r.nextInt(40);
            if (k == 0) v[i] = Float.NaN;
            else if (k == 1) v[i] = -0f;
            else if (k == 2) v[i] = 0f;
            else if (k == 3) v[i] = Float.NEGATIVE_INFINITY;
        }
        return x;
    }

    /** The four taps of every window folded one by one with {@code Math.max}, as the per-window loop does. */
    private static float[] reference(Tensor x) {
        int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3), oh = h / 2, ow = w / 2;
        float[] in = x.floats(), out = new float[planes * oh * ow];
        for (int p = 0; p < planes; p++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++) {
                    float acc = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < 2; ky++)
                        for (int kx = 0; kx < 2; kx++) acc = Math.max(acc, in[(p * h + 2 * oy + ky) * w + 2 * ox + kx]);
                    out[(p * oh + oy) * ow + ox] = acc;
                }
        return out;
    }

    @Test
    void pooledPairsEqualThePerWindowMaximumBitForBit() {
        qt().withExamples(200)
                .forAll(
                        integers().between(1, 24),
                        integers().between(1, 24),
                        integers().between(0, 1 << 30))
                .checkAssert((hh, hw, seed) -> {
                    Random r = new Random(seed);
                    Tensor x = input(r, 1 + r.nextInt(2), 1 + r.nextInt(20), 2 * hh, 2 * hw);
                    assertTrue(MaxPool2x2.applies(WIN, x.dim(2), x.dim(3), r.nextBoolean()));
                    Tensor got = Pool.maxPool(x, WIN, false, Ref.POOL);
                    Ref.sameShape(new int[] {x.dim(0), x.dim(1), hh, hw}, got);
                    // assertArrayEquals on floats compares bits (NaN equals NaN, -0 differs from +0)
                    assertArrayEquals(reference(x), got.floats());
                });
    }

    @Test
    void vectorAndPlainRowLoopsAgree() {
        RowOps plain = new RowOps(), fast = RowOps.INSTANCE;
        Random r = new Random(5);
        for (int t = 0; t < 300; t++) {
            int n = r.nextInt(70), po = r.nextInt(9);
            float[] p = input(r, 1, 1, 1, 2 * n + po + RowOps.SLACK).floats();
            float[] a = new float[n + 3], b = new float[n + 3];
            plain.pairMax(p, po, a, 3, n);
            fast.pairMax(p, po, b, 3, n);
            assertArrayEquals(a, b);
            plain.max2(p, po, po + n, a, 3, n);
            fast.max2(p, po, po + n, b, 3, n);
            assertArrayEquals(a, b);
        }
    }

    @Test
    void paddedStridedOrOddWindowsAreNotTaken() {
        assertFalse(MaxPool2x2.applies(new Conv.Window(2, 2, 2, 2, 1, 1, 0, 0, 1, 1), 8, 8, false));
        assertFalse(MaxPool2x2.applies(new Conv.Window(2, 2, 1, 1, 1, 1, 0, 0, 0, 0), 8, 8, false));
        assertFalse(MaxPool2x2.applies(new Conv.Window(3, 3, 2, 2, 1, 1, 0, 0, 0, 0), 8, 8, false));
        assertFalse(MaxPool2x2.applies(WIN, 7, 8, true));
        assertFalse(MaxPool2x2.applies(WIN, 8, 7, false));
    }
}
