package dev.dal.textual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dal.tools.lit.Lit;
import dev.dal.tools.lit.LitOptions;
import dev.dal.tools.lit.TestResult;
import dev.dal.tools.lit.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs LLVM's lit on the same folders as dal-lit and requires the same result code for every test: the golden suite
 * (with its real {@code lit.cfg.py}), and a fixture of failing and unusual tests (unresolved directives, XPASS, flaky
 * retries, shell syntax and redirection corner cases). Skips when python3 or LLVM lit 16 is missing, unless
 * {@code CI=true}.
 */
class LlvmLitAgreementTest {
    private static final Path LLVM_LIT = Path.of("/usr/lib/llvm-16/build/utils/lit/lit.py");
    private static final Pattern RESULT_LINE = Pattern.compile("^([A-Z]+): (.+ :: .+) \\(\\d+ of \\d+\\)$");

    @TempDir
    Path tmp;

    @Test
    void goldenSuiteGetsTheSameResultUnderLlvmLitAsUnderDalLit() throws Exception {
        requireLlvmLit();
        compare(SuiteLocation.suiteRoot());
    }

    @Test
    void failingAndUnusualTestsGetTheSameResultUnderBothRunners() throws Exception {
        requireLlvmLit();
        Path root = SuiteLocation.suiteRoot();
        Path fixture = tmp.resolve("compare");
        Files.createDirectories(fixture);
        try (Stream<Path> files = Files.list(root.resolve("src/test/resources/lit-compare"))) {
            for (Path f : files.toList()) Files.copy(f, fixture.resolve(f.getFileName()));
        }
        // The real translation of lit.suite.properties for LLVM lit, not a copy written for this test.
        Files.copy(root.resolve("lit.cfg.py"), fixture.resolve("lit.cfg.py"));
        Map<String, String> results = compare(fixture);
        for (String code : List.of("PASS", "FAIL", "XFAIL", "XPASS", "UNSUPPORTED", "UNRESOLVED", "FLAKYPASS")) {
            assertTrue(results.containsValue(code), "the fixture should exercise " + code + ": " + results);
        }
    }

    private Map<String, String> compare(Path suite) throws Exception {
        Path llvmExec = tmp.resolve("exec-llvm");
        Path dalExec = tmp.resolve("exec-dal");
        ProcessBuilder pb = new ProcessBuilder(
                        "python3", LLVM_LIT.toString(), "-j2", "--param", "exec_root=" + llvmExec, suite.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String llvmOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LLVM lit did not finish");
        Map<String, String> llvm = parse(llvmOut);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LitOptions options = LitOptions.parse(List.of("-j2", "--param", "exec_root=" + dalExec, suite.toString()));
        Lit.Report report;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            report = Lit.run(options, ToolRegistry.discover().without("dal-lit"), out);
        }
        String dalOut = buf.toString(StandardCharsets.UTF_8);
        Map<String, String> dal = new TreeMap<>();
        for (TestResult r : report.results())
            dal.put(r.test().fullName(), r.code().name());
        assertEquals(dal, parse(dalOut), "dal-lit's printed result lines should match its report");

        if (llvm.isEmpty()) fail("LLVM lit reported no tests; its output:\n" + llvmOut);
        assertEquals(llvm, dal, "per-test results differ.\n--- LLVM lit:\n" + llvmOut + "\n--- dal-lit:\n" + dalOut);
        assertEquals(p.exitValue(), report.exitCode(), "exit codes differ");
        return dal;
    }

    private static Map<String, String> parse(String litOutput) {
        Map<String, String> out = new TreeMap<>();
        for (String line : litOutput.split("\n")) {
            Matcher m = RESULT_LINE.matcher(line.strip());
            if (m.matches()) out.put(m.group(2), m.group(1));
        }
        return out;
    }

    private static void requireLlvmLit() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isRegularFile(LLVM_LIT)) {
            missing = "LLVM lit not found at " + LLVM_LIT + " (Debian package llvm-16-tools)";
        } else {
            try {
                Process p = new ProcessBuilder("python3", "--version")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) missing = "python3 --version failed";
            } catch (IOException e) {
                missing = "python3 not found: " + e.getMessage();
            }
        }
        if (missing == null) return;
        if ("true".equals(System.getenv("CI"))) fail(missing + "; CI=true requires it");
        System.out.println("skipping LLVM lit agreement test: " + missing);
        Assumptions.abort(missing);
    }
}
