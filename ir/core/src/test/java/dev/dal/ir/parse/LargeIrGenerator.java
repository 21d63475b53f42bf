package dev.dal.ir.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes big generic-form IR for parser timing: functions of {@code opsPerFunc} ops, each op using earlier values,
 * with attributes, locations and types of the kind real models carry (about 160 bytes per op). Optionally adds
 * weights as inline hex {@code dense<"0x...">} constants. Run {@code main(path, ops[, weightBytes])} to write a file.
 */
public final class LargeIrGenerator {
    private LargeIrGenerator() {}

    /** {@return IR text with {@code ops} generic ops (plus function scaffolding) and {@code weightBytes} of hex weights} */
    public static String generate(int ops, long weightBytes) {
        StringBuilder sb =
                new StringBuilder(ops * 170 + (int) Math.min(Integer.MAX_VALUE - 1024, weightBytes * 2 + 4096));
        Random r = new Random(42);
        int opsPerFunc = 1000;
        sb.append("\"builtin.module\"() ({\n");
        int emitted = 0;
        for (int f = 0; emitted < ops || (f == 0 && weightBytes > 0); f++) {
            sb.append("  \"func.func\"() ({\n  ^bb0(%arg0: tensor<1x64x56x56xf32>, %arg1: tensor<64xf32>):\n");
            int n = Math.min(opsPerFunc, ops - emitted);
            if (f == 0 && weightBytes > 0) {
                long left = weightBytes;
                int k = 0;
                while (left > 0) {
                    int elems = (int) Math.min(left / 4, 64 * 64 * 3 * 3);
                    if (elems == 0) break;
                    sb.append("    %w").append(k++).append(" = \"dal.constant\"() {value = dense<\"0x");
                    for (int i = 0; i < elems * 4; i++) {
                        int b = r.nextInt(256);
                        sb.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
                    }
                    sb.append("\"> : tensor<")
                            .append(elems)
                            .append("xf32>} : () -> tensor<")
                            .append(elems)
                            .append("xf32> loc(\"w")
                            .append(k)
                            .append("\")\n");
                    left -= elems * 4L;
                }
            }
            for (int i = 0; i < n; i++) {
                String in = i == 0 ? "%arg0" : "%" + (i - 1 - r.nextInt(Math.min(i, 4)));
                switch (i % 4) {
                    case 0 ->
                        sb.append("    %")
                                .append(i)
                                .append(" = \"graph.conv\"(")
                                .append(in)
                                .append(
                                        ", %arg1) {dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x64x56x56xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>");
                    case 1 ->
                        sb.append("    %")
                                .append(i)
                                .append(" = \"graph.relu\"(")
                                .append(in)
                                .append(") : (tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>");
                    case 2 ->
                        sb.append("    %")
                                .append(i)
                                .append(" = \"graph.add\"(")
                                .append(in)
                                .append(", %")
                                .append(i - 1)
                                .append(
                                        ") {alpha = 1.000000e+00 : f32} : (tensor<1x64x56x56xf32>, tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>");
                    default ->
                        sb.append("    %")
                                .append(i)
                                .append(" = \"graph.scale\"(")
                                .append(in)
                                .append(") {name = \"layer_")
                                .append(i)
                                .append("\", axis = 1 : i64} : (tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>");
                }
                sb.append(" loc(\"model.onnx\":")
                        .append(i + 1)
                        .append(":")
                        .append(3)
                        .append(")\n");
            }
            sb.append("    \"func.return\"(%")
                    .append(n == 0 ? "arg0" : Integer.toString(n - 1))
                    .append(") : (tensor<1x64x56x56xf32>) -> ()\n");
            sb.append(
                            "  }) {function_type = (tensor<1x64x56x56xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>, sym_name = \"f")
                    .append(f)
                    .append("\"} : () -> ()\n");
            emitted += n;
            if (emitted >= ops) break;
        }
        sb.append("}) : () -> ()\n");
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        long weights = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Files.writeString(Path.of(args[0]), generate(Integer.parseInt(args[1]), weights));
    }
}
