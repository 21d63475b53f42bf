package dev.dal.lowering.quantize.calib;

import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.OpProbe;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.quantize.data.DataException;
import dev.dal.lowering.quantize.data.ModelInput;
import dev.dal.lowering.quantize.data.SampleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs calibration samples through a function of a module in one process and records {@link TensorStats} for
 * every function input and every floating-point op result, keyed by {@link ValueKey} (the op's location name and the
 * result index). Constants and other ops without operands are not observed: weights are calibrated from their
 * values, not from runs. The samples are shared out among worker threads, each observing with its own
 * {@link OpProbe} and statistics; the workers' statistics are merged at the end, which is exact, so the result does
 * not depend on the number of workers.
 */
public final class CalibrationRun {
    private final Interpreter interpreter;
    private final String function;
    private final List<ModelInput> inputs;
    private final Map<Operation, String> names = new IdentityHashMap<>();
    /** The index in {@link #order} of each observed op's first result (its results follow). */
    private final Map<Operation, Integer> slots = new IdentityHashMap<>();

    private final List<ValueKey> order = new ArrayList<>();

    /** The most samples {@link #collect(SampleSet, Calibrator)} joins into one run. */
    private static final int DEFAULT_BATCH = 8;

    private CalibrationRun(Interpreter interpreter, Operation func, String function) throws DataException {
        this.interpreter = interpreter;
        this.function = function;
        this.inputs = ModelInput.of(func, interpreter.inputNames(function));
        for (ModelInput in : inputs) order.add(ValueKey.input(in.name()));
        nameOps(func);
    }

    /**
     * {@return a run of function {@code function} of {@code module}}
     *
     * @throws DataException if there is no such function or an input is not a numeric tensor
     * @throws InterpreterException if the module cannot be executed
     */
    public static CalibrationRun of(Operation module, String function) throws DataException {
        Operation func = findFunction(module, function)
                .orElseThrow(() -> new DataException("no function named @" + function + " to calibrate"));
        return new CalibrationRun(Interpreter.load(module), func, function);
    }

    private static Optional<Operation> findFunction(Operation module, String name) {
        List<Operation> found = new ArrayList<>();
        module.walk(op -> {
            if (op.name().equals("func.func")
                    && op.attribute("sym_name").orElse(null) instanceof StringAttr s
                    && s.value().equals(name)) found.add(op);
        });
        return found.stream().findFirst();
    }

    /** Names every op of the function that may be observed, in walk order (see {@link ValueKey}). */
    private void nameOps(Operation func) {
        Map<String, Integer> seen = new HashMap<>();
        int[] position = {0};
        func.walkPreOrder(op -> {
            if (op == func) return;
            int at = position[0]++;
            if (op.numOperands() == 0 || op.isTerminator()) return;
            String base = locationName(op.loc()).orElse(op.name() + "@" + at);
            int n = seen.merge(base, 1, Integer::sum);
            String name = n == 1 ? base : base + "#" + n;
            names.put(op, name);
            slots.put(op, order.size());
            for (int k = 0; k < op.numResults(); k++) order.add(new ValueKey(name, k));
        });
    }

    /** {@return the user's name in a location: the name, or a fused location's names joined by '+'} */
    static Optional<String> locationName(Location loc) {
        return switch (loc) {
            case Location.Name n -> Optional.of(n.name());
            case Location.Fused f -> {
                List<String> parts = new ArrayList<>();
                for (Location l : f.locations()) locationName(l).ifPresent(parts::add);
                yield parts.isEmpty() ? Optional.empty() : Optional.of(String.join("+", parts));
            }
            case Location.CallSite c -> locationName(c.callee());
            default -> Optional.empty();
        };
    }

    /** {@return the function's inputs, for the sample readers} */
    public List<ModelInput> inputs() {
        return inputs;
    }

    /** {@return the key of result {@code index} of {@code op} (an op of this run's function)} */
    public Optional<ValueKey> keyOf(Operation op, int index) {
        return Optional.ofNullable(names.get(op)).map(n -> new ValueKey(n, index));
    }

