package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.ConstantOp;
import dev.dal.ir.Attribute;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.interp.ConstantEvaluator;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code op(constant a, constant b) -> constant op(a, b)} when every result has at most {@value #MAX_ELEMENTS}
 * elements: the cheap folding {@code canonicalize} does (shape arithmetic such as Shape→Gather→Unsqueeze→Concat),
 * computed by the op's own kernel through {@link ConstantEvaluator}. Larger results are left to
 * {@code graph-fold-constants}, which has a size option.
 */
final class FoldSmallConstantOp extends RewritePattern {
    /** The largest result folded by {@code canonicalize}. */
    static final long MAX_ELEMENTS = 64;

    private final Class<? extends Operation> root;

    FoldSmallConstantOp(Class<? extends Operation> root) {
        super(10);
        this.root = root;
    }

    @Override
    public Optional<Class<? extends Operation>> rootClass() {
        return Optional.of(root);
    }

    @Override
    public Match matchAndRewrite(Operation op, Rewriter rw) {
        ConstantEvaluator.Outcome r = ConstantEvaluator.evaluate(op, MAX_ELEMENTS);
        if (r.verdict() != ConstantEvaluator.Verdict.FOLDED)
            return rw.noMatch(op, "not folded: " + r.verdict().name().toLowerCase(java.util.Locale.ROOT));
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < op.numResults(); i++) {
            Attribute a = r.values().get(i);
            values.add(ConstantOp.create(rw, op.loc(), op.result(i).type(), a).output());
        }
        rw.replaceOp(op, values);
        return Match.APPLIED;
    }
}
