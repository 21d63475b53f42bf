package dev.dal.lowering.quantize;

import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names users give layers in {@code float-layers} and {@code int16-layers}: an op's location name (the ONNX node
 * name), a fused op's names joined by '+' (as {@code CalibrationRun} and {@code dal-eval} name it), or any one of
 * those components.
 */
final class LayerNames {
    private LayerNames() {}

    /** {@return the components of the op's location name, in order (empty for an unnamed op)} */
    static List<String> components(Operation op) {
        List<String> out = new ArrayList<>();
        collect(op.loc(), out);
        return out;
    }

    /** {@return the op's full layer name, components joined by '+'} */
    static Optional<String> of(Operation op) {
        List<String> parts = components(op);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("+", parts));
    }

    /** {@return whether {@code name} names the op: its full name or one component} */
    static boolean matches(Operation op, String name) {
        return of(op).map(n -> n.equals(name)).orElse(false) || components(op).contains(name);
    }

    private static void collect(Location loc, List<String> out) {
        switch (loc) {
            case Location.Name n -> out.add(n.name());
            case Location.Fused f -> f.locations().forEach(l -> collect(l, out));
            case Location.CallSite c -> collect(c.callee(), out);
            default -> {}
        }
    }
}
