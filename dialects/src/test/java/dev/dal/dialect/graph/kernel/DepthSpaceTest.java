package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dal.ir.interp.Tensor;
import org.junit.jupiter.api.Test;

/** DepthToSpace and SpaceToDepth against the ONNX reshape-transpose-reshape definition, written as naive loops. */
class DepthSpaceTest {
    private static final int N = 2, C = 3, H = 2, W = 3, B = 2;

    private static float[] depthInput() {
        float[] x = new float[N * C * B * B * H * W];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return x;
    }

    /** DCR: reshape (N, b, b, C, H, W), transpose (0, 3, 4, 1, 5, 2); CRD: reshape (N, C, b, b, H, W), transpose (0, 1, 4, 2, 5, 3). */
    private static float[] naive(float[] x, boolean crd) {
        float[] want = new float[x.length];
        int o = 0;
        for (int n = 0; n < N; n++)
            for (int c = 0; c < C; c++)
                for (int y = 0; y < H; y++)
                    for (int i = 0; i < B; i++)
                        for (int xx = 0; xx < W; xx++)
                            for (int j = 0; j < B; j++) {
                                int ch = crd ? (c * B + i) * B + j : (i * B + j) * C + c;
                                want[o++] = x[((n * C * B * B + ch) * H + y) * W + xx];
                            }
        return want;
    }

    @Test
    void depthToSpaceMatchesTheReshapeTransposeDefinitionInBothModes() {
        float[] x = depthInput();
        for (boolean crd : new boolean[] {false, true}) {
            Tensor t = Layout.depthToSpace(Tensor.of(x, N, C * B * B, H, W), B, crd);
            assertArrayEquals(new int[] {N, C, H * B, W * B}, t.shape());
            assertArrayEquals(naive(x, crd), t.floats(), "crd " + crd);
        }
    }

    @Test
    void spaceToDepthUndoesDcrDepthToSpace() {
        float[] x = depthInput();
        Tensor space = Tensor.of(naive(x, false), N, C, H * B, W * B);
        Tensor t = Layout.spaceToDepth(space, B);
        assertArrayEquals(new int[] {N, C * B * B, H, W}, t.shape());
        assertArrayEquals(x, t.floats());
    }
}
