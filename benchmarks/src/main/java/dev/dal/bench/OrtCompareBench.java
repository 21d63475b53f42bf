package dev.dal.bench;

import static dev.dal.onnx.builder.ModelBuilder.attr;
import static dev.dal.onnx.builder.ModelBuilder.ints;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.Severity;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.OpProbe;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineException;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.onnx.OnnxImporter;
import dev.dal.onnx.TensorProtos;
import dev.dal.onnx.builder.ModelBuilder;
import dev.dal.onnx.proto.Onnx.ModelProto;
import dev.dal.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Issue 4's performance acceptance: DAL's interpreter side by side with ONNX Runtime (Java API) in one JVM, on the
 * same inputs, 2 threads each (ORT: intra-op 2, inter-op 1, default graph optimisations; DAL: {@code RunOptions}
 * threads 2). Models: every folder of the shared models directory ({@code -Ddal.models}, {@code DAL_MODELS}, default
 * {@code ../shared/models} beside the repository) with its {@code test_data_set_0} input, and a ResNet-style model
 * built here with {@link ModelBuilder} (seeded random weights, input 1x3x224x224). DAL runs {@link #PIPELINE} on
 * each imported module first ({@code --no-fold}: no optimisation pipeline), as ORT optimises at session creation; the
 * table counts the ops it removed. All models are warmed up first (ORT and DAL alternating), then measured one by one:
 * by default in blocks (a pause, some runs of one runtime, a pause, as many of the other, several blocks alternating
 * which goes first), so load on the shared machine hits both alike but neither runs beside the other's idle spinning
 * threads; with {@code --interleaved} one run of each in turn, as before. The table gives the median times, their
 * ratio, and whether the outputs agree (max |diff| within 1e-4 of ORT's largest output magnitude). Then it imports a
 * generated model of about 100 MB: time (first import, and the median of later ones), heap retained after import,
 * peak heap above the starting point, bytes allocated, and a cold import in a fresh JVM whose heap is capped at twice
 * the file size. Warm-up lasts at least {@code -Ddal.bench.warmupMillis} (default 4000) per model. Targets: DAL's median at most 2x ORT's; import at most 2 s with heap under 2x the file size.
 *
 * <p>Run: {@code benchmarks/run ort [--reps N] [--warmup N] [--only NAME] [--no-import] [--no-fold] [--ops]
 * [--interleaved]}
 * ({@code --ops}: DAL's time per op name; with {@code -Ddal.bench.opShapes=true} per op name and result shape, with
 * {@code -Ddal.bench.opNodes=true} per op name and location, that is per node).
 */
public final class OrtCompareBench {
    private static final int THREADS = Integer.getInteger("dal.bench.threads", 2);
    private static final double AGREEMENT = 1e-4;
    private static final long WARMUP_NANOS = Long.getLong("dal.bench.warmupMillis", 4000) * 1_000_000;

    /** How many blocks of each runtime's runs a model's measurement has (block mode). */
    private static final int BLOCKS = 6;
    /** The pause before each block: longer than ORT's intra-op threads spin after a run (20-40 ms measured). */
    private static final long PAUSE_MILLIS = 150;
    /** The least time a block of one runtime's runs lasts. */
    private static final long BLOCK_MILLIS = 200;

    private static boolean opBreakdown;
    private static boolean interleaved;
    private static boolean optimize = true;

    private OrtCompareBench() {}

    /** One model to compare: a file and the input to feed it. */
    private record Case(String name, Path file, Tensor input) {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int reps = 31, warmup = 10;
        String only = null;
        boolean importBench = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--no-import" -> importBench = false;
                case "--ops" -> opBreakdown = true;
                case "--interleaved" -> interleaved = true;
                case "--no-fold" -> optimize = false;
                case "--import-child" -> {
                    importChild(Path.of(args[++i]));
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("dal-ort-bench");
        List<Case> cases = new ArrayList<>(sharedModels(modelsDir()));
        cases.add(resnetCase(work));
        if (only != null) {
            String o = only;
            cases.removeIf(c -> !c.name.contains(o));
        }
        System.out.printf(
                "%s, %d cores, DAL micro-kernel %s, %d threads each, %d warm-up + %d measured runs %s%s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(),
                dev.dal.dialect.graph.kernel.Sgemm.vectorized() ? "Vector API" : "scalar",
                THREADS,
                warmup,
                reps,
                interleaved
                        ? "interleaved"
                        : "in " + BLOCKS + " blocks each (each block at least " + BLOCK_MILLIS + " ms, after a "
                                + PAUSE_MILLIS + " ms pause)",
                ORT_SPIN ? "" : ", ORT's idle spinning off");
        System.out.printf("compute probe before: %.1f GFLOP/s (1 thread), load average %s%n", probe(), loadAvg());
        List<String> rows = new ArrayList<>();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        // load everything, warm everything up (the JIT settles), then measure model by model
        List<Pair> pairs = new ArrayList<>();
        for (Case c : cases) pairs.add(new Pair(env, c));
        for (Pair p : pairs) p.warm(warmup);
        for (Pair p : pairs) {
            String row = p.measure(reps);
            System.out.println(row);
            rows.add(row);
            p.close();
        }
        System.out.printf("compute probe after: %.1f GFLOP/s (1 thread), load average %s%n%n", probe(), loadAvg());
        System.out.println(
                "| model | input | ops removed | ORT median | DAL median | DAL / ORT | outputs agree (max |diff| / max |ORT|) |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
        if (importBench) importBench(env, work);
        try (Stream<Path> s = Files.list(work)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(work);
    }

    /** {@return the shared models folder: {@code -Ddal.models}, then {@code DAL_MODELS}, then ../shared/models} */
    static Path modelsDir() {
        String p = System.getProperty("dal.models");
        if (p == null) p = System.getenv("DAL_MODELS");
        if (p == null)
            p = Path.of(System.getProperty("dal.root", "."))
                    .resolve("../shared/models")
                    .toString();
        return Path.of(p).toAbsolutePath().normalize();
    }

    private static List<Case> sharedModels(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) throw new IOException("models folder missing: " + dir + " (set -Ddal.models)");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : s.sorted().toList()) {
                Path input = d.resolve("test_data_set_0/input_0.pb");
                if (!Files.isRegularFile(input)) continue;
                for (String f : List.of("model.onnx", "model_static.onnx")) {
                    Path m = d.resolve(f);
                    String name = d.getFileName() + (f.equals("model.onnx") ? "" : " (static)");
                    if (Files.isRegularFile(m)) out.add(new Case(name, m, TensorProtos.read(input)));
                }
            }
        }
        return out;
    }

    /**
     * The pass pipeline run on every imported module before it is timed: what ONNX Runtime's graph optimiser does
     * when it opens a model (BatchNormalization folded into the conv before it, activations and residual adds fused
     * into the conv), as {@code dal-opt --pass-pipeline} runs it.
     */
    static final String PIPELINE = "canonicalize,graph-fuse";

    /** Runs {@link #PIPELINE} on {@code module} (changing it). @return how many ops it removed */
    static long optimize(Operation module) {
        long before = countOps(module);
        PassManager pm;
        try {
            pm = PipelineParser.parse(PIPELINE, PassRegistry.global());
        } catch (PipelineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<Diagnostic> diags = new ArrayList<>();
        boolean ok = pm.run(module, new PassRunConfig(), DiagnosticEngine.collecting(diags));
        if (!ok || diags.stream().anyMatch(d -> d.severity() == Severity.ERROR))
            throw new IllegalStateException("pipeline " + PIPELINE + " failed: " + diags);
        return before - countOps(module);
    }

    private static long countOps(Operation module) {
        long[] n = {0};
        module.walk(op -> n[0]++);
        return n[0];
    }

    // ---- the comparison -----------------------------------------------------------------------------------------

    /** One model loaded in both runtimes, with its input. */
    private static final class Pair implements AutoCloseable {
        final Case c;
        final Interpreter interp;
        final String fn;
        final RunOptions dalOpts = RunOptions.defaults().withThreads(THREADS);
        final OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        final OrtSession session;
        final OnnxTensor x;
        final Map<String, OnnxTensor> feed;
        final long removed;

        Pair(OrtEnvironment env, Case c) throws Exception {
            this.c = c;
            Operation module = OnnxImporter.importFile(c.file, OnnxImporter.Options.DEFAULT);
            removed = optimize ? optimize(module) : 0;
            interp = Interpreter.load(module);
            fn = interp.functionNames().getFirst();
            so.setIntraOpNumThreads(THREADS);
            so.setInterOpNumThreads(1);
            // ORT's idle threads poll for work for tens of milliseconds after a run, taking a core from the DAL run
            // that follows; -Ddal.bench.ortSpin=false turns that off (and slows ORT's own runs)
            if (!ORT_SPIN) so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session = env.createSession(c.file.toString(), so);
            x = OnnxTensor.createTensor(
                    env,
                    FloatBuffer.wrap(c.input.floats()),
                    Arrays.stream(c.input.shape()).asLongStream().toArray());
            feed = Map.of(session.getInputNames().iterator().next(), x);
        }

        float[] ort() throws OrtException {
            return runOrt(session, feed);
        }

        float[] dal() {
            return runDal(interp, fn, c.input, dalOpts);
        }

        /** Runs both until both ran {@code warmup} times and DAL ran for at least WARMUP_NANOS. */
        void warm(int warmup) throws OrtException {
            long start = System.nanoTime();
            for (int i = 0; i < warmup || System.nanoTime() - start < WARMUP_NANOS; i++) {
                ort();
                dal();
            }
        }

        /** {@return the table row: median times of {@code reps} runs of each and the outputs' agreement} */
        String measure(int reps) throws Exception {
            String agree = agreement(ort(), dal());
            double[] ort, dal;
            if (interleaved) {
                ort = new double[reps];
                dal = new double[reps];
                measureInterleaved(ort, dal);
            } else {
                List<Double> o = new ArrayList<>(), d = new ArrayList<>();
                measureInBlocks(reps, o, d);
                ort = o.stream().mapToDouble(Double::doubleValue).toArray();
                dal = d.stream().mapToDouble(Double::doubleValue).toArray();
            }
            if (opBreakdown) printOpBreakdown(interp, fn, c.input, dalOpts, reps);
            double mo = median(ort), md = median(dal);
            return String.format(
                    "| %s | %s | %d | %s ms | %s ms | %.2f | %s |",
                    c.name, Tensor.shapeText(c.input.shape()), removed, ms(mo), ms(md), md / mo, agree);
        }

        /**
         * Runs ORT and DAL alternately, one run each (and alternating which goes first): each runtime's run follows
         * the other's, so it shares the machine with whatever the other left running (ORT's spinning threads).
         */
        private void measureInterleaved(double[] ort, double[] dal) throws OrtException {
            for (int i = 0; i < ort.length; i++) {
                // alternate which runs first, so neither always follows the other's cache footprint
                if (i % 2 == 0) {
                    ort[i] = timeOrt();
                    dal[i] = timeDal();
                } else {
                    dal[i] = timeDal();
                    ort[i] = timeOrt();
                }
            }
        }

        /**
         * Runs each runtime in blocks: {@link #BLOCKS} blocks of ORT's runs and as many of DAL's, alternating which
         * goes first, with a pause of {@link #PAUSE_MILLIS} before each block so that the other runtime's threads
         * have stopped spinning and parked. A block has {@code reps / BLOCKS} runs and lasts at least
         * {@link #BLOCK_MILLIS} (a tiny model runs hundreds of times), so the first runs after the pause (threads
         * waking, caches cold) do not decide the median. Load on the machine still hits both alike (the blocks
         * alternate over the same minutes), but neither runs beside the other's idle threads.
         */
        private void measureInBlocks(int reps, List<Double> ort, List<Double> dal) throws Exception {
            int blocks = Math.min(BLOCKS, reps);
            int perBlock = Math.max(1, reps / blocks);
            for (int b = 0; b < blocks; b++) {
                for (int pass = 0; pass < 2; pass++) {
                    Thread.sleep(PAUSE_MILLIS);
                    boolean ortNow = (pass == 0) == (b % 2 == 0);
                    long end = System.nanoTime() + BLOCK_MILLIS * 1_000_000;
                    for (int i = 0; i < perBlock || System.nanoTime() < end; i++) {
                        if (ortNow) ort.add(timeOrt());
                        else dal.add(timeDal());
                    }
                }
            }
        }

        private double timeOrt() throws OrtException {
            long t0 = System.nanoTime();
            ort();
            return (System.nanoTime() - t0) / 1e6;
        }

        private double timeDal() {
            long t0 = System.nanoTime();
            dal();
            return (System.nanoTime() - t0) / 1e6;
        }

        @Override
        public void close() throws OrtException {
            x.close();
            session.close();
            so.close();
        }
    }

    /** Whether ORT's intra-op threads may spin while idle (its default; {@code -Ddal.bench.ortSpin}). */
    static final boolean ORT_SPIN = Boolean.parseBoolean(System.getProperty("dal.bench.ortSpin", "true"));

    /** Prints where DAL's time goes per op name: the time between consecutive probe calls, summed over runs. */
    private static void printOpBreakdown(Interpreter interp, String fn, Tensor input, RunOptions opts, int reps) {
        Map<String, double[]> byOp = new java.util.TreeMap<>();
        long[] last = {0};
        // reading only: the run keeps reusing dead tensors' arrays, as unprobed runs do (a probe that may keep them
        // makes every op allocate and zero its output, which doubled the 112x112 layers' times)
        RunOptions probed = opts.withProbe(OpProbe.readingOnly((op, in, out) -> {
            long now = System.nanoTime();
            String key = op.name();
            if (Boolean.getBoolean("dal.bench.opShapes") && !out.isEmpty())
                key += " " + Tensor.shapeText(out.getFirst().shape());
            if (Boolean.getBoolean("dal.bench.opNodes"))
                key += " " + firstName(op.loc().toString());
            double[] e = byOp.computeIfAbsent(key, k -> new double[2]);
            e[0] += (now - last[0]) / 1e6;
            e[1]++;
            last[0] = now;
        }));
        for (int i = 0; i < reps; i++) {
            last[0] = System.nanoTime();
            runDal(interp, fn, input, probed);
        }
        byOp.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf(
                        "  %-28s %8.3f ms per run (%d ops)%n",
                        e.getKey(), e.getValue()[0] / reps, (int) (e.getValue()[1] / reps)));
    }

    /** {@return the first {@code name=} of a printed location (a fused op's first node), or the whole text} */
    private static String firstName(String loc) {
        var m = java.util.regex.Pattern.compile("name=([^,\\]]*)").matcher(loc);
        return m.find() ? m.group(1) : loc;
    }

    private static String ms(double v) {
        return v < 1 ? String.format("%.3f", v) : v < 10 ? String.format("%.2f", v) : String.format("%.1f", v);
    }

    private static float[] runOrt(OrtSession session, Map<String, OnnxTensor> feed) throws OrtException {
        try (OrtSession.Result r = session.run(feed)) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] f = new float[fb.remaining()];
            fb.get(f);
            return f;
        }
    }

    private static float[] runDal(Interpreter interp, String fn, Tensor input, RunOptions opts) {
        return interp.run(fn, List.of(input), opts).getFirst().toF32().floats();
    }

    private static String agreement(float[] want, float[] got) {
        if (want.length != got.length) return "NO: " + got.length + " values, ORT has " + want.length;
        double max = 0, diff = 0;
        for (int i = 0; i < want.length; i++) {
            max = Math.max(max, Math.abs(want[i]));
            diff = Math.max(diff, Math.abs((double) want[i] - got[i]));
        }
        double rel = diff / Math.max(max, Float.MIN_NORMAL);
        return String.format("%s (%.1e)", rel <= AGREEMENT ? "yes" : "NO", rel);
    }

    // ---- the ResNet-style model ---------------------------------------------------------------------------------

    /**
     * {@return a ResNet-18-shaped model}: 7x7/2 conv-BN-ReLU stem and 3x3/2 max pool, then two basic blocks (3x3
     * conv-BN-ReLU, 3x3 conv-BN, add the shortcut, ReLU; a 1x1/2 conv-BN shortcut where the shape changes) at each
     * of the widths 64, 128, 256 and 512, global average pool, flatten and a 1000-way Gemm. BatchNormalization
     * stays a separate node, as exporters often leave it.
     */
    static ModelProto resnet() {
        Random r = new Random(42);
        ResNetBuilder b = new ResNetBuilder(r);
        String h = b.convBn("x", 3, 64, 7, 2, 3, true);
        b.g.node(
                "pool0",
                "MaxPool",
                List.of(h),
                List.of("pool0"),
                ints("kernel_shape", 3, 3),
                ints("strides", 2, 2),
                ints("pads", 1, 1, 1, 1));
        h = "pool0";
        int in = 64;
        for (int width : new int[] {64, 128, 256, 512}) {
            for (int blk = 0; blk < 2; blk++) {
                int stride = blk == 0 && width != 64 ? 2 : 1;
                String y = b.convBn(h, in, width, 3, stride, 1, true);
                y = b.convBn(y, width, width, 3, 1, 1, false);
                String shortcut = stride != 1 || in != width ? b.convBn(h, in, width, 1, stride, 0, false) : h;
                String sum = b.fresh("add");
                b.g.node(sum, "Add", List.of(y, shortcut), List.of(sum));
                h = b.fresh("relu");
                b.g.node(h, "Relu", List.of(sum), List.of(h));
                in = width;
            }
        }
        b.g.node("gap", "GlobalAveragePool", List.of(h), List.of("gap"));
        b.g.node("flat", "Flatten", List.of("gap"), List.of("flat"), attr("axis", 1L));
        b.g.initializer(ModelBuilder.floatTensor("fc_w", new long[] {1000, 512}, rand(r, 1000 * 512, 1 / 22.6f)));
        b.g.initializer(ModelBuilder.floatTensor("fc_b", new long[] {1000}, rand(r, 1000, 0.1f)));
        b.g.node("fc", "Gemm", List.of("flat", "fc_w", "fc_b"), List.of("logits"), attr("transB", 1L));
        return b.g.input("x", TensorProto.DataType.FLOAT, 1, 3, 224, 224)
                .output("logits", TensorProto.DataType.FLOAT, 1, 1000)
                .build();
    }

    /** Adds seeded conv + BatchNormalization (+ ReLU) layers to a graph. */
    private static final class ResNetBuilder {
        final ModelBuilder g = ModelBuilder.graph("resnet18_style").opset(13);
        final Random r;
        int next;

        ResNetBuilder(Random r) {
            this.r = r;
        }

        String fresh(String prefix) {
            return prefix + (next++);
        }

        String convBn(String x, int cin, int cout, int k, int stride, int pad, boolean relu) {
            String id = fresh("c");
            float scale = (float) Math.sqrt(2.0 / (cin * k * k));
            g.initializer(ModelBuilder.floatTensor(
                    id + "_w", new long[] {cout, cin, k, k}, rand(r, cout * cin * k * k, scale)));
            g.node(
                    id,
                    "Conv",
                    List.of(x, id + "_w"),
                    List.of(id),
                    ints("kernel_shape", k, k),
                    ints("strides", stride, stride),
                    ints("pads", pad, pad, pad, pad));
            float[] gamma = new float[cout], beta = new float[cout], mean = new float[cout], var = new float[cout];
            for (int i = 0; i < cout; i++) {
                gamma[i] = 0.5f + r.nextFloat();
                beta[i] = 0.2f * (r.nextFloat() - 0.5f);
                mean[i] = 0.2f * (r.nextFloat() - 0.5f);
                var[i] = 0.5f + r.nextFloat();
            }
            long[] d = {cout};
            g.initializer(ModelBuilder.floatTensor(id + "_g", d, gamma));
            g.initializer(ModelBuilder.floatTensor(id + "_b", d, beta));
            g.initializer(ModelBuilder.floatTensor(id + "_m", d, mean));
            g.initializer(ModelBuilder.floatTensor(id + "_v", d, var));
            String bn = id + "_bn";
            g.node(
                    bn,
                    "BatchNormalization",
                    List.of(id, id + "_g", id + "_b", id + "_m", id + "_v"),
                    List.of(bn),
                    attr("epsilon", 1e-5f));
            if (!relu) return bn;
            String out = id + "_relu";
            g.node(out, "Relu", List.of(bn), List.of(out));
            return out;
        }
    }

    private static Case resnetCase(Path work) throws IOException {
        Path f = work.resolve("resnet18_style.onnx");
        try (OutputStream out = Files.newOutputStream(f)) {
            resnet().writeTo(out);
        }
        Random r = new Random(7);
        float[] x = new float[3 * 224 * 224];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return new Case("resnet18-style (built)", f, Tensor.of(x, 1, 3, 224, 224));
    }

    private static float[] rand(Random r, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian() * scale;
        return v;
    }

    // ---- import of a 100 MB model -------------------------------------------------------------------------------

    /** {@return a model of 25 MatMul layers with 1024x1024 f32 weights each (about 105 MB)} */
    static ModelProto bigModel() {
        int layers = 25, n = 1024;
        Random r = new Random(3);
        ModelBuilder b = ModelBuilder.graph("big").input("x", TensorProto.DataType.FLOAT, 1, n);
        String prev = "x";
        for (int i = 0; i < layers; i++) {
            b.initializer(ModelBuilder.floatTensor("w" + i, new long[] {n, n}, rand(r, n * n, 1f / 32)));
            b.node("mm" + i, "MatMul", List.of(prev, "w" + i), List.of("h" + i));
            prev = "h" + i;
        }
        return b.output(prev, TensorProto.DataType.FLOAT, 1, n).build();
    }

    private static void importBench(OrtEnvironment env, Path work) throws Exception {
        Path f = work.resolve("big.onnx");
        try (OutputStream out = Files.newOutputStream(f)) {
            bigModel().writeTo(out);
        }
        long size = Files.size(f);
        System.out.printf("%nImport of a %.1f MB model (25 MatMul layers, 1024x1024 f32 weights each)%n", size / 1e6);
        // a fresh JVM: cold import, heap capped at twice the file size
        long capMb = 2 * size / (1 << 20);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + capMb + "m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                OrtCompareBench.class.getName(),
                "--import-child",
                f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String childOut = new String(p.getInputStream().readAllBytes()).trim();
        int rc = p.waitFor();
        System.out.printf(
                "fresh JVM with -Xmx%dm (2x the file): %s%s%n", capMb, childOut, rc == 0 ? "" : " (exit " + rc + ")");
        // in this (warm) JVM: time, retained and peak heap, allocation
        double[] times = new double[5];
        long retained = 0, peak = 0, allocated = 0;
        for (int i = 0; i < times.length; i++) {
            long before = usedAfterGc();
            resetPeaks();
            long a0 = allocatedBytes();
            long t0 = System.nanoTime();
            Operation module = OnnxImporter.importFile(f, OnnxImporter.Options.DEFAULT);
            times[i] = (System.nanoTime() - t0) / 1e6;
            allocated = allocatedBytes() - a0;
            peak = peakHeap() - before;
            retained = usedAfterGc() - before;
            if (module.hashCode() == 42) System.out.print("");
        }
        double ortMs;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(THREADS);
            long t0 = System.nanoTime();
            try (OrtSession s = env.createSession(f.toString(), so)) {
                ortMs = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(
                "in this JVM (warm): first %.0f ms, median of %d %.0f ms; heap retained %.1f MB, peak above start "
                        + "%.1f MB (%.2fx the file), allocated %.1f MB; ORT session creation %.0f ms%n",
                times[0],
                times.length,
                median(times),
                retained / 1e6,
                peak / 1e6,
                (double) peak / size,
                allocated / 1e6,
                ortMs);
    }

    private static void importChild(Path f) throws Exception {
        long before = usedAfterGc();
        resetPeaks();
        long t0 = System.nanoTime();
        Operation module = OnnxImporter.importFile(f, OnnxImporter.Options.DEFAULT);
        double ms = (System.nanoTime() - t0) / 1e6;
        long peak = peakHeap() - before;
        long retained = usedAfterGc() - before;
        if (module.hashCode() == 42) System.out.print("");
        System.out.printf(
                "cold import %.0f ms, heap retained %.1f MB, peak above start %.1f MB", ms, retained / 1e6, peak / 1e6);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(m -> m.getType() == MemoryType.HEAP)
                .toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** {@return the sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap)} */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String loadAvg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A fixed single-thread multiply-add loop: its rate shows how busy the machine is. */
    static double probe() {
        float[] x = new float[1024], y = new float[1024];
        Arrays.fill(x, 1.0001f);
        long t = System.nanoTime();
        int iters = 200_000;
        for (int i = 0; i < iters; i++) for (int j = 0; j < 1024; j++) y[j] = y[j] * 0.999f + x[j];
        double s = (System.nanoTime() - t) / 1e9;
        if (y[7] == 42) System.out.print("");
        return 2.0 * 1024 * iters / s / 1e9;
    }
}
