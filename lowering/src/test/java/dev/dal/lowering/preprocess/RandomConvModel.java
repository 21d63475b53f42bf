package dev.dal.lowering.preprocess;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small model whose image input {@code x} feeds a {@code graph.conv} (and perhaps a {@code graph.relu} as well),
 * with preprocessing options, decoded from a list of knobs: each knob picks one choice, and a knob of 0 picks the
 * simplest, so shrinking the list shrinks the model.
 */
final class RandomConvModel {
    static final int COLOR = 0, GRAY_CHANNELS = 1, LAYOUT = 2, TYPE = 3, MEAN_COUNT = 4, STD_COUNT = 5, OUT = 6;
    static final int KH = 7, KW = 8, PADS = 9, STRIDE = 10, GROUP = 11, BIAS = 12, USERS = 13, FOLD = 14;
    static final int BATCH = 15, H = 16, W = 17, SEED = 18, KNOBS = 19;

    private static final String[] COLORS = {"rgb", "bgr", "gray"};

    private final List<Integer> knobs;
    private final String color;
    private final boolean nhwc, u8, fold;
    private final int n, c, h, w, m, kh, kw, group, stride, users, padMode;
    private final int[] pads = new int[4];
    private final double[] mean, std;
    private final Random values;

    RandomConvModel(List<Integer> knobs) {
        this.knobs = List.copyOf(knobs);
        color = COLORS[k(COLOR) % 3];
        c = color.equals("gray") && k(GRAY_CHANNELS) % 2 == 1 ? 1 : 3;
        nhwc = k(LAYOUT) % 2 == 0;
        u8 = k(TYPE) % 2 == 0;
        fold = k(FOLD) % 4 != 3;
        n = 1 + k(BATCH) % 2;
        kh = 1 + k(KH) % 3;
        kw = 1 + k(KW) % 3;
        h = kh + k(H) % 4;
        w = kw + k(W) % 4;
        group = k(GROUP) % 2 == 0 ? 1 : c;
        m = group == 1 ? 1 + k(OUT) % 3 : c * (1 + k(OUT) % 2);
        stride = 1 + k(STRIDE) % 2;
        users = k(USERS) % 3;
        padMode = k(PADS) % 4;
        values = new Random(k(SEED));
        if (padMode == 2) for (int i = 0; i < 4; i++) pads[i] = values.nextInt(2);
        mean = pick(k(MEAN_COUNT) % 3, 0, 200);
        std = pick(k(STD_COUNT) % 3, 0.5, 80);
    }

    private int k(int i) {
        return knobs.get(i);
    }

    private double[] pick(int count, double lo, double hi) {
        int len = count == 0 ? 0 : count == 1 ? 1 : c;
        double[] out = new double[len];
        for (int i = 0; i < len; i++) out[i] = Math.round((lo + values.nextDouble() * (hi - lo)) * 1000) / 1000.0;
        return out;
    }

    /** {@return the seed of the model's weights and inputs} */
    long seed() {
        return k(SEED);
    }

    /** {@return the pass pipeline that preprocesses the model} */
    String pipeline() {
        StringBuilder sb = new StringBuilder("preprocess{input=x");
        if (mean.length > 0) sb.append(" mean=").append(list(mean));
        if (std.length > 0) sb.append(" std=").append(list(std));
        sb.append(" layout=").append(nhwc ? "NHWC" : "NCHW");
        sb.append(" color=").append(color.toUpperCase(Locale.ROOT));
        sb.append(" input-type=").append(u8 ? "u8" : "f32");
        return sb.append(" fold=").append(fold).append('}').toString();
    }

