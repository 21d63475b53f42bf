package dev.dal.lowering.eval;

import dev.dal.ir.FunctionType;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.InterpreterException;
import dev.dal.ir.interp.OpProbe;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.print.IrPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a float model and its quantized form on the same samples and compares them: every model output, and every
 * layer both compute (matched by location name, see {@link LayerMap}), with the {@link Metrics}. Each sample runs
 * both models in this process with a probe on every op; samples run in parallel on {@code threads} threads and
 * their statistics are merged in sample order, so the report does not depend on the thread count's scheduling.
 * Memory stays bounded by one sample's float activations per thread: the quantized run compares each layer as it
 * is computed.
 */
public final class Evaluator {
    /**
     * A model to evaluate.
     *
     * @param file     where it was read from (named in the report and in messages)
     * @param module   the parsed, verified module
     * @param function the function to run
     */
    public record Model(String file, Operation module, String function) {}

    /**
     * A model input.
     *
     * @param name its name ({@code onnx.name}, or its position)
     * @param type its declared type
     */
    public record Input(String name, Type type) {}

    private final Model ref;
    private final Model test;
    private final Interpreter refInterp;
    private final Interpreter testInterp;
    private final LayerMap refLayers;
    private final LayerMap testLayers;
    private final List<Input> inputs;
    private final List<String> outputs;
    private final List<Type> refOutputTypes;
    private final List<Type> testOutputTypes;
    private final Dequantizer dequantizer;
    private final int threads;
    /** The layers both models compute, in the float model's order, and their positions by name. */
    private final List<LayerMap.Layer> common = new ArrayList<>();

    private final Map<String, Integer> commonIndex = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Evaluator(Model ref, Model test, Dequantizer dequantizer, int threads) throws EvalException {
        this.ref = ref;
        this.test = test;
        this.dequantizer = dequantizer;
        this.threads = Math.max(1, threads);
        Operation refFn = function(ref), testFn = function(test);
        this.refInterp = load(ref);
        this.testInterp = load(test);
        this.refLayers = LayerMap.of(refFn);
        this.testLayers = LayerMap.of(testFn);
        this.inputs = inputs(ref, refFn, refInterp);
        List<Input> testInputs = inputs(test, testFn, testInterp);
        checkInputs(testInputs);
        this.outputs = refInterp.outputNames(ref.function());
        this.refOutputTypes = functionType(ref, refFn).results();
        this.testOutputTypes = functionType(test, testFn).results();
        checkOutputs(testInterp.outputNames(test.function()));
        matchLayers();
    }

    /**
     * {@return an evaluator of {@code test} against {@code ref}}
     *
     * @param dequantizer how values become reals ({@link Dequantizer#standard()})
     * @param threads     how many samples run at once
     * @throws EvalException when a model cannot run, or the two models' inputs or outputs differ
     */
    public static Evaluator create(Model ref, Model test, Dequantizer dequantizer, int threads) throws EvalException {
        return new Evaluator(ref, test, dequantizer, threads);
    }

    /** {@return the inputs both models take, in argument order} */
    public List<Input> inputs() {
        return inputs;
    }

    /** {@return the outputs both models produce, in result order} */
    public List<String> outputs() {
        return outputs;
    }

