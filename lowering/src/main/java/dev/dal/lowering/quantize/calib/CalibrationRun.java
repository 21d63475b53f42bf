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
    private final List<ValueKey> order = new ArrayList<>();

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
     * {@return the statistics of every observed value over all {@code samples}}
     *
     * @param samples  the samples
     * @param stats    makes an empty observer (the calibrator's {@link Calibrator#newStats()})
     * @param workers  how many samples run at once (each with {@code cores / workers} kernel threads)
     * @throws DataException naming the sample that could not be read or run
     */
    public CalibrationStats collect(SampleSet samples, Supplier<TensorStats> stats, int workers) throws DataException {
        int n = samples.size();
        if (n == 0) throw new DataException("no calibration samples (the sample count must be at least 1)");
        int w = Math.max(1, Math.min(workers, n));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / w);
        AtomicInteger next = new AtomicInteger();
        List<Map<ValueKey, TensorStats>> shards = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(w, r -> {
            Thread t = new Thread(r, "dal-calibration");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Map<ValueKey, TensorStats>>> futures = new ArrayList<>();
            for (int k = 0; k < w; k++)
                futures.add(pool.submit(
                        () -> shard(samples, stats, next, RunOptions.defaults().withThreads(threads))));
            for (Future<Map<ValueKey, TensorStats>> f : futures) shards.add(await(f));
        } finally {
            pool.shutdownNow();
        }
        Map<ValueKey, TensorStats> merged = new LinkedHashMap<>();
        for (ValueKey key : order)
            for (Map<ValueKey, TensorStats> s : shards) {
                TensorStats t = s.get(key);
                if (t == null) continue;
                merged.computeIfAbsent(key, x -> t.emptyLike()).merge(t);
            }
        return new CalibrationStats(n, merged);
    }

    /** One worker: takes the next sample until none is left, observing with its own statistics. */
    private Map<ValueKey, TensorStats> shard(
            SampleSet samples, Supplier<TensorStats> stats, AtomicInteger next, RunOptions base) throws DataException {
        Map<ValueKey, TensorStats> mine = new HashMap<>();
        OpProbe probe = (op, ins, outs) -> {
            String name = names.get(op);
            if (name == null) return;
            for (int k = 0; k < outs.size(); k++) {
                Tensor t = outs.get(k);
                if (t.isNone() || !t.dtype().isFloat()) continue;
                mine.computeIfAbsent(new ValueKey(name, k), x -> stats.get()).observe(t);
            }
        };
        RunOptions options = base.withProbe(probe);
        for (int i = next.getAndIncrement(); i < samples.size(); i = next.getAndIncrement()) {
            Map<String, Tensor> sample = samples.sample(i);
            for (ModelInput in : inputs) {
                Tensor t = sample.get(in.name());
                if (t != null && t.dtype().isFloat())
                    mine.computeIfAbsent(ValueKey.input(in.name()), x -> stats.get())
                            .observe(t);
            }
            try {
                interpreter.run(function, sample, options);
            } catch (InterpreterException e) {
                throw new DataException(samples.source(i) + ": the model failed on this sample: " + e.getMessage(), e);
            }
        }
        return mine;
    }

    private static Map<ValueKey, TensorStats> await(Future<Map<ValueKey, TensorStats>> f) throws DataException {
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
