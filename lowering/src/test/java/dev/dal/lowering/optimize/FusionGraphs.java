package dev.dal.lowering.optimize;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Random graphs of the ops {@code graph-fuse} rewrites, as IR text: a chain of steps (conv, BatchNormalization,
 * per-channel Mul/Add, activations, residual Adds, MatMul + Add and Gemm after a Flatten, and the decomposed GELU,
 * LayerNormalization, HardSwish and SiLU) on a {@code [1, C, H, W]} input, with some intermediate values also
 * returned (so that some ops have two users). Each step is one integer: its kind is the integer modulo the number of
 * kinds, its parameter the quotient; so a list of integers shrinks to a shorter, simpler graph. Constant values come
 * from the seed.
 */
final class FusionGraphs {
    /** The number of step kinds. */
    static final int KINDS = 17;

    private static final String[] NAMES = {
        "conv",
        "batch_norm",
        "mul",
        "add",
        "relu",
        "clip",
        "leaky_relu",
        "hard_swish",
        "sigmoid",
        "residual",
        "silu",
        "hard_swish_decomposed",
        "gelu_erf",
        "gelu_tanh",
        "layer_norm",
        "flatten",
        "tap"
    };

    private final StringBuilder body = new StringBuilder();
    private final Random rnd;
    private final List<String> outputs = new ArrayList<>();
    private final List<String> outputTypes = new ArrayList<>();
    private final List<Val> values = new ArrayList<>();
    private int next;
    private Val cur;

    private record Val(String name, int[] shape) {}

    private FusionGraphs(long seed) {
        rnd = new Random(seed);
    }

    /** {@return the steps in words, for failure messages} */
    static String describe(List<Integer> steps) {
        List<String> s = new ArrayList<>();
        for (int v : steps) s.add(NAMES[v % KINDS] + "(" + v / KINDS + ")");
        return String.join(", ", s);
    }

    /** {@return a module with one function {@code @main} of the input shape {@code [1, c, hw, hw]}} */
    static String module(long seed, int c, int hw, List<Integer> steps) {
        FusionGraphs g = new FusionGraphs(seed);
        g.cur = new Val("%x", new int[] {1, c, hw, hw});
        g.values.add(g.cur);
        g.line("%none = graph.none : none");
        for (int v : steps) g.step(v % KINDS, v / KINDS);
        g.outputs.add(g.cur.name);
        g.outputTypes.add(type(g.cur.shape));
        return "func.func @main(%x: " + type(new int[] {1, c, hw, hw}) + ") -> (" + String.join(", ", g.outputTypes)
                + ") {\n" + g.body + "  return " + String.join(", ", g.outputs) + " : "
                + String.join(", ", g.outputTypes) + "\n}\n";
    }

