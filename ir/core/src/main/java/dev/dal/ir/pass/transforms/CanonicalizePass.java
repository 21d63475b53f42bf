package dev.dal.ir.pass.transforms;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.pass.Option;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import dev.dal.ir.pass.Statistic;
import dev.dal.ir.rewrite.GreedyRewriteConfig;
import dev.dal.ir.rewrite.GreedyRewriteDriver;
import dev.dal.ir.rewrite.GreedyRewriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code canonicalize}: folds ops, removes dead ones and applies canonicalization patterns to a fixed point with the
 * {@link GreedyRewriteDriver}.
 *
 * <p>Where the patterns come from: an op class that implements {@link dev.dal.ir.HasCanonicalizationPatterns}
 * contributes its patterns the first time the driver meets an op of that class (the method is an instance method,
 * so an op in the IR is the natural instance to ask; a class whose ops are absent has nothing to canonicalize).
 *
 * <p>{@code region-simplify} erases blocks unreachable from their region's entry; MLIR's other region
 * simplifications (merging identical blocks, removing dead block arguments) are not done yet. Not converging within the bounds is a warning, or an error with {@code test-convergence}.
 *
 * <p>Statistics: besides the totals, each pattern that applied counts its rewrites under its
 * {@link dev.dal.ir.rewrite.RewritePattern#debugName()}.
 */
public final class CanonicalizePass extends Pass {
    @Option(name = "top-down", help = "Seed the worklist in pre-order (parents first)")
    boolean topDown = true;

    @Option(name = "region-simplify", help = "Erase unreachable blocks after each iteration")
    boolean regionSimplify = true;

    @Option(name = "max-iterations", help = "Max. iterations between applying patterns / simplifying regions")
    int maxIterations = 10;

    @Option(name = "max-num-rewrites", help = "Max. number of pattern rewrites within an iteration (-1: no limit)")
    long maxNumRewrites = -1;

    @Option(name = "test-convergence", help = "Fail if the patterns do not converge")
    boolean testConvergence = false;

    @Option(name = "debug-patterns", help = "Print why each pattern did not match")
    boolean debugPatterns = false;

    private final Statistic numRewrites = statistic("num-rewrites", "Number of pattern rewrites");
    private final Statistic numFolds = statistic("num-folds", "Number of ops folded");
    private final Statistic numErased = statistic("num-erased", "Number of dead ops erased");
    /** One statistic per pattern that applied, named after it, made when it first applies. */
    private final java.util.Map<String, Statistic> byPattern = new java.util.HashMap<>();

    @Override
    public String argument() {
        return "canonicalize";
    }

    @Override
    public String name() {
        return "Canonicalizer";
    }

    @Override
    public String description() {
        return "Canonicalize operations";
    }

    @Override
    public void runOnOperation(Operation op, PassContext ctx) {
        if (maxIterations < 1) {
            ctx.diagnostics().report(Diagnostic.error(op.loc(), "canonicalize: max-iterations must be at least 1"));
            ctx.signalPassFailure();
            return;
        }
        GreedyRewriteConfig config = new GreedyRewriteConfig()
                .topDown(topDown)
                .maxIterations(maxIterations)
                .maxNumRewrites(maxNumRewrites)
                .canonicalizationPatterns(true)
                .regionSimplify(regionSimplify)
                .debugPatterns(debugPatterns, line -> print(ctx, line));
        GreedyRewriteResult r = GreedyRewriteDriver.applyPatternsAndFoldGreedily(op, List.of(), config);
        numRewrites.add(r.rewrites());
        numFolds.add(r.folds());
        numErased.add(r.erased());
        r.rewritesByPattern().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> byPattern
                        .computeIfAbsent(e.getKey(), k -> statistic(k, "Number of ops rewritten by this pattern"))
                        .add(e.getValue()));
        if (!r.converged()) {
            String msg = "canonicalizer did not converge after " + r.iterations() + " iterations and " + r.rewrites()
                    + " rewrites";
            if (testConvergence) {
                ctx.diagnostics().report(Diagnostic.error(op.loc(), msg));
                ctx.signalPassFailure();
            } else {
                ctx.diagnostics().report(Diagnostic.warning(op.loc(), msg));
            }
        }
    }

    private static void print(PassContext ctx, String line) {
        try {
            ctx.out().append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
