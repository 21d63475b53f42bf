package dev.dal.bench;

import dev.dal.dialect.graph.kernel.Conv;
import dev.dal.dialect.graph.kernel.Sgemm;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * Measures the float kernels: SGEMM at 512x512x512 and convolution layers of ResNet and MobileNet shapes, at 1 and 2
 * threads, reporting median GFLOP/s. The two thread counts run in alternating blocks of back-to-back runs (a busy
 * machine still hits both alike): alternating single runs let the two-thread pool's helper fall asleep between its
 * runs, and waking it took longer than a small layer's whole product (a 7x7 layer measured 6 ms instead of 0.3).
 * A fixed multiply-add loop, warmed up first, before and after shows whether the machine was free.
 *
 * <p>No share of a peak is printed: BUILD.md's 232 GFLOP/s for two threads is below what ONNX Runtime reaches on
 * ResNet's 64-channel layers here (about 390 GFLOP/s, benchmarks/README.md), so it is not this machine's peak.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/classes:dialects/target/classes:ir/core/target/classes
 * dev.dal.bench.KernelBench [reps]} (without the module flag, the scalar micro-kernel is measured).
 */
public final class KernelBench {
    private static final int BLOCKS = 3;

    private KernelBench() {}

    private interface Case {
        void run(ForkJoinPool pool);
    }

    private record Bench(String name, double flops, Case body) {}

    /** Entry point. */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 45;
        Random r = new Random(1);
        List<Bench> benches = new ArrayList<>();
        int n = 512;
        float[] a = rand(r, n * n), b = rand(r, n * n), c = new float[n * n];
        benches.add(new Bench(
                "sgemm 512x512x512",
                2.0 * n * n * n,
                p -> Sgemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n, p)));
        benches.add(conv(r, "conv 1x256x56x56 -> 64, 3x3 pad 1", 1, 256, 56, 56, 64, 3, 1));
        benches.add(conv(r, "conv 1x64x56x56 -> 64, 3x3 pad 1 (resnet layer1)", 1, 64, 56, 56, 64, 3, 1));
        benches.add(conv(r, "conv 1x256x56x56 -> 64, 1x1", 1, 256, 56, 56, 64, 1, 0));
        benches.add(conv(r, "conv 1x3x224x224 -> 64, 7x7 s2 pad 3 (stem)", 1, 3, 224, 224, 64, 7, 3));
        benches.add(conv(r, "conv 1x256x14x14 -> 256, 3x3 pad 1 (resnet layer3)", 1, 256, 14, 14, 256, 3, 1));
        benches.add(conv(r, "conv 1x512x7x7 -> 512, 3x3 pad 1 (resnet layer4)", 1, 512, 7, 7, 512, 3, 1));
        benches.add(conv(r, "conv 1x320x7x7 -> 1280, 1x1 (mobilenet head)", 1, 320, 7, 7, 1280, 1, 0));
        benches.add(conv(r, "conv 1x16x112x112 -> 96, 1x1 (mobilenet expansion)", 1, 16, 112, 112, 96, 1, 0));
        ForkJoinPool p1 = new ForkJoinPool(1), p2 = new ForkJoinPool(2);
        System.out.printf("micro-kernel: %s%n", Sgemm.vectorized() ? "Vector API" : "scalar");
        probe();
        System.out.printf("compute probe before: %.1f GFLOP/s (1 thread)%n", probe());
        for (Bench bench : benches) {
            // warm-up until the JIT has compiled this shape's paths (three runs were not enough: medians of 15 runs
            // then mixed in interpreted ones, 3-5x slower)
            long warm = System.nanoTime();
            for (int w = 0; w < 20 || System.nanoTime() - warm < 1_000_000_000L; w++) {
                bench.body.run(p1);
                bench.body.run(p2);
            }
            int per = Math.max(1, reps / BLOCKS);
            double[] t1 = new double[per * BLOCKS], t2 = new double[per * BLOCKS];
            for (int blk = 0; blk < BLOCKS; blk++) {
                for (int i = 0; i < per; i++) t1[blk * per + i] = time(bench.body, p1);
                for (int i = 0; i < per; i++) t2[blk * per + i] = time(bench.body, p2);
            }
            double g1 = bench.flops / median(t1) / 1e9, g2 = bench.flops / median(t2) / 1e9;
            System.out.printf(
                    "%-52s 1 thread %6.1f GFLOP/s   2 threads %6.1f GFLOP/s (x%.2f)   median %.3f ms%n",
                    bench.name, g1, g2, g2 / g1, median(t2) * 1e3);
        }
        System.out.printf("compute probe after: %.1f GFLOP/s (1 thread)%n", probe());
        p1.shutdown();
        p2.shutdown();
    }

    private static Bench conv(Random r, String name, int n, int c, int h, int w, int m, int k, int pad) {
        Tensor x = Tensor.of(rand(r, n * c * h * w), n, c, h, w);
        Tensor wt = Tensor.of(rand(r, m * c * k * k), m, c, k, k);
        Tensor bias = Tensor.of(rand(r, m), m);
        int stride = k == 7 ? 2 : 1;
        Conv.Window win = new Conv.Window(k, k, stride, stride, 1, 1, pad, pad, pad, pad);
        int oh = win.outH(h, false), ow = win.outW(w, false);
        double flops = 2.0 * n * m * oh * ow * c * k * k;
        return new Bench(name, flops, p -> Conv.conv2d(x, wt, bias, win, 1, p));
    }

    private static float[] rand(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() - 0.5f;
        return v;
    }

    private static double time(Case c, ForkJoinPool p) {
        long t = System.nanoTime();
        c.run(p);
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** A fixed single-thread multiply-add loop: its rate shows how busy the machine is. */
    private static double probe() {
        float[] x = new float[1024], y = new float[1024];
        Arrays.fill(x, 1.0001f);
        long t = System.nanoTime();
        int iters = 200_000;
        for (int i = 0; i < iters; i++) for (int j = 0; j < 1024; j++) y[j] = y[j] * 0.999f + x[j];
        double s = (System.nanoTime() - t) / 1e9;
        if (y[7] == 42) System.out.print("");
        return 2.0 * 1024 * iters / s / 1e9;
    }
}
