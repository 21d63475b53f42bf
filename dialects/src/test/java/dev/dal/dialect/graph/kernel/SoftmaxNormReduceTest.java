package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxNormReduceTest {
    private static int[] randomShape(Random r, int minRank) {
        int[] s = new int[minRank + r.nextInt(4 - minRank + 1)];
        for (int i = 0; i < s.length; i++) s[i] = 1 + r.nextInt(5);
        return s;
    }

    /** {@return for each element, the list of flat indices that share all coordinates except those in dims} */
    private static List<Integer> group(int i, int[] s, boolean[] dims) {
        int[] idx = Ref.unravel(i, s);
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < Ref.size(s); j++) {
            int[] jdx = Ref.unravel(j, s);
            boolean same = true;
            for (int d = 0; d < s.length; d++) if (!dims[d] && jdx[d] != idx[d]) same = false;
            if (same) out.add(j);
        }
        return out;
    }

    @Test
    void softmaxAndLogSoftmaxNormaliseAlongTheAxis() {
        qt().withExamples(60)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    int[] s = randomShape(r, 1);
                    int axis = r.nextInt(s.length) - (r.nextBoolean() ? s.length : 0);
                    Tensor x = Ref.random(r, s);
                    boolean[] dims = new boolean[s.length];
                    dims[axis < 0 ? axis + s.length : axis] = true;
                    float[] want = new float[x.size()], wantLog = new float[x.size()];
                    for (int i = 0; i < want.length; i++) {
                        double sum = 0;
                        for (int j : group(i, s, dims)) sum += Math.exp(x.floats()[j]);
                        want[i] = (float) (Math.exp(x.floats()[i]) / sum);
                        wantLog[i] = (float) (x.floats()[i] - Math.log(sum));
                    }
                    Ref.close(want, Softmax.softmax(x, axis, false, Ref.POOL).floats(), 1e-5);
                    Ref.close(wantLog, Softmax.softmax(x, axis, true, Ref.POOL).floats(), 1e-5);
                });
    }

    /** Rows along the last axis at least a vector long take the vector path; it agrees with the formula. */
    @Test
    void softmaxOfLongContiguousRowsMatchesTheFormula() {
        Random r = new Random(5);
        for (int len : new int[] {16, 17, 37, 64, 100}) {
            Tensor x = Ref.random(r, 3, len);
            float[] v = x.floats(), want = new float[v.length];
            for (int row = 0; row < 3; row++) {
                double sum = 0;
                for (int j = 0; j < len; j++) sum += Math.exp(v[row * len + j]);
                for (int j = 0; j < len; j++) want[row * len + j] = (float) (Math.exp(v[row * len + j]) / sum);
            }
            Ref.close(want, Softmax.softmax(x, -1, false, Ref.POOL).floats(), 1e-6);
        }
    }

    @Test
    void layerNormNormalisesTheTrailingDimensions() {
        qt().withExamples(60)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1))
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    int[] s = randomShape(r, 1);
                    int axis = r.nextInt(s.length);
                    int[] norm = Arrays.copyOfRange(s, axis, s.length);
                    Tensor x = Ref.random(r, s), scale = Ref.random(r, norm), bias = Ref.random(r, norm);
                    boolean[] dims = new boolean[s.length];
                    for (int d = axis; d < s.length; d++) dims[d] = true;
                    float[] want = new float[x.size()];
                    int inner = Ref.size(norm);
                    for (int i = 0; i < want.length; i++) {
                        List<Integer> g = group(i, s, dims);
                        double mu = 0, var = 0;
                        for (int j : g) mu += x.floats()[j];
                        mu /= g.size();
                        for (int j : g) var += (x.floats()[j] - mu) * (x.floats()[j] - mu);
                        var /= g.size();
                        want[i] = (float) ((x.floats()[i] - mu) / Math.sqrt(var + 1e-5) * scale.floats()[i % inner]
                                + bias.floats()[i % inner]);
                    }
                    List<Tensor> got = Normalization.layerNorm(x, scale, bias, axis, 1e-5f, Ref.POOL);
                    Ref.close(want, got.get(0).floats(), 1e-4);
                });
    }

    @Test
    void batchNormUsesPerChannelStatistics() {
        Random r = new Random(8);
        Tensor x = Ref.random(r, 2, 3, 4, 5);
        Tensor scale = Ref.random(r, 3), bias = Ref.random(r, 3), mean = Ref.random(r, 3);
        Tensor var = Elementwise.unary(Ref.random(r, 3), v -> Math.abs(v) + 0.1f, Ref.POOL);
        float[] want = new float[x.size()];
        for (int i = 0; i < want.length; i++) {
            int c = (i / 20) % 3;
            want[i] =
                    (float) ((x.floats()[i] - mean.floats()[c]) / Math.sqrt(var.floats()[c] + 1e-5) * scale.floats()[c]
                            + bias.floats()[c]);
        }
        Ref.close(
                want,
                Normalization.batchNorm(x, scale, bias, mean, var, 1e-5f, Ref.POOL)
                        .floats(),
                1e-5);
    }

    @Test
    void reductionsOverRandomAxesWithAndWithoutKeepdims() {
        qt().withExamples(120)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1), integers().between(0, 9))
                .checkAssert((seed, opIndex) -> {
                    Random r = new Random(seed);
                    int[] s = randomShape(r, 1);
                    boolean[] dims = new boolean[s.length];
                    List<Integer> axes = new ArrayList<>();
                    for (int d = 0; d < s.length; d++)
                        if (r.nextBoolean()) {
                            dims[d] = true;
                            axes.add(r.nextBoolean() ? d : d - s.length);
                        }
                    if (axes.isEmpty()) Arrays.fill(dims, true);
                    boolean keep = r.nextBoolean();
                    Reduce.Op op = Reduce.Op.values()[opIndex];
                    Tensor x = Ref.random(r, s);
                    Tensor got = Reduce.reduce(
                            x, axes.stream().mapToInt(Integer::intValue).toArray(), keep, false, op);
                    List<Integer> keptDims = new ArrayList<>();
                    int[] kept = s.clone();
                    for (int d = 0; d < s.length; d++) {
                        if (dims[d]) kept[d] = 1;
                        else keptDims.add(s[d]);
                    }
                    assertArrayEquals(
                            keep
                                    ? kept
                                    : keptDims.stream()
                                            .mapToInt(Integer::intValue)
                                            .toArray(),
                            got.shape());
                    float[] want = new float[Ref.size(kept)];
                    for (int o = 0; o < want.length; o++) {
                        int[] oi = Ref.unravel(o, kept);
                        int first = Ref.ravel(oi, s);
                        List<Integer> g = group(first, s, dims);
                        double acc = switch (op) {
                            case MAX -> Double.NEGATIVE_INFINITY;
                            case MIN -> Double.POSITIVE_INFINITY;
                            case PROD -> 1;
                            default -> 0;
                        };
                        for (int j : g) {
                            double v = x.floats()[j];
                            acc = switch (op) {
                                case SUM, MEAN, LOG_SUM -> acc + v;
                                case MAX -> Math.max(acc, v);
                                case MIN -> Math.min(acc, v);
                                case PROD -> acc * v;
                                case L1 -> acc + Math.abs(v);
                                case L2, SUM_SQUARE -> acc + v * v;
                                case LOG_SUM_EXP -> acc + Math.exp(v);
                            };
                        }
                        want[o] = (float)
                                switch (op) {
                                    case MEAN -> acc / g.size();
                                    case L2 -> Math.sqrt(acc);
                                    case LOG_SUM, LOG_SUM_EXP -> Math.log(acc);
                                    default -> acc;
                                };
                    }
                    Ref.close(want, got.floats(), 1e-5);
                });
    }
}
