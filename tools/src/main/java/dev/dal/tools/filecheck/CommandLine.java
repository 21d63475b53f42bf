package dev.dal.tools.filecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses FileCheck's command line with LLVM cl conventions: one or two dashes, {@code --opt=value} or
 * {@code --opt value}, {@code -DNAME=value} glued, boolean options with an optional {@code =true/false}. Errors the
 * cl library reports exit with 1; those FileCheck itself reports exit with 2, as LLVM's binary does.
 */
final class CommandLine {
    /** A usage error: the message to print and the exit code. */
    static final class UsageException extends Exception {
        private final int exitCode;

        UsageException(String message, int exitCode) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private static final Set<String> VALUE_OPTIONS = Set.of(
            "check-prefix",
            "check-prefixes",
            "comment-prefixes",
            "input-file",
            "implicit-check-not",
            "D",
            "dump-input",
            "dump-input-filter",
            "dump-input-context");
    private static final Set<String> BOOL_OPTIONS = Set.of(
            "match-full-lines",
            "strict-whitespace",
            "ignore-case",
            "allow-empty",
            "allow-unused-prefixes",
            "enable-var-scope",
            "allow-deprecated-dag-overlap",
            "v",
            "vv",
            "color",
            "help",
            "version",
            "dump-input-on-failure");
    private static final Map<String, Integer> DUMP_RANK = Map.of("help", 3, "always", 2, "fail", 1, "never", 0);

    private CommandLine() {}

    static FileCheckOptions parse(List<String> args) throws UsageException {
        List<String> positional = new ArrayList<>();
        List<String> checkPrefixes = new ArrayList<>();
        List<String> commentPrefixes = null;
        List<String> implicit = new ArrayList<>();
        List<String> defines = new ArrayList<>();
        String inputFile = "-";
        String dump = null;
        boolean[] flags = new boolean[7];
        int verbose = 0;
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String body = a.startsWith("--") ? a.substring(2) : a.substring(1);
            String name = body;
            String value = null;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                name = body.substring(0, eq);
                value = body.substring(eq + 1);
            }
            if (name.startsWith("D")
                    && !name.equals("D")
                    && !VALUE_OPTIONS.contains(name)
                    && !BOOL_OPTIONS.contains(name)) {
                defines.add(body.substring(1));
                continue;
            }
            if (VALUE_OPTIONS.contains(name)) {
                if (value == null && name.equals("D")) {
                    // -D is a cl::Prefix option: its value must be glued on (-DNAME=VALUE).
                    throw new UsageException("FileCheck: for the -D option: requires a value!", 1);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(
                                "FileCheck: for the " + (a.startsWith("--") ? "--" : "-") + name
                                        + " option: requires a value!",
                                1);
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "check-prefix" -> checkPrefixes.add(value);
                    case "check-prefixes" -> checkPrefixes.addAll(List.of(value.split(",", -1)));
                    case "comment-prefixes" -> {
                        if (commentPrefixes == null) commentPrefixes = new ArrayList<>();
                        commentPrefixes.addAll(List.of(value.split(",", -1)));
                    }
                    case "input-file" -> inputFile = value;
                    case "implicit-check-not" -> implicit.add(value);
                    case "D" -> defines.add(value);
                    case "dump-input" -> {
                        if (!DUMP_RANK.containsKey(value)) {
                            throw new UsageException(
                                    "FileCheck: for the --dump-input option: Cannot find option named '" + value + "'!",
                                    1);
                        }
                        if (dump == null || DUMP_RANK.get(value) > DUMP_RANK.get(dump)) dump = value;
                    }
                    case "dump-input-filter" -> {
                        if (!Set.of("all", "annotation-full", "annotation", "error")
                                .contains(value)) {
                            throw new UsageException(
                                    "FileCheck: for the --dump-input-filter option: Cannot find option " + "named '"
                                            + value + "'!",
                                    1);
                        }
                    }
                    case "dump-input-context" -> {
                        if (!value.matches("[0-9]+")) {
                            throw new UsageException(
                                    "FileCheck: for the --dump-input-context option: '" + value
                                            + "' value invalid for uint argument!",
                                    1);
                        }
                    }
                    default -> {}
                }
                continue;
            }
            if (BOOL_OPTIONS.contains(name)) {
                boolean on = true;
                if (value != null) {
                    switch (value) {
                        case "true", "TRUE", "True", "1", "" -> on = true;
                        case "false", "FALSE", "False", "0" -> on = false;
                        default ->
                            throw new UsageException(
                                    "FileCheck: for the " + (a.startsWith("--") ? "--" : "-") + name + " option: '"
                                            + value + "' is invalid value for boolean argument! Try 0 or 1",
                                    1);
                    }
                }
                switch (name) {
                    case "match-full-lines" -> flags[0] = on;
                    case "strict-whitespace" -> flags[1] = on;
                    case "ignore-case" -> flags[2] = on;
                    case "allow-empty" -> flags[3] = on;
                    case "allow-unused-prefixes" -> flags[4] = on;
                    case "enable-var-scope" -> flags[5] = on;
                    case "allow-deprecated-dag-overlap" -> flags[6] = on;
                    case "v" -> verbose = Math.max(verbose, on ? 1 : 0);
                    case "vv" -> verbose = on ? 2 : verbose;
                    case "help" -> throw new UsageException("USAGE: FileCheck [options] <check-file>\n", 0);
                    case "version" -> throw new UsageException("DAL FileCheck (LLVM FileCheck 16 compatible)\n", 0);
                    default -> {}
                }
                continue;
            }
            throw new UsageException(
                    "FileCheck: Unknown command line argument '" + a + "'.  Try: 'FileCheck --help'", 1);
        }
        if (positional.size() > 1) {
            throw new UsageException(
                    "FileCheck: Too many positional arguments specified!\n"
                            + "Can specify at most 1 positional arguments: See: FileCheck --help",
                    1);
        }
        if (positional.isEmpty()) throw new UsageException("<check-file> not specified", 2);
        boolean defaultPrefix = checkPrefixes.isEmpty();
        if (defaultPrefix) checkPrefixes.add("CHECK");
        return new FileCheckOptions(
                positional.get(0),
                inputFile,
                List.copyOf(checkPrefixes),
                defaultPrefix,
                commentPrefixes == null ? List.of("COM", "RUN") : List.copyOf(commentPrefixes),
                List.copyOf(implicit),
                List.copyOf(defines),
                flags[0],
                flags[1],
                flags[2],
                flags[3],
                flags[4],
                flags[5],
                flags[6],
                verbose,
                dump == null ? "fail" : dump,
                String.join(" ", args));
    }
}