    private static String list(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double d : v) parts.add(Double.toString(d));
        return String.join(",", parts);
    }

    /** {@return the model as IR text} */
    String text() {
        Random r = new Random(seed());
        String x = tensor(n, c, h, w);
        String wt = tensor(m, c / group, kh, kw);
        int oh = (h + pads[0] + pads[2] - kh) / stride + 1, ow = (w + pads[1] + pads[3] - kw) / stride + 1;
        String y = tensor(n, m, oh, ow);
        StringBuilder sb = new StringBuilder();
        List<String> results = new ArrayList<>(), types = new ArrayList<>(), decls = new ArrayList<>();
        if (users != 2) {
            sb.append("  %w = graph.constant {value = ")
                    .append(hex(r, m * (c / group) * kh * kw, wt))
                    .append("} : ")
                    .append(wt)
                    .append('\n');
            boolean bias = k(BIAS) % 2 == 1;
            if (bias)
                sb.append("  %b = graph.constant {value = ")
                        .append(hex(r, m, tensor(m)))
                        .append("} : ")
                        .append(tensor(m))
                        .append('\n');
            else sb.append("  %b = graph.none : none\n");
            sb.append("  %y = graph.conv %x, %w, %b")
                    .append(convAttrs())
                    .append(" : (")
                    .append(x)
                    .append(", ")
                    .append(wt)
                    .append(", ")
                    .append(bias ? tensor(m) : "none")
                    .append(") -> ")
                    .append(y)
                    .append('\n');
            results.add("%y");
            types.add(y);
            decls.add(y + " {onnx.name = \"y\"}");
        }
        if (users != 0) {
            sb.append("  %r = graph.relu %x : ").append(x).append('\n');
            results.add("%r");
            types.add(x);
            decls.add(x + " {onnx.name = \"r\"}");
        }
        return "func.func @main(%x: " + x + " {onnx.name = \"x\"}) -> (" + String.join(", ", decls) + ") {\n" + sb
                + "  return " + String.join(", ", results) + " : " + String.join(", ", types) + "\n}\n";
    }

    private String convAttrs() {
        List<String> a = new ArrayList<>();
        if (group > 1) a.add("group = " + group + " : i64");
        if (padMode == 1) a.add("pads = array<i64: 0, 0, 0, 0>");
        if (padMode == 2)
            a.add("pads = array<i64: " + pads[0] + ", " + pads[1] + ", " + pads[2] + ", " + pads[3] + ">");
        if (padMode == 3) a.add("auto_pad = \"VALID\"");
        if (stride > 1) a.add("strides = array<i64: " + stride + ", " + stride + ">");
        return a.isEmpty() ? "" : " {" + String.join(", ", a) + "}";
    }

    private static String tensor(int... dims) {
        StringBuilder sb = new StringBuilder("tensor<");
        for (int d : dims) sb.append(d).append('x');
        return sb.append("f32>").toString();
    }

    private static String hex(Random r, int count, String type) {
        StringBuilder sb = new StringBuilder("dense<\"0x");
        for (int i = 0; i < count; i++) {
            int bits = Float.floatToIntBits(r.nextFloat() * 2 - 1);
            for (int b = 0; b < 4; b++) sb.append(String.format("%02X", (bits >>> (8 * b)) & 0xFF));
        }
        return sb.append("\"> : ").append(type).toString();
    }

    /** {@return the shape of the raw input} */
    int[] rawShape() {
        int rc = color.equals("gray") ? 1 : c;
        return nhwc ? new int[] {n, h, w, rc} : new int[] {n, rc, h, w};
    }

    /** {@return a random raw image: bytes, or floats in [0, 255)} */
    Tensor rawInput(Random r) {
        int[] s = rawShape();
        int size = s[0] * s[1] * s[2] * s[3];
        if (u8) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) b[i] = (byte) r.nextInt(256);
            return Tensor.ofArray(DType.UI8, b, s);
        }
        float[] f = new float[size];
        for (int i = 0; i < size; i++) f[i] = r.nextFloat() * 255;
        return Tensor.of(f, s);
    }

    /** {@return what the model took before preprocessing: the raw image normalised by hand, NCHW f32} */
    Tensor normalise(Tensor raw) {
        float[] out = new float[n * c * h * w];
        int rc = color.equals("gray") ? 1 : c;
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < c; ch++) {
                int src = color.equals("gray") ? 0 : color.equals("bgr") ? 2 - ch : ch;
                double mu = mean.length == 0 ? 0 : mean[mean.length == 1 ? 0 : ch];
                double sd = std.length == 0 ? 1 : std[std.length == 1 ? 0 : ch];
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++) {
                        int at = nhwc ? ((b * h + y) * w + x) * rc + src : ((b * rc + src) * h + y) * w + x;
                        double v = u8 ? raw.getLong(at) : raw.getDouble(at);
                        out[((b * c + ch) * h + y) * w + x] = (float) ((v - mu) / sd);
                    }
            }
        return Tensor.of(out, n, c, h, w);
    }

    @Override
    public String toString() {
        return "knobs " + knobs + "\npipeline: " + pipeline() + "\nmodel:\n" + text();
    }
}
