package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.CastOp;
import dev.dal.dialect.graph.ConcatOp;
import dev.dal.dialect.graph.FlattenOp;
import dev.dal.dialect.graph.GatherOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.dialect.graph.ReshapeOp;
import dev.dal.dialect.graph.SliceOp;
import dev.dal.dialect.graph.SqueezeOp;
import dev.dal.dialect.graph.UnsqueezeOp;
import dev.dal.ir.rewrite.RewritePattern;
import java.util.List;

/**
 * The canonicalization patterns of each {@code graph} op that has some, for the op declarations'
 * {@code canonicalizationPatterns()} to return. The pattern classes are package-private: this is their one entry.
 */
public final class GraphCanonicalization {
    private GraphCanonicalization() {}

    /** {@return the patterns of {@code graph.identity}} */
    public static List<RewritePattern> identity() {
        return List.of(new RemoveIdentity());
    }

    /** {@return the patterns of {@code graph.dropout}} */
    public static List<RewritePattern> dropout() {
        return List.of(new RemoveInferenceDropout());
    }

    /** {@return the patterns of {@code graph.reshape}} */
    public static List<RewritePattern> reshape() {
        return List.of(new FoldSmallConstantOp(ReshapeOp.class), new CollapseReshapeChain(ReshapeOp.class));
    }

    /** {@return the patterns of {@code graph.flatten}} */
    public static List<RewritePattern> flatten() {
        return List.of(new FoldSmallConstantOp(FlattenOp.class), new CollapseReshapeChain(FlattenOp.class));
    }

    /** {@return the patterns of {@code graph.squeeze}} */
    public static List<RewritePattern> squeeze() {
        return List.of(new FoldSmallConstantOp(SqueezeOp.class), new CancelSqueezeUnsqueeze(SqueezeOp.class));
    }

    /** {@return the patterns of {@code graph.unsqueeze}} */
    public static List<RewritePattern> unsqueeze() {
        return List.of(new FoldSmallConstantOp(UnsqueezeOp.class), new CancelSqueezeUnsqueeze(UnsqueezeOp.class));
    }

    /** {@return the patterns of {@code graph.transpose}} */
    public static List<RewritePattern> transpose() {
        return List.of(new ComposeTransposes());
    }

    /** {@return the patterns of {@code graph.cast}} */
    public static List<RewritePattern> cast() {
        return List.of(new FoldSmallConstantOp(CastOp.class), new RemoveLosslessCastRoundTrip());
    }

    /** {@return the patterns of {@code graph.pad}} */
    public static List<RewritePattern> pad() {
        return List.of(new RemoveZeroPad());
    }

    /** {@return the patterns of {@code graph.mul}} */
    public static List<RewritePattern> mul() {
        return List.of(new FoldSmallConstantOp(MulOp.class), new RemoveMulByOne());
    }

    /** {@return the patterns of {@code graph.add}} */
    public static List<RewritePattern> add() {
        return List.of(new FoldSmallConstantOp(AddOp.class), new RemoveAddOfZero());
    }

    /** {@return the patterns of {@code graph.concat}} */
    public static List<RewritePattern> concat() {
        return List.of(new FoldSmallConstantOp(ConcatOp.class), new RemoveSingleInputConcat());
    }

    /** {@return the patterns of {@code graph.shape}} */
    public static List<RewritePattern> shape() {
        return List.of(new FoldStaticShape());
    }

    /** {@return the patterns of {@code graph.gather}} */
    public static List<RewritePattern> gather() {
        return List.of(new FoldSmallConstantOp(GatherOp.class));
    }

    /** {@return the patterns of {@code graph.slice}} */
    public static List<RewritePattern> slice() {
        return List.of(new FoldSmallConstantOp(SliceOp.class));
    }
}
