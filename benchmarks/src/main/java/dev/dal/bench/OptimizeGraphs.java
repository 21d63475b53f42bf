package dev.dal.bench;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.TensorProto.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The inputs of {@link OptimizeBench}: chains of the ops exported training graphs are made of (conv, batch norm,
 * relu, identity, dropout, residual add, reshape pairs, with their constants), and a ResNet-50 built with
 * {@link ModelBuilder} and imported as the ONNX importer would import the real model.
 */
final class OptimizeGraphs {
    /** Ops of one generated block: 16, constants included. */
    static final int OPS_PER_BLOCK = 16;

    private static final int C = 8, HW = 8;
    private static final String T = "tensor<1x" + C + "x" + HW + "x" + HW + "xf32>";
    private static final String V = "tensor<" + C + "xf32>";

    private OptimizeGraphs() {}

    /**
     * {@return a function of about {@code ops} {@code graph} ops} Each block is {@code x -> reshape(reshape(
     * dropout(identity(relu(bn(conv(x))))) + x))}: the BN folds into the conv, identity, dropout and the reshape
     * pair go away, which is what the optimization pipeline is for.
     */
    static Operation chain(int ops) {
        SplittableRandom r = new SplittableRandom(ops);
        StringBuilder sb = new StringBuilder();
        sb.append("func.func @main(%x: ")
                .append(T)
                .append(" {onnx.name = \"x\"}) -> ")
                .append(T)
                .append(" {\n");
        sb.append("  %n = graph.none : none\n");
        String x = "%x";
        int blocks = Math.max(1, (ops - 1) / OPS_PER_BLOCK);
        for (int k = 0; k < blocks; k++) {
            String w = "tensor<" + C + "x" + C + "x3x3xf32>";
            sb.append("  %w")
                    .append(k)
                    .append(" = graph.constant {value = ")
                    .append(hex(r, C * C * 9, w, 0.1))
                    .append("} : ")
                    .append(w)
                    .append('\n');
            for (String p : List.of("b", "g", "s", "m", "v"))
                sb.append("  %")
                        .append(p)
                        .append(k)
                        .append(" = graph.constant {value = ")
                        .append(hex(r, C, V, p.equals("v") || p.equals("g") ? -1 : 1))
                        .append("} : ")
                        .append(V)
                        .append('\n');
            sb.append(String.format(
                    "  %%c%d = graph.conv %s, %%w%d, %%b%d {pads = array<i64: 1, 1, 1, 1>} : (%s, %s, %s) -> %s%n",
                    k, x, k, k, T, w, V, T));
            sb.append(String.format(
                    "  %%bn%d:3 = graph.batch_normalization %%c%d, %%g%d, %%s%d, %%m%d, %%v%d : (%s, %s, %s, %s, %s)"
                            + " -> (%s, %s, %s)%n",
                    k, k, k, k, k, k, T, V, V, V, V, T, V, V));
            sb.append(String.format("  %%r%d = graph.relu %%bn%d#0 : %s%n", k, k, T));
            sb.append(String.format("  %%i%d = graph.identity %%r%d : %s%n", k, k, T));
            sb.append(String.format(
                    "  %%d%d:2 = graph.dropout %%i%d, %%n, %%n : (%s, none, none) -> (%s, tensor<1x%dx%dx%dxi1>)%n",
                    k, k, T, T, C, HW, HW));
            sb.append(String.format("  %%a%d = graph.add %%d%d#0, %s : (%s, %s) -> %s%n", k, k, x, T, T, T));
            int flat = C * HW * HW;
            sb.append(String.format(
                    "  %%f%d = graph.constant {value = dense<[1, %d]> : tensor<2xi64>} : tensor<2xi64>%n", k, flat));
            sb.append(String.format(
                    "  %%q%d = graph.reshape %%a%d, %%f%d : (%s, tensor<2xi64>) -> tensor<1x%dxf32>%n",
                    k, k, k, T, flat));
            sb.append(String.format(
                    "  %%e%d = graph.constant {value = dense<[1, %d, %d, %d]> : tensor<4xi64>} : tensor<4xi64>%n",
                    k, C, HW, HW));
            sb.append(String.format(
                    "  %%y%d = graph.reshape %%q%d, %%e%d : (tensor<1x%dxf32>, tensor<4xi64>) -> %s%n",
                    k, k, k, flat, T));
            x = "%y" + k;
        }
        sb.append("  return ").append(x).append(" : ").append(T).append("\n}\n");
        return parse(sb.toString());
    }

