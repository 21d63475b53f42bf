package dev.dal.lowering.optimize.fuse;

import dev.dal.ir.rewrite.RewritePattern;
import java.util.List;

/** The patterns of {@code graph-fuse}, grouped by what they count as in {@code --pass-statistics}. */
public final class FusePatterns {
    private FusePatterns() {}

    /**
     * A statistic and the patterns that add to it.
     *
     * @param statistic   the statistic's name
     * @param description what it counts
     * @param patterns    the patterns
     */
    public record Group(String statistic, String description, List<RewritePattern> patterns) {
        public Group {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@return fresh instances of every pattern, by group} */
    public static List<Group> groups() {
        return List.of(
                new Group(
                        "batch-norms-folded",
                        "BatchNormalizations folded into a conv, conv_transpose or gemm",
                        List.of(new FoldBatchNormIntoProducer())),
                new Group(
                        "batch-norms-to-scale-shift",
                        "BatchNormalizations made scale_shift",
                        List.of(new BatchNormToScaleShift())),
                new Group(
                        "channel-ops-folded",
                        "Per-channel constant Mul/Add folded into a conv, conv_transpose or gemm",
                        List.of(new FoldChannelMulIntoProducer(), new FoldChannelAddIntoProducer())),
                new Group("activations-fused", "Activations fused into a conv", List.copyOf(FuseConvActivation.all())),
                new Group("residuals-fused", "Residual Adds fused into a conv", List.of(new FuseConvResidual())),
                new Group("gemms-formed", "MatMul + Add made Gemm", List.of(new MatMulAddToGemm())),
                new Group("gelus", "Decomposed GELUs recognised", List.of(new FuseErfGelu(), new FuseTanhGelu())),
                new Group("layer-norms", "Decomposed LayerNormalizations recognised", List.of(new FuseLayerNorm())),
                new Group(
                        "hard-swishes",
                        "Decomposed HardSwishes recognised",
                        List.of(new FuseHardSwish(), new FuseHardSigmoidSwish())),
                new Group("silus", "x * sigmoid(x) made SiLU", List.of(new FuseSilu())));
    }
}
