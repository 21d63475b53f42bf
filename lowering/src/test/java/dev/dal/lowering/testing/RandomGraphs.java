package dev.dal.lowering.testing;

import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random {@code graph} programs for property tests of passes: a function {@code @main} of one {@code 1xCxHxW} f32
 * input built from elementwise ops and activations (also Clip, LeakyRelu, HardSwish, HardSigmoid), Reshape/Flatten/
 * Transpose/Squeeze/Unsqueeze/Concat/Cast/Identity/Dropout/Pad, Conv, MatMul (with and without a bias Add),
 * BatchNormalization, constants (ones and zeros among them, so that neutral operands occur) and the
 * Shape→Gather→Unsqueeze→Concat→Reshape idiom. The patterns the optimizing passes look for are generated on purpose
 * (inverse transposes, squeeze/unsqueeze pairs, cast round trips, zero pads, single-input concats), next to near
 * misses (casts through i32 or f16, zeros that broadcast, Dropout whose mask is returned).
 *
 * <p>A graph is a {@link Recipe}: an input shape, a seed for the input data and a list of {@link Step}s of small
 * integers that are read against the graph built so far (which value to use, which op, which parameter), so every
 * recipe is a valid program and QuickTheories shrinks it by dropping steps and lowering numbers. A recipe's
 * {@code toString()} is its IR, so a falsified property prints the counterexample as IR.
 */
public final class RandomGraphs {
    private RandomGraphs() {}

    /** How many kinds of steps there are. */
    static final int KINDS = 21;

    /** The largest rank a step may produce. */
    private static final int MAX_RANK = 5;

    /**
     * One step: which op ({@code kind}; 0 adds nothing), applied to which earlier value ({@code operand}, modulo the values so far),
     * with which parameter and seed (both read modulo what the op needs).
     */
    public record Step(int kind, int operand, int param, int seed) {}

    /**
     * A random graph: input {@code 1 x channels x height x width}, input data from {@code dataSeed}, and its steps.
     */
    public record Recipe(int channels, int height, int width, int dataSeed, List<Step> steps) {
        /** {@return the program's IR: a module with {@code func.func @main}} */
        public String ir() {
            return new Builder(this).build();
        }

        /** {@return the input tensor: multiples of 1/8 in [-2, 2]} */
        public List<Tensor> inputs() {
            int n = channels * height * width;
            float[] data = new float[n];
            Random r = new Random(dataSeed);
            for (int i = 0; i < n; i++) data[i] = (r.nextInt(33) - 16) / 8f;
            return List.of(Tensor.of(data, 1, channels, height, width));
        }

        @Override
        public String toString() {
            return "\n" + ir() + "input data seed " + dataSeed;
        }
    }

    /** {@return recipes of 1 to {@code maxSteps} steps} */
    public static Gen<Recipe> recipes(int maxSteps) {
        Gen<Step> step = SourceDSL.integers()
                .between(0, KINDS - 1)
                .zip(
                        SourceDSL.integers().between(0, 15),
                        SourceDSL.integers().between(0, 15),
                        SourceDSL.integers().between(0, 63),
                        Step::new);
        Gen<List<Step>> steps = SourceDSL.lists().of(step).ofSizeBetween(1, maxSteps);
        Gen<int[]> dims = SourceDSL.integers()
                .between(1, 3)
                .zip(SourceDSL.integers().between(1, 4), SourceDSL.integers().between(1, 4), (c, h, w) ->
                        new int[] {c, h, w});
        return dims.zip(
                SourceDSL.integers().between(0, 1000), steps, (d, seed, s) -> new Recipe(d[0], d[1], d[2], seed, s));
    }

    /** A value of the program being built: its SSA name and static shape (all pool values are f32). */
    private record Val(String name, int[] shape) {
        int rank() {
            return shape.length;
        }
    }

    /** Reads a recipe's steps into IR text. */
    private static final class Builder {
        private final Recipe recipe;
        private final StringBuilder body = new StringBuilder();
        private final List<Val> pool = new ArrayList<>();
        private final List<String[]> extraOutputs = new ArrayList<>();
        private int next;
        private String none;

