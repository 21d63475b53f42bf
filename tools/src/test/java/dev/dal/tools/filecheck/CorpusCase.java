package dev.dal.tools.filecheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One differential-corpus case, read from a {@code .case} file:
 *
 * <pre>
 * ARGS: --check-prefix=FOO          (%c check file, %i input file, %d scratch dir; %c is appended if absent)
 * EXPECT: 0|1|2                     (pass, check failure, usage error / malformed check file)
 * --- check
 * ...check file text...
 * --- input
 * ...input text, fed on stdin (and written to %i), byte for byte...
 * </pre>
 */
record CorpusCase(String name, String args, int expected, byte[] check, byte[] input) {

    static final Path DIR = Path.of("src/test/resources/filecheck/corpus");

    static List<CorpusCase> loadAll() throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".case")).sorted().toList()) cases.add(load(p));
        }
        return cases;
    }

    static CorpusCase load(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String name = file.getFileName().toString().replace(".case", "");
        int argsEnd = text.indexOf('\n');
        int expectEnd = text.indexOf('\n', argsEnd + 1);
        if (!text.startsWith("ARGS:") || !text.startsWith("EXPECT:", argsEnd + 1)) {
            throw new IOException(file + ": expected ARGS: and EXPECT: header lines");
        }
        String args = text.substring(5, argsEnd).strip();
        int expected = Integer.parseInt(text.substring(argsEnd + 8, expectEnd).strip());
        String checkMark = "--- check\n";
        String inputMark = "--- input\n";
        int c = text.indexOf(checkMark, expectEnd);
        int i = text.indexOf("\n" + inputMark, c);
        int checkStart = c + checkMark.length();
        String check = i + 1 <= checkStart ? "" : text.substring(checkStart, i + 1);
        if (text.startsWith(inputMark, checkStart)) {
            check = "";
            i = checkStart - 1;
        }
        String input = text.substring(i + 1 + inputMark.length());
        return new CorpusCase(
                name,
                args,
                expected,
                check.getBytes(StandardCharsets.ISO_8859_1),
                input.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes the case's files into {@code dir} and returns the command-line arguments (without the program). */
    List<String> materialize(Path dir) throws IOException {
        Path checkFile = dir.resolve("check.txt");
        Path inputFile = dir.resolve("input.txt");
        Files.write(checkFile, check);
        Files.write(inputFile, input);
        List<String> out = new ArrayList<>();
        boolean hasCheck = false;
        for (String tok : args.isEmpty() ? new String[0] : args.split("\\s+")) {
            if (tok.contains("%c")) hasCheck = true;
            out.add(tok.replace("%c", checkFile.toString())
                    .replace("%i", inputFile.toString())
                    .replace("%d", dir.toString()));
        }
        if (!hasCheck && !args.contains("%i")) out.add(checkFile.toString());
        return out;
    }
}
