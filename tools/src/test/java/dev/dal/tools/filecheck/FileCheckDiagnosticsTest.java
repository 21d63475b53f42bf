package dev.dal.tools.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages and exit codes of failures and malformed check files, as LLVM FileCheck 16 prints them. */
class FileCheckDiagnosticsTest {
    @TempDir
    Path tmp;

    private record Result(int code, String err) {}

    private Result run(String check, String input, String... options) throws IOException {
        Path checkFile = tmp.resolve("check.txt");
        Files.writeString(checkFile, check);
        List<String> args = new ArrayList<>(List.of(options));
        args.add(checkFile.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new FileCheckTool()
                .run(
                        args,
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, err.toString(StandardCharsets.UTF_8).replace(checkFile.toString(), "check.txt"));
    }

    @Test
    void missingStringReportsTheCheckLineTheScanStartAndTheLikelyMatch() throws IOException {
        Result r = run("CHECK: foo\nCHECK-NEXT: baz\n", "foo\nbar\n", "--dump-input=never");
        assertEquals(1, r.code());
        assertEquals("""
                check.txt:2:13: error: CHECK-NEXT: expected string not found in input
                CHECK-NEXT: baz
                            ^
                <stdin>:1:4: note: scanning from here
                foo
                   ^
                <stdin>:2:1: note: possible intended match here
                bar
                ^
                """, r.err());
    }

    @Test
    void badRegexIsAMalformedCheckFileWithExitCodeTwo() throws IOException {
        Result r = run("CHECK: {{fo(}}\n", "foo\n");
        assertEquals(2, r.code());
        assertTrue(
                r.err()
                        .startsWith("check.txt:1:10: error: invalid regex: parentheses not balanced\n"
                                + "CHECK: {{fo(}}\n         ^\n"),
                r.err());
    }

    @Test
    void undefinedVariableFailsTheMatchWithExitCodeOne() throws IOException {
        Result r = run("CHECK: [[X]]\n", "foo\n", "--dump-input=never");
        assertEquals(1, r.code());
        assertEquals("check.txt:1:10: error: undefined variable: X\nCHECK: [[X]]\n         ^\n", r.err());
    }

    @Test
    void noCheckLinesNamesThePrefix() throws IOException {
        Result r = run("CHECK foo\n", "foo\n");
        assertEquals(2, r.code());
        assertEquals("error: no check strings found with prefix 'CHECK:'\n", r.err());
    }

    @Test
    void unusedPrefixesAreListed() throws IOException {
        Result r = run("CHECK: foo\n", "foo\n", "--check-prefixes=A,B");
        assertEquals(2, r.code());
        assertEquals("error: no check strings found with prefixes 'A:', 'B:'\n", r.err());
    }

    @Test
    void emptyCheckStringIsRejected() throws IOException {
        Result r = run("CHECK:\n", "foo\n");
        assertEquals(2, r.code());
        assertEquals("check.txt:1:7: error: found empty check string with prefix 'CHECK:'\nCHECK:\n      ^\n", r.err());
    }

    @Test
    void checkNextWithoutPreviousCheckIsRejected() throws IOException {
        Result r = run("CHECK-NEXT: foo\n", "foo\n");
        assertEquals(2, r.code());
        assertEquals(
                "check.txt:1:1: error: found 'CHECK-NEXT' without previous 'CHECK: line\nCHECK-NEXT: foo\n^\n",
                r.err());
    }

    @Test
    void excludedStringShowsWhereItWasFound() throws IOException {
        Result r = run("CHECK: foo\nCHECK-NOT: bar\n", "foo\nbar\n", "--dump-input=never");
        assertEquals(1, r.code());
        assertEquals("""
                check.txt:2:12: error: CHECK-NOT: excluded string found in input
                CHECK-NOT: bar
                           ^
                <stdin>:2:1: note: found here
                bar
                ^~~
                """, r.err());
    }

    @Test
    void checkSameOnAnotherLineNamesBothMatches() throws IOException {
        Result r = run("CHECK: foo\nCHECK-SAME: bar\n", "foo\nbar\n", "--dump-input=never");
        assertEquals(1, r.code());
        assertTrue(
                r.err()
                        .startsWith(
                                "check.txt:2:13: error: CHECK-SAME: is not on the same line as the previous match\n"),
                r.err());
        assertTrue(r.err().contains("<stdin>:2:1: note: 'next' match was here\n"), r.err());
        assertTrue(r.err().contains("<stdin>:1:4: note: previous match ended here\n"), r.err());
    }

    @Test
    void numericSubstitutionNotesTheValueItLookedFor() throws IOException {
        Result r = run("CHECK: [[#Y+1]]\n", "foo 10\n", "-D#Y=0xf", "--dump-input=never");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("<stdin>:1:1: note: with \"Y+1\" equal to \"16\"\n"), r.err());
    }

