package dev.dal.ir.builtin;

import dev.dal.ir.ArrayAttr;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.FunctionType;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.opdef.Attr;
import dev.dal.ir.opdef.DialectDef;
import dev.dal.ir.opdef.Op;
import dev.dal.ir.opdef.Operand;
import dev.dal.ir.opdef.RegionDef;
import dev.dal.ir.opdef.Result;
import dev.dal.ir.trait.HasParent;
import dev.dal.ir.trait.IsolatedFromAbove;
import dev.dal.ir.trait.Pure;
import dev.dal.ir.trait.ReturnLike;
import dev.dal.ir.trait.Symbol;
import dev.dal.ir.trait.Terminator;
import dev.dal.ir.trait.Traits;
import java.util.List;
import java.util.Optional;

/** MLIR's {@code func} dialect: functions, returns and calls. */
@DialectDef(name = "func", summary = "Functions, returns and calls")
public final class FuncOpDefs {
    private FuncOpDefs() {}

    /**
     * A function: a named, isolated region whose entry block arguments are the parameters.
     *
     * <p>A function without a body is an external declaration.
     *
     * <pre>{@code
     * func.func @add(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
     *   %0 = dtest.add %a, %b : tensor<4xf32>
     *   return %0 : tensor<4xf32>
     * }
     * func.func private @extern(i32) -> i32
     * }</pre>
     */
    @Op(
            name = "func",
            traits = {IsolatedFromAbove.class, Symbol.class},
            format = Op.Format.CUSTOM,
            assembly = FuncAssembly.class)
    public interface Func extends Verifiable {
        /** {@return the function's name} */
        @Attr(doc = "the function's name")
        StringAttr symName();

        /** {@return the signature} */
        @Attr(doc = "the signature, a function type")
        TypeAttr functionType();

        /** {@return the symbol visibility} */
        @Attr(doc = "symbol visibility: public, private or nested")
        Optional<StringAttr> symVisibility();

        /** {@return the argument attribute dictionaries} */
        @Attr(doc = "one dictionary of attributes per argument")
        Optional<ArrayAttr> argAttrs();

        /** {@return the result attribute dictionaries} */
        @Attr(doc = "one dictionary of attributes per result")
        Optional<ArrayAttr> resAttrs();

        /** {@return the body} */
        @RegionDef(doc = "the body; empty for an external declaration")
        Region body();

        /** {@return the signature as a function type} @throws ClassCastException if the op did not verify */
        default FunctionType signature() {
            return (FunctionType) functionType().value();
        }

        /** {@return whether the function is only declared (no body)} */
        default boolean isExternal() {
            return body().isEmpty();
        }

        /** The signature is a function type and, unless external, the entry block takes its inputs. */
        @Override
        default boolean verify(DiagnosticEngine diag) {
            Operation self = (Operation) this;
            if (!(functionType().value() instanceof FunctionType type)) {
                diag.report(Diagnostic.opError(self, "requires 'function_type' attribute of function type"));
                return false;
            }
            if (isExternal()) return true;
            List<BlockArgument> args = body().entry().arguments();
            if (args.size() != type.inputs().size()) {
                diag.report(Diagnostic.opError(
                        self,
                        "entry block must have " + type.inputs().size() + " arguments to match function signature"));
                return false;
            }
            for (int i = 0; i < args.size(); i++) {
                if (!args.get(i).type().equals(type.inputs().get(i))) {
                    diag.report(Diagnostic.opError(
                            self,
                            "type of entry block argument #" + i + "('"
                                    + Traits.typeText(args.get(i).type())
                                    + "') must match the type of the corresponding "
                                    + "argument in function signature('"
                                    + Traits.typeText(type.inputs().get(i)) + "')"));
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Returns from a function: the operands are the function's results.
     *
     * <pre>{@code
     * return %0, %1 : tensor<4xf32>, i32
     * }</pre>
     */
    @Op(
            name = "return",
            traits = {Terminator.class, ReturnLike.class, Pure.class, HasParent.class},
            format = Op.Format.CUSTOM,
            assembly = ReturnAssembly.class)
    public interface Return extends Verifiable {
        /** {@return the returned values} */
        @Operand(doc = "the values returned")
        List<Value> values();

        /** {@return {@code func.func}, the only op a return may sit in} */
        default Class<? extends Operation> requiredParent() {
            return FuncOp.class;
        }

        /** The operands match the enclosing function's result types. */
        @Override
        default boolean verify(DiagnosticEngine diag) {
            Operation self = (Operation) this;
            Optional<FuncOp> func = self.parentOfType(FuncOp.class);
            if (func.isEmpty() || !(func.get().functionType().value() instanceof FunctionType type)) return true;
            List<Type> results = type.results();
            List<Value> values = values();
            if (values.size() != results.size()) {
                diag.report(Diagnostic.opError(
                                self,
                                "has " + values.size() + " operands, but enclosing function (@"
                                        + func.get().symName().value() + ") returns " + results.size())
                        .withNote(func.get().loc(), "function defined here"));
                return false;
            }
            for (int i = 0; i < results.size(); i++) {
                if (!values.get(i).type().equals(results.get(i))) {
                    diag.report(Diagnostic.opError(
                                    self,
                                    "type of return operand " + i + " ('"
                                            + Traits.typeText(values.get(i).type())
                                            + "') doesn't match function result type ('"
                                            + Traits.typeText(results.get(i)) + "') in function @"
                                            + func.get().symName().value())
                            .withNote(func.get().loc(), "function defined here"));
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Calls a function of the enclosing symbol table by name.
     *
     * <pre>{@code
     * %0 = call @add(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
     * }</pre>
     */
    @Op(name = "call", format = Op.Format.CUSTOM, assembly = CallAssembly.class)
    public interface Call {
        /** {@return the called function} */
        @Attr(doc = "the function called")
        SymbolRefAttr callee();

        /** {@return the arguments} */
        @Operand(doc = "the arguments")
        List<Value> arguments();

        /** {@return the results} */
        @Result(doc = "the callee's results")
        List<OpResult> outputs();
    }
}
