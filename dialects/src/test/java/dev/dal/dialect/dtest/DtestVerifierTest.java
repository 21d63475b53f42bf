package dev.dal.dialect.dtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.TensorType;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generated verifiers accept well-formed dtest ops and say, in MLIR's words, what is wrong with the others. */
class DtestVerifierTest {
    private static final Location LOC = Location.name("t");
    private final Block block = new Region().addBlock();
    private final Builder b = Builder.atEnd(block);

    private Value produce(Type t) {
        return ProduceOp.create(b, LOC, t).result();
    }

    /** {@return the messages the op's verifier reports (empty if it accepts the op)} */
    private static List<String> verify(Operation op) {
        List<Diagnostic> sink = new ArrayList<>();
        boolean ok = op.verifyInvariants(DiagnosticEngine.collecting(sink));
        assertEquals(sink.isEmpty(), ok, "verifyInvariants' result must agree with its diagnostics: " + sink);
        return sink.stream().map(Diagnostic::message).toList();
    }

    private static Operation generic(String name, List<Value> operands, List<Type> results) {
        OperationState st = new OperationState(name, LOC);
        st.addOperands(operands);
        st.addResultTypes(results);
        return Operation.create(st);
    }

    @Test
    void wellFormedOpsBuiltByTheGeneratedBuildersVerify() {
        Value x = produce(IntegerType.I32), y = produce(IntegerType.I32);
        AddOp add = AddOp.create(b, LOC, x, y);
        assertEquals(IntegerType.I32, add.result().type(), "the inferred builder takes the operand type");
        assertEquals(List.of(), verify(add));
        assertEquals(List.of(), verify(MulOp.create(b, LOC, IntegerType.I32, x, y)));
        assertEquals(List.of(), verify(NegOp.create(b, LOC, x)));
        assertEquals(List.of(), verify(ConsumeOp.create(b, LOC, List.of(x, y, add.result()))));
        assertEquals(List.of(), verify(AttrsOp.create(b, LOC, IntegerAttr.i64(3))));
    }

    @Test
    void accessorsReadTheGenericStorage() {
        Value x = produce(IntegerType.I32), y = produce(IntegerType.I32);
        AddOp add = AddOp.create(b, LOC, IntegerType.I32, x, y);
        assertEquals(x, add.lhs());
        assertEquals(y, add.rhs());
        assertEquals(add.result(0), add.result());
        assertEquals(List.of(x, y), add.operands());
        assertEquals(AddOp.NAME, add.name());
        assertEquals("dtest.add", AddOp.NAME);
    }

    @Test
    void wrongOperandCountIsReported() {
        Value x = produce(IntegerType.I32);
        Operation op = generic("dtest.add", List.of(x, x, x), List.of(IntegerType.I32));
        assertInstanceOf(AddOp.class, op, "Operation.create returns the generated class of a registered op");
        assertEquals(List.of("'dtest.add' op expected 2 operands, but found 3"), verify(op));
        assertEquals(
                List.of("'dtest.add' op expected 1 result, but found 0"),
                verify(generic("dtest.add", List.of(x, x), List.of())));
    }

    @Test
    void sameOperandsAndResultTypeIsChecked() {
        Value x = produce(IntegerType.I32), y = produce(IntegerType.I64);
        assertEquals(
                List.of("'dtest.add' op requires the same type for all operands and results"),
                verify(AddOp.create(b, LOC, IntegerType.I32, x, y)));
    }

    @Test
    void typeConstraintsNameTheOperandAndTheType() {
        Value ints = produce(TensorType.of(IntegerType.I32, 4));
        Value floats = produce(TensorType.of(FloatType.F32, 4));
        assertEquals(List.of(), verify(FloatOnlyOp.create(b, LOC, TensorType.of(FloatType.F32, 4), floats)));
        assertEquals(
                List.of(
                        "'dtest.float_only' op operand #0 must be tensor of floating-point values, but got 'tensor<4xi32>'"),
                verify(FloatOnlyOp.create(b, LOC, TensorType.of(FloatType.F32, 4), ints)));
        assertEquals(
                List.of("'dtest.float_only' op result #0 must be tensor of floating-point values, but got 'f32'"),
                verify(FloatOnlyOp.create(b, LOC, FloatType.F32, floats)));
    }

    @Test
    void requiredAttributesMustBePresentAndOfTheDeclaredKind() {
        assertEquals(
                List.of("'dtest.attrs' op requires attribute 'count'"),
                verify(generic("dtest.attrs", List.of(), List.of())));
        OperationState st = new OperationState("dtest.attrs", LOC);
        st.addAttribute("count", StringAttr.of("three"));
        assertEquals(
                List.of("'dtest.attrs' op attribute 'count' failed to satisfy constraint: integer attribute"),
                verify(Operation.create(st)));
        OperationState st2 = new OperationState("dtest.attrs", LOC);
        st2.addAttribute("count", IntegerAttr.i64(1)).addAttribute("stride", StringAttr.of("wide"));
        assertEquals(
                List.of("'dtest.attrs' op attribute 'stride' failed to satisfy constraint: integer attribute"),
                verify(Operation.create(st2)),
                "a defaulted attribute that is present must be of its kind");
    }

