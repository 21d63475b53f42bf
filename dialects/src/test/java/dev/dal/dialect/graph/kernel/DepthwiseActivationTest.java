package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The depthwise convolution's phased fast path and the activation loops against plain reference loops. */
class DepthwiseActivationTest {
    @Test
    void depthwiseMatchesTheReferenceOnManyGeometries() {
        Random r = new Random(17);
        for (int t = 0; t < 300; t++) {
            int kh = 1 + r.nextInt(5), kw = 1 + r.nextInt(5);
            int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3), dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int pt = r.nextInt(3), pl = r.nextInt(3), pb = r.nextInt(3), pr = r.nextInt(3);
            int h = (kh - 1) * dh + 1 + r.nextInt(9), w = (kw - 1) * dw + 1 + r.nextInt(20);
            int n = 1 + r.nextInt(2), c = 1 + r.nextInt(5);
            Conv.Window win = new Conv.Window(kh, kw, sh, sw, dh, dw, pt, pl, pb, pr);
            Tensor x = Ref.random(r, n, c, h, w), wt = Ref.random(r, c, 1, kh, kw);
            Tensor b = r.nextBoolean() ? Tensor.none() : Ref.random(r, c);
            Tensor got = Conv.conv2d(x, wt, b, win, c, Ref.POOL);
            float[] want = ConvTest.reference(x, wt, b, win, c, got.dim(2), got.dim(3));
            Ref.close(want, got.floats(), 1e-5);
        }
    }

    @Test
    void wideStrideTwoRowsMatchTheReference() {
        // rows wide enough for the vector gather of every second column (and its scalar tail)
        Random r = new Random(29);
        for (int w = 60; w < 100; w += 3) {
            int pad = w % 2;
            Conv.Window win = new Conv.Window(3, 3, 2, 2, 1, 1, pad, pad, pad, pad);
            Tensor x = Ref.random(r, 1, 2, 7, w), wt = Ref.random(r, 2, 1, 3, 3), b = Ref.random(r, 2);
            Tensor got = Conv.conv2d(x, wt, b, win, 2, Ref.POOL);
            float[] want = ConvTest.reference(x, wt, b, win, 2, got.dim(2), got.dim(3));
            Ref.close(want, got.floats(), 1e-5);
        }
    }

    @Test
    void depthwiseSumsInThePlainLoopsOrder() {
        // bias, then taps row by row, left to right, in float: the same bits as the straightforward loop
        Random r = new Random(4);
        Conv.Window win = new Conv.Window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1);
        Tensor x = Ref.random(r, 1, 3, 9, 10), wt = Ref.random(r, 3, 1, 3, 3), b = Ref.random(r, 3);
        Tensor got = Conv.conv2d(x, wt, b, win, 3, Ref.POOL);
        int oh = got.dim(2), ow = got.dim(3);
        for (int ch = 0; ch < 3; ch++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++) {
                    float s = b.floats()[ch];
                    for (int ky = 0; ky < 3; ky++) {
                        int iy = oy * 2 - 1 + ky;
                        if (iy < 0 || iy >= 9) continue;
                        for (int kx = 0; kx < 3; kx++) {
                            int ix = ox * 2 - 1 + kx;
                            float v = ix >= 0 && ix < 10 ? x.floats()[(ch * 9 + iy) * 10 + ix] : 0f;
                            s = s + wt.floats()[ch * 9 + ky * 3 + kx] * v;
                        }
                    }
                    assertEquals(s, got.floats()[(ch * oh + oy) * ow + ox], 0f);
                }
    }

    @Test
    void nineTapsInRegistersGiveThePlainLoopsBits() {
        // the vector kernel against the plain one: every length from all-tail to several vectors, NaN and infinities
        // among the inputs, each finish (ReLU keeps NaN and -0 as relu does, the clip keeps NaN)
        RowOps plain = new RowOps(), fast = RowOps.INSTANCE;
        Random r = new Random(41);
        for (int n = 0; n < 100; n++)
            for (RowOps.Finish finish :
                    new RowOps.Finish[] {RowOps.Finish.NONE, RowOps.Finish.RELU, RowOps.Finish.clamp(-0.5f, 0.75f)}) {
                float[] p = new float[n + 40 + RowOps.SLACK], w = new float[12];
                for (int i = 0; i < p.length; i++) p[i] = r.nextFloat() * 4 - 2;
                for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() * 2 - 1;
                if (n > 0) {
                    p[r.nextInt(n)] = Float.NaN;
                    p[r.nextInt(n)] = Float.POSITIVE_INFINITY;
                    p[r.nextInt(n) + 20] = -0f;
                }
                int[] at = new int[9];
                for (int t = 0; t < 9; t++) at[t] = r.nextInt(40);
                float[] want = new float[n + 1 + RowOps.SLACK], got = new float[n + 1 + RowOps.SLACK];
                plain.taps9(want, 1, n, 0.25f, p, at, w, 3, finish);
                fast.taps9(got, 1, n, 0.25f, p, at, w, 3, finish);
                for (int i = 0; i < want.length; i++)
                    assertEquals(
                            Float.floatToIntBits(want[i]),
                            Float.floatToIntBits(got[i]),
                            "n " + n + " " + finish + " at " + i);
            }
    }

    @Test
    void manyBandsWithTheActivationInRegistersMatchSeparatePasses() {
        // planes wide and tall enough for several bands of output rows, both strides, ReLU and relu6 applied in the
        // nine-tap kernel, leaky ReLU after it: the bits of the convolution followed by the activation
        Random r = new Random(43);
        for (int s = 1; s <= 2; s++)
            for (String act : new String[] {"relu", "relu6", "leaky_relu"}) {
                Conv.Window win = new Conv.Window(3, 3, s, s, 1, 1, 1, 1, 1, 1);
                Tensor x = Ref.random(r, 1, 3, 61, 130), wt = Ref.random(r, 3, 1, 3, 3), b = Ref.random(r, 3);
                float[] want = Conv.conv2d(x, wt, b, win, 3, Ref.POOL).floats().clone();
                var f = Activations.named(act, 0.1f, 0f, 6f);
                for (int i = 0; i < want.length; i++) want[i] = f.apply(want[i]);
                ConvEpilogue epi = ConvEpilogue.of(null, act, 0.1f, 0f, 6f);
                float[] got = Conv.conv2d(x, wt, b, win, 3, epi, Ref.POOL).floats();
                for (int i = 0; i < want.length; i++)
                    assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), act + " at " + i);
            }
    }

    @Test
    void activationsMatchTheirFormulasAndKeepNaN() {
        float[] v = {-3f, -0.5f, 0f, 0.25f, 2f, 7f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        Tensor x = Tensor.of(v, v.length);
        float[] relu = Activation.relu(x, Ref.POOL).floats();
        float[] clip = Activation.clamp(x, -1f, 6f, Ref.POOL).floats();
        float[] hs = Activation.hardSigmoid(x, 0.2f, 0.5f, Ref.POOL).floats();
        float[] hw = Activation.hardSwish(x, Ref.POOL).floats();
        for (int i = 0; i < v.length; i++) {
            float e = v[i];
            if (Float.isNaN(e)) {
                assertTrue(Float.isNaN(relu[i]) && Float.isNaN(clip[i]) && Float.isNaN(hs[i]) && Float.isNaN(hw[i]));
                continue;
            }
            assertEquals(e < 0 ? 0f : e, relu[i], 0f);
            assertEquals(Math.min(6f, Math.max(-1f, e)), clip[i], 0f);
            assertEquals(Math.max(0f, Math.min(1f, 0.2f * e + 0.5f)), hs[i], 0f);
            if (!Float.isInfinite(e)) assertEquals(e * Math.max(0f, Math.min(1f, e / 6f + 0.5f)), hw[i], 0f);
        }
        // large enough to be split over the pool
        Random r = new Random(1);
        Tensor big = Ref.random(r, 70000);
        float[] got = Activation.clamp(big, -0.1f, 0.2f, Ref.POOL).floats();
        for (int i = 0; i < got.length; i++) assertEquals(Math.min(0.2f, Math.max(-0.1f, big.floats()[i])), got[i], 0f);
    }
}