        Builder(Recipe recipe) {
            this.recipe = recipe;
        }

        String build() {
            pool.add(new Val("%x", new int[] {1, recipe.channels(), recipe.height(), recipe.width()}));
            for (Step s : recipe.steps()) step(s);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            Val last = pool.getLast();
            names.add(last.name());
            types.add(type(last.shape(), "f32"));
            if (pool.size() > 2) {
                Val mid = pool.get(pool.size() / 2);
                names.add(mid.name());
                types.add(type(mid.shape(), "f32"));
            }
            for (String[] e : extraOutputs) {
                names.add(e[0]);
                types.add(e[1]);
            }
            return "func.func @main(%x: " + type(pool.getFirst().shape(), "f32") + ") -> ("
                    + String.join(", ", types) + ") {\n" + body + "  return " + String.join(", ", names) + " : "
                    + String.join(", ", types) + "\n}\n";
        }

        private void step(Step s) {
            Val a = pool.get(s.operand() % pool.size());
            switch (s.kind()) {
                case 0 -> {} // shrinks to nothing, so counterexamples keep only the steps that matter
                case 1 -> unary(a, new String[] {"relu", "sigmoid", "tanh", "neg"}[s.param() % 4]);
                case 2 -> binaryWithValue(a, s);
                case 3 -> binaryWithConstant(a, s);
                case 4 -> reshape(a, s);
                case 5 -> transpose(a, s);
                case 6 -> unsqueeze(a, s);
                case 7 -> squeeze(a, s);
                case 8 -> concat(a, s);
                case 9 -> castRoundTrip(a, s);
                case 10 -> unary(a, "identity");
                case 11 -> dropout(a, s);
                case 12 -> pad(a, s);
                case 13 -> conv(a, s);
                case 14 -> matMul(a, s);
                case 15 -> constantExpression(a, s);
                case 16 -> flatten(a, s);
                case 17 -> shapeIdiom(a);
                case 18 -> batchNorm(a, s);
                case 19 -> activationWithAttributes(a, s);
                default -> matMulAddBias(a, s);
            }
        }

        // ---- steps ------------------------------------------------------------------------------------------

        private void unary(Val a, String op) {
            emit(op, a.shape(), List.of(a.name()), List.of(type(a)), "");
        }

        private void binaryWithValue(Val a, Step s) {
            List<Val> same = pool.stream()
                    .filter(v -> Arrays.equals(v.shape(), a.shape()))
                    .toList();
            Val b = same.get(s.param() % same.size());
            String op = new String[] {"add", "sub", "mul"}[s.seed() % 3];
            emit(op, a.shape(), List.of(a.name(), b.name()), List.of(type(a), type(b)), "");
        }

        private void binaryWithConstant(Val a, Step s) {
            boolean add = s.param() % 2 == 0;
            int[] cshape = switch ((s.param() / 2) % 4) {
                case 0 -> a.shape();
                case 1 -> a.rank() == 0 ? new int[0] : new int[] {a.shape()[a.rank() - 1]};
                case 2 -> new int[0];
                default -> a.rank() < MAX_RANK ? prepend(2, a.shape()) : a.shape();
            };
            float neutral = add ? 0f : 1f;
            String c = s.seed() % 3 == 0 ? randomConstant(cshape, s.seed()) : splatConstant(cshape, neutral);
            int[] out = cshape.length > a.rank() ? cshape : a.shape();
            boolean constantFirst = s.seed() % 2 == 1;
            List<String> ops = constantFirst ? List.of(c, a.name()) : List.of(a.name(), c);
            List<String> types =
                    constantFirst ? List.of(type(cshape, "f32"), type(a)) : List.of(type(a), type(cshape, "f32"));
            emit(add ? "add" : "mul", out, ops, types, "");
        }

        private void reshape(Val a, Step s) {
            int total = Arrays.stream(a.shape()).reduce(1, (x, y) -> x * y);
            int[] target = switch (s.param() % 3) {
                case 0 -> new int[] {total};
                case 1 -> a.rank() == 0 ? new int[] {1} : new int[] {a.shape()[0], total / Math.max(1, a.shape()[0])};
                default -> reversed(a.shape());
            };
            long[] spec = Arrays.stream(target).asLongStream().toArray();
            if (s.seed() % 2 == 1 && spec.length > 0) spec[s.seed() % spec.length] = -1;
            String shape = i64Constant(spec);
            emit(
                    "reshape",
                    target,
                    List.of(a.name(), shape),
                    List.of(type(a), type(new int[] {spec.length}, "i64")),
                    "");
        }

