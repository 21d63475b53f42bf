package dev.dal.bench;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineException;
import dev.dal.ir.pass.PipelineParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 5's benchmark: the full optimization pipeline ({@link #PIPELINE}) on generated graphs of 1k, 10k and 100k
 * {@code graph} ops, to show the time grows linearly, and on a ResNet-50 imported from ONNX, against the 1 s
 * target. Each graph is optimized on a fresh clone per run, after JVM warm-up; the table gives the median.
 *
 * <p>Usage: {@code benchmarks/run optimize [--runs N] [--warmup N] [--sizes 1000,10000,100000] [--pipeline P]
 * [--verify-each] [--no-resnet]}.
 */
public final class OptimizeBench {
    /**
     * The full optimization pipeline. Passes that are not registered (not merged yet) are skipped with a note, so
     * the benchmark always runs what the build has.
     */
    public static final String PIPELINE = "canonicalize,graph-fold-constants,cse,graph-fuse,canonicalize";

    private OptimizeBench() {}

    public static void main(String[] args) throws Exception {
        int runs = 5, warmup = 10;
        String pipeline = PIPELINE;
        List<Integer> sizes = List.of(1_000, 10_000, 100_000);
        boolean verifyEach = false, resnet = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--pipeline" -> pipeline = args[++i];
                case "--sizes" ->
                    sizes = Arrays.stream(args[++i].split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--verify-each" -> verifyEach = true;
                case "--no-resnet" -> resnet = false;
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        String resolved = resolve(pipeline);
        PassRunConfig config = new PassRunConfig().verifyEach(verifyEach);
        System.out.printf(
                Locale.ROOT,
                "pipeline: %s (verify-each %s), %s, load average %s%n",
                resolved,
                verifyEach ? "on" : "off",
                Runtime.version(),
                loadAverage());

        Operation warm = OptimizeGraphs.chain(10_000);
        long t0 = System.nanoTime();
        for (int i = 0; i < warmup; i++) time(warm.clone(), resolved, config);
        System.out.printf(
                Locale.ROOT, "warm-up: %d runs on 10k ops, %.1f s%n%n", warmup, (System.nanoTime() - t0) / 1e9);

        System.out.println("| graph | ops before | ops after | median ms | ms per 1k ops | runs |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            Operation g = OptimizeGraphs.chain(size);
            row(size / 1000 + "k-op chain", g, resolved, config, size >= 100_000 ? Math.max(3, runs / 2) : runs);
        }
        if (resnet) {
            Operation r = OptimizeGraphs.resnet50();
            for (int i = 0; i < 3; i++) time(r.clone(), resolved, config);
            double ms = row("ResNet-50 (224x224, imported)", r, resolved, config, runs);
            System.out.printf(
                    Locale.ROOT,
                    "%nResNet-50: %.1f ms, target < 1000 ms after warm-up: %s%n",
                    ms,
                    ms < 1000 ? "met" : "NOT met");
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    /** {@return the pipeline without the passes that are not registered, each skipped one noted} */
    static String resolve(String pipeline) {
        PassRegistry registry = PassRegistry.global();
        List<String> kept = new ArrayList<>();
        for (String name : pipeline.split(",")) {
            String n = name.trim();
            String bare = n.contains("{") ? n.substring(0, n.indexOf('{')) : n;
            if (registry.contains(bare)) kept.add(n);
            else System.out.println("note: pass '" + bare + "' is not registered in this build; skipped");
        }
        if (kept.isEmpty()) throw new IllegalStateException("no pass of '" + pipeline + "' is registered");
        return String.join(",", kept);
    }

    private static double row(String name, Operation graph, String pipeline, PassRunConfig config, int runs) {
        double[] ms = new double[runs];
        Operation last = null;
        for (int i = 0; i < runs; i++) {
            Operation copy = graph.clone();
            ms[i] = time(copy, pipeline, config);
            last = copy;
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        int before = graphOps(graph), after = graphOps(last);
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %,d | %.1f | %.2f | %d |%n",
                name,
                before,
                after,
                median,
                median / (before / 1000.0),
                runs);
        return median;
    }

    /** Runs the pipeline on {@code copy} (changing it). @return the wall time in milliseconds */
    private static double time(Operation copy, String pipeline, PassRunConfig config) {
        PassManager pm;
        try {
            pm = PipelineParser.parse(pipeline, PassRegistry.global());
        } catch (PipelineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<Diagnostic> diags = new ArrayList<>();
        long t0 = System.nanoTime();
        boolean ok = pm.run(copy, config, DiagnosticEngine.collecting(diags));
        long t1 = System.nanoTime();
        if (!ok || diags.stream().anyMatch(d -> d.severity() == dev.dal.ir.diag.Severity.ERROR))
            throw new IllegalStateException("pipeline failed: " + diags);
        return (t1 - t0) / 1e6;
    }

    private static int graphOps(Operation module) {
        int[] n = {0};
        module.walk(op -> {
            if (op.dialectName().equals("graph")) n[0]++;
        });
        return n[0];
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
