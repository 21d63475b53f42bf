package dev.dal.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.OpProbe;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs reuse the arrays of dead intermediate tensors (large enough to be pooled: 4,096 floats here) without
 * changing any value a run returns or still needs.
 */
class ArrayReuseTest {
    private static final RunOptions OPTS = RunOptions.defaults().withThreads(2);

    private static float[] input(int n, int seed) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = ((i * 37 + seed * 11) % 23 - 11) * 0.25f;
        return x;
    }

    private static float[] scaledRelu(float[] x, float s) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.max(0f, x[i]) * s;
        return y;
    }

    /**
     * {@code %a} dies at the add while its reshaped view {@code %v} is returned, and {@code %b}, {@code %c} die while
     * later ops allocate arrays of their size: a wrongly reused array would change {@code %v} or {@code %e}.
     */
    @Test
    void deadIntermediatesNeverOverwriteViewsOrResults() {
        Interpreter in = Interpreter.load(GraphIr.parse("""
                func.func @main(%x: tensor<1x4x32x32xf32>) -> (tensor<1x4x32x32xf32>, tensor<4096xf32>) {
                  %s = graph.constant {value = dense<[4096]> : tensor<1xi64>} : tensor<1xi64>
                  %a = graph.relu %x : tensor<1x4x32x32xf32>
                  %v = graph.reshape %a, %s : (tensor<1x4x32x32xf32>, tensor<1xi64>) -> tensor<4096xf32>
                  %b = graph.add %a, %a : tensor<1x4x32x32xf32>
                  %c = graph.relu %b : tensor<1x4x32x32xf32>
                  %d = graph.add %c, %c : tensor<1x4x32x32xf32>
                  %e = graph.relu %d : tensor<1x4x32x32xf32>
                  return %e, %v : tensor<1x4x32x32xf32>, tensor<4096xf32>
                }
                """));
        float[] x1 = input(4096, 1), x2 = input(4096, 2);
        List<Tensor> first = in.run("main", List.of(Tensor.of(x1, 1, 4, 32, 32)), OPTS);
        List<Tensor> second = in.run("main", List.of(Tensor.of(x2, 1, 4, 32, 32)), OPTS);
        List<Tensor> third = in.run("main", List.of(Tensor.of(x1, 1, 4, 32, 32)), OPTS);
        // the first run's results are the caller's: later runs must not have reused their arrays
        assertArrayEquals(scaledRelu(x1, 4f), first.get(0).floats());
        assertArrayEquals(scaledRelu(x1, 1f), first.get(1).floats());
        assertArrayEquals(scaledRelu(x2, 4f), second.get(0).floats());
        assertArrayEquals(scaledRelu(x2, 1f), second.get(1).floats());
        assertArrayEquals(scaledRelu(x1, 4f), third.get(0).floats());
        assertArrayEquals(scaledRelu(x1, 1f), third.get(1).floats());
        assertNotSame(first.get(0).floats(), third.get(0).floats());
    }

    private static final String CHAIN = """
            func.func @main(%x: tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32> {
              %a = graph.relu %x : tensor<1x4x32x32xf32>
              %b = graph.add %a, %a : tensor<1x4x32x32xf32>
              %c = graph.relu %b : tensor<1x4x32x32xf32>
              %d = graph.add %c, %c : tensor<1x4x32x32xf32>
              return %d : tensor<1x4x32x32xf32>
            }
            """;

    /** A probe may keep what it sees: its tensors keep their values through later runs. */
    @Test
    void tensorsAProbeKeptAreNeverReused() {
        Interpreter in = Interpreter.load(GraphIr.parse(CHAIN));
        List<Tensor> kept = new ArrayList<>();
        List<float[]> copies = new ArrayList<>();
        OpProbe keep = (op, ins, outs) -> {
            for (Tensor t : outs) {
                kept.add(t);
                copies.add(t.floats().clone());
            }
        };
        in.run("main", List.of(Tensor.of(input(4096, 1), 1, 4, 32, 32)), OPTS.withProbe(keep));
        int seen = kept.size();
        for (int seed = 2; seed < 5; seed++)
            in.run("main", List.of(Tensor.of(input(4096, seed), 1, 4, 32, 32)), OPTS.withProbe(keep));
        for (int i = 0; i < seen; i++)
            assertArrayEquals(copies.get(i), kept.get(i).floats(), "tensor " + i);
    }

    /** A probe that only reads what it sees ({@link OpProbe#readingOnly}) leaves runs reusing arrays. */
    @Test
    void aReadingOnlyProbeKeepsArraysReused() {
        Interpreter in = Interpreter.load(GraphIr.parse(CHAIN));
        Set<float[]> first = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<float[]> later = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int seed = 1; seed < 4; seed++) {
            Set<float[]> into = seed == 1 ? first : later;
            in.run(
                    "main",
                    List.of(Tensor.of(input(4096, seed), 1, 4, 32, 32)),
                    OPTS.withProbe(OpProbe.readingOnly((op, ins, outs) -> {
                        for (Tensor t : outs) into.add(t.floats());
                    })));
        }
        later.retainAll(first);
        assertFalse(later.isEmpty(), "no array of the first run's intermediates came back in later runs");
    }

    /**
     * Weights computed in the run land in reused arrays; the convolution must not take their packed form from the
     * cache it keeps for constant weights, or the second run would use the first run's weights.
     */
    @Test
    void convolutionWithComputedWeightsSeesEachRunsWeights() {
        Interpreter in = Interpreter.load(GraphIr.parse("""
                func.func @main(%x: tensor<1x64x8x8xf32>, %w: tensor<64x64x1x1xf32>) -> tensor<1x64x8x8xf32> {
                  %n = graph.none : none
                  %r = graph.relu %w : tensor<64x64x1x1xf32>
                  %y = graph.conv %x, %r, %n : (tensor<1x64x8x8xf32>, tensor<64x64x1x1xf32>, none) -> tensor<1x64x8x8xf32>
                  return %y : tensor<1x64x8x8xf32>
                }
                """));
        float[] x = input(4096, 3);
        for (int seed = 4; seed < 7; seed++) {
            float[] w = input(4096, seed);
            Tensor y = in.run("main", List.of(Tensor.of(x, 1, 64, 8, 8), Tensor.of(w, 64, 64, 1, 1)), OPTS)
                    .getFirst();
            float[] want = new float[4096];
            for (int m = 0; m < 64; m++)
                for (int p = 0; p < 64; p++) {
                    float acc = 0f;
                    for (int c = 0; c < 64; c++) acc += Math.max(0f, w[m * 64 + c]) * x[c * 64 + p];
                    want[m * 64 + p] = acc;
                }
            assertArrayEquals(want, y.floats(), 1e-4f, "weights of run " + seed);
        }
    }
}
