package dev.dal.tools.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The internal shell, driven through one-test suites: each case's RUN lines pass only if the shell behaves. */
class ShellTest {
    @TempDir
    Path dir;

    private ResultCode code(String runLines) {
        return run(runLines).code();
    }

    private void passes(String runLines) {
        TestResult r = run(runLines);
        assertEquals(ResultCode.PASS, r.code(), r.output());
    }

    private TestResult run(String runLines) {
        return new TempSuite(dir).write("t.test", runLines).run("t.test");
    }

    @Test
    void inProcessToolsReadAndWritePipes() {
        assertEquals(ResultCode.PASS, code("RUN: echo hello | dal-upper | grep -x HELLO\n"));
        assertEquals(ResultCode.PASS, code("RUN: dal-echo abc | dal-upper | dal-upper | grep -x ABC\n"));
        assertEquals(ResultCode.FAIL, code("RUN: echo hello | dal-upper | grep -x hello\n"));
    }

    @Test
    void inProcessToolsSeeRedirectedFilesAndDescriptors() {
        passes("""
                RUN: dal-echo to-out > %t.out
                RUN: dal-echo --err to-err 2> %t.err > %t.out2
                RUN: grep -x to-out %t.out && grep -x to-err %t.err && not grep . %t.out2
                RUN: dal-echo --err joined 2>&1 | grep -x joined
                RUN: dal-echo --err hidden | not grep hidden
                RUN: dal-upper < %t.out | grep -x TO-OUT
                RUN: dal-upper %t.out | grep -x TO-OUT
                RUN: dal-echo again >> %t.out && grep -c . %t.out | grep -x 2
                """);
    }

    @Test
    void inProcessToolsAreToldTheTestsWorkingDirectory() {
        passes("RUN: mkdir -p %t.w && cd %t.w && echo relative > in.txt && dal-upper in.txt | grep -x RELATIVE\n");
    }

    @Test
    void exitCodesDecideAndAndOr() {
        assertEquals(ResultCode.PASS, code("RUN: dal-echo --exit 3 x || dal-echo ok\n"));
        assertEquals(ResultCode.FAIL, code("RUN: dal-echo --exit 3 x && dal-echo ok\n"));
        assertEquals(ResultCode.PASS, code("RUN: not dal-echo --exit 3 x\n"));
        assertEquals(ResultCode.FAIL, code("RUN: not dal-echo x\n"));
        assertEquals(ResultCode.PASS, code("RUN: not not dal-echo x\n"));
    }

    @Test
    void aPipelineFailsWhenAnyStageFails() {
        assertEquals(ResultCode.FAIL, code("RUN: dal-echo --exit 2 x | cat\n"));
        assertEquals(ResultCode.FAIL, code("RUN: false | true\n"));
    }

    @Test
    void anExceptionEscapingAToolIsACrash() {
        assertEquals(ResultCode.PASS, code("RUN: not --crash dal-echo --throw\n"));
        assertEquals(ResultCode.FAIL, code("RUN: not dal-echo --throw\n"));
        assertEquals(ResultCode.FAIL, code("RUN: not --crash dal-echo fine\n"));
        TestResult r = run("RUN: dal-echo --throw\n");
        assertEquals(ResultCode.FAIL, r.code());
        assertTrue(r.output().contains("dal-echo was asked to crash"), r.output());
    }

    @Test
    void laterRunLinesStopAfterTheFirstFailure() {
        TestResult r = run("RUN: true\nRUN: false\nRUN: touch %t.never\n");
        assertEquals(ResultCode.FAIL, r.code());
        assertTrue(r.output().contains("Exit Code: 1"), r.output());
        assertEquals(false, Files.exists(dir.resolve("out/Output/t.test.tmp.never")));
    }

    @Test
    void cdExportAndEnvChangeWhereAndWithWhatCommandsRun() {
        passes("""
                RUN: mkdir -p %t.d/sub && cd %t.d/sub && echo x > here && test -f %t.d/sub/here
                RUN: export GREETING=hi && sh -c 'echo $GREETING' | grep -x hi
                RUN: env -u GREETING X=1 sh -c 'echo ${GREETING:-none}$X' | grep -x none1
                RUN: cd %T && rm -rf %t.d && not test -e %t.d
                """);
    }

    @Test
    void unquotedWildcardsExpandToMatchingFiles() {
        passes("""
                RUN: mkdir -p %t.g && echo > %t.g/a.ir && echo > %t.g/b.ir && echo > %t.g/c.txt
                RUN: echo %t.g/*.ir | grep -c 'a.ir.*b.ir' | grep -x 1
                RUN: echo '%t.g/*.ir' | grep -F '*.ir'
                """);
    }

    @Test
    void aSuiteToolThatIsNotRegisteredRunsTheCommandTheConfigMapsItTo() {
        TestResult r = new TempSuite(dir, "tool.dal-missing = /bin/echo", "tool.dal-upper = /bin/false")
                .write(
                        "t.test",
                        "RUN: dal-missing via-config | grep -x via-config\nRUN: echo x | dal-upper | grep -x X\n")
                .run("t.test");
        assertEquals(ResultCode.PASS, r.code(), r.output());
    }

    @Test
    void theSuitePathIsSearchedBeforeTheInheritedPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path cmd = bin.resolve("suite-only-cmd");
        Files.writeString(cmd, "#!/bin/sh\necho from-suite-path\n");
        cmd.toFile().setExecutable(true);
        TestResult r = new TempSuite(dir, "path = " + dir.resolve("missing") + " " + bin)
                .write("t.test", "RUN: suite-only-cmd | grep -x from-suite-path\n")
                .run("t.test");
        assertEquals(ResultCode.PASS, r.code(), r.output());
    }

    @Test
    void whatLitsShellCannotDoFailsAsItDoes() {
        assertEquals(ResultCode.UNRESOLVED, code("RUN: true & true\n"));
        assertEquals(ResultCode.UNRESOLVED, code("RUN: echo x > %t.no/such/dir\n"));
        TestResult dup = run("RUN: dal-echo x 1>&2\n");
        assertEquals(ResultCode.FAIL, dup.code());
        assertTrue(
                dup.output().contains("Unsupported redirect: 1>&2")
                        && dup.output().contains("Exit Code: 127"),
                dup.output());
        assertEquals(ResultCode.FAIL, code("RUN: env\n"));
        assertEquals(ResultCode.FAIL, code("RUN: true;\n"));
        assertEquals(ResultCode.FAIL, code("RUN: echo x 2> %t.err\n"));
    }

    @Test
    void anUnknownCommandFailsWithCommandNotFound() {
        TestResult r = run("RUN: surely-not-a-command-xyz\n");
        assertEquals(ResultCode.FAIL, r.code());
        assertTrue(r.output().contains("'surely-not-a-command-xyz': command not found"), r.output());
        assertTrue(r.output().contains("Exit Code: 127"), r.output());
    }

    @Test
    void aShellSyntaxErrorFailsTheTestAndNamesTheLine() {
        TestResult r = run("RUN: true\nRUN: echo \"abc\n");
        assertEquals(ResultCode.FAIL, r.code());
        assertTrue(r.output().contains("shell parser error on RUN: at line 2: missing quote"), r.output());
    }

    @Test
    void toolsCanRunAsOneJvmPerCommandForComparison() {
        new TempSuite(dir).write("p.test", "RUN: echo hello | dal-upper | grep -x HELLO\n");
        TempSuite.Run run = new TempSuite(dir).lit("--tools-as-processes");
        assertEquals(ResultCode.PASS, run.report().results().getFirst().code(), run.output());
    }
}
