package dev.dal.dialect.graph.kernel;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatMulTest {
    @Test
    void batchedMatmulBroadcastsBatchDimensions() {
        // up to 40: both the small-product loops and the SGEMM path (over 32^3 multiply-adds) are exercised
        qt().withExamples(80)
                .forAll(
                        integers().between(1, 40),
                        integers().between(1, 40),
                        integers().between(1, 40),
                        integers().between(0, 63))
                .checkAssert((m, n, k, pick) -> {
                    Random r = new Random(pick * 1000L + m * 100 + n * 10 + k);
                    // batch shapes: a [B1, 1, m, k] vs b [B2, k, n] with B1, B2 from pick; also 1-D operands
                    int b1 = 1 + pick % 3, b2 = 1 + (pick / 3) % 3;
                    boolean aVec = (pick & 16) != 0, bVec = (pick & 32) != 0;
                    int[] as = aVec ? new int[] {k} : new int[] {b1, 1, m, k};
                    int[] bs = bVec ? new int[] {k} : new int[] {b2, k, n};
                    Tensor a = Ref.random(r, as), b = Ref.random(r, bs);
                    Tensor got = MatMul.matmul(a, b, Ref.POOL);
                    // reference: promote, broadcast by hand
                    int mm = aVec ? 1 : m, nn = bVec ? 1 : n;
                    int ba1 = aVec ? 1 : b1, bb = bVec ? 1 : b2;
                    int[] batch = aVec && bVec
                            ? new int[0]
                            : aVec ? new int[] {bb} : bVec ? new int[] {ba1, 1} : new int[] {ba1, bb};
                    int batches = Ref.size(batch);
                    float[] want = new float[batches * mm * nn];
                    float[] x = a.floats(), y = b.floats();
                    for (int t = 0; t < batches; t++) {
                        int[] bi = Ref.unravel(t, batch);
                        int aBatch = aVec ? 0 : bi[0];
                        int bBatch = bVec ? 0 : bi[bi.length - 1];
                        for (int i = 0; i < mm; i++)
                            for (int j = 0; j < nn; j++) {
                                double s = 0;
                                for (int p = 0; p < k; p++)
                                    s += x[aBatch * mm * k + i * k + p] * (double) y[bBatch * k * nn + p * nn + j];
                                want[t * mm * nn + i * nn + j] = (float) s;
                            }
                    }
                    Ref.close(want, got.floats(), 1e-5);
                    int[] shape;
                    if (aVec && bVec) shape = new int[0];
                    else if (aVec) shape = new int[] {b2, n};
                    else if (bVec) shape = new int[] {b1, 1, m};
                    else shape = new int[] {b1, b2, m, n};
                    Ref.sameShape(shape, got);
                });
    }

    @Test
    void gemmAppliesTransposesAlphaBetaAndBroadcastC() {
        qt().withExamples(60)
                .forAll(
                        integers().between(1, 20),
                        integers().between(1, 20),
                        integers().between(1, 20),
                        integers().between(0, 15))
                .checkAssert((m, n, k, f) -> {
                    Random r = new Random(m * 400L + n * 20 + k + f * 9000);
                    boolean ta = (f & 1) != 0, tb = (f & 2) != 0;
                    Tensor a = Ref.random(r, ta ? new int[] {k, m} : new int[] {m, k});
                    Tensor b = Ref.random(r, tb ? new int[] {n, k} : new int[] {k, n});
                    Tensor c = switch (f >> 2) {
                        case 0 -> Tensor.none();
                        case 1 -> Ref.random(r, n);
                        case 2 -> Ref.random(r, m, 1);
                        default -> Ref.random(r, m, n);
                    };
                    float alpha = 0.5f + r.nextFloat(), beta = r.nextFloat();
                    float[] want = new float[m * n];
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int p = 0; p < k; p++)
                                s += (double) a.floats()[ta ? p * m + i : i * k + p]
                                        * b.floats()[tb ? j * k + p : p * n + j];
                            double cv = switch (f >> 2) {
                                case 0 -> 0;
                                case 1 -> c.floats()[j];
                                case 2 -> c.floats()[i];
                                default -> c.floats()[i * n + j];
                            };
                            want[i * n + j] = (float) (alpha * s + beta * cv);
                        }
                    Tensor got = MatMul.gemm(a, b, c, alpha, beta, ta, tb, Ref.POOL);
                    Ref.sameShape(new int[] {m, n}, got);
                    Ref.close(want, got.floats(), 1e-5);
                });
    }
}
