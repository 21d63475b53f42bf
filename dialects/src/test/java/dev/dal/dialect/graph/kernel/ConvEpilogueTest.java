package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The epilogue run inside the convolution kernels gives the same bits as the convolution followed by separate passes
 * adding the residual and applying the activation, on every path: depthwise, 1x1 direct GEMM, im2col GEMM, grouped,
 * edge tiles, one output channel per group (GEMV).
 */
class ConvEpilogueTest {
    private static final String[] ACTIVATIONS = {"none", "relu", "relu6", "leaky_relu", "hard_swish", "sigmoid", "clip"
    };

    @Test
    void fusedEqualsConvThenAddThenActivationBitForBit() {
        Random r = new Random(23);
        for (int t = 0; t < 120; t++) {
            int kind = t % 4;
            int k = kind == 1 ? 1 : 1 + r.nextInt(3), s = kind == 1 ? 1 : 1 + r.nextInt(2);
            int pad = kind == 1 ? 0 : r.nextInt(2);
            int group = kind == 0 ? 3 + r.nextInt(4) : kind == 3 ? 2 : 1;
            int c = kind == 0 ? group : group * (1 + r.nextInt(5));
            int m = kind == 0 ? group : group * (1 + r.nextInt(kind == 3 && t % 8 == 3 ? 1 : 70));
            int h = k + r.nextInt(12), w = k + r.nextInt(30);
            int n = 1 + r.nextInt(2);
            Conv.Window win = new Conv.Window(k, k, s, s, 1, 1, pad, pad, pad, pad);
            Tensor x = Ref.random(r, n, c, h, w), wt = Ref.random(r, m, c / group, k, k);
            Tensor b = r.nextBoolean() ? Tensor.none() : Ref.random(r, m);
            Tensor plain = Conv.conv2d(x, wt, b, win, group, Ref.POOL);
            boolean withResidual = r.nextBoolean();
            float[] res = withResidual ? Ref.random(r, plain.shape()).floats() : null;
            String act = ACTIVATIONS[t % ACTIVATIONS.length];
            float lo = -0.5f, hi = 0.75f, alpha = 0.1f;
            var f = Activations.named(act, alpha, lo, hi);
            float[] want = plain.floats().clone();
            for (int i = 0; i < want.length; i++) {
                float v = res == null ? want[i] : want[i] + res[i];
                want[i] = f.apply(v);
            }
            ConvEpilogue epi = ConvEpilogue.of(res, act, alpha, lo, hi);
            Tensor got = Conv.conv2d(x, wt, b, win, group, epi, Ref.POOL);
            assertArrayEquals(want, got.floats(), 0f, "case " + t + " " + act);
        }
    }

    @Test
    void gemmConvolutionsWithInfinitiesAndNaNsKeepTheBitsOfSeparatePasses() {
        // a 1x1 product over whole micro-tiles and edge ones, whose epilogue runs per GEMM tile: infinities and NaNs
        // in the input reach every tile, and the results must be the bits of conv, then activation
        Random r = new Random(31);
        for (String act : List.of("none", "relu", "relu6", "clip")) {
            Tensor x = Ref.random(r, 1, 40, 9, 11), wt = Ref.random(r, 48, 40, 1, 1), b = Ref.random(r, 48);
            float[] in = x.floats();
            for (int i = 0; i < in.length; i += 37)
                in[i] = i % 3 == 0 ? Float.NaN : i % 3 == 1 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
            Conv.Window win = new Conv.Window(1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
            var f = Activations.named(act, 0.1f, -0.5f, 0.75f);
            float[] want = Conv.conv2d(x, wt, b, win, 1, Ref.POOL).floats().clone();
            for (int i = 0; i < want.length; i++) want[i] = f.apply(want[i]);
            float[] got = Conv.conv2d(x, wt, b, win, 1, ConvEpilogue.of(null, act, 0.1f, -0.5f, 0.75f), Ref.POOL)
                    .floats();
            for (int i = 0; i < want.length; i++)
                assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), act + " at " + i);
        }
    }

    @Test
    void specialValuesGetTheActivationsBitsOnVectorAndTailElements() {
        float[] specials = {
            Float.NaN,
            -0f,
            0f,
            Float.NEGATIVE_INFINITY,
            Float.POSITIVE_INFINITY,
            -3f,
            -0.5f,
            0.25f,
            2.9f,
            6f,
            7f,
            -1e-40f
        };
        float[] x = new float[53];
        for (int i = 0; i < x.length; i++) x[i] = specials[i % specials.length];
        float[] res = new float[x.length];
        for (int i = 0; i < res.length; i++) res[i] = specials[(i * 5 + 3) % specials.length];
        for (String act : ACTIVATIONS) {
            for (float[] r : new float[][] {null, res}) {
                var f = Activations.named(act, 0.1f, -0.5f, 0.75f);
                float[] want = new float[x.length];
                for (int i = 0; i < x.length; i++) want[i] = f.apply(r == null ? x[i] : x[i] + r[i]);
                float[] got = x.clone();
                // an offset start, so both the vector body and the tail run from a shifted index
                ConvEpilogue.of(r, act, 0.1f, -0.5f, 0.75f).apply(got, 0, 3);
                ConvEpilogue.of(r, act, 0.1f, -0.5f, 0.75f).apply(got, 3, x.length - 3);
                assertArrayEquals(want, got, act + (r == null ? "" : " with residual"));
            }
        }
    }

    @Test
    void unknownActivationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConvEpilogue.of(null, "tanh", 0f, 0f, 0f));
    }
}
