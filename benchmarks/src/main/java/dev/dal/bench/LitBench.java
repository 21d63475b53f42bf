package dev.dal.bench;

import dev.dal.tools.Tool;
import dev.dal.tools.lit.Lit;
import dev.dal.tools.lit.LitOptions;
import dev.dal.tools.lit.ResultCode;
import dev.dal.tools.lit.TestResult;
import dev.dal.tools.lit.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tests per second of dal-lit running a DAL tool in-process versus one JVM per tool command, on a generated suite of
 * small tests ({@code // RUN: dal-bench upper %s | dal-bench expect "HELLO <n>"}). Both modes run interleaved
 * (in-process, processes, in-process, ...) after a warm-up, with the same worker count; medians are reported. The
 * process mode starts {@code java} with the flags of {@code bin/dal-launch} (serial GC, an application class-data
 * archive), i.e. what a RUN line calling a {@code bin/dal-*} launcher costs.
 *
 * <p>Usage: {@code LitBench [--tests N] [--process-tests M] [--rounds R] [-j W]}; defaults 200, 60, 3, cores.
 */
public final class LitBench {
    private LitBench() {}

    /** Runs the benchmark and prints the table. */
    public static void main(String[] args) throws Exception {
        int tests = 200;
        int processTests = 60;
        int rounds = 3;
        int jobs = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tests" -> tests = Integer.parseInt(args[++i]);
                case "--process-tests" -> processTests = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "-j" -> jobs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: LitBench [--tests N] [--process-tests M] [--rounds R] [-j W]");
                    System.exit(2);
                }
            }
        }
        processTests = Math.min(processTests, tests);
        Path dir = Files.createTempDirectory("dal-litbench");
        Path suite = generate(dir.resolve("suite"), tests);
        ToolRegistry inProcess = ToolRegistry.of(List.of(new BenchTool()));
        Path cds = dir.resolve("bench.jsa");
        ToolRegistry processes = inProcess.asProcesses(name -> javaCommand(cds));
        // The process mode runs the first M tests only: a JVM per command makes the full suite take minutes.
        String processFilter = "bench :: t(" + String.join("|", names(processTests)) + ")\\.test$";

        System.out.printf(
                "LitBench: %d tests (in-process), %d tests (one JVM per command), %d workers, %d rounds%n",
                tests, processTests, jobs, rounds);
        double probeBefore = probe();
        run(suite, inProcess, jobs, null);
        run(suite, processes, jobs, processFilter);
        double[] inRate = new double[rounds];
        double[] procRate = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            inRate[r] = run(suite, inProcess, jobs, null);
            procRate[r] = run(suite, processes, jobs, processFilter);
            System.out.printf(
                    "  round %d: in-process %.1f tests/s, one JVM per command %.1f tests/s%n",
                    r + 1, inRate[r], procRate[r]);
        }
        double probeAfter = probe();
        double in = median(inRate);
        double proc = median(procRate);
        System.out.println();
        System.out.println("| mode | tests | workers | tests/s (median) | ms/test |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| dal-lit, tools in-process | %d | %d | %.1f | %.2f |%n",
                tests,
                jobs,
                in,
                1000 * jobs / in);
        System.out.printf(
                Locale.ROOT,
                "| dal-lit, one JVM per tool command | %d | %d | %.1f | %.1f |%n",
                processTests,
                jobs,
                proc,
                1000 * jobs / proc);
        System.out.printf(
                Locale.ROOT,
                "%nin-process is %.1fx faster; compute probe %.0f ms before, %.0f ms after "
                        + "(similar = machine was not busy)%n",
                in / proc,
                probeBefore,
                probeAfter);
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(String.format(Locale.ROOT, "%03d", i));
        return out;
    }

    private static List<String> javaCommand(Path cds) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + cds,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-cp",
                absoluteClassPath(),
                BenchTool.class.getName());
    }

    /** The child JVMs run in each test's folder, so relative class-path entries must be made absolute. */
    private static String absoluteClassPath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) out.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static Path generate(Path suite, int n) throws IOException {
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("lit.suite.properties"), "name = bench\nsuffixes = .test\nexec_root = out\n");
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "%03d", i);
            Files.writeString(
                    suite.resolve("t" + id + ".test"),
                    "// RUN: dal-bench upper %s | dal-bench expect \"HELLO " + id + "\"\n// hello " + id + "\n");
        }
        return suite;
    }

    /** {@return tests per second of one dal-lit run; every test must pass} */
    private static double run(Path suite, ToolRegistry tools, int jobs, String filter) {
        List<String> args = new ArrayList<>(List.of("-q", "-j", Integer.toString(jobs)));
        if (filter != null) args.addAll(List.of("--filter", filter));
        args.add(suite.toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long t0 = System.nanoTime();
        Lit.Report report = Lit.run(LitOptions.parse(args), tools, quiet);
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (TestResult r : report.results()) {
            if (r.code() != ResultCode.PASS)
                throw new IllegalStateException(
                        "benchmark test did not pass: " + r.test().fullName() + "\n" + r.output());
        }
        return report.results().size() / seconds;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** A fixed single-threaded FMA loop; its time shows whether the shared machine was busy. */
    private static double probe() {
        long t0 = System.nanoTime();
        double acc = 0;
        for (int r = 0; r < 200; r++) {
            for (int i = 0; i < 1_000_000; i++) acc = Math.fma(acc, 0.999999, 1e-9 * i);
        }
        if (acc == 42) System.out.print("");
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * The benchmark's DAL tool {@code dal-bench}: {@code upper FILE} prints the file upper-cased; {@code expect TEXT}
     * reads stdin and fails unless it contains TEXT. Runs in-process under dal-lit, or as a program through
     * {@link #main}.
     */
    public static final class BenchTool implements Tool {
        /** Creates the tool. */
        public BenchTool() {}

        /** Runs the tool as a program (the one-JVM-per-command mode). */
        public static void main(String[] args) {
            int rc = new BenchTool().run(List.of(args), System.in, System.out, System.err);
            System.out.flush();
            System.exit(rc);
        }

        @Override
        public String name() {
            return "dal-bench";
        }

        @Override
        public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
            try {
                if (args.size() == 2 && args.get(0).equals("upper")) {
                    stdout.print(Files.readString(Path.of(args.get(1))).toUpperCase(Locale.ROOT));
                    return 0;
                }
                if (args.size() == 2 && args.get(0).equals("expect")) {
                    String in = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
                    if (in.contains(args.get(1))) return 0;
                    stderr.println("dal-bench: expected '" + args.get(1) + "' in input");
                    return 1;
                }
            } catch (IOException e) {
                stderr.println("dal-bench: " + e.getMessage());
                return 1;
            }
            stderr.println("usage: dal-bench upper FILE | dal-bench expect TEXT");
            return 2;
        }
    }
}
