package dev.dal.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the benchmark inputs: straight-line IR of N ops (generic form, unregistered {@code foo.*} ops inside a
 * {@code func.func}, so mlir-opt reads it with {@code --allow-unregistered-dialect}), and a ResNet-50-sized model
 * whose 25.6M float weights are inline hex {@code dense<"0x...">} or {@code dense_resource} blobs.
 */
public final class BenchIrGen {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BenchIrGen() {}

    /** Writes {@code n} ops; about 160 bytes per op. */
    public static void writeOps(Path file, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(n);
        String t = "tensor<1x64x56x56xf32>";
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\"builtin.module\"() ({\n");
            w.write("  \"func.func\"() ({\n");
            w.write("  ^bb0(%arg0: " + t + ", %arg1: " + t + "):\n");
            List<String> live = new ArrayList<>(List.of("%arg0", "%arg1"));
            for (int i = 0; i < n; i++) {
                String a = live.get(rnd.nextInt(live.size()));
                String b = live.get(rnd.nextInt(live.size()));
                String op = switch (i % 4) {
                    case 0 -> "foo.add";
                    case 1 -> "foo.mul";
                    case 2 -> "foo.conv_like";
                    default -> "foo.relu";
                };
                w.write("    %" + i + " = \"" + op + "\"(" + a + ", " + b + ") {id = " + i + " : i64, name = \"layer_"
                        + i
                        + "\", scale = " + (rnd.nextInt(1000) + 1) + ".5e-01 : f32} : (" + t + ", " + t + ") -> " + t
                        + "\n");
                live.add("%" + i);
                if (live.size() > 16) live.remove(rnd.nextInt(live.size() - 4));
            }
            w.write("    \"func.return\"(%" + (n - 1) + ") : (" + t + ") -> ()\n");
            w.write("  }) {function_type = (" + t + ", " + t + ") -> " + t + ", sym_name = \"main\"} : () -> ()\n");
            w.write("}) : () -> ()\n");
        }
    }

    /** The convolution weight shapes of ResNet-50 (plus the classifier), 25.6M parameters in all. */
    static List<long[]> resnet50Weights() {
        List<long[]> shapes = new ArrayList<>();
        shapes.add(new long[] {64, 3, 7, 7});
        int in = 64;
        int[][] stages = {{64, 3}, {128, 4}, {256, 6}, {512, 3}};
        for (int[] st : stages) {
            int width = st[0], blocks = st[1], out = width * 4;
            for (int b = 0; b < blocks; b++) {
                shapes.add(new long[] {width, in, 1, 1});
                shapes.add(new long[] {width, width, 3, 3});
                shapes.add(new long[] {out, width, 1, 1});
                if (b == 0) shapes.add(new long[] {out, in, 1, 1});
                for (int k = 0; k < 4; k++) shapes.add(new long[] {k < 2 ? width : out}); // BN scale/shift (folded)
                in = out;
            }
        }
        shapes.add(new long[] {1000, 2048});
        shapes.add(new long[] {1000});
        return shapes;
    }

    /** Writes the ResNet-50-sized weights model, as inline hex ({@code resources=false}) or resource blobs. */
    public static long writeWeights(Path file, boolean resources) throws IOException {
        List<long[]> shapes = resnet50Weights();
        SplittableRandom rnd = new SplittableRandom(50);
        long totalBytes = 0;
        try (BufferedWriter w = new BufferedWriter(
                new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII), 1 << 20)) {
            w.write("\"builtin.module\"() ({\n");
            w.write("  \"func.func\"() ({\n");
            w.write("  ^bb0(%arg0: tensor<1x3x224x224xf32>):\n");
            String prev = "%arg0";
            for (int i = 0; i < shapes.size(); i++) {
                String type = tensorType(shapes.get(i));
                w.write("    %w" + i + " = \"foo.weight\"() {value = ");
                if (resources) {
                    w.write("dense_resource<w" + i + ">");
                } else {
                    w.write("dense<\"0x");
                    totalBytes += writeHexFloats(w, numElements(shapes.get(i)), rnd);
                    w.write("\">");
                }
                w.write(" : " + type + "} : () -> " + type + "\n");
                w.write("    %x" + i + " = \"foo.layer\"(" + prev + ", %w" + i + ") : (tensor<1x3x224x224xf32>, " + type
                        + ") -> tensor<1x3x224x224xf32>\n");
                prev = "%x" + i;
            }
            w.write("    \"func.return\"(" + prev + ") : (tensor<1x3x224x224xf32>) -> ()\n");
            w.write(
                    "  }) {function_type = (tensor<1x3x224x224xf32>) -> tensor<1x3x224x224xf32>, sym_name = \"resnet50\"}"
                            + " : () -> ()\n");
            w.write("}) : () -> ()\n");
            if (resources) {
                rnd = new SplittableRandom(50);
                w.write("\n{-#\n  dialect_resources: {\n    builtin: {\n");
                for (int i = 0; i < shapes.size(); i++) {
                    w.write("      w" + i + ": \"0x04000000");
                    totalBytes += writeHexFloats(w, numElements(shapes.get(i)), rnd);
                    w.write(i + 1 < shapes.size() ? "\",\n" : "\"\n");
                }
                w.write("    }\n  }\n#-}\n");
            }
        }
        return totalBytes;
    }

    private static long writeHexFloats(BufferedWriter w, long count, SplittableRandom rnd) throws IOException {
        char[] buf = new char[8 * 4096];
        int at = 0;
        for (long k = 0; k < count; k++) {
            int bits = Float.floatToRawIntBits((float) (rnd.nextDouble() * 0.2 - 0.1));
            for (int b = 0; b < 4; b++) { // little-endian bytes
                int v = (bits >>> (8 * b)) & 0xFF;
                buf[at++] = HEX[v >>> 4];
                buf[at++] = HEX[v & 15];
            }
            if (at == buf.length) {
                w.write(buf, 0, at);
                at = 0;
            }
        }
        w.write(buf, 0, at);
        return count * 4;
    }

    private static long numElements(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    private static String tensorType(long[] shape) {
        StringBuilder sb = new StringBuilder("tensor<");
        for (long d : shape) sb.append(d).append('x');
        return sb.append("f32>").toString();
    }
}
