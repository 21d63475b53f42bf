package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Im2colShiftedTest {
    /** Packs the slab (pc, kc) x (jc, ncols) of a panel source into a fresh array (NaN where nothing was packed). */
    private static float[] pack(Sgemm.PanelSource s, int pc, int kc, int jc, int ncols, int nr) {
        int panels = (ncols + nr - 1) / nr;
        float[] bp = new float[2 + panels * nr * kc];
        Arrays.fill(bp, Float.NaN);
        s.pack(pc, kc, jc, ncols, nr, bp, 1);
        return bp;
    }

    @Test
    void shiftedPlanesPackTheSamePanelsAsTheRowByRowPacking() {
        qt().withExamples(300)
                .forAll(
                        integers().between(1, 5),
                        integers().between(1, 4),
                        integers().between(1, 4),
                        integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((cg, kh, kw, seed) -> {
                    Random r = new Random(seed);
                    int dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
                    int pt = r.nextInt(3), pl = r.nextInt(3), pb = r.nextInt(3), pr = r.nextInt(3);
                    int h = (kh - 1) * dh + 1 + r.nextInt(10), w = (kw - 1) * dw + 1 + r.nextInt(24);
                    Conv.Window win = new Conv.Window(kh, kw, 1, 1, dh, dw, pt, pl, pb, pr);
                    int oh = win.outH(h, false), ow = win.outW(w, false);
                    assertTrue(Im2colShifted.applies(win, ow));
                    // a second image in front, so the group's input starts at an offset
                    Tensor x = Ref.random(r, 2, cg, h, w);
                    int inOff = cg * h * w, k = cg * kh * kw, n = oh * ow;
                    int pc = r.nextInt(k), kc = 1 + r.nextInt(k - pc);
                    int jc = r.nextInt(n), ncols = 1 + r.nextInt(n - jc), nr = 8 * (1 + r.nextInt(6));
                    float[] want = pack(
                            new Im2colPanels(x.floats(), inOff, cg, h, w, ow, win, Ref.POOL), pc, kc, jc, ncols, nr);
                    float[] got = pack(
                            new Im2colShifted(x.floats(), inOff, cg, h, w, oh, ow, win, Ref.POOL),
                            pc,
                            kc,
                            jc,
                            ncols,
                            nr);
                    assertArrayEquals(want, got);
                });
    }

    @Test
    void stridedOrWideOutputsKeepTheRowByRowPacking() {
        assertFalse(Im2colShifted.applies(new Conv.Window(3, 3, 2, 1, 1, 1, 1, 1, 1, 1), 8));
        assertFalse(Im2colShifted.applies(new Conv.Window(3, 3, 1, 2, 1, 1, 1, 1, 1, 1), 8));
        assertFalse(Im2colShifted.applies(new Conv.Window(3, 3, 1, 1, 1, 1, 1, 1, 1, 1), 56));
    }
}
