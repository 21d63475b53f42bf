package dev.dal.lowering.quantize;

import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Small float models as IR text with seeded random weights, and random calibration data for them. */
final class QuantModels {
    private QuantModels() {}

    /**
     * {@return a small CNN on {@code tensor<1x3x8x8xf32>}: fused conv + relu, 1x1 conv, residual add, sigmoid,
     * average pool, concat, global average pool, flatten, gemm and a softmax that has no int8 form}
     */
    static String cnn(long seed) {
        Random r = new Random(seed);
        return """
                func.func @main(%x: tensor<1x3x8x8xf32> {onnx.name = "x"}) -> tensor<1x4xf32> {
                  %n = graph.none : none
                  %w1 = graph.constant {value = WEIGHT1} : tensor<8x3x3x3xf32>
                  %b1 = graph.constant {value = BIAS1} : tensor<8xf32>
                  %c1 = graph.fused_conv %x, %w1, %b1, %n {activation = "relu", pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>, none) -> tensor<1x8x8x8xf32> loc("conv1")
                  %w2 = graph.constant {value = WEIGHT2} : tensor<8x8x1x1xf32>
                  %b2 = graph.constant {value = BIAS2} : tensor<8xf32>
                  %c2 = graph.conv %c1, %w2, %b2 : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32> loc("conv2")
                  %a = graph.add %c2, %c1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> loc("add")
                  %s = graph.sigmoid %a : tensor<1x8x8x8xf32> loc("sigmoid")
                  %p = graph.average_pool %s {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x8x8xf32>) -> tensor<1x8x4x4xf32> loc("pool")
                  %m:2 = graph.max_pool %a {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x8x8xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xi64>) loc("maxpool")
                  %k = graph.concat %p, %m#0 {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x16x4x4xf32> loc("concat")
                  %g = graph.global_average_pool %k : (tensor<1x16x4x4xf32>) -> tensor<1x16x1x1xf32> loc("gap")
                  %f = graph.flatten %g {axis = 1 : i64} : (tensor<1x16x1x1xf32>) -> tensor<1x16xf32> loc("flatten")
                  %wg = graph.constant {value = WEIGHTG} : tensor<4x16xf32>
                  %bg = graph.constant {value = BIASG} : tensor<4xf32>
                  %y = graph.gemm %f, %wg, %bg {transB = 1 : i64} : (tensor<1x16xf32>, tensor<4x16xf32>, tensor<4xf32>) -> tensor<1x4xf32> loc("fc")
                  %o = graph.softmax %y {axis = -1 : i64} : tensor<1x4xf32> loc("softmax")
                  return %o : tensor<1x4xf32>
                }
                """.replace("WEIGHT1", dense(r, 8 * 27, 0.3, "8x3x3x3"))
                .replace("BIAS1", dense(r, 8, 0.1, "8"))
                .replace("WEIGHT2", dense(r, 64, 0.4, "8x8x1x1"))
                .replace("BIAS2", dense(r, 8, 0.1, "8"))
                .replace("WEIGHTG", dense(r, 64, 0.5, "4x16"))
                .replace("BIASG", dense(r, 4, 0.1, "4"));
    }

    /**
     * {@return a small attention-like model on {@code tensor<1x4x8xf32>}: matmul by constant weights, a bias add,
     * transpose, a matmul of two activations, a scalar mul, tanh, reshape, a linear resize and a softmax}
     */
    static String attention(long seed) {
        Random r = new Random(seed);
        return """
                func.func @main(%x: tensor<1x4x8xf32> {onnx.name = "x"}) -> tensor<1x1x8x8xf32> {
                  %n = graph.none : none
                  %wq = graph.constant {value = WEIGHTQ} : tensor<8x8xf32>
                  %bq = graph.constant {value = BIASQ} : tensor<8xf32>
                  %half = graph.constant {value = dense<0.5> : tensor<f32>} : tensor<f32>
                  %shape = graph.constant {value = dense<[1, 1, 4, 4]> : tensor<4xi64>} : tensor<4xi64>
                  %scales = graph.constant {value = dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>} : tensor<4xf32>
                  %q = graph.mat_mul %x, %wq : (tensor<1x4x8xf32>, tensor<8x8xf32>) -> tensor<1x4x8xf32> loc("q")
                  %qb = graph.add %q, %bq : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32> loc("q_bias")
                  %t = graph.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<1x4x8xf32>) -> tensor<1x8x4xf32> loc("t")
                  %s = graph.mat_mul %qb, %t : (tensor<1x4x8xf32>, tensor<1x8x4xf32>) -> tensor<1x4x4xf32> loc("scores")
                  %m = graph.mul %s, %half : (tensor<1x4x4xf32>, tensor<f32>) -> tensor<1x4x4xf32> loc("scale")
                  %h = graph.tanh %m : tensor<1x4x4xf32> loc("tanh")
                  %p = graph.reshape %h, %shape : (tensor<1x4x4xf32>, tensor<4xi64>) -> tensor<1x1x4x4xf32> loc("reshape")
                  %z = graph.resize %p, %n, %scales, %n {mode = "linear"} : (tensor<1x1x4x4xf32>, none, tensor<4xf32>, none) -> tensor<1x1x8x8xf32> loc("resize")
                  %o = graph.softmax %z {axis = -1 : i64} : tensor<1x1x8x8xf32> loc("softmax")
                  return %o : tensor<1x1x8x8xf32>
                }
                """.replace("WEIGHTQ", dense(r, 64, 0.5, "8x8")).replace("BIASQ", dense(r, 8, 0.1, "8"));
    }

    /** {@return {@code dense<"0x...">} (little-endian f32 bytes) with {@code n} values uniform in {@code [-a, a]}} */
    static String dense(Random r, int n, double a, String shape) {
        StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits((float) ((r.nextDouble() * 2 - 1) * a));
            for (int b = 0; b < 4; b++) hex.append(String.format(Locale.ROOT, "%02X", (bits >>> (8 * b)) & 0xFF));
        }
        return "dense<\"" + hex + "\"> : tensor<" + shape + "xf32>";
    }

    /** {@return {@code count} random samples of shape {@code [1, rest...]}, values uniform in [-1, 1]} */
    static List<Tensor> samples(long seed, int count, int... rest) {
        Random r = new Random(seed);
        int per = 1;
        for (int d : rest) per *= d;
        int[] shape = new int[rest.length + 1];
        shape[0] = 1;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] f = new float[per];
            for (int k = 0; k < per; k++) f[k] = (float) (r.nextDouble() * 2 - 1);
            out.add(Tensor.of(f, shape));
        }
        return out;
    }

    /** Writes samples into one {@code .npy} whose first axis indexes them. @return the file */
    static Path npy(Path file, List<Tensor> samples) throws IOException {
        int per = samples.getFirst().size();
        float[] all = new float[per * samples.size()];
        for (int i = 0; i < samples.size(); i++)
            System.arraycopy(samples.get(i).toF32().floats(), 0, all, i * per, per);
        int[] s = samples.getFirst().shape().clone();
        s[0] = samples.size();
        Npy.write(file, Tensor.of(all, s));
        return file;
    }
}
