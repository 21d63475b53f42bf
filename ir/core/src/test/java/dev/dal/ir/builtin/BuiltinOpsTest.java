package dev.dal.ir.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.FloatType;
import dev.dal.ir.FoldResult;
import dev.dal.ir.FunctionType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.TypeAttr;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.trait.Traits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builtin, func and dal ops generated from their declarations build, verify and fold as MLIR's do. */
class BuiltinOpsTest {
    private static final Location LOC = Location.name("t");
    private static final TensorType T4 = TensorType.of(FloatType.F32, 4);

    /** Runs the whole verifier (generic checks, where isolation and symbol uniqueness live, and the op's own). */
    private static List<String> verifyFully(Operation op) {
        List<Diagnostic> sink = new ArrayList<>();
        boolean ok = dev.dal.ir.verify.Verifier.verify(op, DiagnosticEngine.collecting(sink));
        assertEquals(sink.isEmpty(), ok, "result must agree with the diagnostics: " + sink);
        return sink.stream().map(Diagnostic::message).toList();
    }

    private static List<String> verify(Operation op) {
        List<Diagnostic> sink = new ArrayList<>();
        boolean ok = op.verifyInvariants(DiagnosticEngine.collecting(sink));
        assertEquals(sink.isEmpty(), ok, "result must agree with the diagnostics: " + sink);
        return sink.stream().map(Diagnostic::message).toList();
    }

    private static ModuleOp module() {
        ModuleOp m = ModuleOp.create(Builder.detached(), LOC);
        assertTrue(m.bodyRegion().isEmpty(), "the builder adds the region, empty");
        assertEquals(m.body(), m.body(), "body() adds the block once");
        assertEquals(1, m.bodyRegion().blocks().size());
        return m;
    }

    /** {@code func.func @name(inputs) -> results} with an entry block taking {@code blockArgs}. */
    private static FuncOp func(Builder b, String name, List<Type> inputs, List<Type> results, List<Type> blockArgs) {
        FuncOp f = FuncOp.create(b, LOC, StringAttr.of(name), new TypeAttr(new FunctionType(inputs, results)));
        Block entry = f.body().addBlock();
        for (Type t : blockArgs) entry.addArgument(t, LOC);
        return f;
    }

    @Test
    void aWellFormedFunctionVerifies() {
        ModuleOp m = module();
        FuncOp f = func(Builder.atEnd(m.bodyRegion().entry()), "id", List.of(T4), List.of(T4), List.of(T4));
        Value arg = f.body().entry().argument(0);
        ReturnOp ret = ReturnOp.create(Builder.atEnd(f.body().entry()), LOC, List.of(arg));
        assertEquals(List.of(), verify(m));
        assertEquals(List.of(), verify(f));
        assertEquals(List.of(), verify(ret));
        assertEquals(new FunctionType(List.of(T4), List.of(T4)), f.signature());
        assertEquals(List.of(arg), ret.values());
        assertEquals(Optional.empty(), f.symVisibility());
    }

    @Test
    void entryBlockArgumentsMustMatchTheSignature() {
        FuncOp f = func(Builder.detached(), "f", List.of(T4), List.of(), List.of(IntegerType.I32));
        assertEquals(
                List.of("'func.func' op type of entry block argument #0('i32') must match the type of the"
                        + " corresponding argument in function signature('tensor<4xf32>')"),
                verify(f));
        FuncOp g = func(Builder.detached(), "g", List.of(T4, T4), List.of(), List.of(T4));
        assertEquals(
                List.of("'func.func' op entry block must have 2 arguments to match function signature"), verify(g));
    }

    @Test
    void anExternalFunctionNeedsNoEntryBlock() {
        FuncOp f = FuncOp.create(
                Builder.detached(),
                LOC,
                StringAttr.of("ext"),
                new TypeAttr(new FunctionType(List.of(IntegerType.I32), List.of())));
        assertTrue(f.isExternal());
        assertEquals(List.of(), verify(f));
    }

    @Test
    void functionTypeMustBeAFunctionType() {
        FuncOp f = FuncOp.create(Builder.detached(), LOC, StringAttr.of("f"), new TypeAttr(IntegerType.I32));
        assertEquals(List.of("'func.func' op requires 'function_type' attribute of function type"), verify(f));
        assertEquals(
                List.of("'func.func' op requires attribute 'sym_name'"),
                verify(Operation.create(withRegion("func.func"))));
    }

    private static OperationState withRegion(String name) {
        OperationState st = new OperationState(name, LOC);
        st.addRegion();
        st.addAttribute("function_type", new TypeAttr(new FunctionType(List.of(), List.of())));
        return st;
    }

    @Test
    void returnOperandsMustMatchTheFunctionResults() {
        FuncOp f = func(Builder.detached(), "f", List.of(T4), List.of(IntegerType.I32), List.of(T4));
        ReturnOp ret = ReturnOp.create(
                Builder.atEnd(f.body().entry()), LOC, List.of(f.body().entry().argument(0)));
        assertEquals(
                List.of("'func.return' op type of return operand 0 ('tensor<4xf32>') doesn't match function"
                        + " result type ('i32') in function @f"),
                verify(ret));
        FuncOp g = func(Builder.detached(), "g", List.of(), List.of(IntegerType.I32), List.of());
        assertEquals(
                List.of("'func.return' op has 0 operands, but enclosing function (@g) returns 1"),
                verify(ReturnOp.create(Builder.atEnd(g.body().entry()), LOC, List.of())));
    }

