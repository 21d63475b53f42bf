package dev.dal.ir.interp;

import dev.dal.ir.Operation;
import dev.dal.ir.ShapedType;
import dev.dal.ir.Type;
import java.util.List;
import java.util.Optional;

/** Checks runtime tensors against declared IR types (static dimensions only; {@code ?} matches any size). */
final class TypeChecks {
    private TypeChecks() {}

    /** {@return why {@code t} does not fit {@code type}, or empty if it does} */
    static Optional<String> mismatch(Type type, Tensor t) {
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

    static void checkResult(Operation op, int i, Tensor t) {
        mismatch(op.result(i).type(), t).ifPresent(m -> {
            throw InterpreterException.atOp(op, "result #" + i + ": " + m);
        });
    }
}