    private void step(int kind, int p) {
        boolean image = cur.shape.length == 4;
        int c = cur.shape[1];
        String t = type(cur.shape);
        switch (kind) {
            case 0 -> {
                if (image) conv(p);
                else dense(p);
            }
            case 1 -> {
                String s = vec(c, 0.5f, 1.5f), b = vec(c, -0.5f, 0.5f), m = vec(c, -0.5f, 0.5f), v = vec(c, 0.5f, 1.5f);
                String tc = type(new int[] {c});
                String r = fresh();
                line(r + ":3 = graph.batch_normalization " + cur.name + ", " + s + ", " + b + ", " + m + ", " + v
                        + " {epsilon = 1.000000e-03 : f32} : (" + t + ", " + tc + ", " + tc + ", " + tc + ", " + tc
                        + ") -> (" + t + ", " + tc + ", " + tc + ")");
                set(r + "#0", cur.shape);
            }
            case 2, 3 -> {
                int[] ks = p % 4 == 0 ? new int[0] : image ? new int[] {c, 1, 1} : new int[] {c};
                String k = constant(random(size(ks), kind == 2 ? 0.5f : -1f, kind == 2 ? 1.5f : 1f), ks);
                String op = kind == 2 ? "graph.mul" : "graph.add";
                boolean swap = p % 2 == 1;
                binary(op, swap ? k : cur.name, swap ? ks : cur.shape, swap ? cur.name : k, swap ? cur.shape : ks);
            }
            case 4 -> unary("graph.relu", "");
            case 5 -> {
                String lo = p % 3 == 1 ? scalar(-0.5f) : scalar(0f);
                String hi = p % 3 == 0 ? scalar(6f) : p % 3 == 1 ? scalar(0.5f) : "%none";
                String ht = hi.equals("%none") ? "none" : "tensor<f32>";
                String r = fresh();
                line(r + " = graph.clip " + cur.name + ", " + lo + ", " + hi + " : (" + t + ", tensor<f32>, " + ht
                        + ") -> " + t);
                set(r, cur.shape);
            }
            case 6 -> unary("graph.leaky_relu", " {alpha = 1.000000e-01 : f32}");
            case 7 -> unary("graph.hard_swish", "");
            case 8 -> unary("graph.sigmoid", "");
            case 9 -> residual(p);
            case 10 -> {
                Val x = cur;
                unary("graph.sigmoid", "");
                binary("graph.mul", x.name, x.shape, cur.name, cur.shape);
            }
            case 11 -> {
                Val x = cur;
                binary("graph.add", x.name, x.shape, scalar(3f), new int[0]);
                String r = fresh();
                line(r + " = graph.clip " + cur.name + ", " + scalar(0f) + ", " + scalar(6f) + " : (" + t
                        + ", tensor<f32>, tensor<f32>) -> " + t);
                set(r, x.shape);
                binary("graph.mul", x.name, x.shape, cur.name, cur.shape);
                binary("graph.div", cur.name, cur.shape, scalar(6f), new int[0]);
            }
            case 12 -> {
                Val x = cur;
                binary("graph.div", x.name, x.shape, scalar(1.41421354f), new int[0]);
                unary("graph.erf", "");
                binary("graph.add", cur.name, cur.shape, scalar(1f), new int[0]);
                binary("graph.mul", x.name, x.shape, cur.name, cur.shape);
                binary("graph.mul", cur.name, cur.shape, scalar(0.5f), new int[0]);
            }
            case 13 -> {
                Val x = cur;
                binary("graph.pow", x.name, x.shape, scalar(3f), new int[0]);
                binary("graph.mul", cur.name, cur.shape, scalar(0.044715f), new int[0]);
                binary("graph.add", x.name, x.shape, cur.name, cur.shape);
                binary("graph.mul", scalar(0.797884583f), new int[0], cur.name, cur.shape);
                unary("graph.tanh", "");
                binary("graph.add", cur.name, cur.shape, scalar(1f), new int[0]);
                binary("graph.mul", cur.name, cur.shape, x.name, x.shape);
                binary("graph.mul", cur.name, cur.shape, scalar(0.5f), new int[0]);
            }
            case 14 -> layerNorm(p);
            case 15 -> {
                if (!image) return;
                int[] flat = {1, size(cur.shape)};
                String r = fresh();
                line(r + " = graph.flatten " + cur.name + " {axis = 1 : i64} : (" + t + ") -> " + type(flat));
                set(r, flat);
            }
            default -> {
                outputs.add(cur.name);
                outputTypes.add(t);
            }
        }
    }

    private void conv(int p) {
        int cin = cur.shape[1], k = p % 2 == 0 ? 3 : 1;
        boolean depthwise = p % 3 == 2;
        int cout = depthwise ? cin : 1 + (p / 2) % 4, group = depthwise ? cin : 1;
        int[] ws = {cout, cin / group, k, k};
        float bound = (float) (1 / Math.sqrt(size(ws) / (double) cout));
        String w = constant(random(size(ws), -bound, bound), ws);
        String b = p % 5 == 0 ? "%none" : vec(cout, -0.5f, 0.5f);
        int[] ys = {1, cout, cur.shape[2], cur.shape[3]};
        String attrs = "{group = " + group + " : i64" + (k == 3 ? ", pads = array<i64: 1, 1, 1, 1>" : "") + "}";
        String r = fresh();
        line(r + " = graph.conv " + cur.name + ", " + w + ", " + b + " " + attrs + " : (" + type(cur.shape) + ", "
                + type(ws) + ", " + (b.equals("%none") ? "none" : type(new int[] {cout})) + ") -> " + type(ys));
        set(r, ys);
    }

