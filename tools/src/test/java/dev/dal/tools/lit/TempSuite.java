package dev.dal.tools.lit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A throw-away lit suite in a temporary folder, for tests of the runner. */
final class TempSuite {
    final Path root;

    TempSuite(Path dir, String... configLines) {
        this.root = dir;
        List<String> lines = new ArrayList<>(List.of("name = tmp", "suffixes = .test", "exec_root = out"));
        lines.addAll(List.of(configLines));
        write(SuiteConfig.FILE_NAME, String.join("\n", lines) + "\n");
    }

    TempSuite write(String rel, String text) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the result of running one test in-process with the test tools registered} */
    TestResult run(String rel) {
        List<LitTest> tests = Lit.discover(List.of(root.resolve(rel)), java.util.Map.of());
        return new TestRunner(ToolRegistry.discover(), System.getenv()).run(tests.getFirst());
    }

    /** A whole dal-lit run: its printed output and report. */
    record Run(String output, Lit.Report report) {}

    Run lit(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(root.toString());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Lit.Report report;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            report = Lit.run(LitOptions.parse(all), ToolRegistry.discover(), out);
        }
        return new Run(buf.toString(StandardCharsets.UTF_8), report);
    }
}
