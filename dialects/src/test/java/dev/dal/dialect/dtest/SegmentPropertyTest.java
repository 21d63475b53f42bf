package dev.dal.dialect.dtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

/** For any group sizes, the builder, the accessors and the verifier of an op with operand segments agree. */
class SegmentPropertyTest {
    private static final Location LOC = Location.name("t");

    private static List<Value> values(Builder b, int n, IntegerType t) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(ProduceOp.create(b, LOC, t).result());
        return out;
    }

    @Test
    void builtOpsVerifyAndReturnTheGroupsTheyWereBuiltFrom() {
        QuickTheory.qt()
                .forAll(
                        SourceDSL.integers().between(0, 4),
                        SourceDSL.integers().between(0, 4),
                        SourceDSL.booleans().all(),
                        SourceDSL.integers().between(0, 3))
                .checkAssert((nl, nr, hasExtra, nres) -> {
                    Builder b = Builder.atEnd(new Region().addBlock());
                    Value first = values(b, 1, IntegerType.I1).getFirst();
                    List<Value> lefts = values(b, nl, IntegerType.I8), rights = values(b, nr, IntegerType.I16);
                    Optional<Value> extra =
                            hasExtra ? Optional.of(values(b, 1, IntegerType.I32).getFirst()) : Optional.empty();
                    List<IntegerType> resultTypes = new ArrayList<>();
                    for (int i = 0; i < nres; i++) resultTypes.add(IntegerType.I64);
                    VariadicOp op = VariadicOp.create(b, LOC, resultTypes, first, lefts, rights, extra);
                    List<Diagnostic> diags = new ArrayList<>();
                    assertTrue(op.verifyInvariants(DiagnosticEngine.collecting(diags)), diags::toString);
                    assertEquals(first, op.first());
                    assertEquals(lefts, op.lefts());
                    assertEquals(rights, op.rights());
                    assertEquals(extra, op.extra());
                    assertEquals(nres, op.outputs().size());
                });
    }

    @Test
    void droppingAnyOperandIsReportedNeverThrown() {
        QuickTheory.qt()
                .forAll(
                        SourceDSL.integers().between(0, 3),
                        SourceDSL.integers().between(0, 3),
                        SourceDSL.integers().between(0, 7))
                .checkAssert((nl, nr, drop) -> {
                    Block block = new Region().addBlock();
                    Builder b = Builder.atEnd(block);
                    VariadicOp op = VariadicOp.create(
                            b,
                            LOC,
                            List.of(),
                            values(b, 1, IntegerType.I1).getFirst(),
                            values(b, nl, IntegerType.I8),
                            values(b, nr, IntegerType.I8),
                            Optional.empty());
                    OperationState st = new OperationState(op.name(), LOC);
                    List<Value> operands = new ArrayList<>(op.operands());
                    operands.remove(drop % operands.size());
                    st.addOperands(operands);
                    st.attributes.addAll(op.attributes());
                    List<Diagnostic> diags = new ArrayList<>();
                    Operation broken = Operation.create(st);
                    assertTrue(!broken.verifyInvariants(DiagnosticEngine.collecting(diags)));
                    assertEquals(
                            List.of("'dtest.variadic' op operand count (" + operands.size() + ") does not match"
                                    + " with the total size (" + (operands.size() + 1) + ") specified in attribute"
                                    + " 'operandSegmentSizes'"),
                            diags.stream().map(Diagnostic::message).toList());
                });
    }
}
