package dev.dal.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.diag.Severity;
import dev.dal.ir.pass.ptest.PtestOps.AddOp;
import dev.dal.ir.pass.ptest.PtestOps.BrOp;
import dev.dal.ir.pass.ptest.PtestOps.CondBrOp;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import dev.dal.ir.pass.ptest.PtestOps.EffectOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import dev.dal.ir.pass.ptest.PtestOps.ScopeOp;
import dev.dal.ir.pass.ptest.PtestOps.YieldOp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private final List<Diagnostic> diags = new ArrayList<>();
    private final DiagnosticEngine engine = DiagnosticEngine.collecting(diags);
    private final ModuleOp module = ModuleOp.create();
    private final Builder mb = Builder.atEnd(module.body());

    private List<String> messages() {
        return diags.stream().map(Diagnostic::message).toList();
    }

    private boolean verify() {
        return Verifier.verify(module, engine);
    }

    private Diagnostic only() {
        assertEquals(1, diags.size(), () -> "expected one diagnostic, got " + messages());
        return diags.getFirst();
    }

    @Test
    void wellFormedFunctionHasNoDiagnostics() {
        FuncOp f = FuncOp.create(mb, "f", 1);
        Builder b = Builder.atEnd(f.entry());
        Value c = ConstantOp.create(b, 2).result(0);
        ScopeOp s = ScopeOp.create(b, 1);
        Builder sb = Builder.atEnd(s.body());
        YieldOp.create(sb, AddOp.create(sb, c, f.entry().argument(0)).result(0));
        ReturnOp.create(b, s.result(0));
        assertTrue(verify(), () -> messages().toString());
        assertTrue(diags.isEmpty());
    }

    @Test
    void blockOfRegisteredOpWithoutTerminatorIsReported() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ConstantOp c = ConstantOp.create(b, 1);
        c.setLoc(Location.name("last"));
        assertFalse(verify());
        Diagnostic d = only();
        assertEquals("block with no terminator, has 'ptest.constant' op", d.message());
        assertEquals(Location.name("last"), d.location());
    }

    @Test
    void emptyBlockOfRegisteredOpIsReported() {
        FuncOp.create(mb, "f", 0);
        assertFalse(verify());
        assertEquals("empty block: expect at least a terminator", only().message());
    }

    @Test
    void unregisteredOpsNeedNoTerminatorAndMayEndABlock() {
        OperationState st = new OperationState("other.container", Location.unknown());
        Block inner = st.addRegion().addBlock();
        Operation container = mb.create(st);
        Builder.atEnd(inner).create(new OperationState("other.thing", Location.unknown()));
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder.atEnd(f.entry()).create(new OperationState("other.maybe_terminator", Location.unknown()));
        assertTrue(container.parentBlock().isPresent());
        assertTrue(verify(), () -> messages().toString());
    }

    @Test
    void terminatorInTheMiddleOfABlockIsReported() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ReturnOp.create(b);
        ConstantOp.create(b, 1);
        ReturnOp.create(b);
        assertFalse(verify());
        assertEquals("'ptest.return' op must be the last operation in the parent block", only().message());
    }

    @Test
    void useBeforeDefinitionInOneBlockDoesNotDominate() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ConstantOp c = ConstantOp.create(b, 1);
        AddOp add = AddOp.create(b, c.result(0), c.result(0));
        ReturnOp.create(b);
        add.moveBefore(c);
        add.setLoc(Location.name("use"));
        c.setLoc(Location.name("def"));
        assertFalse(verify());
        assertEquals(2, diags.size(), () -> messages().toString());
        Diagnostic d = diags.getFirst();
        assertEquals("operand #0 does not dominate this use", d.message());
        assertEquals(Location.name("use"), d.location());
        assertEquals("operand #1 does not dominate this use", diags.get(1).message());
        assertEquals(1, d.notes().size());
        assertEquals(Severity.NOTE, d.notes().getFirst().severity());
        assertEquals(
                "operand defined here (op in the same block)",
                d.notes().getFirst().message());
        assertEquals(Location.name("def"), d.notes().getFirst().location());
    }

    @Test
    void valueFromAboveAnIsolatedOpIsReportedWithTheIsolatedOp() {
        ConstantOp outer = ConstantOp.create(mb, 1);
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        AddOp add = AddOp.create(b, outer.result(0), outer.result(0));
        ReturnOp.create(b);
        assertFalse(verify());
        assertEquals(2, diags.size(), () -> messages().toString());
        Diagnostic d = diags.getFirst();
        assertEquals("'ptest.add' op using value defined outside the region", d.message());
        assertEquals(add.loc(), d.location());
        assertEquals(
                "required by region isolation constraints", d.notes().getFirst().message());
        assertEquals(f.loc(), d.notes().getFirst().location());
    }

    @Test
    void nonIsolatedRegionSeesEnclosingValuesDefinedBeforeItsOp() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        Value c = ConstantOp.create(b, 1).result(0);
        ScopeOp s = ScopeOp.create(b, 0);
        Builder sb = Builder.atEnd(s.body());
        ScopeOp s2 = ScopeOp.create(sb, 0);
        Builder s2b = Builder.atEnd(s2.body());
        AddOp.create(s2b, c, c);
        YieldOp.create(s2b);
        YieldOp.create(sb);
        ReturnOp.create(b);
        assertTrue(verify(), () -> messages().toString());
    }

    @Test
    void valueOfASiblingRegionIsNeitherParentNorChild() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ScopeOp s1 = ScopeOp.create(b, 0);
        Builder b1 = Builder.atEnd(s1.body());
        Value inner = ConstantOp.create(b1, 1).result(0);
        YieldOp.create(b1);
        ScopeOp s2 = ScopeOp.create(b, 0);
        Builder b2 = Builder.atEnd(s2.body());
        AddOp.create(b2, inner, inner);
        YieldOp.create(b2);
        ReturnOp.create(b);
        assertFalse(verify());
        assertEquals("operand #0 does not dominate this use", diags.getFirst().message());
        assertEquals(
                "operand defined here (op is neither in a parent nor in a child region)",
                diags.getFirst().notes().getFirst().message());
    }

    @Test
    void valueOfANestedRegionIsNotVisibleAfterIt() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ScopeOp s1 = ScopeOp.create(b, 0);
        Builder b1 = Builder.atEnd(s1.body());
        Value inner = ConstantOp.create(b1, 1).result(0);
        YieldOp.create(b1);
        ReturnOp.create(b, inner);
        assertFalse(verify());
        assertEquals(
                "operand defined here (op in a child region)",
                only().notes().getFirst().message());
    }

    @Test
    void opResultUsedInsideItsOwnRegionDoesNotDominate() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ScopeOp s = ScopeOp.create(b, 1);
        Builder sb = Builder.atEnd(s.body());
        YieldOp.create(sb, s.result(0));
        ReturnOp.create(b);
        assertFalse(verify());
        assertEquals("operand #0 does not dominate this use", only().message());
        assertEquals(
                "operand defined here (op in a parent region)",
                only().notes().getFirst().message());
    }

    @Test
    void branchToABlockOfAnotherRegionIsReported() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        FuncOp g = FuncOp.create(mb, "g", 0);
        ReturnOp.create(Builder.atEnd(g.entry()));
        BrOp.create(Builder.atEnd(f.entry()), g.entry());
        assertFalse(verify());
        assertTrue(messages().contains("reference to block defined in another region"), messages()::toString);
    }

    @Test
    void entryBlockWithPredecessorsIsReported() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Block second = f.region(0).addBlock();
        BrOp.create(Builder.atEnd(f.entry()), second);
        BrOp.create(Builder.atEnd(second), f.entry());
        assertFalse(verify());
        assertEquals("entry block of region may not have predecessors", only().message());
        assertEquals(f.loc(), only().location());
    }

    @Test
    void successorsOnlyOnTheLastOp() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Block second = f.region(0).addBlock();
        ReturnOp.create(Builder.atEnd(second));
        Builder b = Builder.atEnd(f.entry());
        b.create(new OperationState("other.jump", Location.unknown()).addSuccessor(second));
        ReturnOp.create(b);
        assertFalse(verify());
        assertEquals("operation with block successors must terminate its parent block", only().message());
    }

    @Test
    void duplicateSymbolNamesAreReportedWithANoteAtTheFirst() {
        FuncOp f1 = FuncOp.create(mb, "f", 0);
        ReturnOp.create(Builder.atEnd(f1.entry()));
        FuncOp f2 = FuncOp.create(mb, "f", 0);
        f2.setLoc(Location.name("second"));
        f1.setLoc(Location.name("first"));
        ReturnOp.create(Builder.atEnd(f2.entry()));
        FuncOp g = FuncOp.create(mb, "g", 0);
        ReturnOp.create(Builder.atEnd(g.entry()));
        assertFalse(verify());
        Diagnostic d = only();
        assertEquals("redefinition of symbol named 'f'", d.message());
        assertEquals(Location.name("second"), d.location());
        assertEquals("see existing symbol definition here", d.notes().getFirst().message());
        assertEquals(Location.name("first"), d.notes().getFirst().location());
    }

    @Test
    void generatedInvariantsAreCheckedAndVerificationGoesOn() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        ConstantOp bad = ConstantOp.create(b, 1);
        bad.removeAttribute("value");
        ReturnOp.create(b);
        ReturnOp.create(b);
        assertFalse(verify());
        assertEquals(
                List.of(
                        "'ptest.constant' op requires attribute 'value'",
                        "'ptest.return' op must be the last operation in the parent block"),
                messages());
    }

    /** An op whose own check counts its calls and always fails. */
    static final class CheckedOp extends Operation implements Verifiable {
        static int calls;
        final boolean invariantsHold;

        CheckedOp(OperationState s, boolean invariantsHold) {
            super(s);
            this.invariantsHold = invariantsHold;
        }

        @Override
        public boolean verifyInvariants(DiagnosticEngine diag) {
            if (!invariantsHold) diag.report(Diagnostic.opError(this, "invariants broken"));
            return invariantsHold;
        }

        @Override
        public boolean verify(DiagnosticEngine diag) {
            calls++;
            diag.report(Diagnostic.opError(this, "custom check failed"));
            return false;
        }
    }

    @Test
    void customVerifyRunsOnlyWhenInvariantsHold() {
        CheckedOp.calls = 0;
        mb.insert(new CheckedOp(new OperationState("other.checked", Location.unknown()), true));
        mb.insert(new CheckedOp(new OperationState("other.checked", Location.unknown()), false));
        assertFalse(verify());
        assertEquals(1, CheckedOp.calls);
        assertEquals(
                List.of("'other.checked' op custom check failed", "'other.checked' op invariants broken"), messages());
    }

    @Test
    void diamondJoinDoesNotSeeValuesOfOneArm() {
        FuncOp f = FuncOp.create(mb, "f", 1);
        Block entry = f.entry();
        Block left = f.region(0).addBlock(),
                right = f.region(0).addBlock(),
                join = f.region(0).addBlock();
        Builder eb = Builder.atEnd(entry);
        Value top = ConstantOp.create(eb, 1).result(0);
        CondBrOp.create(eb, entry.argument(0), left, right);
        Builder lb = Builder.atEnd(left);
        ConstantOp inLeft = ConstantOp.create(lb, 2);
        inLeft.setLoc(Location.name("left-def"));
        BrOp.create(lb, join);
        BrOp.create(Builder.atEnd(right), join);
        Builder jb = Builder.atEnd(join);
        AddOp.create(jb, top, entry.argument(0));
        AddOp bad = AddOp.create(jb, top, inLeft.result(0));
        ReturnOp.create(jb);
        assertFalse(verify());
        Diagnostic d = only();
        assertEquals("operand #1 does not dominate this use", d.message());
        assertEquals(bad.loc(), d.location());
        assertEquals(
                "operand defined here (op in the same region)",
                d.notes().getFirst().message());
    }

    @Test
    void loopHeaderDoesNotSeeTheBodyButBodyAndExitSeeTheHeader() {
        FuncOp f = FuncOp.create(mb, "f", 1);
        Block header = f.region(0).addBlock(),
                body = f.region(0).addBlock(),
                exit = f.region(0).addBlock();
        BrOp.create(Builder.atEnd(f.entry()), header);
        Builder hb = Builder.atEnd(header);
        Value h = ConstantOp.create(hb, 1).result(0);
        CondBrOp.create(hb, f.entry().argument(0), body, exit);
        Builder bb = Builder.atEnd(body);
        Value inBody = AddOp.create(bb, h, h).result(0);
        BrOp.create(bb, header);
        Builder xb = Builder.atEnd(exit);
        AddOp.create(xb, h, h);
        ReturnOp.create(xb);
        assertTrue(verify(), () -> messages().toString());
        // Now make the header use a value of the body.
        AddOp.create(Builder.before(header.lastOp().orElseThrow()), inBody, h);
        assertFalse(verify());
        assertEquals("operand #0 does not dominate this use", only().message());
    }

    @Test
    void blockArgumentOfAnotherBlockNotedWithItsIndex() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Block a = f.region(0).addBlock(), b2 = f.region(0).addBlock();
        Value arg = a.addArgument(dev.dal.ir.pass.ptest.PtestOps.I32, Location.unknown());
        Builder eb = Builder.atEnd(f.entry());
        Value c = ConstantOp.create(eb, 0).result(0);
        CondBrOp.create(eb, c, a, b2);
        ReturnOp.create(Builder.atEnd(a));
        Builder bb = Builder.atEnd(b2);
        AddOp.create(bb, arg, arg);
        ReturnOp.create(bb);
        assertFalse(verify());
        assertEquals(
                "operand defined as a block argument (block #1 in the same region)",
                diags.getFirst().notes().getFirst().message());
    }

    @Test
    void usesInUnreachableBlocksAreNotChecked() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Block dead = f.region(0).addBlock();
        ReturnOp.create(Builder.atEnd(f.entry()));
        Builder db = Builder.atEnd(dead);
        ConstantOp c = ConstantOp.create(db, 1);
        AddOp use = AddOp.create(db, c.result(0), c.result(0));
        ReturnOp.create(db);
        use.moveBefore(c);
        assertTrue(verify(), () -> messages().toString());
    }

    @Test
    void effectOpsWithoutTraitsVerify() {
        FuncOp f = FuncOp.create(mb, "f", 0);
        Builder b = Builder.atEnd(f.entry());
        EffectOp e = EffectOp.create(b, 1);
        EffectOp.create(b, 0, e.result(0));
        ReturnOp.create(b);
        assertTrue(verify());
    }

    @Test
    void crashingOpCheckBecomesADiagnostic() {
        mb.insert(new Operation(new OperationState("other.crash", Location.unknown())) {
            @Override
            public boolean verifyInvariants(DiagnosticEngine diag) {
                throw new IllegalStateException("bad generated code");
            }
        });
        assertFalse(verify());
        assertEquals(
                List.of("'other.crash' op internal error in verifier: java.lang.IllegalStateException: "
                        + "bad generated code"),
                messages());
    }
}
