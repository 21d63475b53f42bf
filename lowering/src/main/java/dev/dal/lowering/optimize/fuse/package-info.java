/**
 * The rewrite patterns of {@code graph-fuse} ({@link dev.dal.lowering.optimize.GraphFusePass}), one class per
 * rewrite, each rooted at one op type and named after what it does ({@code FoldBatchNormIntoProducer},
 * {@code FuseConvActivation}, {@code FuseErfGelu}, ...); {@link dev.dal.lowering.optimize.fuse.FusePatterns} lists
 * them by the statistic they count towards. Shared matching helpers are in {@code FuseSupport}.
 */
package dev.dal.lowering.optimize.fuse;
