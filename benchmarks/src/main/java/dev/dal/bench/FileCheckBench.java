package dev.dal.bench;

import dev.dal.tools.filecheck.FileCheckTool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures {@code dal-filecheck} against LLVM FileCheck on a generated 50 MB input with a 2,000-line check file:
 * LLVM (a process), DAL in a fresh JVM (the shaded jar, so JVM start-up counts) and DAL in-process after warm-up,
 * interleaved run by run, reporting medians and ratios. Not part of the test suite; see benchmarks/README.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/classes:tools/target/dal-tools.jar dev.dal.bench.FileCheckBench
 * [--runs 5] [--mb 50] [--checks 2000] [--llvm /usr/lib/llvm-16/bin/FileCheck] [--jar tools/target/dal-tools.jar]}
 */
public final class FileCheckBench {
    private FileCheckBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args the options above
     * @throws Exception when a run cannot be started or a tool fails
     */
    public static void main(String[] args) throws Exception {
        int runs = 5;
        int mb = 50;
        int checks = 2000;
        String llvm = "/usr/lib/llvm-16/bin/FileCheck";
        String jar = "tools/target/dal-tools.jar";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--mb" -> mb = Integer.parseInt(args[++i]);
                case "--checks" -> checks = Integer.parseInt(args[++i]);
                case "--llvm" -> llvm = args[++i];
                case "--jar" -> jar = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("filecheck-bench");
        Path input = dir.resolve("input.ir");
        Path check = dir.resolve("check.txt");
        int written = generate(input, check, mb * 1_000_000L, checks);
        System.out.printf(Locale.ROOT, "input %.1f MB, %d check lines, in %s%n", Files.size(input) / 1e6, written, dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> llvmCmd = List.of(llvm, check.toString(), "--input-file", input.toString());
        List<String> dalCmd = List.of(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar,
                "dev.dal.tools.filecheck.FileCheckMain",
                check.toString(),
                "--input-file",
                input.toString());
        List<String> inProcArgs = List.of(check.toString(), "--input-file", input.toString());
        double probeBefore = probe();
        for (int w = 0; w < 3; w++) inProcess(inProcArgs);
        double[] tl = new double[runs];
        double[] td = new double[runs];
        double[] ti = new double[runs];
        for (int r = 0; r < runs; r++) {
            tl[r] = process(llvmCmd);
            td[r] = process(dalCmd);
            ti[r] = inProcess(inProcArgs);
        }
        double probeAfter = probe();
        double ml = median(tl);
        double md = median(td);
        double mi = median(ti);
        System.out.printf(
                Locale.ROOT,
                "compute probe before/after: %.0f / %.0f ms (similar = machine was free)%n",
                probeBefore,
                probeAfter);
        System.out.printf(
                Locale.ROOT,
                "%-38s %10s %8s%n",
                "runner (1 thread each, " + runs + " runs interleaved)",
                "median",
                "vs LLVM");
        System.out.printf(Locale.ROOT, "%-38s %8.0f ms %8s%n", "LLVM FileCheck 16 (process)", ml, "1.00x");
        System.out.printf(Locale.ROOT, "%-38s %8.0f ms %7.2fx%n", "dal-filecheck, fresh JVM (process)", md, md / ml);
        System.out.printf(Locale.ROOT, "%-38s %8.0f ms %7.2fx%n", "dal-filecheck, in-process (warm)", mi, mi / ml);
        System.out.println(
                "all runs " + Arrays.toString(tl) + " / " + Arrays.toString(td) + " / " + Arrays.toString(ti));
        Files.delete(input);
        Files.delete(check);
        Files.delete(dir);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double process(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) throw new IllegalStateException(cmd.get(0) + " exited with " + code);
        return ms;
    }

    private static double inProcess(List<String> args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int code = new FileCheckTool()
                .run(
                        args,
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) throw new IllegalStateException("in-process FileCheck exited with " + code + "\n" + err);
        return ms;
    }

    /** A fixed single-thread FMA loop; its time shows whether the shared vCPUs were busy. */
    private static double probe() {
        long t0 = System.nanoTime();
        double acc = 0;
        for (int rep = 0; rep < 50; rep++) {
            for (int i = 0; i < 2_000_000; i++) acc = Math.fma(acc, 0.999_999, 1e-9 * i);
        }
        if (acc == 42) System.out.print("");
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Writes an MLIR-like input of about {@code bytes} bytes in functions of op lines, and a check file of
     * {@code checks} lines spread evenly over it: CHECK-LABEL per function, literal CHECKs, regex CHECKs with string
     * variables, CHECK-NEXT, CHECK-NOT over the skipped text, numeric variables and CHECK-DAG pairs.
     *
     * @return the number of check lines written
     */
    static int generate(Path input, Path check, long bytes, int checks) throws IOException {
        Random rnd = new Random(42);
        int functions = Math.max(1, checks / 100);
        long linesEstimate = bytes / 78;
        long perFunction = linesEstimate / functions;
        int checksPerFunction = checks / functions - 1;
        long stride = Math.max(4, perFunction / (checksPerFunction + 1));
        int written = 0;
        try (Writer in = Files.newBufferedWriter(
                        input, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE);
                Writer ck = Files.newBufferedWriter(check, StandardCharsets.UTF_8)) {
            long value = 0;
            for (int f = 0; f < functions; f++) {
                in.write("func.func @f" + f + "(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {\n");
                ck.write("// CHECK-LABEL: func.func @f" + f + "(\n");
                written++;
                int made = 0;
                for (long l = 1; l <= perFunction; l++) {
                    value++;
                    int op = rnd.nextInt(32);
                    String line = "  %v" + value + " = graph.op" + op + " %v" + (value - 1) + ", %v" + (value / 2)
                            + " : tensor<4x8xf32> loc(\"node" + value + "\")";
                    in.write(line);
                    in.write('\n');
                    if (made < checksPerFunction && l % stride == 0 && l + 2 < perFunction) {
                        switch (made + 2 > checksPerFunction ? 0 : made % 10) {
                            case 0, 1, 2, 3 -> {
                                ck.write("// CHECK: %v" + value + " = graph.op" + op + " \n");
                                made++;
                            }
                            case 4 -> {
                                ck.write("// CHECK: %[[V" + made + ":v[0-9]+]] = graph.op{{[0-9]+}} %v" + (value - 1)
                                        + ",\n");
                                ck.write("// CHECK-NEXT: %v{{[0-9]+}} = graph.op{{[0-9]+}} %[[V" + made + "]],\n");
                                made += 2;
                                emitNext(in, ++value, rnd);
                                l++;
                            }
                            case 6 -> {
                                ck.write("// CHECK-NOT: graph.missing\n");
                                ck.write("// CHECK: loc(\"node" + value + "\")\n");
                                made += 2;
                            }
                            case 8 -> {
                                ck.write("// CHECK: loc(\"node[[#N" + made + ":]]\")\n");
                                ck.write("// CHECK-NEXT: loc(\"node[[#N" + made + "+1]]\")\n");
                                made += 2;
                                emitNext(in, ++value, rnd);
                                l++;
                            }
                            default -> {
                                ck.write("// CHECK-DAG: %v" + (value - 1) + ", %v" + (value / 2) + " :\n");
                                made++;
                            }
                        }
                    }
                }
                in.write("  return %v" + value + " : tensor<4x8xf32>\n}\n");
                while (made < checksPerFunction) {
                    ck.write("// CHECK-NOT: graph.missing" + made + "\n");
                    made++;
                }
                written += made;
            }
        }
        return written;
    }

    private static void emitNext(Writer in, long value, Random rnd) throws IOException {
        in.write("  %v" + value + " = graph.op" + rnd.nextInt(32) + " %v" + (value - 1) + ", %v" + (value / 2)
                + " : tensor<4x8xf32> loc(\"node" + value + "\")\n");
    }
}
