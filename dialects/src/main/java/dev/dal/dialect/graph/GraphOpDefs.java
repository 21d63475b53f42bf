package dev.dal.dialect.graph;

import static dev.dal.dialect.graph.GraphShapes.*;

import dev.dal.ir.Attribute;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.ShapeInferable;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.ReturnLike;
import dev.dal.ir.trait.Terminator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code graph} dialect: ONNX models as DAL IR, one op per ONNX operator (docs/graph-conventions.md).
 * Ops are in their newest opset form; absent optional inputs are {@code graph.none} values; ONNX attribute names,
 * kinds and defaults are kept. This class declares the dialect and its structural ops; the operators are declared
 * by op family in the {@code Graph*OpDefs} classes of this package.
 */
@DialectDef(name = "graph", summary = "ONNX operators as DAL ops")
public final class GraphOpDefs {
    private GraphOpDefs() {}

    /** Folded constants of graph ops become {@code graph.constant}. */
    public static Optional<Operation> materializeConstant(
            dev.dal.ir.Builder b, Attribute value, Type type, dev.dal.ir.Location loc) {
        if (!(value instanceof dev.dal.ir.DenseElementsAttr || value instanceof dev.dal.ir.DenseResourceAttr)
                || value.type().filter(type::equals).isEmpty()) return Optional.empty();
        return Optional.of(ConstantOp.create(b, loc, type, value));
    }

    /**
     * An absent optional ONNX input: operands of other ops that ONNX leaves out are this value.
     *
     * <pre>{@code
     * %n = graph.none : none
     * }</pre>
     */
    @Op(
            name = "none",
            traits = {Pure.class})
    public interface None extends ShapeInferable {
        /** {@return ONNX output #0} */
        @Result(type = "NONE", doc = "ONNX output #0")
        OpResult output();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return one(dev.dal.ir.NoneType.INSTANCE);
        }
    }

    /**
     * An ONNX initializer or {@code Constant} node: a tensor held in its {@code value} attribute.
     *
     * <pre>{@code
     * %c = graph.constant {value = dense<[1, 2]> : tensor<2xi64>} : tensor<2xi64>
     * }</pre>
     */
    @Op(
            name = "constant",
            traits = {Pure.class, dev.dal.ir.trait.ConstantLike.class})
    public interface Constant extends dev.dal.ir.Foldable, ShapeInferable, Verifiable {
        /** {@return ONNX output #0} */
        @Result(type = "TENSOR", doc = "ONNX output #0")
        OpResult output();

        /** {@return the ONNX attribute {@code value}} */
        @Attr(name = "value", doc = "ONNX attribute `value`")
        Attribute value();

        @Override
        default Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> c) {
            return value().type().map(t -> List.of(t));
        }

        @Override
        default boolean verify(DiagnosticEngine diag) {
            Optional<Type> t = value().type();
            if (t.isPresent() && t.get().equals(output().type())) return true;
            return error(
                    this,
                    diag,
                    "value type " + t.map(x -> "'" + text(x) + "'").orElse("(none)")
                            + " does not match the result type '" + text(output().type()) + "'");
        }

        /** A constant folds to its value. */
        @Override
        default Optional<List<dev.dal.ir.FoldResult>> fold(List<Optional<Attribute>> constants) {
            return Optional.of(List.of(new dev.dal.ir.FoldResult.Constant(value())));
        }
    }

    /**
     * An ONNX operator DAL does not know (imported with {@code --allow-unknown-ops}), kept opaque.
     *
     * <pre>{@code
     * %y = "graph.custom"(%x) {op_type = "MyOp"} : (tensor<2xf32>) -> tensor<2xf32>
     * }</pre>
     */
    @Op(name = "custom", format = Op.Format.GENERIC)
    public interface Custom extends Verifiable {
        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "ANY", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> inputs();

        /** {@return ONNX outputs #0 and on (variadic)} */
        @Result(type = "ANY", doc = "ONNX outputs #0 and on (variadic)")
        List<OpResult> outputs();

        /** {@return the ONNX attribute {@code op_type}} */
        @Attr(name = "op_type", doc = "ONNX attribute `op_type`")
        StringAttr opType();

        /** {@return the ONNX attribute {@code domain}, optional} */
        @Attr(name = "domain", doc = "ONNX attribute `domain`, optional")
        Optional<StringAttr> domain();

        @Override
        default boolean verify(DiagnosticEngine diag) {
            if (!opType().value().isEmpty()) return true;
            return error(this, diag, "attribute 'op_type' must not be empty");
        }
    }

    /**
     * Ends an {@code If} branch or a {@code Loop} body, giving the subgraph's outputs.
     *
     * <pre>{@code
     * %r = graph.if %c ({
     *   graph.yield %a : tensor<2xf32>
     * }, {
     *   graph.yield %b : tensor<2xf32>
     * }) : (tensor<i1>) -> tensor<2xf32>
     * }</pre>
     */
    @Op(
            name = "yield",
            traits = {Pure.class, Terminator.class, ReturnLike.class})
    public interface Yield {
        /** {@return ONNX inputs #0 and on (variadic)} */
        @Operand(type = "ANY", doc = "ONNX inputs #0 and on (variadic)")
        List<Value> values();
    }
}
