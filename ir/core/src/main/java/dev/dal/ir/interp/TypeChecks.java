package dev.dal.ir.interp;

import dev.dal.ir.OpaqueType;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import java.util.List;
import java.util.Optional;

/**
 * Checks runtime values against declared IR types: a tensor's element type and static dimensions ({@code ?} matches
 * any size); for sequences ({@code !graph.seq<...>}) and optionals ({@code !graph.opt<...>}) the kind of value.
 */
final class TypeChecks {
    private TypeChecks() {}

    /** {@return why {@code v} does not fit {@code type}, or empty if it does} */
    static Optional<String> mismatch(Type type, RuntimeValue v) {
        String kind = type instanceof OpaqueType o && o.dialect().equals("graph")
                ? o.body().startsWith("seq<") ? "seq" : o.body().startsWith("opt<") ? "opt" : ""
                : "";
        return switch (v) {
            case Tensor t when t.isNone() -> Optional.empty(); // an absent value fits any type
            case Tensor t when kind.isEmpty() -> mismatch(type, t);
            case TensorSequence s when kind.equals("seq") -> Optional.empty();
            case OptionalValue o when kind.equals("opt") -> Optional.empty();
            default -> Optional.of("a " + v.describe() + " does not match " + dev.dal.ir.trait.Traits.typeText(type));
        };
    }

    private static Optional<String> mismatch(Type type, Tensor t) {
        if (t.isNone()) return Optional.empty();
        if (!(type instanceof ShapedType st)) return Optional.empty();
        Optional<DType> dt = DType.fromIrType(st.elementType());
        if (dt.isPresent() && dt.get() != t.dtype())
            return Optional.of("element type " + t.dtype().name().toLowerCase(java.util.Locale.ROOT)
                    + " does not match " + dev.dal.ir.trait.Traits.typeText(type));
        if (!st.hasRank()) return Optional.empty();
        List<Long> dims = st.shape();
        if (dims.size() != t.rank())
            return Optional.of("shape " + Tensor.shapeText(t.shape()) + " does not match "
                    + dev.dal.ir.trait.Traits.typeText(type));
        for (int i = 0; i < dims.size(); i++) {
            long d = dims.get(i);
            if (d != ShapedType.DYNAMIC && d != t.dim(i))
                return Optional.of("shape " + Tensor.shapeText(t.shape()) + " does not match "
                        + dev.dal.ir.trait.Traits.typeText(type));
        }
        return Optional.empty();
    }

    static void checkResult(Operation op, int i, RuntimeValue t) {
        mismatch(op.result(i).type(), t).ifPresent(m -> {
            throw InterpreterException.atOp(op, "result #" + i + ": " + m);
        });
    }
}