        private void transpose(Val a, Step s) {
            if (a.rank() < 2) {
                unary(a, "identity");
                return;
            }
            int[] perm = permutation(a.rank(), s.seed());
            boolean reverse = s.param() % 4 == 0;
            if (reverse)
                perm = IntStream.range(0, a.rank()).map(i -> a.rank() - 1 - i).toArray();
            int[] out = new int[a.rank()];
            for (int i = 0; i < out.length; i++) out[i] = a.shape()[perm[i]];
            String attr = reverse ? "" : " {perm = array<i64: " + join(perm) + ">}";
            Val t = emit("transpose", out, List.of(a.name()), List.of(type(a)), attr);
            if (s.param() % 2 == 1) {
                // the inverse transpose, so that the pair cancels
                int[] inv = new int[perm.length];
                for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
                emit(
                        "transpose",
                        a.shape(),
                        List.of(t.name()),
                        List.of(type(t)),
                        " {perm = array<i64: " + join(inv) + ">}");
            }
        }

        private void unsqueeze(Val a, Step s) {
            if (a.rank() >= MAX_RANK) {
                unary(a, "identity");
                return;
            }
            int axis = s.param() % (a.rank() + 1);
            int[] out = new int[a.rank() + 1];
            for (int i = 0, j = 0; i < out.length; i++) out[i] = i == axis ? 1 : a.shape()[j++];
            String axes = i64Constant(new long[] {s.seed() % 2 == 0 ? axis : axis - out.length});
            Val u = emit("unsqueeze", out, List.of(a.name(), axes), List.of(type(a), "tensor<1xi64>"), "");
            if (s.seed() % 3 == 0)
                emit("squeeze", a.shape(), List.of(u.name(), axes), List.of(type(u), "tensor<1xi64>"), "");
        }

        private void squeeze(Val a, Step s) {
            int[] ones =
                    IntStream.range(0, a.rank()).filter(i -> a.shape()[i] == 1).toArray();
            if (ones.length == 0) {
                unary(a, "identity");
                return;
            }
            int axis = ones[s.param() % ones.length];
            int[] out = IntStream.range(0, a.rank())
                    .filter(i -> i != axis)
                    .map(i -> a.shape()[i])
                    .toArray();
            String axes = i64Constant(new long[] {axis});
            Val q = emit("squeeze", out, List.of(a.name(), axes), List.of(type(a), "tensor<1xi64>"), "");
            if (s.seed() % 3 == 0)
                emit("unsqueeze", a.shape(), List.of(q.name(), axes), List.of(type(q), "tensor<1xi64>"), "");
        }

        private void concat(Val a, Step s) {
            if (a.rank() == 0) {
                unary(a, "identity");
                return;
            }
            if (s.seed() % 2 == 0) {
                emit("concat", a.shape(), List.of(a.name()), List.of(type(a)), " {axis = 0 : i64}");
                return;
            }
            List<Val> same = pool.stream()
                    .filter(v -> Arrays.equals(v.shape(), a.shape()))
                    .toList();
            Val b = same.get(s.param() % same.size());
            int axis = s.param() % a.rank();
            int[] out = a.shape().clone();
            out[axis] *= 2;
            emit("concat", out, List.of(a.name(), b.name()), List.of(type(a), type(b)), " {axis = " + axis + " : i64}");
        }

