package dev.dal.lowering.eval;

import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import dev.dal.ir.print.IrPrinter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers of a function: the tensor values its top-level ops compute, named by the ops' locations, so that a
 * float model and its quantized form (whose ops differ) can be compared value by value. An op's location gives the
 * name: {@code loc("conv1")} names {@code conv1}; a fused location names its last part (the value a fusion computes
 * is the last fused op's); a file position names {@code file:line:col}. A second result is {@code name#1}. Ops
 * without operands (constants: weights, not activations) and ops without a location are not layers. When several
 * ops carry one name (an ONNX node the importer expanded), the last one's value is the layer's.
 */
final class LayerMap {
    /**
     * One layer.
     *
     * @param name   its name
     * @param op     the op computing it
     * @param result which result of the op
     */
    record Layer(String name, Operation op, int result) {
        /** {@return the declared type of the value} */
        Type type() {
            return op.result(result).type();
        }
    }

    private final List<Layer> layers;
    private final Map<Operation, List<Layer>> byOp = new IdentityHashMap<>();

    private LayerMap(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        for (Layer l : layers)
            byOp.computeIfAbsent(l.op(), k -> new ArrayList<>()).add(l);
    }

    /** {@return the layers of a {@code func.func}, in the order the function computes them} */
    static LayerMap of(Operation function) {
        Map<String, Layer> named = new LinkedHashMap<>();
        if (!function.regions().isEmpty() && !function.region(0).isEmpty()) {
            for (Operation op : function.region(0).entry().ops()) {
                if (op.isTerminator() || op.numOperands() == 0) continue;
                Optional<String> name = name(op.loc());
                if (name.isEmpty()) continue;
                for (int i = 0; i < op.numResults(); i++) {
                    if (!(op.result(i).type() instanceof ShapedType)) continue;
                    String key = i == 0 ? name.get() : name.get() + "#" + i;
                    named.remove(key); // the last op with this name computes the layer
                    named.put(key, new Layer(key, op, i));
                }
            }
        }
        return new LayerMap(new ArrayList<>(named.values()));
    }

    /** {@return the name a location gives a layer, if any} */
    static Optional<String> name(Location loc) {
        return switch (loc) {
            case Location.Name n -> Optional.of(n.name());
            case Location.FileLineCol f -> Optional.of(f.file() + ":" + f.line() + ":" + f.column());
            case Location.CallSite c -> name(c.callee());
            case Location.Fused f -> {
                for (Location part : f.locations().reversed()) {
                    Optional<String> n = name(part);
                    if (n.isPresent()) yield n;
                }
                yield Optional.empty();
            }
            case Location.Unknown u -> Optional.empty();
            case Location.Opaque o -> Optional.empty();
        };
    }

    /** {@return the layers, in graph order} */
    List<Layer> layers() {
        return layers;
    }

    /** {@return the layers {@code op} computes (empty for most ops)} */
    List<Layer> computedBy(Operation op) {
        return byOp.getOrDefault(op, List.of());
    }

    /** {@return the type of a layer as IR text} */
    static String typeText(Layer l) {
        return IrPrinter.typeText(l.type());
    }
}
