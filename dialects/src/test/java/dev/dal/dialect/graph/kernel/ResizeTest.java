package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.dialect.graph.kernel.Resize.Coordinates;
import dev.dal.dialect.graph.kernel.Resize.Mode;
import dev.dal.dialect.graph.kernel.Resize.Options;
import dev.dal.dialect.graph.kernel.Resize.Rounding;
import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResizeTest {
    private static Options opts(Mode m, Coordinates c) {
        return new Options(m, c, Rounding.ROUND_PREFER_FLOOR, -0.75, false, 0f, false);
    }

    private static Tensor byScales(Tensor x, Options o, double... scales) {
        return Resize.resize(
                x,
                Resize.geometry(x.shape(), new long[0], new double[0], scales, new long[0], "stretch", false),
                o,
                Ref.POOL);
    }

    private static Tensor bySizes(Tensor x, Options o, long... sizes) {
        return Resize.resize(
                x,
                Resize.geometry(x.shape(), new long[0], new double[0], new double[0], sizes, "stretch", false),
                o,
                Ref.POOL);
    }

    @Test
    void nearestUpsampleRepeatsAndRoundingModesBreakTiesAsNamed() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3);
        // asymmetric, scale 2: output 1 maps to 0.5, a tie between input 0 and input 1
        float[][] want = {{1, 1, 2, 2, 3, 3}, {1, 2, 2, 3, 3, 3}, {1, 1, 2, 2, 3, 3}, {1, 2, 2, 3, 3, 3}};
        Rounding[] modes = {Rounding.ROUND_PREFER_FLOOR, Rounding.ROUND_PREFER_CEIL, Rounding.FLOOR, Rounding.CEIL};
        for (int i = 0; i < modes.length; i++) {
            Options o = new Options(Mode.NEAREST, Coordinates.ASYMMETRIC, modes[i], -0.75, false, 0f, false);
            assertArrayEquals(want[i], byScales(x, o, 2).floats(), modes[i].toString());
        }
    }

    @Test
    void linearHalfPixelClampsAtTheBorders() {
        Tensor y = byScales(Tensor.of(new float[] {0, 1}, 2), opts(Mode.LINEAR, Coordinates.HALF_PIXEL), 2);
        // coordinates -0.25, 0.25, 0.75, 1.25
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, y.floats(), 1e-6f);
    }

    @Test
    void alignCornersUsesTheFractionalTargetLengthOfAScale() {
        // ONNX: length 4 at scale 0.6 is 2.4 long, so output 1 maps to 1 * 3 / 1.4
        Tensor y = byScales(Tensor.of(new float[] {1, 2, 3, 4}, 4), opts(Mode.LINEAR, Coordinates.ALIGN_CORNERS), 0.6);
        assertArrayEquals(new float[] {1, 1 + 3 / 1.4f}, y.floats(), 1e-6f);
        // with sizes the length is the size itself: the last output meets the last input
        Tensor z = bySizes(Tensor.of(new float[] {1, 2, 3, 4}, 4), opts(Mode.LINEAR, Coordinates.ALIGN_CORNERS), 3);
        assertArrayEquals(new float[] {1, 2.5f, 4}, z.floats(), 1e-6f);
    }

    @Test
    void cropAndResizeExtrapolatesOutsideTheInput() {
        Tensor x = Tensor.of(new float[] {0, 1, 2, 3}, 4);
        Options o = new Options(Mode.LINEAR, Coordinates.TF_CROP_AND_RESIZE, Rounding.FLOOR, -0.75, false, -1f, false);
        Resize.Geometry g = Resize.geometry(
                x.shape(), new long[0], new double[] {0.4, 1.2}, new double[0], new long[] {3}, "stretch", true);
        // coordinates 0.4 * 3 + o * 0.8 * 3 / 2: 1.2, 2.4, 3.6 (past the last input)
        assertArrayEquals(
                new float[] {1.2f, 2.4f, -1f}, Resize.resize(x, g, o, Ref.POOL).floats(), 1e-6f);
    }

    @Test
    void antialiasWidensTheLinearFilterWhenDownsampling() {
        float[] v = new float[8];
        for (int i = 0; i < 8; i++) v[i] = i;
        Options o = new Options(Mode.LINEAR, Coordinates.HALF_PIXEL, Rounding.FLOOR, -0.75, false, 0f, true);
        // centres 0.5, 2.5, 4.5, 6.5; a triangle of half-width 2, weights (1, 3, 3, 1) / 8, clamped at the borders
        Tensor y = byScales(Tensor.of(v, 8), o, 0.5);
        assertArrayEquals(new float[] {0.625f, 2.5f, 4.5f, 6.375f}, y.floats(), 1e-6f);
    }

    @Test
    void halfPixelSymmetricCentresATruncatedOutput() {
        // length 4 at scale 0.6 is 2.4, truncated to 2: the two outputs sit symmetrically about the input's centre
        Options o = opts(Mode.LINEAR, Coordinates.HALF_PIXEL_SYMMETRIC);
        Tensor y = byScales(Tensor.of(new float[] {0, 1, 2, 3}, 4), o, 0.6);
        assertArrayEquals(new float[] {2f / 3, 7f / 3}, y.floats(), 1e-5f);
    }

    @Test
    void everyFilterKeepsAConstantInputConstant() {
        // the weights of each output sum to one: plain, exclude_outside and antialiased, up and down
        float[] v = new float[35];
        java.util.Arrays.fill(v, 2.5f);
        Tensor x = Tensor.of(v, 5, 7);
        for (Mode m : new Mode[] {Mode.LINEAR, Mode.CUBIC})
            for (int flags = 0; flags < 4; flags++) {
                Options o = new Options(
                        m, Coordinates.HALF_PIXEL, Rounding.FLOOR, -0.5, (flags & 1) != 0, 0f, (flags & 2) != 0);
                for (double[] sc : new double[][] {{0.4, 0.3}, {1.7, 2.2}, {0.5, 1.5}}) {
                    Tensor y = byScales(x, o, sc);
                    float[] want = new float[y.size()];
                    java.util.Arrays.fill(want, 2.5f);
                    Ref.close(want, y.floats(), 1e-5);
                }
            }
    }

    @Test
    void antialiasChangesNothingWhenUpsampling() {
        Random r = new Random(4);
        Tensor x = Ref.random(r, 3, 4);
        for (Mode m : new Mode[] {Mode.LINEAR, Mode.CUBIC}) {
            Options plain = opts(m, Coordinates.HALF_PIXEL);
            Options aa = new Options(m, Coordinates.HALF_PIXEL, Rounding.FLOOR, -0.75, false, 0f, true);
            Ref.close(
                    byScales(x, plain, 2, 1.5).floats(), byScales(x, aa, 2, 1.5).floats(), 1e-6);
        }
    }

    @Test
    void keepAspectRatioPoliciesShareOneScale() {
        int[] in = {2, 4};
        long[] sizes = {4, 4};
        assertArrayEquals(
                new int[] {2, 4},
                Resize.geometry(in, new long[0], new double[0], new double[0], sizes, "not_larger", false)
                        .outShape());
        assertArrayEquals(
                new int[] {4, 8},
                Resize.geometry(in, new long[0], new double[0], new double[0], sizes, "not_smaller", false)
                        .outShape());
        // axes select which dims the sizes list
        assertArrayEquals(
                new int[] {2, 3},
                Resize.geometry(in, new long[] {-1}, new double[0], new double[0], new long[] {3}, "stretch", false)
                        .outShape());
    }

    @Test
    void nearestWorksOnIntegersAndOtherModesRejectThem() {
        Tensor x = Tensor.of(new long[] {5, 7}, 2);
        Tensor y = byScales(x, opts(Mode.NEAREST, Coordinates.ASYMMETRIC), 2);
        assertArrayEquals(new long[] {5, 5, 7, 7}, y.longs());
        assertThrows(IllegalArgumentException.class, () -> byScales(x, opts(Mode.LINEAR, Coordinates.ASYMMETRIC), 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> Resize.geometry(
                        new int[] {2}, new long[0], new double[0], new double[] {2}, new long[] {4}, "stretch", false));
    }

    /** Keys' cubic kernel, written as the four coefficients of a sample at fraction t past the left neighbour. */
    private static double[] cubicCoefficients(double t, double a) {
        double[] d = {1 + t, t, 1 - t, 2 - t};
        double[] c = new double[4];
        for (int i = 0; i < 4; i++) {
            double x = d[i];
            c[i] = x <= 1
                    ? (a + 2) * x * x * x - (a + 3) * x * x + 1
                    : a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a;
        }
        return c;
    }

    /** The 1-D weights of one output coordinate over all inputs (clamped neighbours, as ONNX pads by the edge). */
    private static double[] weights1d(double x, int in, Mode m, boolean exclude) {
        double[] w = new double[in];
        int f = (int) Math.floor(x);
        double t = x - f;
        if (m == Mode.LINEAR) {
            w[Math.clamp(f, 0, in - 1)] += 1 - t;
            w[Math.clamp(f + 1, 0, in - 1)] += t;
            return w;
        }
        double[] c = cubicCoefficients(t, -0.75);
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            int j = f - 1 + k;
            if (exclude && (j < 0 || j >= in)) c[k] = 0;
            sum += c[k];
        }
        for (int k = 0; k < 4; k++) w[Math.clamp(f - 1 + k, 0, in - 1)] += exclude ? c[k] / sum : c[k];
        return w;
    }

    @Test
    void separablePassesMatchTheDirectTwoDimensionalInterpolation() {
        qt().withExamples(80)
                .forAll(
                        integers().between(0, 3),
                        integers().between(0, 1),
                        integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert((coord, cubic, seed) -> {
                    Random r = new Random(seed);
                    Coordinates c = new Coordinates[] {
                                Coordinates.HALF_PIXEL,
                                Coordinates.ASYMMETRIC,
                                Coordinates.ALIGN_CORNERS,
                                Coordinates.PYTORCH_HALF_PIXEL
                            }
                            [coord];
                    Mode m = cubic == 1 ? Mode.CUBIC : Mode.LINEAR;
                    boolean exclude = m == Mode.CUBIC && r.nextBoolean();
                    int h = 1 + r.nextInt(6), w = 1 + r.nextInt(6), oh = 1 + r.nextInt(9), ow = 1 + r.nextInt(9);
                    Tensor x = Ref.random(r, 2, h, w);
                    Options o = new Options(m, c, Rounding.FLOOR, -0.75, exclude, 0f, false);
                    Tensor y = bySizes(x, o, 2, oh, ow);
                    Ref.sameShape(new int[] {2, oh, ow}, y);
                    float[] want = new float[2 * oh * ow];
                    for (int b = 0; b < 2; b++)
                        for (int i = 0; i < oh; i++) {
                            double[] wy = weights1d(coordinate(i, h, oh, c), h, m, exclude);
                            for (int j = 0; j < ow; j++) {
                                double[] wx = weights1d(coordinate(j, w, ow, c), w, m, exclude);
                                double s = 0;
                                for (int p = 0; p < h; p++)
                                    for (int q = 0; q < w; q++) s += wy[p] * wx[q] * x.floats()[(b * h + p) * w + q];
                                want[(b * oh + i) * ow + j] = (float) s;
                            }
                        }
                    Ref.close(want, y.floats(), 1e-5);
                });
    }

    private static double coordinate(int o, int in, int out, Coordinates c) {
        double scale = (double) out / in;
        return switch (c) {
            case HALF_PIXEL -> (o + 0.5) / scale - 0.5;
            case ASYMMETRIC -> o / scale;
            case ALIGN_CORNERS -> out == 1 ? 0 : o * (in - 1.0) / (out - 1);
            case PYTORCH_HALF_PIXEL -> out == 1 ? 0 : (o + 0.5) / scale - 0.5;
            default -> throw new AssertionError(c);
        };
    }
}
