package dev.dal.lowering.quantize;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.Severity;
import dev.dal.ir.diag.SourceFile;
import dev.dal.ir.interp.Interpreter;
import dev.dal.ir.interp.Npy;
import dev.dal.ir.interp.RunOptions;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.parse.IrParser;
import dev.dal.ir.parse.ParserConfig;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineException;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.ir.print.IrPrinter;
import dev.dal.ir.print.PrintOptions;
import dev.dal.lowering.eval.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Helpers for the quantize pass's tests: running pipelines, comparing float and quantized runs. */
final class QuantizeTesting {
    private QuantizeTesting() {}

    /** {@return the module parsed from IR text} */
    static Operation parse(String ir) {
        List<Diagnostic> diags = new ArrayList<>();
        return IrParser.parse(new SourceFile("<test>", ir), new ParserConfig(false), DiagnosticEngine.collecting(diags))
                .orElseThrow(() -> new AssertionError("does not parse: " + diags + "\n" + ir));
    }

    /** {@return the error diagnostics of a pipeline run (verifying after each pass); empty when it succeeded} */
    static List<Diagnostic> tryRun(String pipeline, Operation module) {
        PassManager pm;
        try {
            pm = PipelineParser.parse(pipeline, PassRegistry.global());
        } catch (PipelineException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        List<Diagnostic> diags = new ArrayList<>();
        boolean ok = pm.run(module, new PassRunConfig().verifyEach(true), DiagnosticEngine.collecting(diags));
        List<Diagnostic> errors =
                diags.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!ok && errors.isEmpty()) throw new AssertionError("pipeline failed without an error: " + diags);
        return errors;
    }

    /** Runs a pipeline and fails with the diagnostics and the IR if anything fails. */
    static void run(String pipeline, Operation module) {
        List<Diagnostic> errors = tryRun(pipeline, module);
        if (!errors.isEmpty())
            throw new AssertionError("pipeline '" + pipeline + "' failed: " + errors + "\n" + print(module));
    }

    /** {@return the number of ops of each name in the module, the module and functions excluded} */
    static Map<String, Integer> opCounts(Operation module) {
        Map<String, Integer> counts = new TreeMap<>();
        module.walk(o -> {
            if (o == module || o.name().startsWith("func.") || o.name().startsWith("builtin.")) return;
            counts.merge(o.name(), 1, Integer::sum);
        });
        return counts;
    }

    static String print(Operation module) {
        return new IrPrinter(new PrintOptions(false, false, OptionalLong.of(16))).print(module);
    }

    /** {@return the first output of a one-function module on each sample, flattened and concatenated} */
    static float[] outputs(Operation module, List<Tensor> samples) {
        Interpreter interp = Interpreter.load(module);
        String fn = interp.functionNames().getFirst();
        List<float[]> outs = new ArrayList<>();
        int n = 0;
        for (Tensor s : samples) {
            float[] o = interp.run(fn, List.of(s), RunOptions.defaults())
                    .getFirst()
                    .toF32()
                    .floats();
            outs.add(o);
            n += o.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] o : outs) {
            System.arraycopy(o, 0, all, at, o.length);
            at += o.length;
        }
        return all;
    }

    /** {@return the cosine similarity of the float and the quantized module's outputs on the samples} */
    static double cosine(Operation floatModule, Operation quantized, List<Tensor> samples) {
        return Metrics.cosine(outputs(floatModule, samples), outputs(quantized, samples));
    }

    /** {@return rows {@code from} (inclusive) to {@code to} of an array whose first axis indexes samples} */
    static List<Tensor> rows(Path npy, int from, int to) throws IOException {
        Tensor all = Npy.read(npy).toF32();
        int[] shape = all.shape();
        int per = all.size() / shape[0];
        int[] one = shape.clone();
        one[0] = 1;
        float[] f = all.floats();
        List<Tensor> out = new ArrayList<>();
        for (int i = from; i < to; i++)
            out.add(Tensor.of(java.util.Arrays.copyOfRange(f, i * per, (i + 1) * per), one));
        return out;
    }
}
