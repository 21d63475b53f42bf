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
 * {@code DEFINE:}/{@code REDEFINE:} test-local substitutions, {@code REQUIRES:}, {@code UNSUPPORTED:},
 * {@code XFAIL:}, {@code ALLOW_RETRIES:}; {@code END.} stops the scan.
 *
 * @param runLines the RUN commands, each with the line number where it starts
 * @param requires REQUIRES expressions (all must hold)
 * @param unsupported UNSUPPORTED expressions (any makes the test unsupported)
 * @param xfails XFAIL expressions ({@code *} or any true one makes a failure expected)
 * @param allowedRetries ALLOW_RETRIES count, if given
 * @param defines DEFINE and REDEFINE directives in file order; each applies to the RUN lines after it
 */
public record TestScript(
        List<RunLine> runLines,
        List<String> requires,
        List<String> unsupported,
        List<String> xfails,
        OptionalInt allowedRetries,
        List<Define> defines) {
    /**
     * A {@code DEFINE: %{name} = value} or {@code REDEFINE: %{name} = value} directive.
     *
     * @param line 1-based line where it starts
     * @param redefine whether it is a REDEFINE (changes an existing substitution) rather than a DEFINE (adds one)
     * @param name the substitution's pattern, {@code %{...}}
     * @param value its replacement, trimmed
     */
    public record Define(int line, boolean redefine, String name, String value) {}

    /**
     * One command of the script.
     *
     * @param line 1-based line of its first {@code RUN:}
     * @param command the command text, continuations joined
     */
    public record RunLine(int line, String command) {}

    private static final Pattern DIRECTIVE =
            Pattern.compile("(RUN:|REDEFINE:|DEFINE:|REQUIRES:|UNSUPPORTED:|XFAIL:|ALLOW_RETRIES:|END\\.)(.*)");
    private static final Pattern DEFINITION = Pattern.compile("\\s*(\\S+?)\\s*=(.*)", Pattern.DOTALL);
    private static final Pattern DEFINE_NAME = Pattern.compile("%\\{[A-Za-z_][-\\w:]*}");
    private static final Pattern LINE_EXPR = Pattern.compile("%\\(line *([+-]) *(\\d+)\\)");

    /** Copies. */
    public TestScript {
        runLines = List.copyOf(runLines);
        requires = List.copyOf(requires);
        unsupported = List.copyOf(unsupported);
        xfails = List.copyOf(xfails);
        defines = List.copyOf(defines);
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
        List<Define> defines = new ArrayList<>();
        // The directive a trailing backslash continues, its first line and the text so far.
        String pending = null;
        int pendingLine = 0;
        StringBuilder pendingText = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) continue;
            String kw = m.group(1);
            String rest = m.group(2);
            if (rest.endsWith("\r")) rest = rest.substring(0, rest.length() - 1);
            if (pending != null && !kw.equals(pending)) {
                throw LitException.at(
                        fileName,
                        pendingLine,
                        "Test has unterminated '" + pending + "' directive (with '\\') continued by '" + kw
                                + "' at line " + lineNo);
            }
            switch (kw) {
                case "RUN:", "DEFINE:", "REDEFINE:" -> {
                    String part = substituteLine(rest.stripTrailing(), lineNo);
                    if (pending == null) {
                        pending = kw;
                        pendingLine = lineNo;
                        pendingText.setLength(0);
                    } else {
                        pendingText.setLength(pendingText.length() - 1);
                        // lit joins a RUN line's pieces as written, but a definition's pieces trimmed, with one space.
                        if (!kw.equals("RUN:")) {
                            int end = pendingText.length();
                            while (end > 0 && Character.isWhitespace(pendingText.charAt(end - 1))) end--;
                            pendingText.setLength(end);
                            pendingText.append(' ');
                            part = part.strip();
                        }
                    }
                    pendingText.append(part);
                    if (pendingText.isEmpty() || pendingText.charAt(pendingText.length() - 1) != '\\') {
                        if (kw.equals("RUN:")) runs.add(new RunLine(pendingLine, pendingText.toString()));
                        else defines.add(definition(fileName, pendingLine, kw, pendingText.toString()));
                        pending = null;
                    }
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
                        throw LitException.at(
                                fileName, lineNo, "'ALLOW_RETRIES:' expects an integer, got '" + rest.strip() + "'");
                    }
                }
                case "END." -> {
                    if (rest.isBlank()) i = lines.length;
                }
                default -> throw new IllegalStateException("unhandled directive " + kw);
            }
        }
        if (pending != null) {
            throw LitException.at(
                    fileName,
                    pendingLine,
                    pending.equals("RUN:")
                            ? "Test has unterminated RUN lines (with '\\')"
                            : "Test has unterminated '" + pending + "' directive (with '\\')");
        }
        return new TestScript(runs, requires, unsupported, xfails, retries, defines);
    }

    private static Define definition(String file, int line, String kw, String text) {
        Matcher m = DEFINITION.matcher(text);
        if (!m.matches()) {
            throw LitException.at(
                    file, line, "'" + kw + "' directive expects '%{name} = value', got '" + text.strip() + "'");
        }
        if (!DEFINE_NAME.matcher(m.group(1)).matches()) {
            throw LitException.at(
                    file,
                    line,
                    "substitution name '" + m.group(1) + "' is malformed: it must be '%{' then a"
                            + " letter or underscore, then letters, digits, '-', '_' or ':', then '}'");
        }
        return new Define(line, kw.equals("REDEFINE:"), m.group(1), m.group(2).strip());
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