    /** {@return little-endian hex of {@code n} random floats in (-scale, scale), or (0.5, 1.5) if scale < 0} */
    private static String hex(SplittableRandom r, int n, String type, double scale) {
        StringBuilder sb = new StringBuilder("dense<\"0x");
        for (int i = 0; i < n; i++) {
            float f = (float) (scale < 0 ? 0.5 + r.nextDouble() : (r.nextDouble() * 2 - 1) * scale);
            int bits = Float.floatToIntBits(f);
            for (int b = 0; b < 4; b++) {
                int v = (bits >>> (8 * b)) & 0xFF;
                sb.append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 15, 16)));
            }
        }
        return sb.append("\"> : ").append(type).toString();
    }

    private static Operation parse(String text) {
        List<Diagnostic> diags = new ArrayList<>();
        Optional<Operation> m = IrParser.parse(
                new SourceFile("chain.ir", text), ParserConfig.DEFAULT, DiagnosticEngine.collecting(diags));
        if (m.isEmpty() || !diags.isEmpty()) throw new IllegalStateException("generated IR does not parse: " + diags);
        return m.get();
    }

    /** {@return ResNet-50 (v1.5: stride on the 3x3 conv), 224x224, random weights, imported from ONNX} */
    static Operation resnet50() throws Exception {
        Resnet b = new Resnet();
        String x = b.convBn("x", 3, 64, 7, 2, 3, true);
        b.m.node(
                "pool",
                "MaxPool",
                List.of(x),
                List.of("pool"),
                ModelBuilder.ints("kernel_shape", 3, 3),
                ModelBuilder.ints("strides", 2, 2),
                ModelBuilder.ints("pads", 1, 1, 1, 1));
        x = "pool";
        int in = 64;
        int[][] stages = {{64, 3}, {128, 4}, {256, 6}, {512, 3}};
        for (int s = 0; s < stages.length; s++) {
            int width = stages[s][0], out = width * 4;
            for (int k = 0; k < stages[s][1]; k++) {
                int stride = k == 0 && s > 0 ? 2 : 1;
                String y = b.convBn(x, in, width, 1, 1, 0, true);
                y = b.convBn(y, width, width, 3, stride, 1, true);
                y = b.convBn(y, width, out, 1, 1, 0, false);
                String shortcut = k == 0 ? b.convBn(x, in, out, 1, stride, 0, false) : x;
                String sum = b.name("add");
                b.m.node(sum, "Add", List.of(y, shortcut), List.of(sum));
                x = b.name("relu");
                b.m.node(x, "Relu", List.of(sum), List.of(x));
                in = out;
            }
        }
        b.m.node("gap", "GlobalAveragePool", List.of(x), List.of("gap"));
        b.m.node("flatten", "Flatten", List.of("gap"), List.of("flat"), ModelBuilder.attr("axis", 1L));
        b.m.initializer(ModelBuilder.floatTensor("fc_w", new long[] {1000, 2048}, b.random(1000 * 2048, 0.02)));
        b.m.initializer(ModelBuilder.floatTensor("fc_b", new long[] {1000}, b.random(1000, 0.02)));
        b.m.node("fc", "Gemm", List.of("flat", "fc_w", "fc_b"), List.of("logits"), ModelBuilder.attr("transB", 1L));
        b.m.output("logits", DataType.FLOAT, 1, 1000);
        ModelProto model = b.m.build();
        return OnnxImporter.importModel(model, "resnet50.onnx", Optional.empty(), OnnxImporter.Options.DEFAULT);
    }

    /** Builds the ResNet graph: names, weights, conv + BN (+ Relu) units. */
    private static final class Resnet {
        final ModelBuilder m = ModelBuilder.graph("resnet50").opset(13).input("x", DataType.FLOAT, 1, 3, 224, 224);
        final SplittableRandom r = new SplittableRandom(50);
        int next;

        String name(String prefix) {
            return prefix + "_" + next++;
        }

        float[] random(int n, double scale) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) f[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
            return f;
        }

        String convBn(String x, int in, int out, int k, int stride, int pad, boolean relu) {
            String conv = name("conv"), bn = name("bn");
            m.initializer(ModelBuilder.floatTensor(
                    conv + "_w", new long[] {out, in, k, k}, random(out * in * k * k, Math.sqrt(2.0 / (in * k * k)))));
            m.node(
                    conv,
                    "Conv",
                    List.of(x, conv + "_w"),
                    List.of(conv),
                    ModelBuilder.ints("kernel_shape", k, k),
                    ModelBuilder.ints("strides", stride, stride),
                    ModelBuilder.ints("pads", pad, pad, pad, pad));
            float[] scale = random(out, 0.1), shift = random(out, 0.1), mean = random(out, 0.1), var = new float[out];
            for (int i = 0; i < out; i++) {
                scale[i] += 1;
                var[i] = 0.5f + (float) r.nextDouble();
            }
            String[] suffix = {"_s", "_b", "_m", "_v"};
            float[][] values = {scale, shift, mean, var};
            for (int i = 0; i < suffix.length; i++)
                m.initializer(ModelBuilder.floatTensor(bn + suffix[i], new long[] {out}, values[i]));
            m.node(bn, "BatchNormalization", List.of(conv, bn + "_s", bn + "_b", bn + "_m", bn + "_v"), List.of(bn));
            if (!relu) return bn;
            String y = name("relu");
            m.node(y, "Relu", List.of(bn), List.of(y));
            return y;
        }
    }
}
