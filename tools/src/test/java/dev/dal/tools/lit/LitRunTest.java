package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole dal-lit runs: result codes, the summary, output options, filtering, parallelism and exit codes. */
class LitRunTest {
    @TempDir
    Path dir;

    private TempSuite mixedSuite() {
        return new TempSuite(dir, "features = have")
                .write("a/pass.test", "RUN: echo ok | grep ok\n")
                .write("a/fail.test", "RUN: echo ok | grep -x nope\n")
                .write("b/xfail.test", "XFAIL: have\nRUN: false\n")
                .write("b/xpass.test", "XFAIL: *\nRUN: true\n")
                .write("b/unsupported.test", "REQUIRES: missing\nRUN: true\n")
                .write("b/unsupported2.test", "UNSUPPORTED: have && !missing\nRUN: true\n")
                .write("c/norun.test", "nothing here\n")
                .write("c/ignored.txt", "RUN: false\n")
                .write("c/Inputs/x.test", "RUN: false\n");
    }

    private static Map<String, ResultCode> codes(Lit.Report r) {
        Map<String, ResultCode> m = new TreeMap<>();
        for (TestResult t : r.results()) m.put(t.test().pathInSuite(), t.code());
        return m;
    }

    @Test
    void eachTestGetsLitsResultCodeAndAnyFailureMakesTheRunFail() {
        TempSuite s = mixedSuite();
        s.write(
                SuiteConfig.FILE_NAME,
                "name = tmp\nsuffixes = .test\nexec_root = out\nfeatures = have\nexcludes = Inputs\n");
        TempSuite.Run run = s.lit("-j", "3");
        assertEquals(
                Map.of(
                        "a/pass.test",
                        ResultCode.PASS,
                        "a/fail.test",
                        ResultCode.FAIL,
                        "b/xfail.test",
                        ResultCode.XFAIL,
                        "b/xpass.test",
                        ResultCode.XPASS,
                        "b/unsupported.test",
                        ResultCode.UNSUPPORTED,
                        "b/unsupported2.test",
                        ResultCode.UNSUPPORTED,
                        "c/norun.test",
                        ResultCode.UNRESOLVED),
                codes(run.report()));
        assertEquals(1, run.report().exitCode());
    }

    @Test
    void theSummaryCountsEveryCodeWithPercentagesAndListsFailures() {
        TempSuite.Run run = mixedSuite().lit("-j", "2");
        String out = run.output();
        assertTrue(out.startsWith("-- Testing: 8 tests, 2 workers --\n"), out);
        assertTrue(out.contains("\nTotal Discovered Tests: 8\n"), out);
        assertTrue(out.contains("\n  Unsupported        : 2 (25.00%)\n"), out);
        assertTrue(out.contains("\n  Passed             : 1 (12.50%)\n"), out);
        assertTrue(out.contains("\n  Expectedly Failed  : 1 (12.50%)\n"), out);
        assertTrue(out.contains("\n  Unresolved         : 1 (12.50%)\n"), out);
        assertTrue(out.contains("\n  Failed             : 2 (25.00%)\n"), out);
        assertTrue(out.contains("\n  Unexpectedly Passed: 1 (12.50%)\n"), out);
        assertTrue(out.contains("Failed Tests (2):\n  tmp :: a/fail.test\n  tmp :: c/Inputs/x.test\n"), out);
        assertTrue(out.contains("Unexpectedly Passed Tests (1):\n  tmp :: b/xpass.test\n"), out);
        assertTrue(out.contains("Unresolved Tests (1):\n  tmp :: c/norun.test\n"), out);
        assertTrue(out.contains("\nPASS: tmp :: a/pass.test ("), out);
    }

    @Test
    void verboseShowsTheScriptAndTheFailingCommandsOutputOnlyForFailures() {
        TempSuite s = new TempSuite(dir)
                .write("pass.test", "RUN: echo fine\n")
                .write("fail.test", "// RUN: echo some-output && \\\n// RUN:   dal-echo --err bad-news --exit 3\n");
        String out = s.lit("-v").output();
        assertTrue(out.contains("******************** TEST 'tmp :: fail.test' FAILED ********************\n"), out);
        assertTrue(
                out.contains(
                        "Script:\n--\n: 'RUN: at line 1';   echo some-output &&    dal-echo --err bad-news --exit 3\n--\n"
                                + "Exit Code: 3\n"),
                out);
        assertTrue(
                out.contains("$ \"dal-echo\" \"--err\" \"bad-news\" \"--exit\" \"3\"\n# command stderr:\nbad-news\n"),
                out);
        assertTrue(out.contains("error: command failed with exit status: 3"), out);
        assertFalse(out.contains("TEST 'tmp :: pass.test'"), out);
        String all = s.lit("-a").output();
        assertTrue(
                all.contains("PASS: tmp :: pass.test (")
                        && all.contains("$ \"echo\" \"fine\"\n# command output:\nfine\n"),
                all);
        assertFalse(all.contains("TEST 'tmp :: pass.test'"), all);
    }

