package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.TransposeOp;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code transpose(transpose(x, p), q) -> transpose(x, [p[q[i]]])}, and {@code -> x} when that permutation is the
 * identity (the pair is inverse); also {@code transpose(x, identity) -> x}. The composed op's location fuses both.
 */
final class ComposeTransposes extends OpPattern<TransposeOp> {
    ComposeTransposes() {
        super(TransposeOp.class, 1);
    }

    @Override
    public Match apply(TransposeOp t, Rewriter rw) {
        Optional<long[]> q = perm(t);
        if (q.isEmpty()) return rw.noMatch(t, "the input rank is unknown");
        if (isIdentity(q.get()) && t.data().type().equals(t.transposed().type())) {
            rw.replaceOp(t, t.data());
            return Match.APPLIED;
        }
        Optional<TransposeOp> inner = Canon.producer(t.data(), TransposeOp.class);
        if (inner.isEmpty()) return rw.noMatch(t, "the input is not transposed");
        Optional<long[]> p = perm(inner.get());
        if (p.isEmpty()) return rw.noMatch(t, "the inner input rank is unknown");
        long[] composed = new long[q.get().length];
        for (int i = 0; i < composed.length; i++) composed[i] = p.get()[(int) q.get()[i]];
        if (isIdentity(composed)
                && inner.get().data().type().equals(t.transposed().type())) {
            rw.replaceOp(t, inner.get().data());
            return Match.APPLIED;
        }
        TransposeOp merged = TransposeOp.create(
                rw,
                Canon.fused(inner.get(), t),
                t.transposed().type(),
                inner.get().data(),
                Optional.of(DenseArrayAttr.i64(composed)));
        rw.replaceOp(t, merged);
        return Match.APPLIED;
    }

    /** {@return the op's permutation; absent means reversing the axes} */
    private static Optional<long[]> perm(TransposeOp t) {
        if (t.perm().isPresent()) return Optional.of(t.perm().get().toLongArray());
        int rank = Canon.rank(t.data().type());
        if (rank < 0) return Optional.empty();
        long[] rev = new long[rank];
        for (int i = 0; i < rank; i++) rev[i] = rank - 1 - i;
        return Optional.of(rev);
    }

    private static boolean isIdentity(long[] perm) {
        for (int i = 0; i < perm.length; i++) if (perm[i] != i) return false;
        return true;
    }
}
