package dev.dal.tools.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** dal-lit's driver: discovers tests, runs them in parallel and reports like lit. */
public final class Lit {
    private static final String STARS = "********************";

    private Lit() {}

    /**
     * The outcome of a run.
     *
     * @param results every test's result, in the order the tests were discovered
     * @param exitCode 0 when no test failed, 1 otherwise (lit's convention)
     */
    public record Report(List<TestResult> results, int exitCode) {
        /** Copies. */
        public Report {
            results = List.copyOf(results);
        }
    }

    /**
     * Finds the tests under {@code paths}: a file is a test whatever its suffix; a folder contributes every file with
     * one of its suite's suffixes, skipping hidden names, {@code Output} folders and the suite's exclusions. Each
     * path's suite is the nearest folder above it with a {@value SuiteConfig#FILE_NAME}.
     *
     * @throws LitException when a path does not exist, has no suite config or the config is malformed
     */
    public static List<LitTest> discover(List<Path> paths, Map<String, String> params) {
        Map<Path, SuiteConfig> suites = new HashMap<>();
        Map<Path, LitTest> tests = new LinkedHashMap<>();
        for (Path input : paths) {
            Path abs = input.toAbsolutePath().normalize();
            if (!Files.exists(abs)) throw new LitException("error: '" + input + "' does not exist");
            Path root = SuiteConfig.findRoot(abs)
                    .orElseThrow(() -> new LitException(
                            "error: no " + SuiteConfig.FILE_NAME + " found in '" + input + "' or any folder above it"));
            SuiteConfig suite = suites.computeIfAbsent(root, r -> configure(SuiteConfig.load(r), params));
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(abs)) collect(suite, abs, files);
            else files.add(abs);
            files.sort(Comparator.naturalOrder());
            for (Path f : files) {
                String rel = suite.sourceRoot().relativize(f).toString().replace('\\', '/');
                tests.putIfAbsent(f, new LitTest(suite, f, rel));
            }
        }
        return new ArrayList<>(tests.values());
    }

    private static SuiteConfig configure(SuiteConfig suite, Map<String, String> params) {
        SuiteConfig s = suite;
        String exec = params.get("exec_root");
        if (exec != null && !exec.isEmpty())
            s = s.withExecRoot(Path.of(exec).toAbsolutePath().normalize());
        return s;
    }

    private static void collect(SuiteConfig suite, Path dir, List<Path> out) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || suite.excludes().contains(name)) continue;
                if (Files.isDirectory(p)) {
                    // lit never looks into Output folders, nor into a nested suite.
                    if (name.equals("Output")
                            || p.equals(suite.execRoot())
                            || Files.exists(p.resolve(SuiteConfig.FILE_NAME))) continue;
                    collect(suite, p, out);
                } else if (suite.suffixes().stream().anyMatch(name::endsWith)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new LitException("error: cannot list " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Runs the tests selected by {@code options}, printing lit's progress lines and summary to {@code out}.
     *
     * @throws LitException for discovery and config errors (nothing has run then)
     */
    public static Report run(LitOptions options, ToolRegistry tools, PrintStream out) {
        List<LitTest> tests = discover(options.paths(), options.params());
        int discovered = tests.size();
        if (options.filter().isPresent()) {
            tests = tests.stream()
                    .filter(t -> options.filter().get().matcher(t.fullName()).find())
                    .toList();
        }
        ToolRegistry registry = tools;
        if (options.toolsAsProcesses()) registry = tools.asProcesses(Lit::launcherFor);
        TestRunner runner = new TestRunner(registry, System.getenv());
        long start = System.nanoTime();
        int workers = Math.max(1, Math.min(options.jobs(), tests.size()));
        if (!options.quiet()) {
            String of = tests.size() == discovered ? "" : " of " + discovered;
            out.printf("-- Testing: %d%s tests, %d workers --%n", tests.size(), of, workers);
        }
        List<TestResult> results = new ArrayList<>();
        Map<LitTest, TestResult> byTest = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            CompletionService<TestResult> cs = new ExecutorCompletionService<>(pool);
            for (LitTest t : tests) cs.submit(() -> runner.run(t));
            for (int i = 0; i < tests.size(); i++) {
                TestResult r = cs.take().get();
                byTest.put(r.test(), r);
                print(options, r, i + 1, tests.size(), out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LitException("error: interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("dal-lit: a test worker failed", e.getCause());
        }
        for (LitTest t : tests) results.add(byTest.get(t));
        double seconds = (System.nanoTime() - start) / 1e9;
        summary(options, results, discovered - results.size(), seconds, out);
        boolean failed = results.stream().anyMatch(r -> r.code().isFailure());
        out.flush();
        return new Report(results, failed ? 1 : 0);
    }

    private static List<String> launcherFor(String tool) {
        Optional<Path> root = repoRoot();
        if (root.isPresent()) {
            Path launcher = root.get().resolve("bin").resolve(tool);
            if (Files.isExecutable(launcher)) return List.of(launcher.toString());
        }
        return ToolRegistry.javaLauncher(tool);
    }

    private static Optional<Path> repoRoot() {
        String prop = System.getProperty("dal.root");
        if (prop != null && !prop.isEmpty()) return Optional.of(Path.of(prop));
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("bin/dal-launch"))) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static void print(LitOptions o, TestResult r, int index, int total, PrintStream out) {
        boolean failure = r.code().isFailure();
        boolean details = o.all() || (failure && o.verbose());
        // -q drops result lines (unless details are asked for); -s drops them for tests that did not fail.
        boolean line = o.quiet() ? details : failure || !o.succinct() || details;
        if (line) out.printf("%s: %s (%d of %d)%n", r.code(), r.test().fullName(), index, total);
        if (details) {
            // lit frames a failure's output with a header; under -a other results just follow their result line.
            if (failure) out.printf("%s TEST '%s' FAILED %s%n", STARS, r.test().fullName(), STARS);
            out.print(r.output());
            out.println(STARS);
        }
    }

    private static void summary(LitOptions o, List<TestResult> results, int excluded, double seconds, PrintStream out) {
        Map<ResultCode, List<TestResult>> byCode = new EnumMap<>(ResultCode.class);
        for (TestResult r : results)
            byCode.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r);
        int total = results.size() + excluded;
        for (ResultCode c : ResultCode.values()) {
            if (!c.isFailure() || !byCode.containsKey(c)) continue;
            List<String> names = byCode.get(c).stream()
                    .map(r -> r.test().fullName())
                    .sorted()
                    .toList();
            out.println(STARS);
            out.printf("%s Tests (%d):%n", c.label(), names.size());
            for (String n : names) out.println("  " + n);
            out.println();
        }
        if (!o.quiet()) out.printf("%nTesting Time: %.2fs%n", seconds);
        boolean anyFailure = results.stream().anyMatch(r -> r.code().isFailure());
        // -q stays silent when nothing failed.
        if (o.quiet() && !anyFailure) return;
        out.printf("%nTotal Discovered Tests: %d%n", total);
        // Tests left out by --filter are counted as lit counts them: discovered, then excluded.
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (excluded > 0 && !o.quiet()) counts.put("Excluded", excluded);
        List<ResultCode> shown = new ArrayList<>();
        for (ResultCode c : ResultCode.values()) {
            if (byCode.containsKey(c) && (!o.quiet() || c.isFailure())) shown.add(c);
        }
        for (ResultCode c : shown) counts.put(c.label(), byCode.get(c).size());
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s: %d (%.2f%%)%n",
                    e.getKey(),
                    e.getValue(),
                    100.0 * e.getValue() / total);
        }
    }
}
