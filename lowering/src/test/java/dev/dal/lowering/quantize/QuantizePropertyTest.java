package dev.dal.lowering.quantize;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.ir.Operation;
import dev.dal.ir.interp.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random small conv and gemm graphs (channels, kernel size, padding, activation, head width drawn at random)
 * quantized at accuracy level 0 on 16 random samples keep a cosine of at least 0.98 with the float model on 8 of
 * them (a held-out sample may exceed the calibrated range, which says nothing about the rewrite).
 */
class QuantizePropertyTest {
    @Test
    void randomConvGemmGraphsStayCloseToFloat() {
        qt().withExamples(25)
                .forAll(
                        longs().all(),
                        integers().between(1, 4),
                        integers().between(1, 6),
                        integers().between(0, 5))
                .checkAssert((seed, c, o, head) -> {
                    String ir = model(new Random(seed), c, o, head);
                    try {
                        Path dir = Files.createTempDirectory("quantize-property");
                        Path data = QuantModels.npy(dir.resolve("c.npy"), QuantModels.samples(seed, 16, c, 6, 6));
                        Operation q = QuantizeTesting.parse(ir);
                        QuantizeTesting.run("builtin.module(quantize{calibration-data=" + data + "})", q);
                        // evaluated on calibrated samples: the property is the arithmetic's, not how well 16 samples
                        // generalise
                        List<Tensor> eval =
                                QuantModels.samples(seed, 16, c, 6, 6).subList(0, 8);
                        double cos = QuantizeTesting.cosine(QuantizeTesting.parse(ir), q, eval);
                        assertTrue(cos >= 0.98, "cosine " + cos + " for\n" + ir);
                        try (var files = Files.list(dir)) {
                            for (Path p : files.toList()) Files.delete(p);
                        }
                        Files.delete(dir);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /** A conv (3x3 padded or 1x1, relu or none) on {@code [1, c, 6, 6]}, then a gemm head of width {@code head}. */
    private static String model(Random r, int c, int o, int head) {
        boolean three = r.nextBoolean(), relu = head > 0 && r.nextBoolean();
        int k = three ? 3 : 1;
        String conv = String.format(
                "%%y = graph.fused_conv %%x, %%w, %%b, %%n {activation = \"%s\"%s} : (tensor<1x%dx6x6xf32>,"
                        + " tensor<%dx%dx%dx%dxf32>, tensor<%dxf32>, none) -> tensor<1x%dx6x6xf32> loc(\"conv\")",
                relu ? "relu" : "none", three ? ", pads = array<i64: 1, 1, 1, 1>" : "", c, o, c, k, k, o, o);
        StringBuilder s = new StringBuilder();
        String out = head == 0 ? "tensor<1x" + o + "x6x6xf32>" : "tensor<1x" + head + "xf32>";
        s.append("func.func @main(%x: tensor<1x")
                .append(c)
                .append("x6x6xf32>) -> ")
                .append(out)
                .append(" {\n");
        s.append("  %n = graph.none : none\n");
        s.append("  %w = graph.constant {value = ")
                .append(QuantModels.dense(r, o * c * k * k, 0.5, o + "x" + c + "x" + k + "x" + k))
                .append("} : tensor<")
                .append(o + "x" + c + "x" + k + "x" + k)
                .append("xf32>\n");
        s.append("  %b = graph.constant {value = ")
                .append(QuantModels.dense(r, o, 0.2, "" + o))
                .append("} : tensor<")
                .append(o)
                .append("xf32>\n");
        s.append("  ").append(conv).append('\n');
        if (head == 0)
            return s.append("  return %y : ").append(out).append("\n}\n").toString();
        int f = o * 36;
        s.append("  %f = graph.flatten %y {axis = 1 : i64} : (tensor<1x" + o + "x6x6xf32>) -> tensor<1x" + f
                + "xf32> loc(\"flatten\")\n");
        s.append("  %g = graph.constant {value = ")
                .append(QuantModels.dense(r, f * head, 0.3, head + "x" + f))
                .append("} : tensor<" + head + "x" + f + "xf32>\n");
        s.append("  %z = graph.gemm %f, %g, %n {transB = 1 : i64} : (tensor<1x" + f + "xf32>, tensor<" + head + "x" + f
                + "xf32>, none) -> " + out + " loc(\"fc\")\n");
        return s.append("  return %z : ").append(out).append("\n}\n").toString();
    }
}
