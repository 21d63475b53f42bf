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
 * Measures the float kernels: SGEMM at 512x512x512 and convolution layers of ResNet-50's shapes, at 1 and 2 threads
 * (interleaved, so a busy machine hits both alike), reporting median GFLOP/s and the share of the machine's fp32 FMA
 * peak (232 GFLOP/s for 2 threads here, per BUILD.md). A fixed FMA loop before and after shows whether the machine
 * was free.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/classes:dialects/target/classes:ir/core/target/classes
 * dev.dal.bench.KernelBench [reps]} (without the module flag, the scalar micro-kernel is measured).
 */
public final class KernelBench {
    private static final double PEAK_2T = 232.0;

    private KernelBench() {}

    private interface Case {
        void run(ForkJoinPool pool);
    }

    private record Bench(String name, double flops, Case body) {}

    /** Entry point. */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
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
        ForkJoinPool p1 = new ForkJoinPool(1), p2 = new ForkJoinPool(2);
        System.out.printf("micro-kernel: %s%n", Sgemm.vectorized() ? "Vector API" : "scalar");
        System.out.printf("compute probe before: %.1f GFLOP/s (1 thread)%n", probe());
        for (Bench bench : benches) {
            for (int w = 0; w < 3; w++) {
                bench.body.run(p1);
                bench.body.run(p2);
            }
            double[] t1 = new double[reps], t2 = new double[reps];
            for (int i = 0; i < reps; i++) {
                t1[i] = time(bench.body, p1);
                t2[i] = time(bench.body, p2);
            }
            double g1 = bench.flops / median(t1) / 1e9, g2 = bench.flops / median(t2) / 1e9;
            System.out.printf(
                    "%-50s 1 thread %6.1f GFLOP/s (%4.1f%% of 1-core peak)   2 threads %6.1f GFLOP/s "
                            + "(%4.1f%% of peak)  median %.2f ms%n",
                    bench.name, g1, 100 * g1 / (PEAK_2T / 2), g2, 100 * g2 / PEAK_2T, median(t2) * 1e3);
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