    /**
     * Runs both models on every sample and compares them.
     *
     * @param labels the expected class per classifier row, in sample order (for the top-1 accuracy); one per row, or
     *               more when the samples are {@link SampleSource#bounded()}
     * @throws EvalException when a sample cannot be read or run (naming it), there are no samples, or the labels do
     *                       not fit the classifier outputs
     */
    public EvalReport evaluate(SampleSource samples, Optional<long[]> labels) throws EvalException {
        int n = samples.size();
        if (n == 0) throw new EvalException("no samples to evaluate");
        SampleResult[] results = new SampleResult[n];
        int workers = Math.min(threads, n);
        RunOptions options = RunOptions.defaults().withThreads(Math.max(1, threads / workers));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i; failure.get() == null && (i = next.getAndIncrement()) < n; ) {
                try {
                    results[i] = runSample(samples, i, options);
                } catch (EvalException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int w = 0; w < workers; w++)
            pool.add(Thread.ofPlatform().name("dal-eval-" + w).start(worker));
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EvalException("interrupted");
            }
        }
        switch (failure.get()) {
            case null -> {}
            case EvalException e -> throw e;
            case Exception bug -> throw new IllegalStateException("evaluating failed: " + bug, bug);
        }
        return report(results, labels, samples.bounded());
    }

    private SampleResult runSample(SampleSource samples, int i, RunOptions options) throws EvalException {
        Map<String, Tensor> in = samples.inputs(i);
        Map<String, Tensor> refValues = new HashMap<>();
        OpProbe refProbe = (op, ins, outs) -> {
            for (LayerMap.Layer l : refLayers.computedBy(op))
                if (commonIndex.containsKey(l.name())) refValues.put(l.name(), outs.get(l.result()));
        };
        List<Tensor> refOut = run(refInterp, ref, samples.describe(i), in, options.withProbe(refProbe));
        SampleResult r = new SampleResult(common.size(), outputs.size());
        OpProbe testProbe = (op, ins, outs) -> {
            for (LayerMap.Layer l : testLayers.computedBy(op)) {
                Integer k = commonIndex.get(l.name());
                if (k == null) continue;
                Tensor refValue = refValues.remove(l.name());
                if (refValue != null) r.compareLayer(k, refValue, common.get(k).type(), outs.get(l.result()), l.type());
            }
        };
        List<Tensor> testOut = run(testInterp, test, samples.describe(i), in, options.withProbe(testProbe));
        for (int o = 0; o < outputs.size(); o++)
            r.compareOutput(o, refOut.get(o), refOutputTypes.get(o), testOut.get(o), testOutputTypes.get(o));
        return r;
    }

    private static List<Tensor> run(
            Interpreter interp, Model m, String sample, Map<String, Tensor> in, RunOptions options)
            throws EvalException {
        try {
            return interp.run(m.function(), in, options);
        } catch (InterpreterException e) {
            throw new EvalException("sample " + sample + ": " + m.file() + ": " + e.getMessage());
        }
    }

    /** One sample's comparisons; a slot stays null when the value could not be compared. */
    private final class SampleResult {
        final ErrorStats[] layers;
        final String[] layerProblems;
        final ErrorStats[] outputs;
        final String[] outputProblems;
        final Classification[] classes;

        SampleResult(int layerCount, int outputCount) {
            layers = new ErrorStats[layerCount];
            layerProblems = new String[layerCount];
            outputs = new ErrorStats[outputCount];
            outputProblems = new String[outputCount];
            classes = new Classification[outputCount];
        }

        void compareLayer(int k, Tensor refValue, Type refType, Tensor testValue, Type testType) {
            Object c = compare(refValue, refType, testValue, testType);
            if (c instanceof float[][] pair) layers[k] = ErrorStats.of(pair[0], pair[1]);
            else layerProblems[k] = (String) c;
        }

        void compareOutput(int o, Tensor refValue, Type refType, Tensor testValue, Type testType) {
            Object c = compare(refValue, refType, testValue, testType);
            if (!(c instanceof float[][] pair)) {
                outputProblems[o] = (String) c;
                return;
            }
            outputs[o] = ErrorStats.of(pair[0], pair[1]);
            int rank = refValue.rank();
            if ((rank == 1 || rank == 2) && refValue.dim(rank - 1) >= 2 && refValue.size() > 0)
                classes[o] = Classification.of(pair[0], pair[1], refValue.dim(rank - 1));
        }

        /** {@return the two values as reals ({@code float[2][]}), or why they cannot be compared} */
        private Object compare(Tensor refValue, Type refType, Tensor testValue, Type testType) {
            if (!java.util.Arrays.equals(refValue.shape(), testValue.shape()))
                return "shapes differ: " + Tensor.shapeText(refValue.shape()) + " and "
                        + Tensor.shapeText(testValue.shape());
            Optional<float[]> a = dequantizer.realValues(refValue, refType);
            Optional<float[]> b = dequantizer.realValues(testValue, testType);
            if (a.isEmpty() || b.isEmpty())
                return "no real values to compare (" + refValue.describe() + " and " + testValue.describe() + ")";
            return new float[][] {a.get(), b.get()};
        }
    }

    private EvalReport report(SampleResult[] results, Optional<long[]> labels, boolean bounded) throws EvalException {
        List<String> reportNotes = new ArrayList<>(notes);
        List<EvalReport.LayerResult> layerResults = new ArrayList<>();
        for (int k = 0; k < common.size(); k++) {
            ErrorStats s = new ErrorStats();
            String problem = null;
            for (SampleResult r : results) {
                if (r.layers[k] != null) s.merge(r.layers[k]);
                else if (problem == null) problem = r.layerProblems[k];
            }
            LayerMap.Layer l = common.get(k);
            if (problem != null) reportNotes.add("layer '" + l.name() + "' not compared: " + problem);
            else if (!s.isEmpty())
                layerResults.add(new EvalReport.LayerResult(
                        layerResults.size(),
                        l.name(),
                        l.op().name(),
                        testLayers.layers().stream()
                                .filter(t -> t.name().equals(l.name()))
                                .findFirst()
                                .map(t -> t.op().name())
                                .orElse(""),
                        LayerMap.typeText(l),
                        s.summary()));
        }
        List<EvalReport.OutputResult> outputResults = new ArrayList<>();
        boolean labelsUsed = false;
        for (int o = 0; o < outputs.size(); o++) {
            ErrorStats s = new ErrorStats();
            for (SampleResult r : results) {
                if (r.outputs[o] == null)
                    throw new EvalException(
                            "output '" + outputs.get(o) + "' cannot be compared: " + r.outputProblems[o]);
                s.merge(r.outputs[o]);
            }
            Optional<EvalReport.ClassifierResult> cls = classifier(o, results, labels, bounded);
            labelsUsed |= cls.isPresent() && cls.get().floatAccuracy().isPresent();
            outputResults.add(new EvalReport.OutputResult(
                    outputs.get(o), IrPrinter.typeText(refOutputTypes.get(o)), s.summary(), cls));
        }
        if (labels.isPresent() && !labelsUsed)
            throw new EvalException(
                    "labels were given but no model output is a classifier ([N, classes] or" + " [classes])");
        return new EvalReport(ref.file(), test.file(), results.length, outputResults, layerResults, reportNotes);
    }

    private Optional<EvalReport.ClassifierResult> classifier(
            int o, SampleResult[] results, Optional<long[]> labels, boolean bounded) throws EvalException {
        int classes = -1, rows = 0;
        for (SampleResult r : results) {
            Classification c = r.classes[o];
            if (c == null || (classes >= 0 && c.classes() != classes)) return Optional.empty();
            classes = c.classes();
            rows += c.refTop1().length;
        }
        if (rows == 0) return Optional.empty();
        long[] expected = labels.orElse(null);
        if (expected != null && (expected.length < rows || (expected.length > rows && !bounded)))
            throw new EvalException("the labels hold " + expected.length + " labels but output '" + outputs.get(o)
                    + "' has " + rows + " rows over " + results.length + " samples");
        int agree1 = 0, agree5 = 0, refRight = 0, testRight = 0, row = 0;
        for (SampleResult r : results) {
            Classification c = r.classes[o];
            for (int j = 0; j < c.refTop1().length; j++, row++) {
                if (c.refTop1()[j] == c.testTop1()[j]) agree1++;
                if (c.inTop5()[j]) agree5++;
                if (expected != null) {
                    if (c.refTop1()[j] == expected[row]) refRight++;
                    if (c.testTop1()[j] == expected[row]) testRight++;
                }
            }
        }
        return Optional.of(new EvalReport.ClassifierResult(
                rows,
                classes,
                (double) agree1 / rows,
                (double) agree5 / rows,
                expected == null ? OptionalDouble.empty() : OptionalDouble.of((double) refRight / rows),
                expected == null ? OptionalDouble.empty() : OptionalDouble.of((double) testRight / rows)));
    }

    private void matchLayers() {
        Map<String, LayerMap.Layer> testByName = new HashMap<>();
        for (LayerMap.Layer l : testLayers.layers()) testByName.put(l.name(), l);
        List<String> onlyFloat = new ArrayList<>();
        for (LayerMap.Layer l : refLayers.layers()) {
            if (testByName.remove(l.name()) == null) onlyFloat.add(l.name());
            else {
                commonIndex.put(l.name(), common.size());
                common.add(l);
            }
        }
        if (!onlyFloat.isEmpty())
            notes.add(onlyFloat.size() + " layer(s) only in the float model: " + abbreviate(onlyFloat));
        List<String> onlyTest = testLayers.layers().stream()
                .map(LayerMap.Layer::name)
                .filter(testByName::containsKey)
                .toList();
        if (!onlyTest.isEmpty())
            notes.add(onlyTest.size() + " layer(s) only in the quantized model: " + abbreviate(onlyTest));
    }

    private static String abbreviate(List<String> names) {
        int shown = Math.min(names.size(), 10);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", ..." : "");
    }

    private void checkInputs(List<Input> testInputs) throws EvalException {
        if (testInputs.size() != inputs.size())
            throw new EvalException("the models have different inputs: " + ref.file() + " takes " + inputs.size() + ", "
                    + test.file() + " takes " + testInputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input a = inputs.get(i), b = testInputs.get(i);
            if (!a.name().equals(b.name()) || !a.type().equals(b.type()))
                throw new EvalException("the models have different inputs: #" + i + " is '" + a.name() + "' "
                        + IrPrinter.typeText(a.type()) + " in " + ref.file() + " but '" + b.name() + "' "
                        + IrPrinter.typeText(b.type()) + " in " + test.file());
        }
    }

    private void checkOutputs(List<String> testOutputs) throws EvalException {
        if (testOutputs.size() != outputs.size())
            throw new EvalException("the models have different outputs: " + ref.file() + " has " + outputs.size() + ", "
                    + test.file() + " has " + testOutputs.size());
        for (int o = 0; o < outputs.size(); o++) {
            Type a = refOutputTypes.get(o), b = testOutputTypes.get(o);
            boolean sameShape = a instanceof ShapedType sa && b instanceof ShapedType sb
                    ? sa.hasRank() == sb.hasRank()
                            && (!sa.hasRank() || sa.shape().equals(sb.shape()))
                    : a.equals(b);
            if (!outputs.get(o).equals(testOutputs.get(o)) || !sameShape)
                throw new EvalException("the models have different outputs: #" + o + " is '" + outputs.get(o) + "' "
                        + IrPrinter.typeText(a) + " in " + ref.file() + " but '" + testOutputs.get(o) + "' "
                        + IrPrinter.typeText(b) + " in " + test.file());
        }
    }

    private static Interpreter load(Model m) throws EvalException {
        try {
            return Interpreter.load(m.module());
        } catch (InterpreterException e) {
            throw new EvalException(m.file() + ": " + e.getMessage());
        }
    }

    private static Operation function(Model m) throws EvalException {
        List<Operation> found = new ArrayList<>();
        m.module().walk(op -> {
            if (op.name().equals("func.func")
                    && op.attribute("sym_name").orElse(null) instanceof StringAttr s
                    && s.value().equals(m.function())) found.add(op);
        });
        if (found.isEmpty()) throw new EvalException(m.file() + ": no function named '" + m.function() + "'");
        return found.getFirst();
    }

    private static FunctionType functionType(Model m, Operation fn) throws EvalException {
        if (fn.attribute("function_type").orElse(null) instanceof TypeAttr t && t.value() instanceof FunctionType f)
            return f;
        throw new EvalException(m.file() + ": function '" + m.function() + "' has no function type");
    }

    private static List<Input> inputs(Model m, Operation fn, Interpreter interp) throws EvalException {
        List<Type> types = functionType(m, fn).inputs();
        List<String> names = interp.inputNames(m.function());
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) out.add(new Input(names.get(i), types.get(i)));
        return out;
    }
}
