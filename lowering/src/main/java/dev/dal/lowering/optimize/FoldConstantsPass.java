package dev.dal.lowering.optimize;

import dev.dal.ir.Attribute;
import dev.dal.ir.Dialect;
import dev.dal.ir.DialectRegistry;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.interp.ConstantEvaluator;
import dev.dal.ir.pass.Option;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassContext;
import dev.dal.ir.pass.Statistic;
import dev.dal.ir.rewrite.GreedyRewriteDriver;
import dev.dal.ir.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code graph-fold-constants}: replaces every pure op whose operands are all constants by constants of its results,
 * computed by the op's own interpreter kernel ({@link ConstantEvaluator}), then erases the ops left unused. Ops are
 * visited in program order, so a chain of constant ops folds in one run. A result larger than {@code max-elements}
 * is not folded (folding an Expand or Tile of a small constant would grow the model); nor is an op whose kernel
 * rejects its inputs (the interpreter reports that when the program runs). Each folded constant keeps the location
 * of the op it replaces.
 */
public final class FoldConstantsPass extends Pass {
    @Option(name = "max-elements", help = "Fold only ops whose every result has at most this many elements")
    long maxElements = 1L << 22;

    private final Statistic numFolded = statistic("num-folded", "Number of ops replaced by constants");
    private final Statistic numTooLarge =
            statistic("num-too-large", "Number of constant ops not folded because a result exceeds max-elements");
    private final Statistic numErased = statistic("num-erased", "Number of ops erased as unused after folding");

    @Override
    public String argument() {
        return "graph-fold-constants";
    }

    @Override
    public String name() {
        return "FoldConstants";
    }

    @Override
    public String description() {
        return "Replace pure ops of constant operands by constants computed with their interpreter kernels";
    }

    @Override
    public void runOnOperation(Operation root, PassContext ctx) {
        if (maxElements < 0) {
            ctx.diagnostics()
                    .report(Diagnostic.error(
                            root.loc(), "graph-fold-constants: max-elements must not be negative, got " + maxElements));
            ctx.signalPassFailure();
            return;
        }
        Rewriter rw = new Rewriter();
        List<Operation> ops = new ArrayList<>();
        root.walkPreOrder(o -> {
            if (o != root) ops.add(o);
        });
        for (Operation op : ops) fold(op, rw);
        eraseDead(root, rw);
    }

    private void fold(Operation op, Rewriter rw) {
        ConstantEvaluator.Outcome r = ConstantEvaluator.evaluate(op, maxElements);
        if (r.verdict() == ConstantEvaluator.Verdict.TOO_LARGE) numTooLarge.increment();
        if (r.verdict() != ConstantEvaluator.Verdict.FOLDED) return;
        Optional<Dialect> dialect = DialectRegistry.global().dialect(op.dialectName());
        if (dialect.isEmpty()) return;
        List<Value> values = new ArrayList<>();
        rw.setInsertionPoint(op);
        for (int i = 0; i < op.numResults(); i++) {
            Attribute a = r.values().get(i);
            Optional<Operation> c =
                    dialect.get().materializeConstant(rw, a, op.result(i).type(), op.loc());
            if (c.isEmpty()) {
                for (Value v : values) rw.eraseOp(((dev.dal.ir.OpResult) v).owner());
                return;
            }
            if (c.get().parentBlock().isEmpty()) rw.insert(c.get());
            values.add(c.get().result(0));
        }
        rw.replaceOp(op, values);
        numFolded.increment();
    }

    /** Erases trivially dead ops, users before producers, until none is left. */
    private void eraseDead(Operation root, Rewriter rw) {
        boolean erased;
        do {
            erased = false;
            List<Operation> ops = new ArrayList<>();
            root.walk(o -> {
                if (o != root) ops.add(o);
            });
            for (int i = ops.size() - 1; i >= 0; i--) {
                Operation o = ops.get(i);
                if (o.parentBlock().isPresent() && GreedyRewriteDriver.isTriviallyDead(o)) {
                    rw.eraseOp(o);
                    numErased.increment();
                    erased = true;
                }
            }
        } while (erased);
    }
}
