package dev.dal.tools.filecheck;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * FileCheck's verdict on generated inputs agrees with a small model of the semantics. Each input line starts with a
 * unique marker {@code m<i>q} followed by words {@code a0..a9}, so the model can say where any check text occurs
 * without searching: a line's text occurs only on that line, a word occurs on the lines that hold it.
 */
class FileCheckPropertiesTest {
    private static final int EXAMPLES = 100;
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("filecheck-props");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    /** Inputs: 2 to 12 lines of 0 to 6 words each. */
    private static Gen<List<List<Integer>>> inputs() {
        return lists().of(lists().of(integers().between(0, 9)).ofSizeBetween(0, 6))
                .ofSizeBetween(2, 12);
    }

    private static List<String> render(List<List<Integer>> words) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder sb = new StringBuilder("m").append(i).append('q');
            for (int w : words.get(i)) sb.append(" a").append(w);
            lines.add(sb.toString());
        }
        return lines;
    }

    private static int run(List<String> inputLines, String checkText, String... options) {
        try {
            Path check = Files.createTempFile(dir, "check", ".txt");
            Files.writeString(check, checkText);
            List<String> args = new ArrayList<>(List.of(options));
            args.add(check.toString());
            byte[] input = (String.join("\n", inputLines) + "\n").getBytes(StandardCharsets.UTF_8);
            int code = new FileCheckTool()
                    .run(
                            args,
                            new ByteArrayInputStream(input),
                            new PrintStream(new ByteArrayOutputStream()),
                            new PrintStream(new ByteArrayOutputStream()));
            Files.delete(check);
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCheckMadeFromAnyInputLineMatches() {
        qt().withExamples(EXAMPLES).forAll(inputs(), integers().between(0, 11)).checkAssert((w, k) -> {
            List<String> lines = render(w);
            String line = lines.get(k % lines.size());
            org.junit.jupiter.api.Assertions.assertEquals(0, run(lines, "CHECK: " + line + "\n"));
        });
    }

    @Test
    void checkNextMatchesExactlyTheFollowingLine() {
        qt().withExamples(EXAMPLES)
                .forAll(inputs(), integers().between(0, 11), integers().between(0, 11))
                .checkAssert((w, a, b) -> {
                    List<String> lines = render(w);
                    int i = a % lines.size();
                    int k = b % lines.size();
                    int expected = k == i + 1 ? 0 : 1;
                    org.junit.jupiter.api.Assertions.assertEquals(
                            expected,
                            run(lines, "CHECK: " + lines.get(i) + "\nCHECK-NEXT: " + lines.get(k) + "\n"),
                            "CHECK line " + i + " then CHECK-NEXT line " + k);
                });
    }

    @Test
    void checksOfIncreasingLinesPassAndAnyInversionFails() {
        qt().withExamples(EXAMPLES)
                .forAll(inputs(), lists().of(integers().between(0, 11)).ofSizeBetween(1, 6))
                .checkAssert((w, picks) -> {
                    List<String> lines = render(w);
                    List<Integer> idx =
                            picks.stream().map(p -> p % lines.size()).collect(Collectors.toList());
                    boolean strictlyIncreasing = true;
                    for (int j = 1; j < idx.size(); j++) strictlyIncreasing &= idx.get(j) > idx.get(j - 1);
                    String check = idx.stream()
                            .map(i -> "CHECK: " + lines.get(i) + "\n")
                            .collect(Collectors.joining());
                    org.junit.jupiter.api.Assertions.assertEquals(strictlyIncreasing ? 0 : 1, run(lines, check));
                });
    }

    @Test
    void checkNotOfAnAbsentStringPassesAndOfAPresentMarkerFails() {
        qt().withExamples(EXAMPLES)
                .forAll(inputs(), integers().between(0, 11), integers().between(0, 99))
                .checkAssert((w, k, absent) -> {
                    List<String> lines = render(w);
                    String first = lines.get(0);
                    org.junit.jupiter.api.Assertions.assertEquals(
                            0, run(lines, "CHECK: " + first + "\nCHECK-NOT: zz" + absent + "\n"));
                    int i = k % lines.size();
                    int expected = i == 0 ? 0 : 1;
                    org.junit.jupiter.api.Assertions.assertEquals(
                            expected,
                            run(lines, "CHECK: " + first + "\nCHECK-NOT: m" + i + "q\n"),
                            "CHECK-NOT of line " + i);
                });
    }

    @Test
    void checkDagOfAnyPermutationOfDistinctLinesPasses() {
        qt().withExamples(EXAMPLES)
                .forAll(inputs(), integers().between(0, 10_000))
                .checkAssert((w, seed) -> {
                    List<String> lines = render(w);
                    List<String> perm = new ArrayList<>(lines);
                    Collections.shuffle(perm, new Random(seed));
                    String check =
                            perm.stream().map(l -> "CHECK-DAG: " + l + "\n").collect(Collectors.joining());
                    org.junit.jupiter.api.Assertions.assertEquals(0, run(lines, check));
                });
    }

    @Test
    void checkCountPassesExactlyWhenTheWordOccursOftenEnough() {
        qt().withExamples(EXAMPLES)
                .forAll(inputs(), integers().between(0, 9), integers().between(1, 8))
                .checkAssert((w, word, n) -> {
                    List<String> lines = render(w);
                    long occurrences = w.stream()
                            .flatMap(List::stream)
                            .filter(x -> x == word.intValue())
                            .count();
                    org.junit.jupiter.api.Assertions.assertEquals(
                            n <= occurrences ? 0 : 1, run(lines, "CHECK-COUNT-" + n + ": a" + word + "\n"));
                });
    }

    @Test
    void checkSameAcceptsWordsOfTheMatchedLineOnly() {
        qt().withExamples(EXAMPLES)
                .forAll(inputs(), integers().between(0, 11), integers().between(0, 9))
                .checkAssert((w, k, word) -> {
                    List<String> lines = render(w);
                    int i = k % lines.size();
                    boolean onLine = w.get(i).contains(word);
                    org.junit.jupiter.api.Assertions.assertEquals(
                            onLine ? 0 : 1, run(lines, "CHECK: m" + i + "q\nCHECK-SAME: a" + word + "\n"));
                });
    }

    @Test
    void matchFullLinesAcceptsWholeLinesAndRejectsTheirPrefixes() {
        qt().withExamples(EXAMPLES).forAll(inputs(), integers().between(0, 11)).checkAssert((w, k) -> {
            List<String> lines = render(w);
            int i = k % lines.size();
            org.junit.jupiter.api.Assertions.assertEquals(
                    0, run(lines, "CHECK: " + lines.get(i) + "\n", "--match-full-lines"));
            if (!w.get(i).isEmpty()) {
                org.junit.jupiter.api.Assertions.assertEquals(
                        1, run(lines, "CHECK: m" + i + "q\n", "--match-full-lines"));
            }
        });
    }

    @Test
    void aWordCapturedInAVariableMatchesItsNextOccurrence() {
        qt().withExamples(EXAMPLES).forAll(inputs(), integers().between(0, 11)).checkAssert((w, k) -> {
            List<String> lines = render(w);
            int i = k % lines.size();
            if (w.get(i).isEmpty()) return;
            int word = w.get(i).get(0);
            boolean later = w.get(i).subList(1, w.get(i).size()).contains(word);
            for (int j = i + 1; j < w.size(); j++) later |= w.get(j).contains(word);
            String check = "CHECK: m" + i + "q [[W:a[0-9]]]\nCHECK: [[W]]\n";
            org.junit.jupiter.api.Assertions.assertEquals(later ? 0 : 1, run(lines, check));
        });
    }

    @Test
    void aRegexWildcardStandsForAnyRunWithinALine() {
        qt().withExamples(EXAMPLES).forAll(inputs(), integers().between(0, 11)).checkAssert((w, k) -> {
            List<String> lines = render(w);
            int i = k % lines.size();
            String last = w.get(i).isEmpty() ? "" : " a" + w.get(i).get(w.get(i).size() - 1);
            org.junit.jupiter.api.Assertions.assertEquals(
                    0, run(lines, "CHECK: {{^}}m" + i + "q{{.*}}" + last + "{{$}}\n"));
        });
    }
}
