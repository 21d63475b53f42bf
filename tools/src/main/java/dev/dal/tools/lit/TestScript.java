package dev.dal.tools.lit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lit directives of one test file: {@code RUN:} commands (joined across {@code \} continuations),
 * {@code REQUIRES:}, {@code UNSUPPORTED:}, {@code XFAIL:}, {@code ALLOW_RETRIES:}; {@code END.} stops the scan.
 *
 * @param runLines the RUN commands, each with the line number where it starts
 * @param requires REQUIRES expressions (all must hold)
 * @param unsupported UNSUPPORTED expressions (any makes the test unsupported)
 * @param xfails XFAIL expressions ({@code *} or any true one makes a failure expected)
 * @param allowedRetries ALLOW_RETRIES count, if given
 */
public record TestScript(List<RunLine> runLines, List<String> requires, List<String> unsupported, List<String> xfails,
        OptionalInt allowedRetries) {
    /**
     * One command of the script.
     *
     * @param line 1-based line of its first {@code RUN:}
     * @param command the command text, continuations joined
     */
    public record RunLine(int line, String command) {}

    private static final Pattern DIRECTIVE =
            Pattern.compile("(RUN:|REQUIRES:|UNSUPPORTED:|XFAIL:|ALLOW_RETRIES:|END\\.)(.*)");
    private static final Pattern LINE_EXPR = Pattern.compile("%\\(line *([+-]) *(\\d+)\\)");

    /** Copies. */
    public TestScript {
        runLines = List.copyOf(runLines);
        requires = List.copyOf(requires);
        unsupported = List.copyOf(unsupported);
        xfails = List.copyOf(xfails);
    }

    /**
     * Reads and parses a test file.
     *
     * @throws LitException {@code file:line: error: ...} for malformed directives; lit reports these as UNRESOLVED
     */
    public static TestScript read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LitException("error: cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Parses test file text; {@code fileName} names the file in errors. */
    public static TestScript parse(String fileName, String text) {
        List<RunLine> runs = new ArrayList<>();
        List<String> requires = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        List<String> xfails = new ArrayList<>();
        OptionalInt retries = OptionalInt.empty();
        boolean continuing = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) continue;
            String kw = m.group(1);
            String rest = m.group(2);
            if (rest.endsWith("\r")) rest = rest.substring(0, rest.length() - 1);
            switch (kw) {
                case "RUN:" -> {
                    String cmd = substituteLine(rest.stripTrailing(), lineNo);
                    if (continuing) {
                        RunLine prev = runs.removeLast();
                        String p = prev.command();
                        runs.add(new RunLine(prev.line(), p.substring(0, p.length() - 1) + cmd));
                    } else {
                        runs.add(new RunLine(lineNo, cmd));
                    }
                    continuing = runs.getLast().command().endsWith("\\");
                }
                case "REQUIRES:" -> requires.addAll(list(fileName, lineNo, kw, rest));
                case "UNSUPPORTED:" -> unsupported.addAll(list(fileName, lineNo, kw, rest));
                case "XFAIL:" -> xfails.addAll(list(fileName, lineNo, kw, rest));
                case "ALLOW_RETRIES:" -> {
                    if (retries.isPresent())
                        throw LitException.at(fileName, lineNo, "'ALLOW_RETRIES:' directive given multiple times");
                    try {
                        retries = OptionalInt.of(Integer.parseInt(rest.strip()));
                    } catch (NumberFormatException e) {
                        throw LitException.at(fileName, lineNo,
                                "'ALLOW_RETRIES:' expects an integer, got '" + rest.strip() + "'");
                    }
                }
                case "END." -> {
                    if (rest.isBlank()) i = lines.length;
                }
                default -> throw new IllegalStateException("unhandled directive " + kw);
            }
        }
        if (continuing) throw LitException.at(fileName, runs.getLast().line(), "Test has unterminated RUN lines (with '\\')");
        return new TestScript(runs, requires, unsupported, xfails, retries);
    }

    private static List<String> list(String file, int line, String kw, String rest) {
        List<String> out = new ArrayList<>();
        for (String item : rest.split(",")) {
            String s = item.strip();
            if (!s.isEmpty()) out.add(s);
        }
        for (String expr : out) {
            if (kw.equals("XFAIL:") && expr.equals("*")) continue;
            try {
                FeatureExpr.evaluate(expr, java.util.Set.of());
            } catch (IllegalArgumentException e) {
                throw LitException.at(file, line, "in '" + kw + "' directive: " + e.getMessage());
            }
        }
        return out;
    }

    /** Replaces lit's {@code %(line)}, {@code %(line+N)}, {@code %(line-N)} with line numbers. */
    private static String substituteLine(String s, int lineNo) {
        if (!s.contains("%(line")) return s;
        s = s.replace("%(line)", Integer.toString(lineNo));
        Matcher m = LINE_EXPR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            m.appendReplacement(out, Integer.toString(m.group(1).equals("+") ? lineNo + n : lineNo - n));
        }
        m.appendTail(out);
        return out.toString();
    }
}
