package dev.dal.tools;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A DAL command that can run in-process: {@code dal-opt}, {@code dal-filecheck}, ... {@code dal-lit} runs these
 * without starting a JVM per RUN line; each tool's {@code main} is {@code System.exit(tool.run(...))}. Tools are
 * found through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.dal.tools.Tool}).
 */
public interface Tool {
    /** {@return the command name, e.g. {@code dal-opt}} */
    String name();

    /**
     * Runs the command. Must not call {@code System.exit}, must not write to {@code System.out}/{@code System.err}
     * directly, and must be safe to run concurrently with other invocations.
     *
     * @return the exit code
     */
    int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr);

    /**
     * Runs the command as if started in {@code workingDir}: dal-lit calls this, since a test's commands run in the
     * test's folder while the JVM's working directory cannot change. Tools that open files by relative path override
     * it to resolve them against {@code workingDir}; the default ignores it.
     *
     * @return the exit code
     */
    default int run(
            List<String> args,
            java.nio.file.Path workingDir,
            InputStream stdin,
            PrintStream stdout,
            PrintStream stderr) {
        return run(args, stdin, stdout, stderr);
    }
}
