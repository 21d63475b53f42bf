package dev.dal.lowering.eval;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What an evaluation found: the error of each model output and of each layer the two models share, over all
 * samples.
 *
 * @param floatModel      the reference model's file
 * @param quantizedModel  the compared model's file
 * @param samples         how many samples both models ran on
 * @param outputs         the model outputs, in result order
 * @param layers          the layers both models compute (matched by location name), in the float model's order
 * @param notes           what could not be compared, and why
 */
public record EvalReport(
        String floatModel,
        String quantizedModel,
        int samples,
        List<OutputResult> outputs,
        List<LayerResult> layers,
        List<String> notes) {
    public EvalReport {
        outputs = List.copyOf(outputs);
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    /** {@return the layers, worst first: lowest mean cosine similarity, then lowest PSNR, then graph order} */
    public List<LayerResult> worstLayersFirst() {
        return layers.stream()
                .sorted(Comparator.comparingDouble(
                                (LayerResult l) -> l.metrics().cosine())
                        .thenComparingDouble(l -> l.metrics().psnr())
                        .thenComparingInt(LayerResult::index))
                .toList();
    }

    /**
     * One model output.
     *
     * @param name       its name ({@code onnx.name}, or its position)
     * @param type       the float model's declared type, as IR text
     * @param metrics    the error over all samples
     * @param classifier for an output shaped {@code [N, classes]} or {@code [classes]}: agreement and accuracy
     */
    public record OutputResult(
            String name, String type, ErrorStats.Summary metrics, java.util.Optional<ClassifierResult> classifier) {}

    /**
     * How two classifiers agree, per row of the output (one row per sample for a batch of one).
     *
     * @param rows              how many rows were classified
     * @param classes           the number of classes
     * @param top1Agreement     the fraction of rows where both models rank the same class first
     * @param top5Agreement     the fraction of rows where the float model's first class is among the quantized
     *                          model's five highest (all classes when there are fewer than five)
     * @param floatAccuracy     with labels: the float model's top-1 accuracy
     * @param quantizedAccuracy with labels: the quantized model's top-1 accuracy
     */
    public record ClassifierResult(
            int rows,
            int classes,
            double top1Agreement,
            double top5Agreement,
            OptionalDouble floatAccuracy,
            OptionalDouble quantizedAccuracy) {}

    /**
     * One layer.
     *
     * @param index         its position among the compared layers, in the float model's order
     * @param name          its location name
     * @param floatOp       the float model's op computing it
     * @param quantizedOp   the quantized model's op computing it
     * @param type          the float model's type of the value, as IR text
     * @param metrics       the error over all samples
     */
    public record LayerResult(
            int index, String name, String floatOp, String quantizedOp, String type, ErrorStats.Summary metrics) {}
}
