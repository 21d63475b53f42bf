package dev.dal.ir.rewrite;

/**
 * What a {@link GreedyRewriteDriver} run did.
 *
 * @param converged  whether the last scan changed nothing (false: an iteration or rewrite bound was hit first)
 * @param iterations how many scans of the IR were made
 * @param rewrites   pattern applications
 * @param folds      ops folded (replaced by constants or existing values, or updated in place) and constants
 *                   deduplicated
 * @param erased     trivially dead ops erased
 * @param rewritesByPattern pattern applications per pattern ({@link RewritePattern#debugName()}), for statistics
 */
public record GreedyRewriteResult(
        boolean converged,
        int iterations,
        long rewrites,
        long folds,
        long erased,
        java.util.Map<String, Long> rewritesByPattern) {
    /** A result without per-pattern counts. */
    public GreedyRewriteResult(boolean converged, int iterations, long rewrites, long folds, long erased) {
        this(converged, iterations, rewrites, folds, erased, java.util.Map.of());
    }
}