    private void dense(int p) {
        int f = cur.shape[1], g = 1 + p % 6;
        boolean gemm = p % 2 == 1, transB = gemm && (p / 2) % 2 == 1;
        int[] bs = transB ? new int[] {g, f} : new int[] {f, g};
        float bound = (float) (1 / Math.sqrt(f));
        String b = constant(random(f * g, -bound, bound), bs);
        String bias = vec(g, -0.5f, 0.5f);
        int[] ys = {1, g};
        String r = fresh();
        if (gemm) {
            line(r + " = graph.gemm " + cur.name + ", " + b + ", " + bias + (transB ? " {transB = 1 : i64}" : "")
                    + " : (" + type(cur.shape) + ", " + type(bs) + ", " + type(new int[] {g}) + ") -> " + type(ys));
            set(r, ys);
        } else {
            line(r + " = graph.mat_mul " + cur.name + ", " + b + " : (" + type(cur.shape) + ", " + type(bs) + ") -> "
                    + type(ys));
            set(r, ys);
            binary("graph.add", cur.name, ys, bias, new int[] {g});
        }
    }

    private void residual(int p) {
        List<Val> same = new ArrayList<>();
        for (Val v : values) if (v != cur && java.util.Arrays.equals(v.shape, cur.shape)) same.add(v);
        if (same.isEmpty()) return;
        Val other = same.get(p % same.size());
        if (p % 2 == 0) binary("graph.add", cur.name, cur.shape, other.name, other.shape);
        else binary("graph.add", other.name, other.shape, cur.name, cur.shape);
    }

    private void layerNorm(int p) {
        Val x = cur;
        int last = x.shape[x.shape.length - 1];
        int[] rs = x.shape.clone();
        rs[rs.length - 1] = 1;
        String axes = fresh();
        line(axes + " = graph.constant {value = dense<-1> : tensor<1xi64>} : tensor<1xi64>");
        String m = fresh();
        line(m + " = graph.reduce_mean " + x.name + ", " + axes + " : (" + type(x.shape) + ", tensor<1xi64>) -> "
                + type(rs));
        binary("graph.sub", x.name, x.shape, m, rs);
        Val d = cur;
        binary("graph.pow", d.name, d.shape, scalar(2f), new int[0]);
        String v = fresh();
        line(v + " = graph.reduce_mean " + cur.name + ", " + axes + " : (" + type(x.shape) + ", tensor<1xi64>) -> "
                + type(rs));
        binary("graph.add", v, rs, scalar(1e-3f), new int[0]);
        String s = fresh();
        line(s + " = graph.sqrt " + cur.name + " : " + type(rs));
        binary("graph.div", d.name, d.shape, s, rs);
        if (p % 2 == 1) {
            binary("graph.mul", cur.name, cur.shape, constant(random(last, 0.5f, 1.5f), last), new int[] {last});
            binary("graph.add", cur.name, cur.shape, constant(random(last, -0.5f, 0.5f), last), new int[] {last});
        }
    }

    private void unary(String op, String attrs) {
        String r = fresh();
        line(r + " = " + op + " " + cur.name + attrs + " : " + type(cur.shape));
        set(r, cur.shape);
    }

    private void binary(String op, String a, int[] as, String b, int[] bs) {
        int[] out = as.length >= bs.length ? as : bs;
        String r = fresh();
        line(r + " = " + op + " " + a + ", " + b + " : (" + type(as) + ", " + type(bs) + ") -> " + type(out));
        set(r, out);
    }

    private String vec(int n, float lo, float hi) {
        return constant(random(n, lo, hi), n);
    }

    private String scalar(float v) {
        return constant(new float[] {v});
    }

    private float[] random(int n, float lo, float hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * rnd.nextFloat();
        return a;
    }

    private String constant(float[] data, int... shape) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : data) buf.putFloat(f);
        String r = fresh();
        String t = type(shape);
        line(r + " = graph.constant {value = dense<\"0x"
                + HexFormat.of().withUpperCase().formatHex(buf.array()) + "\"> : " + t + "} : " + t);
        return r;
    }

    private void set(String name, int[] shape) {
        cur = new Val(name, shape);
        values.add(cur);
    }

    private String fresh() {
        return "%v" + next++;
    }

    private void line(String s) {
        body.append("  ").append(s).append('\n');
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    static String type(int[] shape) {
        StringBuilder sb = new StringBuilder("tensor<");
        for (int d : shape) sb.append(d).append('x');
        return sb.append("f32>").toString();
    }
}