    @Test
    void conditionMustBeI1AndBothSuccessorsGiven() {
        Block t = new Region().addBlock(), f = new Region().addBlock();
        Value i1 = produce(IntegerType.I1), i32 = produce(IntegerType.I32);
        assertEquals(List.of(), verify(CondBrOp.create(Builder.detached(), LOC, i1, t, f)));
        assertEquals(
                List.of("'dtest.cond_br' op operand #0 must be i1, but got 'i32'"),
                verify(CondBrOp.create(Builder.detached(), LOC, i32, t, f)));
        OperationState st =
                new OperationState("dtest.cond_br", LOC).addOperand(i1).addSuccessor(t);
        assertEquals(List.of("'dtest.cond_br' op expected 2 successors, but found 1"), verify(Operation.create(st)));
    }

    @Test
    void aTerminatorMustEndItsBlock() {
        TerminatorOp term = TerminatorOp.create(b, LOC);
        assertEquals(List.of(), verify(term));
        produce(IntegerType.I32);
        // Position in the block is the generic verifier's check (it applies to every op with the trait).
        List<Diagnostic> sink = new ArrayList<>();
        assertEquals(false, dev.dal.ir.verify.Verifier.verify(term, DiagnosticEngine.collecting(sink)));
        assertEquals(
                List.of("'dtest.terminator' op must be the last operation in the parent block"),
                sink.stream().map(Diagnostic::message).toList());
    }

    @Test
    void regionCountsAndSingleBlockAreChecked() {
        RegionOp one = RegionOp.create(b, LOC, 0);
        assertEquals(1, one.regions().size());
        assertEquals(List.of(), verify(one));
        RegionOp three = RegionOp.create(b, LOC, 2);
        assertEquals(2, three.others().size());
        assertEquals(List.of(), verify(three));
        three.others().get(1).addBlock();
        three.others().get(1).addBlock();
        assertEquals(List.of("'dtest.region' op expects region #2 to have 0 or 1 blocks"), verify(three));
        assertEquals(
                List.of("'dtest.region' op expected 1 or more regions, but found 0"),
                verify(generic("dtest.region", List.of(), List.of())));
    }

    @Test
    void retMustSitInARegionOp() {
        RegionOp holder = RegionOp.create(b, LOC, 0);
        RetOp inside = RetOp.create(Builder.atEnd(holder.body().addBlock()), LOC, List.of());
        assertEquals(List.of(), verify(inside));
        RetOp outside = RetOp.create(b, LOC, List.of());
        assertEquals(List.of("'dtest.ret' op expects parent op 'dtest.region'"), verify(outside));
    }

    @Test
    void twoVariadicGroupsUseOperandSegmentSizes() {
        Value a = produce(IntegerType.I32), c = produce(IntegerType.I32), d = produce(IntegerType.I32);
        VariadicOp v = VariadicOp.create(b, LOC, List.of(IntegerType.I32), a, List.of(c, d), List.of(), Optional.of(a));
        assertEquals(
                new DenseArrayAttr(IntegerType.I32, new long[] {1, 2, 0, 1}),
                v.attribute("operandSegmentSizes").orElseThrow());
        assertEquals(a, v.first());
        assertEquals(List.of(c, d), v.lefts());
        assertEquals(List.of(), v.rights());
        assertEquals(Optional.of(a), v.extra());
        assertEquals(List.of(), verify(v));

        VariadicOp none = VariadicOp.create(b, LOC, List.of(), a, List.of(), List.of(c), Optional.empty());
        assertEquals(List.of(c), none.rights());
        assertEquals(Optional.empty(), none.extra());
        assertEquals(List.of(), verify(none));
    }

    @Test
    void badOperandSegmentSizesAreReported() {
        Value a = produce(IntegerType.I32);
        assertEquals(
                List.of("'dtest.variadic' op requires attribute 'operandSegmentSizes'"),
                verify(generic("dtest.variadic", List.of(a), List.of())));
        OperationState st =
                new OperationState("dtest.variadic", LOC).addOperand(a).addOperand(a);
        st.addAttribute("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 0, 0, 0}));
        assertEquals(
                List.of("'dtest.variadic' op operand count (2) does not match with the total size (1) specified"
                        + " in attribute 'operandSegmentSizes'"),
                verify(Operation.create(st)));
        OperationState st2 = new OperationState("dtest.variadic", LOC).addOperand(a);
        st2.addAttribute("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 0, 0}));
        assertEquals(
                List.of("'dtest.variadic' op 'operandSegmentSizes' attribute for specifying operand segments"
                        + " must have 4 elements, but got 3"),
                verify(Operation.create(st2)));
        OperationState st3 = new OperationState("dtest.variadic", LOC)
                .addOperand(a)
                .addOperand(a)
                .addOperand(a);
        st3.addAttribute("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 0, 0, 2}));
        assertEquals(
                List.of("'dtest.variadic' op 'operandSegmentSizes' element #3 must be 0 or 1, but got 2"),
                verify(Operation.create(st3)));
    }
}
