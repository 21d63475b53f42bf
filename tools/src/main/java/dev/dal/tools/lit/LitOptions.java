package dev.dal.tools.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * dal-lit's command line, a subset of lit's with the same spelling.
 *
 * @param paths test files or folders
 * @param jobs worker threads ({@code -j})
 * @param verbose show the output of failing tests ({@code -v})
 * @param all show the output of every test ({@code -a})
 * @param quiet print only failures in the summary ({@code -q})
 * @param succinct print result lines only for failing tests ({@code -s})
 * @param filter only run tests whose full name contains a match ({@code --filter})
 * @param params {@code --param NAME=VALUE}/{@code -D NAME=VALUE}; {@code exec_root} moves the temporary files
 * @param toolsAsProcesses run registered DAL tools as one JVM per command instead of in-process
 *     ({@code --tools-as-processes}, for measuring what in-process running saves)
 */
public record LitOptions(
        List<Path> paths,
        int jobs,
        boolean verbose,
        boolean all,
        boolean quiet,
        boolean succinct,
        Optional<Pattern> filter,
        Map<String, String> params,
        boolean toolsAsProcesses) {
    /** The usage text. */
    public static final String USAGE = """
            usage: dal-lit [options] TEST_PATH...
              -j N, --workers N     run N tests in parallel (default: number of cores)
              -v, --verbose         show the script and output of failing tests
              -a, --show-all        show the script and output of every test
              -q, --quiet           show only failing tests and the failure counts
              -s, --succinct        print result lines only for failing tests
              --filter REGEX        run only tests whose name ('suite :: path') matches REGEX
              -D, --param NAME=VAL  set a suite parameter (exec_root=DIR moves the Output folders)
              --tools-as-processes  run DAL tools as one JVM per command instead of in-process
            """;

    /** Copies. */
    public LitOptions {
        paths = List.copyOf(paths);
        params = Map.copyOf(params);
    }

    /**
     * Parses a command line.
     *
     * @throws IllegalArgumentException with a message for a usage error
     */
    public static LitOptions parse(List<String> args) {
        List<Path> paths = new ArrayList<>();
        int jobs = Runtime.getRuntime().availableProcessors();
        boolean verbose = false;
        boolean all = false;
        boolean quiet = false;
        boolean succinct = false;
        Optional<Pattern> filter =
                Optional.ofNullable(System.getenv("LIT_FILTER")).map(Pattern::compile);
        Map<String, String> params = new LinkedHashMap<>();
        boolean processes = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            } else if (a.startsWith("-j") && a.length() > 2) {
                inline = a.substring(2);
                a = "-j";
            } else if (a.startsWith("-D") && a.length() > 2) {
                inline = a.substring(2);
                a = "-D";
            }
            switch (a) {
                case "-v", "--verbose" -> verbose = true;
                case "-a", "--show-all" -> all = true;
                case "-q", "--quiet" -> quiet = true;
                case "-s", "--succinct" -> succinct = true;
                case "--tools-as-processes" -> processes = true;
                case "-j", "--workers", "--threads" -> {
                    String v = inline != null ? inline : value(args, ++i, a);
                    try {
                        jobs = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "argument " + a + ": invalid positive integer value: '" + v + "'");
                    }
                    if (jobs < 1)
                        throw new IllegalArgumentException(
                                "argument " + a + ": requires positive integer, but found '" + v + "'");
                }
                case "--filter" -> {
                    String v = inline != null ? inline : value(args, ++i, a);
                    try {
                        filter = Optional.of(Pattern.compile(v));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("argument --filter: invalid regular expression '" + v + "'");
                    }
                }
                case "-D", "--param" -> {
                    String v = inline != null ? inline : value(args, ++i, a);
                    int eq = v.indexOf('=');
                    if (eq < 0) params.put(v, "");
                    else params.put(v.substring(0, eq), v.substring(eq + 1));
                }
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (a.startsWith("-") && a.length() > 1)
                        throw new IllegalArgumentException("unrecognized argument: " + a);
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.isEmpty()) throw new IllegalArgumentException("the following arguments are required: TEST_PATH");
        return new LitOptions(paths, jobs, verbose, all, quiet, succinct, filter, params, processes);
    }

    private static String value(List<String> args, int i, String opt) {
        if (i >= args.size()) throw new IllegalArgumentException("argument " + opt + ": expected one argument");
        return args.get(i);
    }
}
