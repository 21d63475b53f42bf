package dev.dal.tools.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every corpus case through DAL's FileCheck (in-process) and LLVM 16's FileCheck (a process) and requires the
 * same verdict (exit code 0 pass, 1 check failure, 2 usage error) from both, and the verdict the case declares.
 */
class DifferentialCorpusTest {
    static final Path LLVM_FILECHECK =
            Path.of(System.getenv().getOrDefault("LLVM_FILECHECK", "/usr/lib/llvm-16/bin/FileCheck"));

    static boolean llvmAvailable() {
        if (Files.isExecutable(LLVM_FILECHECK)) return true;
        String reason =
                "LLVM FileCheck not found at " + LLVM_FILECHECK + " (set LLVM_FILECHECK or install llvm-16-tools)";
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(reason + "; required when CI=true");
        System.out.println("SKIPPED: " + reason);
        return false;
    }

    static int runDal(List<String> args, byte[] stdin, ByteArrayOutputStream err) {
        return new FileCheckTool()
                .run(
                        args,
                        new ByteArrayInputStream(stdin),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
    }

    static int runLlvm(List<String> args, Path stdinFile, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LLVM_FILECHECK.toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectInput(stdinFile.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "LLVM FileCheck timed out");
        return p.exitValue();
    }

    @Test
    void everyCorpusCaseGetsTheSameVerdictFromDalAndLlvmAndTheDeclaredOne(@TempDir Path tmp) throws Exception {
        List<CorpusCase> cases = CorpusCase.loadAll();
        assertTrue(cases.size() >= 150, "the corpus must hold at least 150 cases, has " + cases.size());
        assumeTrue(llvmAvailable());
        List<String> problems = new ArrayList<>();
        int expectedFailures = 0;
        int agree = 0;
        int asDeclared = 0;
        for (CorpusCase c : cases) {
            Path dir = Files.createDirectories(tmp.resolve(c.name()));
            List<String> args = c.materialize(dir);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int dal = runDal(args, c.input(), err);
            int llvm = runLlvm(args, dir.resolve("input.txt"), dir);
            if (c.expected() != 0) expectedFailures++;
            if (dal == llvm) agree++;
            else problems.add(c.name() + ": DAL exit " + dal + ", LLVM exit " + llvm + "\n" + err);
            if (llvm == c.expected() && dal == c.expected()) asDeclared++;
            else if (llvm != c.expected())
                problems.add(c.name() + ": declares " + c.expected() + " but LLVM exits " + llvm);
            else problems.add(c.name() + ": declares " + c.expected() + " but DAL exits " + dal);
        }
        System.out.printf(
                "FileCheck differential corpus: %d cases (%d expected failures, %.0f%%), DAL==LLVM on %d, "
                        + "verdict as declared on %d, problems %d%n",
                cases.size(),
                expectedFailures,
                100.0 * expectedFailures / cases.size(),
                agree,
                asDeclared,
                problems.size());
        assertEquals(List.of(), problems);
    }
}
