package dev.dal.tools.lit;

import dev.dal.tools.Tool;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** {@code dal-lit} as an in-process {@link Tool}: runs lit test suites; exit 0 when all pass, 1 on failures, 2 on usage errors. */
public final class LitTool implements Tool {
    /** Creates the tool; the tools it runs are found when it runs. */
    public LitTool() {}

    @Override
    public String name() {
        return "dal-lit";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        LitOptions options;
        try {
            options = LitOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().isEmpty()) {
                stdout.print(LitOptions.USAGE);
                return 0;
            }
            stderr.print(LitOptions.USAGE);
            stderr.println("dal-lit: error: " + e.getMessage());
            return 2;
        }
        try {
            // dal-lit does not run itself in-process: a nested suite run would share this run's output streams.
            ToolRegistry tools = ToolRegistry.discover().without(name());
            return Lit.run(options, tools, stdout).exitCode();
        } catch (LitException e) {
            stdout.flush();
            stderr.println(e.getMessage());
            return 1;
        }
    }
}
