package dev.dal.tools.filecheck;

import dev.dal.tools.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dal-filecheck}: LLVM FileCheck 16's command line and semantics in Java. Exit codes follow LLVM's binary:
 * 0 when every check passes, 1 when a check fails (or the cl library rejects an option), 2 for a malformed check
 * file, an unreadable file, empty input or a bad definition. Every run has its own state, so runs may be concurrent.
 */
public final class FileCheckTool implements Tool {
    /** Creates the tool; it holds no state between runs. */
    public FileCheckTool() {}

    @Override
    public String name() {
        return "dal-filecheck";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        Diagnostics diags = new Diagnostics(stderr);
        FileCheckOptions opts;
        try {
            opts = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            (e.exitCode() == 0 ? stdout : stderr).println(e.getMessage());
            return e.exitCode();
        }
        try {
            return check(opts, stdin, diags);
        } catch (FileCheckException e) {
            return e.exitCode();
        } finally {
            stderr.flush();
        }
    }

    private static int check(FileCheckOptions opts, InputStream stdin, Diagnostics diags) throws FileCheckException {
        if (opts.dumpInput().equals("help")) {
            diags.raw(DUMP_HELP);
            return 0;
        }
        validatePrefixes(opts.checkPrefixes(), "check", diags);
        validatePrefixes(opts.commentPrefixes(), "comment", diags);
        for (String c : opts.commentPrefixes()) {
            if (opts.checkPrefixes().contains(c)) {
                diags.raw("error: supplied comment prefix must be unique among check and comment prefixes: '" + c
                        + "'\n");
                throw new FileCheckException(2);
            }
        }
        byte[] checkBytes;
        try {
            checkBytes = Files.readAllBytes(Path.of(opts.checkFile()));
        } catch (IOException | RuntimeException e) {
            diags.raw("Could not open check file '" + opts.checkFile() + "': " + reason(e) + "\n");
            throw new FileCheckException(2);
        }
        Variables vars = new Variables();
        defineVariables(opts, vars, diags);
        SourceText checkSrc = new SourceText(opts.checkFile(), canonicalize(checkBytes, opts.strictWhitespace()));
        List<CheckPattern> implicit = new ArrayList<>();
        for (String not : opts.implicitCheckNot()) {
            String text = "-implicit-check-not='" + not + "'";
            SourceText cmd = new SourceText("command line", text);
            int start = 21;
            while (start < text.length() - 1 && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) start++;
            implicit.add(PatternParser.parse(
                    cmd, start, text.length() - 1, CheckKind.NOT, 1, false, "IMPLICIT-CHECK", 1, opts, vars, diags));
        }
        List<CheckString> checks = new CheckFileParser(checkSrc, opts, vars, diags).parse(implicit);
        byte[] inputBytes;
        String inputName = opts.inputFile().equals("-") ? "<stdin>" : opts.inputFile();
        try {
            inputBytes =
                    opts.inputFile().equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(opts.inputFile()));
        } catch (IOException | RuntimeException e) {
            diags.raw("Could not open input file '" + opts.inputFile() + "': " + reason(e) + "\n");
            throw new FileCheckException(2);
        }
        if (inputBytes.length == 0 && !opts.allowEmpty()) {
            diags.raw("FileCheck error: '" + inputName + "' is empty.\nFileCheck command line:  FileCheck "
                    + opts.commandLine() + "\n");
            throw new FileCheckException(2);
        }
        SourceText input = new SourceText(inputName, canonicalize(inputBytes, opts.strictWhitespace()));
        InputDump dump = new InputDump();
        boolean ok = new CheckRunner(checks, input, vars, opts, diags, dump).run();
        if (opts.dumpInput().equals("always") || !ok && opts.dumpInput().equals("fail")) {
            diags.raw(dump.render(input, opts.checkFile(), opts.dumpInput().equals("always")));
        }
        return ok ? 0 : 1;
    }

    private static String reason(Exception e) {
        return e instanceof NoSuchFileException ? "No such file or directory" : String.valueOf(e.getMessage());
    }

    private static void validatePrefixes(List<String> prefixes, String kind, Diagnostics diags)
            throws FileCheckException {
        List<String> seen = new ArrayList<>();
        for (String p : prefixes) {
            String problem = null;
            if (p.isEmpty()) {
                problem = "supplied " + kind + " prefix must not be the empty string";
            } else if (!p.matches("[A-Za-z0-9_-]+")) {
                problem = "supplied " + kind + " prefix must start with a letter and contain only alphanumeric "
                        + "characters, hyphens, and underscores: '" + p + "'";
            } else if (seen.contains(p)) {
                problem = "supplied " + kind + " prefix must be unique among check and comment prefixes: '" + p + "'";
            }
            if (problem != null) {
                diags.raw("error: " + problem + "\n");
                throw new FileCheckException(2);
            }
            seen.add(p);
        }
    }

    private static void defineVariables(FileCheckOptions opts, Variables vars, Diagnostics diags)
            throws FileCheckException {
        for (String def : opts.defines()) {
            SourceText cmd = new SourceText("command line", def);
            int eq = def.indexOf('=');
            if (eq < 0) {
                diags.raw("Missing equal sign in command-line definition '-D" + def + "'\n");
                throw new FileCheckException(2);
            }
            if (def.startsWith("#")) {
                String block = def.substring(1, eq) + ":" + def.substring(eq + 1);
                PatternParser.defineNumeric(new SourceText("command line", block), 0, block.length(), vars, diags);
                continue;
            }
            String name = def.substring(0, eq);
            if (name.isEmpty()) {
                diags.error(cmd, 0, "empty variable name");
                throw new FileCheckException(2);
            }
            if (!PatternParser.isValidVariableName(name)) {
                diags.error(cmd, 0, "invalid variable name");
                throw new FileCheckException(2);
            }
            if (vars.numericDecls.containsKey(name)) {
                diags.error(cmd, 0, "numeric variable with name '" + name + "' already exists");
                throw new FileCheckException(2);
            }
            vars.stringDecls.put(name, true);
            vars.setString(name, def.substring(eq + 1));
        }
    }

    /**
     * Applies LLVM's canonicalization: CRLF becomes LF and, unless whitespace is strict, every run of spaces and
     * tabs becomes one space. The result is ISO-8859-1 text, one char per input byte.
     */
    static String canonicalize(byte[] b, boolean strict) {
        // In place: the output never runs ahead of the input, and the caller owns the array.
        byte[] out = b;
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c == '\r' && i + 1 < b.length && b[i + 1] == '\n') continue;
            if (strict || c != ' ' && c != '\t') {
                out[n++] = c;
                continue;
            }
            out[n++] = ' ';
            while (i + 1 < b.length && (b[i + 1] == ' ' || b[i + 1] == '\t')) i++;
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static final String DUMP_HELP = """
            The following description was requested by -dump-input=help to
            explain the input dump printed by FileCheck.

            Related command-line options:

              - -dump-input=<value> enables or disables the input dump
              - -v and -vv add more annotations

            Input dump annotation format:

              - L:     labels line number L of the input file
              - T:L    labels the only match result for either (1) a pattern of type T
                       from line L of the check file if L is an integer or (2) the
                       I-th implicit pattern if L is "imp" followed by an integer I
              - T:L'N  labels the Nth match result for such a pattern
              - ^~~    marks good match (reported if -v)
              - !~~    marks bad match, such as:
                         - CHECK-NEXT on same line as previous match (error)
                         - CHECK-NOT found (error)
              - X~~    marks search range when no match is found, such as:
                         - CHECK-NEXT not found (error)
              - ?      marks fuzzy match when no match is found
            """;
}