    @Test
    void countFailureSaysWhichOccurrenceWasMissing() throws IOException {
        Result r = run("CHECK-COUNT-3: bar\n", "bar\nbar\n", "--dump-input=never");
        assertEquals(1, r.code());
        assertTrue(
                r.err()
                        .startsWith(
                                "check.txt:1:16: error: CHECK-COUNT: expected string not found in input (3 out of 3)\n"),
                r.err());
    }

    @Test
    void badCountAndNotCombosAreMalformed() throws IOException {
        Result count = run("CHECK-COUNT-0: foo\n", "foo\n");
        assertEquals(2, count.code());
        assertTrue(count.err()
                .startsWith("check.txt:1:14: error: invalid count in -COUNT specification on prefix 'CHECK'\n"));
        Result combo = run("CHECK-NOT-NEXT: foo\n", "foo\n");
        assertEquals(2, combo.code());
        assertTrue(combo.err().startsWith("check.txt:1:7: error: unsupported -NOT combo on prefix 'CHECK'\n"));
    }

    @Test
    void usageErrorsUseTheCommandLineLibrarysExitCode() throws IOException {
        Result unknown = run("CHECK: foo\n", "foo\n", "--bogus");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("FileCheck: Unknown command line argument '--bogus'."), unknown.err());
        Result dump = run("CHECK: foo\n", "foo\n", "--dump-input=bogus");
        assertEquals(1, dump.code());
        assertEquals("FileCheck: for the --dump-input option: Cannot find option named 'bogus'!\n", dump.err());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int none = new FileCheckTool()
                .run(
                        List.of(),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
        assertEquals(2, none);
        assertEquals("<check-file> not specified\n", err.toString());
    }

    @Test
    void emptyInputIsAnErrorUnlessAllowed() throws IOException {
        Result r = run("CHECK-NOT: x\n", "");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("FileCheck error: '<stdin>' is empty.\n"), r.err());
        assertEquals(0, run("CHECK-NOT: x\n", "", "--allow-empty").code());
    }

    @Test
    void missingDefinitionValueAndEqualSignAreReported() throws IOException {
        Result r = run("CHECK: x\n", "x\n", "-DVAR");
        assertEquals(2, r.code());
        assertEquals("Missing equal sign in command-line definition '-DVAR'\n", r.err());
    }

    @Test
    void defaultDumpShowsTheFailingInputLineWithAMarker() throws IOException {
        Result r = run("CHECK: foo\nCHECK-NEXT: baz\n", "foo\nbar\n");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Input was:\n<<<<<<\n"), r.err());
        assertTrue(r.err().contains("1: foo \n"), r.err());
        assertTrue(r.err().contains("next:2'0"), r.err());
        assertTrue(r.err().contains("next:2'0        X error: no match found\n"), r.err());
        assertTrue(r.err().contains("next:2'1     ?    possible intended match\n"), r.err());
        assertTrue(r.err().endsWith(">>>>>>\n"), r.err());
    }

    @Test
    void concurrentRunsDoNotShareVariables() throws Exception {
        Path a = tmp.resolve("a.txt");
        Files.writeString(a, "CHECK: def [[V:[a-z]+]]\nCHECK: use [[V]]\n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String word = "w" + (char) ('a' + i % 26);
                boolean good = i % 2 == 0;
                String input = "def " + word + "\nuse " + (good ? word : "q" + word) + "\n";
                results.add(pool.submit(() -> new FileCheckTool()
                        .run(
                                List.of(a.toString(), "--dump-input=never"),
                                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                                new PrintStream(new ByteArrayOutputStream()),
                                new PrintStream(new ByteArrayOutputStream()))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? 0 : 1, results.get(i).get(), "run " + i);
            }
        } finally {
            pool.shutdown();
        }
    }
}
