package dev.dal.tools.opt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the build's AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}): runs {@code dal-opt} in-process
 * on generated IR the way users run it (generic and pretty print, passes, inline hex and {@code dense_resource}
 * weights, split input), so that the cache holds every class the tool loads, already linked, plus method profiles
 * that let the JIT compile the parser and printer early. Not a user command; the build calls it.
 */
public final class AotTraining {
    private AotTraining() {}

    /**
     * Runs the training workload (optional argument: the number of generated ops, default 4000; 20000 measured
     * no better); exits non-zero if a run fails, so a broken build does not go unnoticed.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("dal-aot-training");
        try {
            Path ops = dir.resolve("ops.ir");
            Files.writeString(ops, generatedOps(args.length > 0 ? Integer.parseInt(args[0]) : 4000));
            Path weights = dir.resolve("weights.ir");
            Files.writeString(weights, generatedWeights(false));
            Path resources = dir.resolve("resources.ir");
            Files.writeString(resources, generatedWeights(true));
            Path pretty = dir.resolve("pretty.ir");
            int rc = 0;
            for (int round = 0; round < 3; round++) {
                rc |= run(List.of(
                        "--allow-unregistered-dialect", "--print-op-generic", ops.toString(), "-o", "/dev/null"));
                rc |= run(List.of("--allow-unregistered-dialect", ops.toString(), "-o", pretty.toString()));
                rc |= run(List.of(
                        "--allow-unregistered-dialect",
                        "--canonicalize",
                        "--cse",
                        pretty.toString(),
                        "-o",
                        "/dev/null"));
                rc |= run(List.of(
                        "--allow-unregistered-dialect", "--print-op-generic", weights.toString(), "-o", "/dev/null"));
                rc |= run(List.of(
                        "--allow-unregistered-dialect", "--print-op-generic", resources.toString(), "-o", "/dev/null"));
                rc |= run(List.of(
                        "--allow-unregistered-dialect",
                        "--split-input-file",
                        "--mlir-print-debuginfo",
                        pretty.toString(),
                        "-o",
                        "/dev/null"));
            }
            run(List.of("--version"));
            run(List.of("--help"));
            if (rc != 0) {
                System.err.println("dal-opt AOT training: a training run failed");
                System.exit(1);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static int run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int rc = OptCommand.execute(
                args.toArray(String[]::new),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (rc != 0) System.err.print(err.toString(StandardCharsets.UTF_8));
        return rc;
    }

    /** Straight-line ops of the kinds in the parse-print benchmark, plus registered func and dal ops. */
    static String generatedOps(int n) {
        String t = "tensor<1x64x56x56xf32>";
        StringBuilder sb = new StringBuilder();
        sb.append("\"builtin.module\"() ({\n  \"func.func\"() ({\n  ^bb0(%arg0: ")
                .append(t)
                .append(", %arg1: ")
                .append(t)
                .append("):\n");
        List<String> live = new ArrayList<>(List.of("%arg0", "%arg1"));
        for (int i = 0; i < n; i++) {
            String a = live.get((i * 7) % live.size()), b = live.get((i * 13 + 1) % live.size());
            String op = switch (i % 4) {
                case 0 -> "foo.add";
                case 1 -> "foo.mul";
                case 2 -> "foo.conv_like";
                default -> "foo.relu";
            };
            sb.append("    %")
                    .append(i)
                    .append(" = \"")
                    .append(op)
                    .append("\"(")
                    .append(a)
                    .append(", ")
                    .append(b)
                    .append(") {id = ")
                    .append(i)
                    .append(" : i64, name = \"layer_")
                    .append(i)
                    .append("\", scale = ")
                    .append(i % 1000 + 1)
                    .append(".5e-01 : f32, flags = [true, -")
                    .append(i % 9)
                    .append(", 2.5 : f64], shape = array<i64: 1, 64>} : (")
                    .append(t)
                    .append(", ")
                    .append(t)
                    .append(") -> ")
                    .append(t)
                    .append(" loc(\"layer\":")
                    .append(i + 1)
                    .append(":3)\n");
            sb.append("    %c")
                    .append(i)
                    .append(" = \"dal.constant\"() {value = ")
                    .append(i % 5)
                    .append(" : i32} : () -> i32\n");
            live.add("%" + i);
            if (live.size() > 16) live.remove(3);
        }
        sb.append("    \"func.return\"(%")
                .append(n - 1)
                .append(") : (")
                .append(t)
                .append(") -> ()\n");
        sb.append("  }) {function_type = (")
                .append(t)
                .append(", ")
                .append(t)
                .append(") -> ")
                .append(t)
                .append(", sym_name = \"main\"} : () -> ()\n}) : () -> ()\n");
        return sb.toString();
    }

    /** A few weights as inline hex or as {@code dense_resource} blobs. */
    static String generatedWeights(boolean resources) {
        StringBuilder sb = new StringBuilder("\"builtin.module\"() ({\n");
        int count = 40, elements = 4096;
        for (int i = 0; i < count; i++) {
            String type = "tensor<" + elements + "xf32>";
            sb.append("  %w").append(i).append(" = \"foo.weight\"() {value = ");
            if (resources) sb.append("dense_resource<w").append(i).append('>');
            else hex(sb.append("dense<\"0x"), elements, i).append("\">");
            sb.append(" : ").append(type).append("} : () -> ").append(type).append('\n');
        }
        sb.append("}) : () -> ()\n");
        if (resources) {
            sb.append("\n{-#\n  dialect_resources: {\n    builtin: {\n");
            for (int i = 0; i < count; i++)
                hex(sb.append("      w").append(i).append(": \"0x04000000"), elements, i)
                        .append(i + 1 < count ? "\",\n" : "\"\n");
            sb.append("    }\n  }\n#-}\n");
        }
        return sb.toString();
    }

    private static StringBuilder hex(StringBuilder sb, int floats, int seed) {
        for (int k = 0; k < floats; k++) {
            int bits = Float.floatToRawIntBits((k * 31 + seed) % 1000 / 5000f);
            for (int b = 0; b < 4; b++) {
                int v = (bits >>> (8 * b)) & 0xFF;
                sb.append("0123456789ABCDEF".charAt(v >>> 4)).append("0123456789ABCDEF".charAt(v & 15));
            }
        }
        return sb;
    }
}
