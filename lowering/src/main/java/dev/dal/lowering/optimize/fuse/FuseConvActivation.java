package dev.dal.lowering.optimize.fuse;

import static dev.dal.lowering.optimize.fuse.FuseSupport.*;

import dev.dal.dialect.graph.ClipOp;
import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.dialect.graph.HardSwishOp;
import dev.dal.dialect.graph.LeakyReluOp;
import dev.dal.dialect.graph.NoneOp;
import dev.dal.dialect.graph.ReluOp;
import dev.dal.dialect.graph.SigmoidOp;
import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.OpPattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * {@code act(conv(x, w, b)) -> fused_conv(x, w, b){activation = act}} for Relu, Clip (relu6 for bounds 0 and 6,
 * relu for 0 and none, else clip), LeakyRelu, HardSwish and Sigmoid; also onto a fused conv that has a residual but
 * no activation yet. One instance per activation op class.
 *
 * @param <T> the activation op
 */
final class FuseConvActivation<T extends Operation> extends OpPattern<T> {
    private final Function<T, Optional<List<NamedAttribute>>> activation;

    private FuseConvActivation(Class<T> root, Function<T, Optional<List<NamedAttribute>>> activation) {
        super(root, 1);
        this.activation = activation;
    }

    /** {@return the pattern for each activation op} */
    static List<OpPattern<?>> all() {
        return List.of(
                new FuseConvActivation<>(ReluOp.class, op -> named("relu")),
                new FuseConvActivation<>(SigmoidOp.class, op -> named("sigmoid")),
                new FuseConvActivation<>(HardSwishOp.class, op -> named("hard_swish")),
                new FuseConvActivation<>(
                        LeakyReluOp.class,
                        op -> Optional.of(
                                List.of(act("leaky_relu"), new NamedAttribute(FusedConvOp.ALPHA_ATTR, op.alpha())))),
                new FuseConvActivation<>(ClipOp.class, FuseConvActivation::clip));
    }

    @Override
    public String debugName() {
        return "FuseConvActivation<" + rootClass().orElseThrow().getSimpleName() + ">";
    }

    @Override
    public Match apply(T op, Rewriter rw) {
        Value in = op.operand(0);
        Optional<Operation> conv = ConvFusion.convInput(in, true);
        if (conv.isEmpty()) return rw.noMatch(op, "input is not a conv without activation and other users");
        if (!op.result(0).type().equals(in.type())) return rw.noMatch(op, "result type differs from the conv's");
        Optional<List<NamedAttribute>> attrs = activation.apply(op);
        if (attrs.isEmpty()) return rw.noMatch(op, "clip bounds are not constant scalars");
        ConvFusion.replace(rw, conv.get(), op, Optional.empty(), attrs.get());
        return Match.APPLIED;
    }

    private static NamedAttribute act(String name) {
        return new NamedAttribute(FusedConvOp.ACTIVATION_ATTR, StringAttr.of(name));
    }

    private static Optional<List<NamedAttribute>> named(String name) {
        return Optional.of(List.of(act(name)));
    }

    /** relu6 for [0, 6], relu for [0, none], else clip with the bounds given. */
    private static Optional<List<NamedAttribute>> clip(ClipOp clip) {
        Optional<OptionalDouble> lo = bound(clip.min()), hi = bound(clip.max());
        if (lo.isEmpty() || hi.isEmpty()) return Optional.empty();
        boolean zeroLow = lo.get().isPresent() && lo.get().getAsDouble() == 0;
        if (zeroLow && hi.get().isPresent() && hi.get().getAsDouble() == 6) return named("relu6");
        if (zeroLow && hi.get().isEmpty()) return named("relu");
        List<NamedAttribute> attrs = new ArrayList<>(List.of(act("clip")));
        lo.get().ifPresent(v -> attrs.add(new NamedAttribute(FusedConvOp.MIN_ATTR, FloatAttr.of(v, FloatType.F32))));
        hi.get().ifPresent(v -> attrs.add(new NamedAttribute(FusedConvOp.MAX_ATTR, FloatAttr.of(v, FloatType.F32))));
        return Optional.of(attrs);
    }

    /** {@return an absent bound (empty inside), a constant one, or empty when the bound is not a constant} */
    private static Optional<OptionalDouble> bound(Value v) {
        if (def(v, NoneOp.class).isPresent()) return Optional.of(OptionalDouble.empty());
        OptionalDouble s = scalar(v);
        return s.isPresent() ? Optional.of(s) : Optional.empty();
    }
}