    @Test
    void quietPrintsOnlyFailures() {
        String out = mixedSuite().lit("-q").output();
        assertFalse(out.contains("PASS:"), out);
        assertFalse(out.contains("-- Testing"), out);
        assertFalse(out.contains("\n  Passed"), out);
        assertTrue(out.contains("Failed             : 2"), out);
        String silent = new TempSuite(dir.resolve("ok"))
                .write("a.test", "RUN: true\n")
                .lit("-q")
                .output();
        assertEquals("", silent);
    }

    @Test
    void filterSelectsTestsByFullName() {
        TempSuite.Run run = mixedSuite().lit("-j", "2", "--filter", "tmp :: b/x");
        assertEquals(Map.of("b/xfail.test", ResultCode.XFAIL, "b/xpass.test", ResultCode.XPASS), codes(run.report()));
        assertTrue(run.output().startsWith("-- Testing: 2 of 8 tests, 2 workers --\n"), run.output());
        assertTrue(
                run.output().contains("Total Discovered Tests: 8\n  Excluded           : 6 (75.00%)\n"), run.output());
    }

    @Test
    void aNamedFileIsATestWhateverItsSuffixAndHiddenOrOutputFoldersAreSkipped() {
        TempSuite s = mixedSuite().write(".hidden/h.test", "RUN: false\n").write("out/Output/o.test", "RUN: false\n");
        List<LitTest> tests = Lit.discover(List.of(s.root), Map.of());
        assertTrue(tests.stream()
                .noneMatch(t ->
                        t.pathInSuite().contains("hidden") || t.pathInSuite().contains("Output")));
        List<LitTest> one = Lit.discover(List.of(s.root.resolve("c/ignored.txt")), Map.of());
        assertEquals("c/ignored.txt", one.getFirst().pathInSuite());
    }

    @Test
    void temporaryPathsAreUniquePerTestAndTheirFolderExists() {
        TempSuite s = new TempSuite(dir);
        for (int i = 0; i < 20; i++) {
            s.write(
                    "d" + (i % 3) + "/t" + i + ".test",
                    "RUN: test -d %T && echo " + i + " > %t && grep -x " + i + " %t\n");
        }
        TempSuite.Run run = s.lit("-j", "4");
        assertEquals(0, run.report().exitCode(), run.output());
        assertEquals(
                20,
                run.report().results().stream()
                        .map(r -> r.test().tmpBase())
                        .distinct()
                        .count());
        assertTrue(Files.isRegularFile(s.root.resolve("out/d1/Output/t4.test.tmp")));
    }

    @Test
    void parallelAndSequentialRunsGiveTheSameResults() {
        TempSuite s = mixedSuite();
        assertEquals(codes(s.lit("-j", "1").report()), codes(s.lit("-j", "8").report()));
    }

    @Test
    void allowRetriesRerunsAFailingTestAndReportsAFlakyPass() {
        TempSuite s = new TempSuite(dir)
                .write("flaky.test", "ALLOW_RETRIES: 2\nRUN: echo x >> %t\nRUN: grep -c x %t | grep -x 3\n")
                .write("hopeless.test", "ALLOW_RETRIES: 1\nRUN: echo x >> %t\nRUN: grep -c x %t | grep -x 3\n")
                .write("noretry.test", "RUN: echo x >> %t\nRUN: grep -c x %t | grep -x 2\n");
        assertEquals(
                Map.of(
                        "flaky.test",
                        ResultCode.FLAKYPASS,
                        "hopeless.test",
                        ResultCode.FAIL,
                        "noretry.test",
                        ResultCode.FAIL),
                codes(s.lit().report()));
    }

    @Test
    void aSuccessfulRunExitsZero() {
        TempSuite.Run run = new TempSuite(dir)
                .write("a.test", "RUN: true\n")
                .write("b.test", "UNSUPPORTED: true\nRUN: false\n")
                .lit();
        assertEquals(0, run.report().exitCode(), run.output());
    }

    @Test
    void theToolReportsUsageAndConfigErrorsWithoutAStackTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LitTool tool = new LitTool();
        int rc = tool.run(List.of("-j", "zero", "x"), System.in, new PrintStream(out), new PrintStream(err));
        assertEquals(2, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .contains("dal-lit: error: argument -j: invalid positive integer value: 'zero'"));
        assertEquals(2, tool.run(List.of(), System.in, new PrintStream(out), new PrintStream(err)));

        err.reset();
        rc = tool.run(
                List.of(dir.resolve("nowhere").toString()), System.in, new PrintStream(out), new PrintStream(err));
        assertEquals(1, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .contains("error: '" + dir.resolve("nowhere") + "' does not exist"));

        err.reset();
        rc = tool.run(List.of(dir.toString()), System.in, new PrintStream(out), new PrintStream(err));
        assertEquals(1, rc);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("error: no lit.suite.properties found in '" + dir + "' or any folder above it"), e);
        assertFalse(e.contains("\tat "), e);
    }
}
