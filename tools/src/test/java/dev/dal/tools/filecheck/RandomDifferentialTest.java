package dev.dal.tools.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random check files and inputs, built from fragments that exercise every syntax (regex blocks, string and numeric
 * variables, @LINE, literal modifiers, odd prefixes and options), get the same exit code from DAL and LLVM 16.
 * Fixed seeds keep it reproducible; the fragments make many cases malformed or failing on purpose.
 */
class RandomDifferentialTest {
    private static final String[] WORDS = {
        "foo", "bar", "baz", "a1", "a2", "x", "y", "%0", "%1", "=", " ", "  ", "\t", "(", ")", "[", "]", "{", "}", "{{",
        "[[", "]]", "}}", "\\", ".", "*", "+", "?", "|", "^", "$", "-", "#", "CHECK", "COM:", "10", "0x1f"
    };
    private static final String[] SPECIAL = {
        "[[@LINE]]",
        "[[@LINE+1]]",
        "[[#%x,H:]]",
        "[[#H+1]]",
        "[[#%.3u,P:]]",
        "[[$G:[a-z]+]]",
        "[[$G]]",
        "[[#@LINE-1]]",
        "{{a{1,2}}}",
        "{{[]a]}}",
        "{{\\.}}",
        "[[X:a]b]]",
        "{{}}",
        "[[#]]"
    };
    private static final String[] REGEX = {
        ".*", "[a-z]+", "[0-9]", "a|b", "fo+", "[^ ]*", "x?", "(foo|bar)", "[[:alpha:]]+", "%[0-9]"
    };
    private static final String[] DIRECTIVES = {
        "CHECK: ",
        "CHECK-NEXT: ",
        "CHECK-SAME: ",
        "CHECK-NOT: ",
        "CHECK-DAG: ",
        "CHECK-LABEL: ",
        "CHECK-EMPTY:",
        "CHECK-COUNT-2: ",
        "CHECK{LITERAL}: ",
        "CHECK-NEXT{LITERAL}: ",
        "CHECK-COUNT-1: ",
        "COM: ",
        "CHECK-NOT{LITERAL}: ",
        "CHECK :",
        "// CHECK:",
        " CHECK-DAG:",
        "XCHECK: "
    };
    private static final String[][] OPTIONS = {
        {},
        {},
        {"--check-prefixes=CHECK,XCHECK"},
        {"--comment-prefixes=CHECK"},
        {"--match-full-lines"},
        {"--strict-whitespace"},
        {"--ignore-case"},
        {"--enable-var-scope"},
        {"--implicit-check-not=baz"},
        {"--match-full-lines", "--strict-whitespace"},
        {"-DV=foo"},
        {"-D#N=3"},
        {"--allow-deprecated-dag-overlap"},
        {"--enable-var-scope", "-D$G=foo"}
    };

    private final Random rnd = new Random(20261125);

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private String fragment() {
        return switch (rnd.nextInt(12)) {
            case 0 -> "{{" + pick(REGEX) + "}}";
            case 1 -> "[[V:" + pick(new String[] {"[a-z]+", "[0-9]+", ".*", "%[0-9]"}) + "]]";
            case 2 -> "[[V]]";
            case 3 -> "[[#N:]]";
            case 4 -> "[[#N+1]]";
            case 5 -> pick(SPECIAL);
            default -> pick(WORDS);
        };
    }

