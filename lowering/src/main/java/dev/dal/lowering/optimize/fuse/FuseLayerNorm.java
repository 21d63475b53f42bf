package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.AddOp;
import dev.dal.dialect.graph.DivOp;
import dev.dal.dialect.graph.LayerNormalizationOp;
import dev.dal.dialect.graph.MulOp;
import dev.dal.dialect.graph.PowOp;
import dev.dal.dialect.graph.ReduceMeanOp;
import dev.dal.dialect.graph.SqrtOp;
import dev.dal.dialect.graph.SubOp;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.Operation;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.interp.Tensor;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code d = x - mean(x); d / sqrt(mean(d^2) + eps) [* g [+ b]] -> layer_normalization(x, g, b){axis = -1}}, the
 * means over the last axis with kept dims, {@code d^2} as {@code pow(d, 2)} or {@code d * d}, g and b constants
 * along the last axis (g is ones and b absent when the scale and bias are missing).
 */
final class FuseLayerNorm extends OpPattern<DivOp> {
    FuseLayerNorm() {
        super(DivOp.class, 1);
    }

    @Override
    public Match apply(DivOp div, Rewriter rw) {
        Optional<SubOp> sub = def(div.lhs(), SubOp.class);
        Optional<Value> x = sub.flatMap(s -> def(s.rhs(), ReduceMeanOp.class)
                .filter(m -> m.data() == s.lhs() && overLastAxis(m))
                .map(m -> s.lhs()));
        if (x.isEmpty() || !isF32(x.get())) return rw.noMatch(div, "numerator is not x - mean(x) over the last axis");
        List<Long> shape = ((TensorType) x.get().type()).shape();
        if (shape.isEmpty() || shape.getLast() < 0) return rw.noMatch(div, "x's last dimension is not static");
        int d = Math.toIntExact(shape.getLast());
        OptionalDouble eps = epsilon(div.rhs(), div.lhs());
        if (eps.isEmpty()) return rw.noMatch(div, "denominator is not sqrt(mean(d^2) + eps)");
        List<Operation> fused = new ArrayList<>(List.of(div));
        Operation last = div;
        Optional<Tensor> gamma = lastAxisOperand(last, MulOp.class, d);
        Optional<Tensor> beta = Optional.empty();
        if (gamma.isPresent()) {
            last = onlyUser(last.result(0)).orElseThrow();
            fused.add(last);
            beta = lastAxisOperand(last, AddOp.class, d);
            if (beta.isPresent()) {
                last = onlyUser(last.result(0)).orElseThrow();
                fused.add(last);
            }
        }
        if (!last.result(0).type().equals(x.get().type())) return rw.noMatch(div, "the result broadcasts x");
        float[] ones = new float[d];
        Arrays.fill(ones, 1f);
        var loc = fusedLoc(fused.toArray(Operation[]::new));
        Value g = newConstant(rw, loc, gamma.orElse(Tensor.of(ones, d)).reshape(d));
        Value b = beta.isPresent() ? newConstant(rw, loc, beta.get().reshape(d)) : none(rw, div);
        List<Long> statShape = new ArrayList<>(shape);
        statShape.set(statShape.size() - 1, 1L);
        Type stat = TensorType.of(statShape, FloatType.F32);
        LayerNormalizationOp ln = LayerNormalizationOp.create(
                rw,
                loc,
                x.get().type(),
                stat,
                stat,
                x.get(),
                g,
                b,
                Optional.of(IntegerAttr.i64(-1)),
                Optional.of(FloatAttr.of(eps.getAsDouble(), FloatType.F32)),
                Optional.empty());
        rw.replaceOp(last, ln.y());
        return Match.APPLIED;
    }

    /** {@return whether a mean is over the last axis only, with kept dims} */
    private static boolean overLastAxis(ReduceMeanOp m) {
        Optional<Tensor> axes = anyConstant(m.axes());
        int r = rank(m.data());
        if (axes.isEmpty() || axes.get().size() != 1 || m.keepdims().longValue() == 0 || r < 1) return false;
        long a = axes.get().getLong(0);
        return a == -1 || a == r - 1;
    }

    /** {@return eps, for {@code sqrt(mean(d^2) + eps)} with d the given value} */
    private static OptionalDouble epsilon(Value denominator, Value d) {
        Optional<AddOp> add = def(denominator, SqrtOp.class).flatMap(s -> def(s.x(), AddOp.class));
        if (add.isEmpty()) return OptionalDouble.empty();
        for (Value v : add.get().operands()) {
            boolean meanOfSquares = def(v, ReduceMeanOp.class)
                    .filter(m -> overLastAxis(m) && isSquareOf(m.data(), d))
                    .isPresent();
            if (meanOfSquares) return scalar(other(add.get(), v).orElseThrow());
        }
        return OptionalDouble.empty();
    }

    private static boolean isSquareOf(Value v, Value d) {
        return def(v, PowOp.class)
                        .filter(p -> p.lhs() == d && isScalar(p.rhs(), 2))
                        .isPresent()
                || def(v, MulOp.class).filter(m -> m.lhs() == d && m.rhs() == d).isPresent();
    }

    /**
     * {@return the constant operand of the single user of {@code prev}, if that user is of class {@code c} and the
     * constant has {@code d} elements along the last axis and 1 elsewhere}
     */
    private static Optional<Tensor> lastAxisOperand(Operation prev, Class<? extends Operation> c, int d) {
        Value v = prev.result(0);
        Optional<? extends Operation> user = onlyUser(v, c);
        if (user.isEmpty()) return Optional.empty();
        Optional<Tensor> k = constant(other(user.get(), v).orElseThrow());
        if (k.isEmpty() || k.get().size() != d || k.get().rank() < 1) return Optional.empty();
        return k.get().dim(k.get().rank() - 1) == d ? k : Optional.empty();
    }
}
