package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.GeluOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.dialect.graph.PowOp;
import dev.dal.dialect.graph.TanhOp;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.Optional;

/**
 * {@code x * 0.5 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))) -> gelu(x){approximate = "tanh"}}, with
 * {@code x^3} as {@code pow(x, 3)}, {@code x * (x * x)} or {@code (x * x) * x} (see {@link GeluTail}).
 */
final class FuseTanhGelu extends OpPattern<TanhOp> {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    FuseTanhGelu() {
        super(TanhOp.class, 1);
    }

    @Override
    public Match apply(TanhOp tanh, Rewriter rw) {
        Optional<MulOp> scaled = def(tanh.x(), MulOp.class);
        Optional<Value> inner = scaled.flatMap(m -> scalarTimes(m, SQRT_2_OVER_PI));
        Optional<Value> x = inner.flatMap(FuseTanhGelu::cubicInput);
        if (x.isEmpty()) return rw.noMatch(tanh, "tanh's input is not sqrt(2/pi) * (x + 0.044715 * x^3)");
        Optional<Operation> y = GeluTail.match(tanh.y(), x.get());
        if (y.isEmpty()) return rw.noMatch(tanh, "tanh's result is not used as x * 0.5 * (1 + tanh)");
        GeluOp gelu = GeluOp.create(rw, fusedLoc(tanh, y.get()), x.get().type(), x.get());
        rw.setAttribute(gelu, GeluOp.APPROXIMATE_ATTR, StringAttr.of("tanh"));
        rw.replaceOp(y.get(), gelu.y());
        return Match.APPLIED;
    }

    /** {@return v for {@code k * v} or {@code v * k} with the constant k} */
    private static Optional<Value> scalarTimes(MulOp m, double k) {
        if (isScalar(m.lhs(), k)) return Optional.of(m.rhs());
        if (isScalar(m.rhs(), k)) return Optional.of(m.lhs());
        return Optional.empty();
    }

    /** {@return x for {@code x + 0.044715 * x^3} (either order)} */
    private static Optional<Value> cubicInput(Value v) {
        Optional<AddOp> add = def(v, AddOp.class);
        if (add.isEmpty()) return Optional.empty();
        for (Value x : add.get().operands()) {
            Value rest = other(add.get(), x).orElseThrow();
            Optional<Value> cube = def(rest, MulOp.class).flatMap(m -> scalarTimes(m, 0.044715));
            if (cube.isPresent() && isCube(cube.get(), x)) return Optional.of(x);
        }
        return Optional.empty();
    }

    /** {@return whether c is {@code pow(x, 3)}, {@code x * (x * x)} or {@code (x * x) * x}} */
    private static boolean isCube(Value c, Value x) {
        if (def(c, PowOp.class)
                .filter(p -> p.lhs() == x && isScalar(p.rhs(), 3))
                .isPresent()) return true;
        Optional<MulOp> m = def(c, MulOp.class);
        if (m.isEmpty()) return false;
        Optional<Value> sq = other(m.get(), x);
        return sq.isPresent()
                && def(sq.get(), MulOp.class)
                        .filter(s -> s.lhs() == x && s.rhs() == x)
                        .isPresent();
    }
}
