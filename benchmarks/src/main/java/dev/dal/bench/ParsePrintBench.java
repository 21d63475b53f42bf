package dev.dal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parse + generic print of generated IR, DAL ({@code bin/dal-opt}, JVM start-up included) against mlir-opt 16 on
 * the same files, interleaved A B A B, median of N runs: wall time, CPU time, peak RSS. Also checks that DAL
 * handles each weights file with its heap capped at twice the weight bytes.
 *
 * <p>Run: {@code benchmarks/run parse-print [--runs 5] [--work DIR]} (see benchmarks/README.md).
 */
public final class ParsePrintBench {
    private ParsePrintBench() {}

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "dal-bench");
        Path root = Path.of(System.getProperty("dal.root", "."));
        String mlirOpt = "/usr/lib/llvm-16/bin/mlir-opt";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--mlir-opt" -> mlirOpt = args[++i];
                default -> {
                    System.err.println("usage: ParsePrintBench [--runs N] [--work DIR] [--mlir-opt PATH]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(work);
        String dalOpt = root.resolve("bin/dal-opt").toString();

        record Input(String label, Path file, long weightBytes) {}
        List<Input> inputs = new ArrayList<>();
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            Path f = work.resolve("ops-" + n + ".ir");
            if (!Files.exists(f)) BenchIrGen.writeOps(f, n);
            inputs.add(new Input(n / 1000 + "k ops", f, 0));
        }
        for (boolean res : new boolean[] {false, true}) {
            Path f = work.resolve(res ? "resnet50-resources.ir" : "resnet50-hex.ir");
            long bytes = BenchIrGen.writeWeights(work.resolve("probe.tmp"), res);
            Files.deleteIfExists(work.resolve("probe.tmp"));
            if (!Files.exists(f)) BenchIrGen.writeWeights(f, res);
            inputs.add(new Input(res ? "ResNet-50 dense_resource" : "ResNet-50 inline hex", f, bytes));
        }

        System.out.printf(
                Locale.ROOT,
                "compute probe before: %.1f GFLOP/s (1 thread), load average %s%n",
                ProcessTimer.computeProbe(),
                loadAverage());
        System.out.println();
        System.out.println("| input | size | mlir-opt wall | DAL wall | wall ratio | mlir-opt CPU | DAL CPU | CPU ratio"
                + " | DAL CPU per MB | mlir-opt RSS | DAL RSS |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Input in : inputs) {
            double[] mw = new double[runs], dw = new double[runs], mc = new double[runs], dc = new double[runs];
            double[] mr = new double[runs], dr = new double[runs];
            List<String> mCmd = List.of(
                    mlirOpt,
                    "--allow-unregistered-dialect",
                    "--mlir-print-op-generic",
                    in.file().toString(),
                    "-o",
                    "/dev/null");
            List<String> dCmd = List.of(
                    dalOpt,
                    "--allow-unregistered-dialect",
                    "--print-op-generic",
                    in.file().toString(),
                    "-o",
                    "/dev/null");
            ProcessTimer.run(dCmd); // first run creates the class-data archive
            for (int r = 0; r < runs; r++) {
                var m = ProcessTimer.run(mCmd);
                var d = ProcessTimer.run(dCmd);
                mw[r] = m.wallSeconds();
                mc[r] = m.cpuSeconds();
                mr[r] = m.peakRssKb();
                dw[r] = d.wallSeconds();
                dc[r] = d.cpuSeconds();
                dr[r] = d.peakRssKb();
            }
            double mwm = ProcessTimer.median(mw), dwm = ProcessTimer.median(dw);
            double mcm = ProcessTimer.median(mc), dcm = ProcessTimer.median(dc);
            double mb = Files.size(in.file()) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f MB | %.2f s | %.2f s | %.2f | %.2f s | %.2f s | %.2f | %.3f s | %.0f MB | %.0f MB |%n",
                    in.label(),
                    mb,
                    mwm,
                    dwm,
                    dwm / mwm,
                    mcm,
                    dcm,
                    dcm / mcm,
                    dcm / mb,
                    ProcessTimer.median(mr) / 1024,
                    ProcessTimer.median(dr) / 1024);
        }
        System.out.println();
        for (Input in : inputs) {
            if (in.weightBytes() == 0) continue;
            long capMb = 2 * in.weightBytes() / (1 << 20);
            var pb = new ProcessBuilder(
                            dalOpt,
                            "--allow-unregistered-dialect",
                            "--print-op-generic",
                            in.file().toString(),
                            "-o",
                            "/dev/null")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DAL_JAVA_OPTS", "-Xmx" + capMb + "m");
            long t0 = System.nanoTime();
            int rc = pb.start().waitFor();
            System.out.printf(
                    Locale.ROOT,
                    "%s with -Xmx%dm (2x the %.1f MB of weights): %s (%.2f s wall)%n",
                    in.label(),
                    capMb,
                    in.weightBytes() / 1e6,
                    rc == 0 ? "ok" : "FAILED (exit " + rc + ")",
                    (System.nanoTime() - t0) / 1e9);
        }
        var v = ProcessTimer.run(List.of(dalOpt, "--version"));
        double[] starts = new double[runs];
        for (int r = 0; r < runs; r++)
            starts[r] = ProcessTimer.run(List.of(dalOpt, "--version")).wallSeconds();
        System.out.printf(
                Locale.ROOT,
                "dal-opt --version: median %.3f s over %d runs (first %.3f s)%n",
                ProcessTimer.median(starts),
                runs,
                v.wallSeconds());
        System.out.printf(
                Locale.ROOT,
                "compute probe after: %.1f GFLOP/s (1 thread), load average %s%n",
                ProcessTimer.computeProbe(),
                loadAverage());
    }

    /** {@return the 1/5/15-minute load averages (the machine may be shared), or "?" off Linux} */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
