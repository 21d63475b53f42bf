package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.interp.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
    /** A random shape of rank 0..4 with dims 1..4, and a second one that broadcasts with it. */
    private static int[][] shapes(Random r) {
        int rank = r.nextInt(5);
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) a[i] = 1 + r.nextInt(4);
        int rb = r.nextInt(rank + 1);
        int[] b = new int[rb];
        for (int i = 0; i < rb; i++) {
            int d = a[rank - rb + i];
            b[i] = r.nextInt(3) == 0 ? 1 : d;
        }
        if (r.nextBoolean()) return new int[][] {a, b};
        // make some of a's dims 1 where b has them larger
        for (int i = 0; i < rb; i++) if (r.nextInt(3) == 0) a[rank - rb + i] = 1;
        return new int[][] {b, a};
    }

    /** The broadcast result by the NumPy rule written out directly. */
    private static int[] resultShape(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Index of the element of an operand that a result coordinate reads (dims of size 1 pinned to 0). */
    private static int source(int[] idx, int[] s) {
        int o = 0;
        for (int d = 0; d < s.length; d++) {
            int i = idx[idx.length - s.length + d];
            o = o * s[d] + (s[d] == 1 ? 0 : i);
        }
        return o;
    }

    @Test
    void binaryOpsBroadcastLikeNumpy() {
        qt().withExamples(300)
                .forAll(integers().between(0, Integer.MAX_VALUE - 1), integers().between(0, 7))
                .checkAssert((seed, opIndex) -> {
                    Random r = new Random(seed);
                    int[][] s = shapes(r);
                    Tensor a = Ref.random(r, s[0]), b = Ref.random(r, s[1]);
                    Elementwise.BinaryOp op = Elementwise.BinaryOp.values()[opIndex];
                    if (op == Elementwise.BinaryOp.POW) a = Elementwise.unary(a, Math::abs, Ref.POOL);
                    Tensor got = Elementwise.binary(a, b, op, Ref.POOL);
                    int[] rs = resultShape(s[0], s[1]);
                    assertArrayEquals(rs, got.shape());
                    float[] want = new float[Ref.size(rs)];
                    for (int i = 0; i < want.length; i++) {
                        int[] idx = Ref.unravel(i, rs);
                        float x = a.floats()[source(idx, s[0])], y = b.floats()[source(idx, s[1])];
                        want[i] = switch (op) {
                            case ADD -> x + y;
                            case SUB -> x - y;
                            case MUL -> x * y;
                            case DIV -> x / y;
                            case POW -> (float) Math.pow(x, y);
                            case MAX -> Math.max(x, y);
                            case MIN -> Math.min(x, y);
                            case PRELU -> x >= 0 ? x : x * y;
                        };
                    }
                    Ref.close(want, got.floats(), 1e-6);
                    // the generic-function path walks the same broadcast
                    Tensor viaFunction = Elementwise.binary(a, b, (x, y) -> x - 2 * y, Ref.POOL);
                    float[] want2 = new float[want.length];
                    for (int i = 0; i < want.length; i++) {
                        int[] idx = Ref.unravel(i, rs);
                        want2[i] = a.floats()[source(idx, s[0])] - 2 * b.floats()[source(idx, s[1])];
                    }
                    Ref.close(want2, viaFunction.floats(), 1e-6);
                });
    }

    @Test
    void largeTensorsSplitOverThreadsGiveTheSameResult() {
        Random r = new Random(2);
        Tensor a = Ref.random(r, 64, 3, 200), b = Ref.random(r, 3, 1);
        Tensor got = Elementwise.binary(a, b, Elementwise.BinaryOp.MUL, Ref.POOL);
        float[] want = new float[a.size()];
        for (int i = 0; i < want.length; i++) want[i] = a.floats()[i] * b.floats()[(i / 200) % 3];
        Ref.close(want, got.floats(), 0);
        Tensor relu = Elementwise.unary(a, x -> Math.max(0, x), Ref.POOL);
        for (int i = 0; i < want.length; i++) want[i] = a.floats()[i] > 0 ? a.floats()[i] : 0;
        Ref.close(want, relu.floats(), 0);
    }

    @Test
    void otherNumericTypesBroadcastInTheirOwnType() {
        Tensor a = Tensor.of(new int[] {1, -2, 3, 4, 5, 6}, 2, 3), b = Tensor.of(new int[] {10, 20}, 2, 1);
        Tensor sum = Elementwise.binaryAny(a, b, Double::sum, Long::sum);
        assertArrayEquals(new int[] {11, 8, 13, 24, 25, 26}, sum.ints());
        Tensor x = Tensor.of(new double[] {1.5, 2.5}, 2), y = Tensor.of(new double[] {0.25}, 1);
        assertArrayEquals(
                new double[] {0.375, 0.625},
                Elementwise.binaryAny(x, y, (p, q) -> p * q, (p, q) -> p * q).doubles());
        Tensor bytes = Tensor.ofArray(dev.dal.ir.interp.DType.I8, new byte[] {100, -100}, 2);
        // int8 arithmetic wraps like the type
        Tensor wrapped = Elementwise.binaryAny(bytes, bytes, Double::sum, Long::sum);
        org.junit.jupiter.api.Assertions.assertEquals(-56, wrapped.getLong(0));
        org.junit.jupiter.api.Assertions.assertEquals(56, wrapped.getLong(1));
    }

    @Test
    void incompatibleShapesAreRejected() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Elementwise.binary(
                        Tensor.zeros(dev.dal.ir.interp.DType.F32, 2, 3),
                        Tensor.zeros(dev.dal.ir.interp.DType.F32, 4),
                        Elementwise.BinaryOp.ADD,
                        Ref.POOL));
        org.junit.jupiter.api.Assertions.assertEquals("shapes [2, 3] and [4] cannot be broadcast", e.getMessage());
    }

    @Test
    void variadicAndWhereBroadcastAllOperands() {
        Random r = new Random(4);
        Tensor a = Ref.random(r, 2, 3), b = Ref.random(r, 3), c = Ref.random(r, 2, 1);
        Tensor mean = Elementwise.variadic(List.of(a, b, c), Elementwise.Variadic.MEAN, Ref.POOL);
        Tensor max = Elementwise.variadic(List.of(a, b, c), Elementwise.Variadic.MAX, Ref.POOL);
        float[] wm = new float[6], wx = new float[6];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) {
                float x = a.floats()[i * 3 + j], y = b.floats()[j], z = c.floats()[i];
                wm[i * 3 + j] = (x + y + z) / 3;
                wx[i * 3 + j] = Math.max(x, Math.max(y, z));
            }
        Ref.close(wm, mean.floats(), 1e-6);
        Ref.close(wx, max.floats(), 0);
        Tensor cond = Tensor.of(new boolean[] {true, false, true}, 3);
        Tensor w = Elementwise.where(cond, a, c);
        float[] ww = new float[6];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) ww[i * 3 + j] = cond.bools()[j] ? a.floats()[i * 3 + j] : c.floats()[i];
        Ref.close(ww, w.floats(), 0);
    }
}
