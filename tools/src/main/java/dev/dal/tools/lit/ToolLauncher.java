package dev.dal.tools.lit;

import dev.dal.tools.Tool;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one registered {@link Tool} as a program: {@code java ... ToolLauncher <tool-name> args...}. dal-lit uses it
 * to run tools one JVM per command, for comparison with in-process runs.
 */
public final class ToolLauncher {
    private ToolLauncher() {}

    /** Runs the tool named by the first argument with the remaining arguments, and exits with its exit code. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ToolLauncher <tool-name> [args...]");
            System.exit(2);
        }
        Tool tool = ToolRegistry.discover().inProcess(args[0]).orElse(null);
        if (tool == null) {
            System.err.println("error: no tool named '" + args[0] + "' is registered");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        System.out.flush();
        int rc = tool.run(rest, System.in, System.out, System.err);
        System.out.flush();
        System.exit(rc);
    }
}