    @Test
    void randomCheckFilesGetLlvmsVerdict(@TempDir Path tmp) throws Exception {
        assumeTrue(DifferentialCorpusTest.llvmAvailable());
        Path check = tmp.resolve("check.txt");
        Path input = tmp.resolve("input.txt");
        List<String> mismatches = new ArrayList<>();
        int cases = 300;
        for (int i = 0; i < cases; i++) {
            StringBuilder in = new StringBuilder();
            for (int l = 1 + rnd.nextInt(6); l > 0; l--) {
                for (int k = rnd.nextInt(4); k > 0; k--) in.append(pick(WORDS)).append(k > 1 ? " " : "");
                in.append('\n');
            }
            StringBuilder ck = new StringBuilder();
            for (int l = 1 + rnd.nextInt(4); l > 0; l--) {
                String d = pick(DIRECTIVES);
                ck.append(d);
                if (!d.equals("CHECK-EMPTY:")) for (int f = 1 + rnd.nextInt(3); f > 0; f--) ck.append(fragment());
                ck.append('\n');
            }
            Files.writeString(check, ck);
            Files.writeString(input, in);
            List<String> args = new ArrayList<>(List.of(OPTIONS[rnd.nextInt(OPTIONS.length)]));
            args.addAll(List.of(check.toString(), "--input-file", input.toString(), "--dump-input=never"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int dal = new FileCheckTool()
                    .run(
                            args,
                            new ByteArrayInputStream(new byte[0]),
                            new PrintStream(new ByteArrayOutputStream()),
                            new PrintStream(err));
            int llvm = DifferentialCorpusTest.runLlvm(args, input, tmp);
            if (dal != llvm) {
                mismatches.add("DAL " + dal + ", LLVM " + llvm + ", options " + args.subList(0, args.size() - 4)
                        + "\n--- check\n" + ck + "--- input\n" + in + "--- DAL said\n" + err);
            }
        }
        System.out.println("random FileCheck differential: " + cases + " cases, " + mismatches.size() + " mismatches");
        assertEquals(List.of(), mismatches);
    }

    private static final String[] INPUT_WORDS = {
        "foo", "bar", "baz", "%0", "%1", "=", "op", "ret", "f1:", "f2:", "x", "y"
    };
    private static final String[] LINE_DIRECTIVES = {
        "CHECK: ",
        "CHECK: ",
        "CHECK-NEXT: ",
        "CHECK-SAME: ",
        "CHECK-NOT: ",
        "CHECK-DAG: ",
        "CHECK-DAG: ",
        "CHECK-LABEL: ",
        "CHECK-EMPTY:",
        "CHECK-COUNT-2: "
    };
    private static final String[][] LINE_OPTIONS = {
        {},
        {},
        {"--match-full-lines"},
        {"--enable-var-scope"},
        {"--implicit-check-not=baz"},
        {"--allow-deprecated-dag-overlap"},
        {"--strict-whitespace"}
    };

    /** Checks cut from the input's own lines, so many pass and the ordering rules decide the verdict. */
    @Test
    void checksCutFromTheInputGetLlvmsVerdict(@TempDir Path tmp) throws Exception {
        assumeTrue(DifferentialCorpusTest.llvmAvailable());
        Path check = tmp.resolve("check.txt");
        Path input = tmp.resolve("input.txt");
        List<String> mismatches = new ArrayList<>();
        int cases = 250;
        for (int i = 0; i < cases; i++) {
            List<String> lines = new ArrayList<>();
            for (int l = 2 + rnd.nextInt(10); l > 0; l--) {
                StringBuilder sb = new StringBuilder();
                for (int k = rnd.nextInt(4); k > 0; k--)
                    sb.append(pick(INPUT_WORDS)).append(k > 1 ? " " : "");
                lines.add(sb.toString());
            }
            StringBuilder ck = new StringBuilder();
            for (int l = 1 + rnd.nextInt(7); l > 0; l--) {
                String d = pick(LINE_DIRECTIVES);
                ck.append(d);
                if (!d.equals("CHECK-EMPTY:")) {
                    String line = lines.get(rnd.nextInt(lines.size()));
                    String[] ws = line.isEmpty() ? new String[] {"foo"} : line.split(" ");
                    int from = rnd.nextInt(ws.length);
                    int to = from + rnd.nextInt(ws.length - from);
                    for (int k = from; k <= to; k++) {
                        if (k > from) ck.append(' ');
                        switch (rnd.nextInt(10)) {
                            case 0 -> ck.append("{{.*}}");
                            case 1 -> ck.append("[[V").append(rnd.nextInt(2)).append(":[^ ]+]]");
                            case 2 -> ck.append("[[V").append(rnd.nextInt(2)).append("]]");
                            default -> ck.append(ws[k]);
                        }
                    }
                }
                ck.append('\n');
            }
            Files.writeString(check, ck);
            Files.writeString(input, String.join("\n", lines) + "\n");
            List<String> args = new ArrayList<>(List.of(LINE_OPTIONS[rnd.nextInt(LINE_OPTIONS.length)]));
            args.addAll(List.of(check.toString(), "--input-file", input.toString(), "--dump-input=never"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int dal = new FileCheckTool()
                    .run(
                            args,
                            new ByteArrayInputStream(new byte[0]),
                            new PrintStream(new ByteArrayOutputStream()),
                            new PrintStream(err));
            int llvm = DifferentialCorpusTest.runLlvm(args, input, tmp);
            if (dal != llvm) {
                mismatches.add("DAL " + dal + ", LLVM " + llvm + ", options " + args.subList(0, args.size() - 4)
                        + "\n--- check\n" + ck + "--- input\n" + String.join("\n", lines) + "\n--- DAL said\n" + err);
            }
        }
        System.out.println(
                "input-derived FileCheck differential: " + cases + " cases, " + mismatches.size() + " mismatches");
        assertEquals(List.of(), mismatches);
    }
}
