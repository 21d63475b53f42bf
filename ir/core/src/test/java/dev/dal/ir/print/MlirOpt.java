package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's {@code mlir-opt} 16 (the peer DAL's textual format must agree with). Tests that need it skip with a
 * reason when it is missing on a developer's machine, and fail when {@code CI=true}.
 */
final class MlirOpt {
    static final Path DEFAULT = Path.of("/usr/lib/llvm-16/bin/mlir-opt");

    private MlirOpt() {}

    /** {@return the mlir-opt binary ({@code $MLIR_OPT} or the Debian path)}, skipping or failing the test if absent */
    static Path require() {
        Path p = Optional.ofNullable(System.getenv("MLIR_OPT")).map(Path::of).orElse(DEFAULT);
        if (!Files.isExecutable(p)) {
            String why = "mlir-opt 16 not found at " + p + " (install mlir-16-tools or set MLIR_OPT)";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        return p;
    }

    /** The result of one run. */
    record Result(int exitCode, String stdout, String stderr) {}

    /** Runs {@code mlir-opt --allow-unregistered-dialect --mlir-print-op-generic [extra] -} on {@code input}. */
    static Result generic(String input, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(require().toString(), "--allow-unregistered-dialect", "--mlir-print-op-generic"));
        cmd.addAll(List.of(extra));
        cmd.add("-");
        Path in = Files.createTempFile("dal-mlir", ".mlir");
        Path out = Files.createTempFile("dal-mlir", ".out");
        Path err = Files.createTempFile("dal-mlir", ".err");
        try {
            Files.writeString(in, input, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(cmd)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            int code = p.waitFor();
            return new Result(
                    code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
