package dev.dal.ir.rewrite;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Bounds and switches of the {@link GreedyRewriteDriver}. Setters return {@code this}.
 *
 * <ul>
 *   <li>{@code maxIterations} (10): how many times the driver rescans the IR while something still changes;</li>
 *   <li>{@code maxNumRewrites} (-1 = no limit): how many pattern applications one run may make;</li>
 *   <li>{@code topDown} (true): seed the worklist parents first (pre-order) instead of post-order;</li>
 *   <li>{@code folding} (true): fold ops and deduplicate/hoist constants;</li>
 *   <li>{@code canonicalizationPatterns} (false): also use the patterns of every
 *       {@link dev.dal.ir.HasCanonicalizationPatterns} op met in the IR;</li>
 *   <li>{@code regionSimplify} (false): after each scan, erase blocks unreachable from their region's entry;</li>
 *   <li>{@code debugPatterns} (false): report every failed match with its reason to {@code debugSink}.</li>
 * </ul>
 */
public final class GreedyRewriteConfig {
    private int maxIterations = 10;
    private long maxNumRewrites = -1;
    private boolean topDown = true;
    private boolean folding = true;
    private boolean canonicalizationPatterns;
    private boolean debugPatterns;
    private boolean regionSimplify;
    private Consumer<String> debugSink = s -> {};

    /** Sets how often the IR is rescanned at most. @return this */
    public GreedyRewriteConfig maxIterations(int n) {
        if (n < 1) throw new IllegalArgumentException("max iterations must be at least 1, got " + n);
        maxIterations = n;
        return this;
    }

    /** Sets the most pattern applications per run ({@code -1}: no limit). @return this */
    public GreedyRewriteConfig maxNumRewrites(long n) {
        maxNumRewrites = n;
        return this;
    }

    /** Chooses pre-order (true) or post-order (false) seeding of the worklist. @return this */
    public GreedyRewriteConfig topDown(boolean on) {
        topDown = on;
        return this;
    }

    /** Turns folding and constant deduplication on or off. @return this */
    public GreedyRewriteConfig folding(boolean on) {
        folding = on;
        return this;
    }

    /** Also applies the canonicalization patterns of the op classes met. @return this */
    public GreedyRewriteConfig canonicalizationPatterns(boolean on) {
        canonicalizationPatterns = on;
        return this;
    }

    /** Erases unreachable blocks after each scan (the part of MLIR's region simplification done here). @return this */
    public GreedyRewriteConfig regionSimplify(boolean on) {
        regionSimplify = on;
        return this;
    }

    /** {@return whether unreachable blocks are erased} */
    public boolean regionSimplify() {
        return regionSimplify;
    }

    /** Reports every failed match (pattern, op, reason) to {@code sink}. @return this */
    public GreedyRewriteConfig debugPatterns(boolean on, Consumer<String> sink) {
        debugPatterns = on;
        debugSink = Objects.requireNonNull(sink);
        return this;
    }

    /** {@return the most rescans} */
    public int maxIterations() {
        return maxIterations;
    }

    /** {@return the most pattern applications, or -1} */
    public long maxNumRewrites() {
        return maxNumRewrites;
    }

    /** {@return whether the worklist is seeded pre-order} */
    public boolean topDown() {
        return topDown;
    }

    /** {@return whether folding is on} */
    public boolean folding() {
        return folding;
    }

    /** {@return whether canonicalization patterns are collected from the ops met} */
    public boolean canonicalizationPatterns() {
        return canonicalizationPatterns;
    }

    /** {@return whether failed matches are reported} */
    public boolean debugPatterns() {
        return debugPatterns;
    }

    /** {@return where failed matches are reported} */
    public Consumer<String> debugSink() {
        return debugSink;
    }
}
