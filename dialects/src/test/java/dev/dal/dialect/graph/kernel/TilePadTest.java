package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tile and constant Pad against naive references written with explicit 3-D loops. */
class TilePadTest {
    private static final int A = 2, B = 3, C = 4;

    private static float[] input() {
        Random rnd = new Random(11);
        float[] x = new float[A * B * C];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat();
        return x;
    }

    @Test
    void tileRepeatsEachDimensionLikeANaiveLoop() {
        float[] x = input();
        int ra = 2, rb = 1, rc = 3;
        float[] want = new float[A * ra * B * rb * C * rc];
        int o = 0;
        for (int i = 0; i < A * ra; i++)
            for (int j = 0; j < B * rb; j++)
                for (int k = 0; k < C * rc; k++) want[o++] = x[((i % A) * B + j % B) * C + k % C];
        Tensor t = Layout.tile(Tensor.of(x, A, B, C), new long[] {ra, rb, rc});
        assertArrayEquals(new int[] {A * ra, B * rb, C * rc}, t.shape());
        assertArrayEquals(want, t.floats());
    }

    @Test
    void constantPadAddsAndCropsLikeANaiveLoop() {
        float[] x = input();
        // begins (1, 0, -1), ends (0, 2, 1): a negative pad crops
        long[] pads = {1, 0, -1, 0, 2, 1};
        int oa = A + 1, ob = B + 2, oc = C;
        float[] want = new float[oa * ob * oc];
        int o = 0;
        for (int i = 0; i < oa; i++)
            for (int j = 0; j < ob; j++)
                for (int k = 0; k < oc; k++) {
                    int si = i - 1, sj = j, sk = k + 1;
                    boolean in = si >= 0 && si < A && sj < B && sk < C;
                    want[o++] = in ? x[(si * B + sj) * C + sk] : -5f;
                }
        Tensor t = Layout.padConstant(Tensor.of(x, A, B, C), pads, -5);
        assertArrayEquals(new int[] {oa, ob, oc}, t.shape());
        assertArrayEquals(want, t.floats());
    }
}
