package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.ShapeOp;
import dev.dal.ir.IntegerType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.TensorType;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Arrays;

/**
 * {@code shape(x : tensor<d0x...xf32>) -> constant [d_start, ..., d_end-1]} when those dimensions are static; the
 * Gather/Unsqueeze/Concat arithmetic on it then folds, leaving a Reshape to a constant shape.
 */
final class FoldStaticShape extends OpPattern<ShapeOp> {
    FoldStaticShape() {
        super(ShapeOp.class, 1);
    }

    @Override
    public Match apply(ShapeOp s, Rewriter rw) {
        int rank = Canon.rank(s.data().type());
        if (rank < 0) return rw.noMatch(s, "the input is unranked");
        int start = clamp(s.start().longValue(), rank);
        int end = clamp(s.end().map(e -> e.longValue()).orElse((long) rank), rank);
        long[] dims = Arrays.copyOfRange(Canon.dims(s.data().type()), start, Math.max(start, end));
        for (long d : dims) if (d == ShapedType.DYNAMIC) return rw.noMatch(s, "a dimension is dynamic");
        TensorType type = TensorType.of(IntegerType.I64, dims.length);
        if (!type.equals(s.shape().type())) return rw.noMatch(s, "the result type is not " + type);
        rw.replaceOp(s, Canon.i64Constant(rw, s.loc(), dims));
        return Match.APPLIED;
    }

    /** ONNX's rule: a negative index counts from the end; the result is clamped to {@code [0, rank]}. */
    private static int clamp(long i, int rank) {
        long v = i < 0 ? i + rank : i;
        return (int) Math.max(0, Math.min(rank, v));
    }
}
