package dev.dal.tools.lit;

import dev.dal.tools.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Test-only in-process tool {@code dal-upper}: upper-cases its input file (or stdin) to stdout. */
public final class UpperTool implements Tool {
    /** For ServiceLoader. */
    public UpperTool() {}

    @Override
    public String name() {
        return "dal-upper";
    }

    @Override
    public int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return run(args, Path.of(""), stdin, stdout, stderr);
    }

    @Override
    public int run(List<String> args, Path workingDir, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        try {
            byte[] in = args.isEmpty() ? stdin.readAllBytes() : Files.readAllBytes(workingDir.resolve(args.getFirst()));
            stdout.print(new String(in, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            stderr.println("dal-upper: no such file: " + args.getFirst());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
