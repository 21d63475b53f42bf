package dev.dal.dialect.graph.canon;

import dev.dal.dialect.graph.CastOp;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code cast(cast(x : A) : B) : A -> x} when {@code B} holds every value of {@code A} exactly (f32 -> f64 -> f32,
 * i8 -> i32 -> i8, i16 -> f32 -> i16, bool -> anything -> bool; not f32 -> i32 -> f32), and {@code cast(x : A) : A -> x}.
 */
final class RemoveLosslessCastRoundTrip extends OpPattern<CastOp> {
    RemoveLosslessCastRoundTrip() {
        super(CastOp.class, 1);
    }

    @Override
    public Match apply(CastOp cast, Rewriter rw) {
        if (cast.input().type().equals(cast.output().type())) {
            rw.replaceOp(cast, cast.input());
            return Match.APPLIED;
        }
        Optional<CastOp> inner = Canon.producer(cast.input(), CastOp.class);
        if (inner.isEmpty()) return rw.noMatch(cast, "the input is not a cast");
        Type x = inner.get().input().type();
        if (!x.equals(cast.output().type())) return rw.noMatch(cast, "the casts do not return to the input type");
        if (!(x instanceof ShapedType a && cast.input().type() instanceof ShapedType b))
            return rw.noMatch(cast, "not tensors");
        if (!holdsExactly(a.elementType(), b.elementType()))
            return rw.noMatch(cast, "the middle type loses values of the input type");
        rw.replaceOp(cast, inner.get().input());
        return Match.APPLIED;
    }

    /** {@return whether every value of element type {@code from} is exactly a value of {@code to}} */
    static boolean holdsExactly(Type from, Type to) {
        if (from.equals(IntegerType.I1)) return to instanceof IntegerType || to instanceof FloatType;
        if (from instanceof FloatType f && to instanceof FloatType t) return widens(f.kind(), t.kind());
        if (from instanceof IntegerType f && to instanceof IntegerType t) {
            boolean fromUnsigned = f.signedness() == IntegerType.Signedness.UNSIGNED;
            boolean toUnsigned = t.signedness() == IntegerType.Signedness.UNSIGNED;
            if (fromUnsigned == toUnsigned) return t.width() >= f.width();
            return fromUnsigned && t.width() > f.width();
        }
        if (from instanceof IntegerType f && to instanceof FloatType t) return significandBits(t.kind()) >= f.width();
        return false;
    }

    private static boolean widens(FloatType.Kind from, FloatType.Kind to) {
        return switch (from) {
            case F16, BF16 -> to == FloatType.Kind.F32 || to == FloatType.Kind.F64;
            case F32 -> to == FloatType.Kind.F64;
            default -> false;
        };
    }

    /** {@return the significand bits including the implicit one, or 0 for kinds not considered} */
    private static int significandBits(FloatType.Kind k) {
        return switch (k) {
            case BF16 -> 8;
            case F16 -> 11;
            case F32 -> 24;
            case F64 -> 53;
            default -> 0;
        };
    }
}
