package dev.dal.lowering.quantize;

import dev.dal.dialect.graph.FusedConvOp;
import dev.dal.ir.Builder;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fused_conv{activation = f}(x, w, b, r) -> f(fused_conv(x, w, b, r))} for the activations {@code qnn.conv}
 * cannot apply as a clamp ({@code hard_swish}, {@code leaky_relu}, {@code sigmoid}), before calibration: the conv's
 * own output is then observed and quantized, and the activation becomes a {@code qnn.lut}. Both ops keep the fused
 * op's location, so its layer name still names them.
 */
final class ActivationSplit {
    private static final Map<String, String> OPS =
            Map.of("hard_swish", "graph.hard_swish", "leaky_relu", "graph.leaky_relu", "sigmoid", "graph.sigmoid");

    private ActivationSplit() {}

    /** {@return the activation op now after {@code conv}, if its activation was split off} */
    static Optional<Operation> apply(FusedConvOp conv) {
        String act = conv.activation().value();
        String name = OPS.get(act);
        if (name == null) return Optional.empty();
        Operation op = (Operation) conv;
        Value y = conv.y();
        Builder b = Builder.detached();
        b.setInsertionPointAfter(op);
        OperationState s = new OperationState(name, op.loc()).addOperand(y).addResultType(y.type());
        if (act.equals("leaky_relu")) s.addAttribute("alpha", conv.alpha());
        Operation f = b.create(s);
        y.replaceAllUsesWith(f.result(0));
        f.setOperand(0, y);
        op.setAttribute("activation", StringAttr.of("none"));
        op.removeAttribute("alpha");
        return Optional.of(f);
    }
}
