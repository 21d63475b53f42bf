package dev.dal.ir.builtin;

import dev.dal.ir.Attribute;
import dev.dal.ir.Builder;
import dev.dal.ir.FoldResult;
import dev.dal.ir.Foldable;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Type;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.ConstantLike;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.Traits;
import java.util.List;
import java.util.Optional;

/** DAL's core dialect: ops every other dialect relies on, starting with the constant that folds materialize. */
@DialectDef(name = "dal", summary = "DAL's core ops: the constant that folding materializes")
public final class DalOpDefs {
    private DalOpDefs() {}

    /**
     * {@return a {@code dal.constant} holding {@code value}, if the attribute carries {@code type}}; the dialect's
     * constant materializer, used when a fold produces a constant.
     */
    public static Optional<Operation> materializeConstant(Builder b, Attribute value, Type type, Location loc) {
        if (!value.type().map(type::equals).orElse(false)) return Optional.empty();
        return Optional.of(ConstantOp.create(b, loc, type, value));
    }

    /**
     * A constant: its result is the typed attribute {@code value}.
     *
     * <pre>{@code
     * %0 = dal.constant 42 : i32
     * %1 = dal.constant dense<[1.0, 2.0]> : tensor<2xf32>
     * }</pre>
     */
    @Op(
            name = "constant",
            traits = {Pure.class, ConstantLike.class},
            format = Op.Format.CUSTOM,
            assembly = ConstantAssembly.class)
    public interface Constant extends Foldable, Verifiable {
        /** {@return the constant} */
        @Attr(doc = "the constant; a typed attribute whose type is the result type")
        Attribute value();

        /** {@return the constant's value} */
        @Result(doc = "the constant")
        OpResult result();

        /** A constant folds to its value. */
        @Override
        default Optional<List<FoldResult>> fold(List<Optional<Attribute>> constantOperands) {
            return Optional.of(List.of(new FoldResult.Constant(value())));
        }

        /** The result type is the attribute's type. */
        @Override
        default boolean verify(DiagnosticEngine diag) {
            Optional<Type> type = value().type();
            if (type.isPresent() && type.get().equals(result().type())) return true;
            diag.report(Diagnostic.opError(
                    (Operation) this,
                    "value type "
                            + type.map(t -> "'" + Traits.typeText(t) + "'").orElse("(none)")
                            + " does not match the result type '" + Traits.typeText(result().type()) + "'"));
            return false;
        }
    }
}
