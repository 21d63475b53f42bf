package dev.dal.tools.lit;

import dev.dal.tools.Tool;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only in-process tool {@code dal-echo}: prints its arguments; {@code --err} prints them to stderr instead,
 * {@code --exit N} returns N, {@code --throw} escapes with an exception (an in-process crash), {@code --cwd} prints
 * the JVM's working directory.
 */
public final class EchoTool implements Tool {
    /** For ServiceLoader. */
    public EchoTool() {}

    @Override
    public String name() {
        return "dal-echo";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        PrintStream to = stdout;
        int exit = 0;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--err" -> to = stderr;
                case "--exit" -> exit = Integer.parseInt(args.get(++i));
                case "--throw" -> throw new IllegalStateException("dal-echo was asked to crash");
                default -> words.add(args.get(i));
            }
        }
        to.println(String.join(" ", words));
        return exit;
    }
}
