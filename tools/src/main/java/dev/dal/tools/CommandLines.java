package dev.dal.tools;

import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command-line front matter every tool shares: parse, answer {@code --help}/{@code --version}, report misuse. */
public final class CommandLines {
    private CommandLines() {}

    /** The outcome of parsing: either the parse result to act on, or the exit code the tool ends with now. */
    public record Parsed(Optional<ParseResult> result, int exitCode) {
        /** {@return whether the tool has already answered (help, version or a bad command line)} */
        public boolean done() {
            return result.isEmpty();
        }
    }

    /**
     * Parses {@code args} for the tool {@code name}: prints usage for {@code --help} and the version for
     * {@code --version} (exit 0), or {@code name: error: ...} and a hint for a bad command line (exit 2).
     */
    public static Parsed parse(CommandLine cl, String name, String[] args, PrintStream out, PrintStream err) {
        ParseResult pr;
        try {
            pr = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(name + ": error: " + e.getMessage());
            err.println("Try '" + name + " --help' for more information.");
            return new Parsed(Optional.empty(), 2);
        }
        if (pr.isUsageHelpRequested()) {
            cl.usage(cl.getOut());
            return new Parsed(Optional.empty(), 0);
        }
        if (pr.isVersionHelpRequested()) {
            out.println(name + " " + Version.VERSION);
            return new Parsed(Optional.empty(), 0);
        }
        return new Parsed(Optional.of(pr), 0);
    }
}
