package dev.dal.lowering.optimize;

import dev.dal.ir.Operation;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.pass.Option;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import dev.dal.ir.pass.Statistic;
import dev.dal.ir.rewrite.GreedyRewriteConfig;
import dev.dal.ir.rewrite.GreedyRewriteDriver;
import dev.dal.ir.rewrite.GreedyRewriteResult;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.rewrite.Rewriter;
import dev.dal.lowering.optimize.fuse.FusePatterns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code graph-fuse} (also {@code fuse}): rewrites {@code graph} subgraphs into fewer, fused ops, to a fixed point.
 * BatchNormalization and per-channel constant Mul/Add fold into the preceding Conv, ConvTranspose or Gemm; the
 * BatchNormalizations left become {@code graph.scale_shift}; Conv + activation and Conv + residual Add become
 * {@code graph.fused_conv}; MatMul + Add becomes Gemm; decomposed GELU, LayerNormalization, HardSwish and SiLU
 * become single ops. Each fused op's location fuses those of the ops it replaces. The patterns are in
 * {@link dev.dal.lowering.optimize.fuse}.
 */
public final class GraphFusePass extends Pass {
    @Option(name = "max-iterations", help = "Max. iterations of the pattern driver")
    int maxIterations = 10;

    @Option(name = "debug-patterns", help = "Print why each pattern did not match")
    boolean debugPatterns = false;

    private final Statistic opsRemoved = statistic("ops-removed", "Number of ops fewer after fusion");
    private final List<Statistic> groupStats = new ArrayList<>();
    private final List<FusePatterns.Group> groups = FusePatterns.groups();

    /** Creates the pass with one statistic per pattern group. */
    public GraphFusePass() {
        for (FusePatterns.Group g : groups) groupStats.add(statistic(g.statistic(), g.description()));
    }

    @Override
    public String argument() {
        return "graph-fuse";
    }

    @Override
    public List<String> aliases() {
        return List.of("fuse");
    }

    @Override
    public String name() {
        return "GraphFuse";
    }

    @Override
    public String description() {
        return "Fuse graph ops: fold BatchNorm into convs, conv + activation/residual, GELU, LayerNorm, HardSwish, SiLU";
    }

    @Override
    public void runOnOperation(Operation op, PassContext ctx) {
        if (maxIterations < 1) {
            ctx.diagnostics().report(Diagnostic.error(op.loc(), "graph-fuse: max-iterations must be at least 1"));
            ctx.signalPassFailure();
            return;
        }
        List<RewritePattern> patterns = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++)
            for (RewritePattern p : groups.get(i).patterns()) patterns.add(new Counted(p, groupStats.get(i)));
        long before = countOps(op);
        GreedyRewriteConfig config = new GreedyRewriteConfig()
                .maxIterations(maxIterations)
                .folding(false)
                .canonicalizationPatterns(false)
                .debugPatterns(debugPatterns, line -> print(ctx, line));
        GreedyRewriteResult r = GreedyRewriteDriver.applyPatternsAndFoldGreedily(op, patterns, config);
        opsRemoved.add(before - countOps(op));
        if (!r.converged())
            ctx.diagnostics()
                    .report(Diagnostic.warning(
                            op.loc(), "graph-fuse did not converge after " + r.iterations() + " iterations"));
    }

    private static long countOps(Operation root) {
        AtomicLong n = new AtomicLong();
        root.walk(o -> n.incrementAndGet());
        return n.get();
    }

    private static void print(PassContext ctx, String line) {
        try {
            ctx.out().append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pattern that counts its successful rewrites in a statistic. */
    private static final class Counted extends RewritePattern {
        private final RewritePattern inner;
        private final Statistic count;

        Counted(RewritePattern inner, Statistic count) {
            super(inner.benefit());
            this.inner = inner;
            this.count = count;
        }

        @Override
        public Optional<Class<? extends Operation>> rootClass() {
            return inner.rootClass();
        }

        @Override
        public String debugName() {
            return inner.debugName();
        }

        @Override
        public Match matchAndRewrite(Operation op, Rewriter rw) {
            Match m = inner.matchAndRewrite(op, rw);
            if (m == Match.APPLIED) count.increment();
            return m;
        }
    }
}