    /**
     * {@return the statistics {@code calibrator} needs of every observed value over all {@code samples}}, on all
     * cores, up to 8 samples per run where the model takes a batch
     *
     * @throws DataException naming the sample that could not be read or run
     */
    public CalibrationStats collect(SampleSet samples, Calibrator calibrator) throws DataException {
        return collect(samples, calibrator::newStats, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
    }

    /**
     * {@return the statistics of every observed value over all {@code samples}}, one sample per run
     *
     * @param samples the samples
     * @param stats   makes an empty observer (the calibrator's {@link Calibrator#newStats()})
     * @param workers how many runs go at once (each with {@code cores / workers} kernel threads)
     * @throws DataException naming the sample that could not be read or run
     */
    public CalibrationStats collect(SampleSet samples, Supplier<TensorStats> stats, int workers) throws DataException {
        return collect(samples, stats, workers, 1);
    }

    /**
     * {@return the statistics of every observed value over all {@code samples}}, running up to {@code batch}
     * consecutive samples at once, concatenated along the first axis, when every input's first dimension is dynamic
     * (a batch the model refuses is run again one sample at a time). Statistics count elements, so batching does
     * not change them.
     *
     * @param samples the samples
     * @param stats   makes an empty observer (the calibrator's {@link Calibrator#newStats()})
     * @param workers how many runs go at once (each with {@code cores / workers} kernel threads)
     * @param batch   the most samples per run
     * @throws DataException naming the sample that could not be read or run
     */
    public CalibrationStats collect(SampleSet samples, Supplier<TensorStats> stats, int workers, int batch)
            throws DataException {
        List<TensorStats[]> shards = runAll(samples, Optional.of(stats), workers, batch);
        Map<ValueKey, TensorStats> merged = new LinkedHashMap<>();
        for (int k = 0; k < order.size(); k++)
            for (TensorStats[] s : shards) {
                TensorStats t = s[k];
                if (t == null) continue;
                merged.computeIfAbsent(order.get(k), x -> t.emptyLike()).merge(t);
            }
        return new CalibrationStats(samples.size(), merged);
    }

    /**
     * Runs the samples exactly as {@link #collect(SampleSet, Calibrator)} does (the same workers, kernel threads and
     * batches) but observes nothing: the plain inference that calibration's overhead is measured against.
     *
     * @throws DataException naming the sample that could not be read or run
     */
    public void infer(SampleSet samples) throws DataException {
        runAll(samples, Optional.empty(), Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
    }

    /**
     * Shares the samples out among {@code workers} threads in units of up to {@code batch} samples, each worker
     * observing into its own statistics when {@code stats} is given. {@return each worker's statistics}
     */
    private List<TensorStats[]> runAll(SampleSet samples, Optional<Supplier<TensorStats>> stats, int workers, int batch)
            throws DataException {
        int n = samples.size();
        if (n == 0) throw new DataException("no calibration samples (the sample count must be at least 1)");
        boolean batchable = inputs.stream().allMatch(in -> in.rank() > 0 && in.dim(0) < 0);
        int b = batchable ? Math.max(1, batch) : 1;
        int units = (n + b - 1) / b;
        int w = Math.max(1, Math.min(workers, units));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / w);
        RunOptions options = RunOptions.defaults().withThreads(threads);
        AtomicInteger next = new AtomicInteger();
        List<TensorStats[]> shards = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(w, r -> {
            Thread t = new Thread(r, "dal-calibration");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TensorStats[]>> futures = new ArrayList<>();
            for (int k = 0; k < w; k++)
                futures.add(pool.submit(() -> new Worker(samples, stats, options).run(next, units, b)));
            for (Future<TensorStats[]> f : futures) shards.add(await(f));
        } finally {
            pool.shutdownNow();
        }
        return shards;
    }

    /**
     * One worker: takes the next unit of samples until none is left, observing into its own statistics (one per
     * {@link #order} slot). A tentative batched run observes into scratch statistics that join the worker's only
     * when the run succeeds, so a refused batch leaves no trace.
     */
    private final class Worker {
        private final SampleSet samples;
        private final Optional<Supplier<TensorStats>> stats;
        private final RunOptions options;
        private final TensorStats[] mine = new TensorStats[order.size()];
        private TensorStats[] target = mine;

        Worker(SampleSet samples, Optional<Supplier<TensorStats>> stats, RunOptions base) {
            this.samples = samples;
            this.stats = stats;
            this.options = stats.isPresent() ? base.withProbe(OpProbe.readingOnly(this::observe)) : base;
        }

        private void observe(Operation op, List<Tensor> ins, List<Tensor> outs) {
            Integer first = slots.get(op);
            if (first == null) return;
            for (int k = 0; k < outs.size(); k++) {
                Tensor t = outs.get(k);
                if (!t.isNone() && t.dtype().isFloat()) observe(first + k, t);
            }
        }

        private void observe(int slot, Tensor t) {
            TensorStats s = target[slot];
            if (s == null) target[slot] = s = stats.orElseThrow().get();
            s.observe(t);
        }

        TensorStats[] run(AtomicInteger next, int units, int batch) throws DataException {
            for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
                int from = u * batch, to = Math.min(samples.size(), from + batch);
                List<Map<String, Tensor>> unit = new ArrayList<>();
                for (int i = from; i < to; i++) unit.add(samples.sample(i));
                if (unit.size() > 1) {
                    Optional<Map<String, Tensor>> joined = concat(unit);
                    if (joined.isPresent() && tryRun(joined.get())) {
                        unit.forEach(this::observeInputs);
                        continue;
                    }
                }
                for (int i = from; i < to; i++) {
                    Map<String, Tensor> sample = unit.get(i - from);
                    try {
                        interpreter.run(function, sample, options);
                    } catch (InterpreterException e) {
                        throw new DataException(
                                samples.source(i) + ": the model failed on this sample: " + e.getMessage(), e);
                    }
                    observeInputs(sample);
                }
            }
            return mine;
        }

        private boolean tryRun(Map<String, Tensor> batch) {
            target = new TensorStats[order.size()];
            try {
                interpreter.run(function, batch, options);
                for (int k = 0; k < target.length; k++) {
                    if (target[k] == null) continue;
                    if (mine[k] == null) mine[k] = target[k];
                    else mine[k].merge(target[k]);
                }
                return true;
            } catch (InterpreterException e) {
                return false;
            } finally {
                target = mine;
            }
        }

        private void observeInputs(Map<String, Tensor> sample) {
            if (stats.isEmpty()) return;
            for (int k = 0; k < inputs.size(); k++) {
                Tensor t = sample.get(inputs.get(k).name());
                if (t != null && t.dtype().isFloat()) observe(k, t);
            }
        }
    }

    /**
     * {@return the operand values of each of {@code ops} (ops of this run's function) on the first {@code count}
     * samples, one list of operands per sample, in sample order}: the float layer inputs that {@link EasyQuant}
     * refines scales on
     *
     * @throws DataException naming the sample that could not be read or run
     */
    public Map<Operation, List<List<Tensor>>> captureOperands(SampleSet samples, List<Operation> ops, int count)
            throws DataException {
        Map<Operation, List<List<Tensor>>> out = new IdentityHashMap<>();
        for (Operation op : ops) out.put(op, new ArrayList<>());
        RunOptions options = RunOptions.defaults().withProbe((op, ins, outs) -> {
            List<List<Tensor>> l = out.get(op);
            if (l != null) l.add(List.copyOf(ins));
        });
        for (int i = 0; i < Math.min(count, samples.size()); i++) {
            try {
                interpreter.run(function, samples.sample(i), options);
            } catch (InterpreterException e) {
                throw new DataException(samples.source(i) + ": the model failed on this sample: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** {@return the samples concatenated along the first axis, if their other dimensions agree} */
    private Optional<Map<String, Tensor>> concat(List<Map<String, Tensor>> unit) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ModelInput in : inputs) {
            Tensor first = unit.getFirst().get(in.name());
            int[] shape = first.shape().clone();
            int rows = 0;
            for (Map<String, Tensor> s : unit) {
                Tensor t = s.get(in.name());
                if (t.dtype() != first.dtype()
                        || t.rank() != first.rank()
                        || !java.util.Arrays.equals(t.shape(), 1, t.rank(), shape, 1, shape.length))
                    return Optional.empty();
                rows += t.dim(0);
            }
            shape[0] = rows;
            Object whole = first.array();
            Object all = java.lang.reflect.Array.newInstance(
                    whole.getClass().getComponentType(), first.size() / Math.max(1, first.dim(0)) * rows);
            int at = 0;
            for (Map<String, Tensor> s : unit) {
                Tensor t = s.get(in.name());
                System.arraycopy(t.array(), 0, all, at, t.size());
                at += t.size();
            }
            out.put(in.name(), Tensor.ofArray(first.dtype(), all, shape));
        }
        return Optional.of(out);
    }

    private static <T> T await(Future<T> f) throws DataException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("calibration was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DataException d) throw d;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