    @Test
    void returnMustSitInAFunction() {
        ModuleOp m = module();
        ReturnOp ret = ReturnOp.create(Builder.atEnd(m.bodyRegion().entry()), LOC, List.of());
        assertEquals(List.of("'func.return' op expects parent op 'func.func'"), verify(ret));
    }

    @Test
    void symbolNamesInAModuleAreUnique() {
        ModuleOp m = module();
        Builder b = Builder.atEnd(m.bodyRegion().entry());
        for (int i = 0; i < 2; i++) {
            FuncOp f = func(b, "f", List.of(), List.of(), List.of());
            ReturnOp.create(Builder.atEnd(f.body().entry()), LOC, List.of());
        }
        assertEquals(List.of("redefinition of symbol named 'f'"), verifyFully(m));
    }

    @Test
    void aFunctionCannotUseValuesDefinedOutsideIt() {
        ModuleOp m = module();
        Builder b = Builder.atEnd(m.bodyRegion().entry());
        ConstantOp c = ConstantOp.create(b, LOC, IntegerType.I32, IntegerAttr.of(1, IntegerType.I32));
        FuncOp f = func(b, "f", List.of(), List.of(IntegerType.I32), List.of());
        ReturnOp.create(Builder.atEnd(f.body().entry()), LOC, List.of(c.result()));
        assertEquals(List.of("'func.return' op using value defined outside the region"), verifyFully(f));
    }

    @Test
    void constantResultTypeMustBeTheAttributeType() {
        ConstantOp ok = ConstantOp.create(Builder.detached(), LOC, IntegerType.I32, IntegerAttr.of(7, IntegerType.I32));
        assertEquals(List.of(), verify(ok));
        ConstantOp bad =
                ConstantOp.create(Builder.detached(), LOC, IntegerType.I64, IntegerAttr.of(7, IntegerType.I32));
        assertEquals(List.of("'dal.constant' op value type 'i32' does not match the result type 'i64'"), verify(bad));
        ConstantOp untyped = ConstantOp.create(Builder.detached(), LOC, IntegerType.I64, StringAttr.of("s"));
        assertEquals(
                List.of("'dal.constant' op value type (none) does not match the result type 'i64'"), verify(untyped));
    }

    @Test
    void aConstantFoldsToItsValue() {
        IntegerAttr seven = IntegerAttr.of(7, IntegerType.I32);
        ConstantOp c = ConstantOp.create(Builder.detached(), LOC, IntegerType.I32, seven);
        assertEquals(Optional.of(List.of(new FoldResult.Constant(seven))), c.fold(List.of()));
    }

    @Test
    void theDalDialectMaterializesTypedConstantsOnly() {
        var dal = dev.dal.ir.DialectRegistry.global().dialect("dal").orElseThrow();
        IntegerAttr seven = IntegerAttr.of(7, IntegerType.I32);
        assertInstanceOf(
                ConstantOp.class,
                dal.materializeConstant(Builder.detached(), seven, IntegerType.I32, LOC)
                        .orElseThrow());
        assertEquals(Optional.empty(), dal.materializeConstant(Builder.detached(), seven, IntegerType.I64, LOC));
    }

    @Test
    void callHasItsCalleeAndVariadicParts() {
        ConstantOp c = ConstantOp.create(Builder.detached(), LOC, IntegerType.I32, IntegerAttr.of(1, IntegerType.I32));
        CallOp call = CallOp.create(
                Builder.detached(), LOC, List.of(T4, T4), List.of(c.result(), c.result()), SymbolRefAttr.of("g"));
        assertEquals(SymbolRefAttr.of("g"), call.callee());
        assertEquals(2, call.outputs().size());
        assertEquals(List.of(c.result(), c.result()), call.arguments());
        assertEquals(List.of(), verify(call));
        assertEquals(
                List.of("'func.call' op requires attribute 'callee'"),
                verify(Operation.create(new OperationState("func.call", LOC))));
    }

    @Test
    void unrealizedCastsTakeAnyNumberOfValues() {
        UnrealizedConversionCastOp cast =
                UnrealizedConversionCastOp.create(Builder.detached(), LOC, List.of(), List.of());
        assertEquals(List.of(), verify(cast));
        assertTrue(cast.inputs().isEmpty() && cast.outputs().isEmpty());
    }

    @Test
    void typeTextIsMlirSyntax() {
        assertEquals("tensor<?x4xf32>", Traits.typeText(TensorType.of(FloatType.F32, TensorType.DYNAMIC, 4)));
        assertEquals(
                "(i32, f32) -> i1",
                Traits.typeText(new FunctionType(List.of(IntegerType.I32, FloatType.F32), List.of(IntegerType.I1))));
        assertEquals(
                "() -> (i32, i32)",
                Traits.typeText(new FunctionType(List.of(), List.of(IntegerType.I32, IntegerType.I32))));
    }
}