        private void castRoundTrip(Val a, Step s) {
            String[][] via = {{"f64", "11"}, {"i32", "6"}, {"i64", "7"}};
            String[] v = via[s.param() % 3];
            String mid = "%v" + next++;
            body.append("  ")
                    .append(mid)
                    .append(" = \"graph.cast\"(")
                    .append(a.name())
                    .append(") {to = ")
                    .append(v[1])
                    .append(" : i64} : (")
                    .append(type(a))
                    .append(") -> ")
                    .append(type(a.shape(), v[0]))
                    .append('\n');
            String out = "%v" + next++;
            body.append("  ")
                    .append(out)
                    .append(" = \"graph.cast\"(")
                    .append(mid)
                    .append(") {to = 1 : i64} : (")
                    .append(type(a.shape(), v[0]))
                    .append(") -> ")
                    .append(type(a))
                    .append('\n');
            pool.add(new Val(out, a.shape()));
        }

        private void dropout(Val a, Step s) {
            String mode = switch (s.param() % 3) {
                case 0 -> none();
                case 1 -> constant("dense<false>", "tensor<i1>");
                default -> none();
            };
            String ratio = s.seed() % 2 == 0 ? none() : constant("dense<2.500000e-01>", "tensor<f32>");
            String name = "%v" + next++;
            String mask = type(a.shape(), "i1");
            body.append("  ")
                    .append(name)
                    .append(":2 = \"graph.dropout\"(")
                    .append(a.name())
                    .append(", ")
                    .append(ratio)
                    .append(", ")
                    .append(mode)
                    .append(") : (")
                    .append(type(a))
                    .append(", ")
                    .append(ratio.equals(none) ? "none" : "tensor<f32>")
                    .append(", ")
                    .append(mode.equals(none) ? "none" : "tensor<i1>")
                    .append(") -> (")
                    .append(type(a))
                    .append(", ")
                    .append(mask)
                    .append(")\n");
            pool.add(new Val(name + "#0", a.shape()));
            if (s.param() % 3 == 2) extraOutputs.add(new String[] {name + "#1", mask});
        }

        private void pad(Val a, Step s) {
            long[] pads = new long[2 * a.rank()];
            int[] out = a.shape().clone();
            if (s.param() % 2 == 1 && a.rank() > 0) {
                int axis = s.seed() % a.rank();
                pads[axis] = 1;
                pads[a.rank() + axis] = 1;
                out[axis] += 2;
            }
            String p = i64Constant(pads);
            String n = none();
            emit(
                    "pad",
                    out,
                    List.of(a.name(), p, n, n),
                    List.of(type(a), type(new int[] {pads.length}, "i64"), "none", "none"),
                    "");
        }

        private void conv(Val a, Step s) {
            if (a.rank() != 4 || a.shape()[0] != 1) {
                unary(a, "relu");
                return;
            }
            int c = a.shape()[1];
            int o = 1 + s.param() % 3;
            boolean three = s.seed() % 2 == 0;
            int k = three ? 3 : 1;
            int[] wshape = {o, c, k, k};
            String w = randomConstant(wshape, s.seed());
            String b = s.param() % 2 == 0 ? none() : randomConstant(new int[] {o}, s.seed() + 1);
            String btype = b.equals(none) ? "none" : type(new int[] {o}, "f32");
            int[] out = {1, o, a.shape()[2], a.shape()[3]};
            String attr = three ? " {pads = array<i64: 1, 1, 1, 1>}" : "";
            emit("conv", out, List.of(a.name(), w, b), List.of(type(a), type(wshape, "f32"), btype), attr);
        }

        private void matMul(Val a, Step s) {
            if (a.rank() < 1) {
                unary(a, "sigmoid");
                return;
            }
            int kdim = a.shape()[a.rank() - 1];
            int n = 1 + s.param() % 4;
            int[] wshape = {kdim, n};
            String w = randomConstant(wshape, s.seed());
            int[] out = a.shape().clone();
            out[out.length - 1] = n;
            if (a.rank() == 1) out = new int[] {n};
            emit("mat_mul", out, List.of(a.name(), w), List.of(type(a), type(wshape, "f32")), "");
        }

        private void constantExpression(Val a, Step s) {
            int[] cshape = a.rank() == 0 ? new int[0] : new int[] {a.shape()[a.rank() - 1]};
            String c1 = randomConstant(cshape, s.seed());
            String c2 = randomConstant(cshape, s.seed() + 7);
            Val sum = emit("add", cshape, List.of(c1, c2), List.of(type(cshape, "f32"), type(cshape, "f32")), "");
            Val act = emit("relu", cshape, List.of(sum.name()), List.of(type(sum)), "");
            emit("mul", a.shape(), List.of(a.name(), act.name()), List.of(type(a), type(act)), "");
        }

