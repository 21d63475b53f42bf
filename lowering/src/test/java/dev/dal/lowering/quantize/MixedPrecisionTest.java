package dev.dal.lowering.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.Attribute;
import dev.dal.ir.DictionaryAttr;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.interp.Tensor;
import dev.dal.lowering.eval.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quantize{auto-mixed-precision=...}} on the small CNN of {@link QuantModels}: what the pass records is
 * checked against an independent measurement of the quantized module on the same samples, over a rising series of
 * targets.
 */
class MixedPrecisionTest {
    private static final int SAMPLES = 8;

    @TempDir
    Path dir;

    /** The choice the pass recorded on the module. */
    record Recorded(List<String> int16, List<String> floats, double cosine) {
        int layers() {
            return int16.size() + floats.size();
        }
    }

    private static Recorded recorded(Operation module) {
        DictionaryAttr d = (DictionaryAttr) module.attribute(MixedPrecision.ATTRIBUTE)
                .orElseThrow(() -> new AssertionError("no " + MixedPrecision.ATTRIBUTE + " attribute"));
        return new Recorded(
                strings(d.get("int16").orElseThrow()),
                strings(d.get("float").orElseThrow()),
                ((FloatAttr) d.get("cosine").orElseThrow()).value());
    }

    private static List<String> strings(Attribute a) {
        List<String> out = new ArrayList<>();
        for (Attribute e : ((ArrayAttr) a).elements()) out.add(((StringAttr) e).value());
        return out;
    }

    /** {@return the mean per-sample cosine of the two modules' outputs, as the pass measures it} */
    private static double meanCosine(Operation ref, Operation q, List<Tensor> samples) {
        double sum = 0;
        for (Tensor s : samples)
            sum += Metrics.cosine(QuantizeTesting.outputs(ref, List.of(s)), QuantizeTesting.outputs(q, List.of(s)));
        return sum / samples.size();
    }

    @Test
    void reachableTargetsAreMetAndHigherTargetsKeepAtLeastAsManyLayers() throws Exception {
        List<Tensor> samples = QuantModels.samples(11, 16, 3, 8, 8);
        Path data = QuantModels.npy(dir.resolve("calib.npy"), samples);
        Operation ref = QuantizeTesting.parse(QuantModels.cnn(5));
        int previous = 0;
        boolean keptSome = false;
        for (double target : new double[] {0.9, 0.999, 0.9999, 0.99999, 0.999999}) {
            Operation q = QuantizeTesting.parse(QuantModels.cnn(5));
            QuantizeTesting.run(
                    "builtin.module(quantize{calibration-data=" + data + " auto-mixed-precision=" + target
                            + " mixed-precision-samples=" + SAMPLES + "})",
                    q);
            Recorded r = recorded(q);
            double measured = meanCosine(ref, q, samples.subList(0, SAMPLES));
            assertEquals(measured, r.cosine(), 1e-9, "the recorded cosine is the quantized module's");
            double all16 = allLayersWide(data, samples);
            if (all16 >= target) assertTrue(measured >= target, "target " + target + " reachable but " + measured);
            assertTrue(r.layers() >= previous, "target " + target + " keeps " + r + ", fewer than " + previous);
            previous = r.layers();
            keptSome |= r.layers() > 0;
            Map<String, Integer> ops = QuantizeTesting.opCounts(q);
            // the sigmoid's table has no 16-bit form: asked for 16 bits it stays float
            assertEquals(r.floats().contains("sigmoid") ? 1 : 0, ops.getOrDefault("graph.sigmoid", 0), ops::toString);
            assertTrue(r.int16().stream().noneMatch("sigmoid"::equals), r.toString());
        }
        assertTrue(keptSome, "the highest targets need some layer at 16 bits");
    }

    /** {@return the cosine with every layer of the CNN given 16 bits, by the int16-layers option} */
    private static double allLayersWide(Path data, List<Tensor> samples) {
        Operation q = QuantizeTesting.parse(QuantModels.cnn(5));
        QuantizeTesting.run(
                "builtin.module(quantize{calibration-data=" + data
                        + " int16-layers=conv1,conv2,add,sigmoid,pool,concat,gap,fc})",
                q);
        return meanCosine(QuantizeTesting.parse(QuantModels.cnn(5)), q, samples.subList(0, SAMPLES));
    }

    /** The graph op of each layer of the CNN, by location name. */
    private static final Map<String, String> GRAPH_OPS = Map.of(
            "conv1", "graph.fused_conv",
            "conv2", "graph.conv",
            "add", "graph.add",
            "sigmoid", "graph.sigmoid",
            "pool", "graph.average_pool",
            "concat", "graph.concat",
            "gap", "graph.global_average_pool",
            "fc", "graph.gemm");

    @Test
    void floatTypeRemovesTheChosenLayersFromQuantization() throws Exception {
        // one input element of 40 among values in [-1, 1]: at 8 bits the input's step is 40 / 127
        List<Tensor> samples = new ArrayList<>();
        for (Tensor t : QuantModels.samples(11, 16, 3, 8, 8)) {
            float[] x = t.floats().clone();
            x[0] = 40;
            samples.add(Tensor.of(x, t.shape()));
        }
        Path data = QuantModels.npy(dir.resolve("calib.npy"), samples);
        Operation q = QuantizeTesting.parse(QuantModels.cnn(5));
        QuantizeTesting.run(
                "builtin.module(quantize{calibration-data=" + data
                        + " auto-mixed-precision=0.9999 mixed-precision-type=float})",
                q);
        Recorded r = recorded(q);
        assertTrue(r.int16().isEmpty(), r.toString());
        assertTrue(!r.floats().isEmpty() && r.floats().size() < GRAPH_OPS.size(), r.toString());
        Map<String, Integer> ops = QuantizeTesting.opCounts(q);
        for (Map.Entry<String, String> e : GRAPH_OPS.entrySet())
            assertEquals(
                    r.floats().contains(e.getKey()) ? 1 : 0,
                    ops.getOrDefault(e.getValue(), 0),
                    e.getKey() + " (" + e.getValue() + ") in " + r + ": " + ops);
    }

    @Test
    void tablesAndMatmulsOfTwoActivationsHaveNoFaithfulInt16Form() {
        Operation m = QuantizeTesting.parse(QuantModels.attention(3));
        Map<String, Boolean> faithful = new java.util.HashMap<>();
        m.walk(op -> LayerKinds.of(op)
                .ifPresent(k -> LayerNames.of(op)
                        .ifPresent(n -> faithful.put(n, FunctionRewrite.hasFaithfulInt16Form(op, k)))));
        assertEquals(true, faithful.get("q"), "a matmul by constant weights: " + faithful);
        assertEquals(true, faithful.get("q_bias"), faithful::toString);
        assertEquals(false, faithful.get("scores"), "a matmul of two activations: " + faithful);
        assertEquals(false, faithful.get("tanh"), "a lookup table: " + faithful);
    }
}
