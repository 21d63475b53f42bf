package dev.dal.dialect.graph;

import dev.dal.ir.OpaqueType;
import dev.dal.ir.Type;
import dev.dal.ir.trait.Traits;

/**
 * The non-tensor value types of the {@code graph} dialect, for ONNX's sequence and optional types:
 * {@code !graph.seq<tensor<?xf32>>} (a sequence of tensors of one element type), {@code !graph.opt<tensor<5xf32>>} and
 * {@code !graph.opt<!graph.seq<tensor<5xf32>>>} (a value or nothing). Like {@code !graph.string} they are dialect
 * types held as {@link OpaqueType}s whose body names the element type; the interpreter's values of these types are
 * {@link dev.dal.ir.interp.TensorSequence} and {@link dev.dal.ir.interp.OptionalValue}.
 */
public final class GraphTypes {
    private GraphTypes() {}

    /** {@return {@code !graph.seq<element>}} */
    public static Type sequence(Type element) {
        return new OpaqueType("graph", "seq<" + Traits.typeText(element) + ">");
    }

    /** {@return {@code !graph.opt<element>}} */
    public static Type optional(Type element) {
        return new OpaqueType("graph", "opt<" + Traits.typeText(element) + ">");
    }

    /** {@return whether {@code t} is a {@code !graph.seq<...>}} */
    public static boolean isSequence(Type t) {
        return t instanceof OpaqueType o
                && o.dialect().equals("graph")
                && o.body().startsWith("seq<");
    }

    /** {@return whether {@code t} is a {@code !graph.opt<...>}} */
    public static boolean isOptional(Type t) {
        return t instanceof OpaqueType o
                && o.dialect().equals("graph")
                && o.body().startsWith("opt<");
    }
}