        private void batchNorm(Val a, Step s) {
            if (a.rank() < 2) {
                unary(a, "relu");
                return;
            }
            int[] c = {a.shape()[1]};
            String ct = type(c, "f32");
            String scale = randomConstant(c, s.seed()), bias = randomConstant(c, s.seed() + 1);
            String mean = randomConstant(c, s.seed() + 2), var = positiveConstant(c, s.seed() + 3);
            String name = "%v" + next++;
            body.append("  ")
                    .append(name)
                    .append(":3 = \"graph.batch_normalization\"(")
                    .append(a.name())
                    .append(", ")
                    .append(String.join(", ", scale, bias, mean, var))
                    .append(") : (")
                    .append(type(a))
                    .append(", ")
                    .append(String.join(", ", ct, ct, ct, ct))
                    .append(") -> (")
                    .append(type(a))
                    .append(", ")
                    .append(ct)
                    .append(", ")
                    .append(ct)
                    .append(")\n");
            pool.add(new Val(name + "#0", a.shape()));
        }

        private void activationWithAttributes(Val a, Step s) {
            switch (s.param() % 5) {
                case 0 -> clip(a, "0.0", "6.0");
                case 1 -> clip(a, "-1.0", "1.0");
                case 2 ->
                    emit("leaky_relu", a.shape(), List.of(a.name()), List.of(type(a)), " {alpha = 1.000000e-01 : f32}");
                case 3 -> unary(a, "hard_swish");
                default -> unary(a, "hard_sigmoid");
            }
        }

        private void clip(Val a, String lo, String hi) {
            String l = constant("dense<" + lo + ">", "tensor<f32>"), h = constant("dense<" + hi + ">", "tensor<f32>");
            emit("clip", a.shape(), List.of(a.name(), l, h), List.of(type(a), "tensor<f32>", "tensor<f32>"), "");
        }

        private void matMulAddBias(Val a, Step s) {
            if (a.rank() < 2) {
                unary(a, "sigmoid");
                return;
            }
            matMul(a, s);
            Val m = pool.getLast();
            int[] b = {m.shape()[m.rank() - 1]};
            String bias = randomConstant(b, s.seed() + 5);
            emit("add", m.shape(), List.of(m.name(), bias), List.of(type(m), type(b, "f32")), "");
        }

        private void flatten(Val a, Step s) {
            int axis = s.param() % (a.rank() + 1);
            int left = 1, right = 1;
            for (int i = 0; i < a.rank(); i++) {
                if (i < axis) left *= a.shape()[i];
                else right *= a.shape()[i];
            }
            emit(
                    "flatten",
                    new int[] {left, right},
                    List.of(a.name()),
                    List.of(type(a)),
                    " {axis = " + axis + " : i64}");
        }

        private void shapeIdiom(Val a) {
            if (a.rank() < 2) {
                unary(a, "tanh");
                return;
            }
            String s = "%v" + next++;
            body.append("  ")
                    .append(s)
                    .append(" = \"graph.shape\"(")
                    .append(a.name())
                    .append(") : (")
                    .append(type(a))
                    .append(") -> tensor<")
                    .append(a.rank())
                    .append("xi64>\n");
            String zero = constant("dense<0>", "tensor<i64>");
            String g = "%v" + next++;
            body.append("  ")
                    .append(g)
                    .append(" = \"graph.gather\"(")
                    .append(s)
                    .append(", ")
                    .append(zero)
                    .append(") {axis = 0 : i64} : (tensor<")
                    .append(a.rank())
                    .append("xi64>, tensor<i64>) -> tensor<i64>\n");
            String axes = i64Constant(new long[] {0});
            String u = "%v" + next++;
            body.append("  ")
                    .append(u)
                    .append(" = \"graph.unsqueeze\"(")
                    .append(g)
                    .append(", ")
                    .append(axes)
                    .append(") : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>\n");
            String rest = i64Constant(new long[] {-1});
            String c = "%v" + next++;
            body.append("  ")
                    .append(c)
                    .append(" = \"graph.concat\"(")
                    .append(u)
                    .append(", ")
                    .append(rest)
                    .append(") {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>\n");
            int total = Arrays.stream(a.shape()).reduce(1, (x, y) -> x * y);
            int[] out = {a.shape()[0], total / a.shape()[0]};
            emit("reshape", out, List.of(a.name(), c), List.of(type(a), "tensor<2xi64>"), "");
        }

        // ---- text ---------------------------------------------------------------------------------------------

        private Val emit(String op, int[] shape, List<String> operands, List<String> operandTypes, String attrs) {
            String name = "%v" + next++;
            body.append("  ")
                    .append(name)
                    .append(" = \"graph.")
                    .append(op)
                    .append("\"(")
                    .append(String.join(", ", operands))
                    .append(')')
                    .append(attrs)
                    .append(" : (")
                    .append(String.join(", ", operandTypes))
                    .append(") -> ")
                    .append(type(shape, "f32"))
                    .append('\n');
            Val v = new Val(name, shape);
            pool.add(v);
            return v;
        }

        private String none() {
            if (none == null) {
                none = "%none";
                body.append("  %none = \"graph.none\"() : () -> none\n");
            }
            return none;
        }

        private String constant(String value, String type) {
            String name = "%c" + next++;
            body.append("  ")
                    .append(name)
                    .append(" = \"graph.constant\"() {value = ")
                    .append(value)
                    .append(" : ")
                    .append(type)
                    .append("} : () -> ")
                    .append(type)
                    .append('\n');
            return name;
        }

        private String i64Constant(long[] values) {
            String list = Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(", "));
            return constant("dense<[" + list + "]>", "tensor<" + values.length + "xi64>");
        }

        private String splatConstant(int[] shape, float v) {
            return constant("dense<" + v + ">", type(shape, "f32"));
        }

        /** A constant of multiples of 1/4 in [-2, 2], nested as the shape says. */
        private String randomConstant(int[] shape, int seed) {
            Random r = new Random(seed * 31L + shape.length);
            int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
            String[] items = new String[n];
            for (int i = 0; i < n; i++) items[i] = Float.toString((r.nextInt(17) - 8) / 4f);
            return constant("dense<" + nest(items, shape, 0, 0) + ">", type(shape, "f32"));
        }

        /** A constant of multiples of 1/4 in [0.25, 2]. */
        private String positiveConstant(int[] shape, int seed) {
            Random r = new Random(seed * 17L + 3);
            int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
            String[] items = new String[n];
            for (int i = 0; i < n; i++) items[i] = Float.toString((r.nextInt(8) + 1) / 4f);
            return constant("dense<" + nest(items, shape, 0, 0) + ">", type(shape, "f32"));
        }

        private static String nest(String[] items, int[] shape, int dim, int offset) {
            if (dim == shape.length) return items[offset];
            int stride = 1;
            for (int i = dim + 1; i < shape.length; i++) stride *= shape[i];
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < shape[dim]; i++) parts.add(nest(items, shape, dim + 1, offset + i * stride));
            return "[" + String.join(", ", parts) + "]";
        }

        private static String type(Val v) {
            return type(v.shape(), "f32");
        }

        private static String type(int[] shape, String elem) {
            StringBuilder sb = new StringBuilder("tensor<");
            for (int d : shape) sb.append(d).append('x');
            return sb.append(elem).append('>').toString();
        }

        private static int[] prepend(int d, int[] shape) {
            int[] out = new int[shape.length + 1];
            out[0] = d;
            System.arraycopy(shape, 0, out, 1, shape.length);
            return out;
        }

        private static int[] reversed(int[] shape) {
            int[] out = new int[shape.length];
            for (int i = 0; i < shape.length; i++) out[i] = shape[shape.length - 1 - i];
            return out;
        }

        private static int[] permutation(int n, int seed) {
            List<Integer> p = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            java.util.Collections.shuffle(p, new Random(seed));
            return p.stream().mapToInt(Integer::intValue).toArray();
        }

        private static String join(int[] values) {
            return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        }
    }
}
