package dev.dal.ir.pass.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.pass.PassManager;
import dev.dal.ir.pass.PassRegistry;
import dev.dal.ir.pass.PassRunConfig;
import dev.dal.ir.pass.PipelineParser;
import dev.dal.ir.pass.ptest.Interpreter;
import dev.dal.ir.pass.ptest.ProgramGen;
import dev.dal.ir.pass.ptest.PtestOps.AddOp;
import dev.dal.ir.pass.ptest.PtestOps.BrOp;
import dev.dal.ir.pass.ptest.PtestOps.CondBrOp;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import dev.dal.ir.pass.ptest.PtestOps.EffectOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.MulOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import dev.dal.ir.pass.ptest.PtestOps.ScopeOp;
import dev.dal.ir.pass.ptest.PtestOps.YieldOp;
import dev.dal.ir.pass.ptest.TestPrinter;
import dev.dal.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsePassTest {
    private final ModuleOp module = ModuleOp.create();
    private final FuncOp f = FuncOp.create(Builder.atEnd(module.body()), "f", 2);
    private final Builder b = Builder.atEnd(f.entry());
    private final Value x = f.entry().argument(0), y = f.entry().argument(1);
    private final StringBuilder out = new StringBuilder();

    private void cse() throws Exception {
        cse(module);
    }

    private void cse(ModuleOp m) throws Exception {
        List<Diagnostic> diags = new ArrayList<>();
        PassManager pm = PipelineParser.parse("ptest.module(ptest.func(cse))", PassRegistry.global());
        assertTrue(
                pm.run(
                        m,
                        new PassRunConfig()
                                .printer(TestPrinter::print)
                                .statistics(true)
                                .out(out),
                        DiagnosticEngine.collecting(diags)),
                diags::toString);
    }

    @Test
    void duplicatePureOpsAreReplacedByTheFirst() throws Exception {
        AddOp a1 = AddOp.create(b, x, y);
        AddOp a2 = AddOp.create(b, x, y);
        ReturnOp ret =
                ReturnOp.create(b, MulOp.create(b, a1.result(0), a2.result(0)).result(0));
        cse();
        assertEquals(1, f.collect(AddOp.class).size());
        MulOp mul = f.collect(MulOp.class).getFirst();
        assertSame(a1.result(0), mul.operand(0));
        assertSame(a1.result(0), mul.operand(1));
        assertSame(mul.result(0), ret.operand(0));
        assertTrue(out.toString().contains("(S) 1 num-cse'd - Number of operations CSE'd"), out::toString);
    }

    @Test
    void opsDifferingInOperandsOrderAttributesOrNameStay() throws Exception {
        AddOp a1 = AddOp.create(b, x, y);
        AddOp a2 = AddOp.create(b, y, x);
        AddOp a3 = AddOp.create(b, x, y);
        a3.setAttribute("tag", StringAttr.of("t"));
        MulOp m = MulOp.create(b, x, y);
        ReturnOp.create(b, a1.result(0), a2.result(0), a3.result(0), m.result(0));
        cse();
        assertEquals(3, f.collect(AddOp.class).size());
        assertEquals(1, f.collect(MulOp.class).size());
    }

    @Test
    void sideEffectingOpsAreNeverMerged() throws Exception {
        EffectOp e1 = EffectOp.create(b, 1, x);
        EffectOp e2 = EffectOp.create(b, 1, x);
        ReturnOp.create(b, e1.result(0), e2.result(0));
        cse();
        assertEquals(2, f.collect(EffectOp.class).size());
    }

    @Test
    void unusedPureOpsAreErasedAndCounted() throws Exception {
        AddOp.create(b, x, y);
        EffectOp.create(b, 0, x);
        ReturnOp.create(b);
        cse();
        assertTrue(f.collect(AddOp.class).isEmpty());
        assertEquals(1, f.collect(EffectOp.class).size());
        assertTrue(out.toString().contains("(S) 1 num-dce'd - Number of operations DCE'd"), out::toString);
    }

    @Test
    void dominanceDecidesAcrossBlocksOfADiamond() throws Exception {
        Block left = f.region(0).addBlock(),
                right = f.region(0).addBlock(),
                join = f.region(0).addBlock();
        AddOp top = AddOp.create(b, x, y);
        CondBrOp.create(b, x, left, right);
        Builder lb = Builder.atEnd(left);
        AddOp inLeft = AddOp.create(lb, x, x);
        AddOp leftDupOfTop = AddOp.create(lb, x, y);
        EffectOp.create(lb, 0, inLeft.result(0), leftDupOfTop.result(0));
        BrOp.create(lb, join);
        Builder rb = Builder.atEnd(right);
        AddOp inRight = AddOp.create(rb, x, x);
        EffectOp.create(rb, 0, inRight.result(0));
        BrOp.create(rb, join);
        Builder jb = Builder.atEnd(join);
        AddOp inJoin = AddOp.create(jb, x, x);
        AddOp joinDupOfTop = AddOp.create(jb, x, y);
        ReturnOp.create(jb, top.result(0), inJoin.result(0), joinDupOfTop.result(0));
        cse();
        assertTrue(Verifier.verify(module, new DiagnosticEngine()));
        // Duplicates of the entry's add go; the three x+x in sibling blocks do not dominate one another and stay.
        assertTrue(leftDupOfTop.parentBlock().isEmpty());
        assertTrue(joinDupOfTop.parentBlock().isEmpty());
        assertEquals(4, f.collect(AddOp.class).size());
        assertTrue(inLeft.parentBlock().isPresent()
                && inRight.parentBlock().isPresent()
                && inJoin.parentBlock().isPresent());
    }

    @Test
    void nestedRegionsSeeEarlierOuterExpressionsButNotLaterOnes() throws Exception {
        AddOp outer = AddOp.create(b, x, y);
        ScopeOp s = ScopeOp.create(b, 2);
        Builder sb = Builder.atEnd(s.body());
        AddOp innerDup = AddOp.create(sb, x, y);
        MulOp innerMul = MulOp.create(sb, x, y);
        YieldOp.create(sb, innerDup.result(0), innerMul.result(0));
        MulOp laterMul = MulOp.create(b, x, y);
        ReturnOp.create(b, outer.result(0), s.result(0), s.result(1), laterMul.result(0));
        cse();
        assertTrue(innerDup.parentBlock().isEmpty(), "inner duplicate of an earlier outer op is replaced");
        YieldOp yield = s.body().lastOp().map(YieldOp.class::cast).orElseThrow();
        assertSame(outer.result(0), yield.operand(0));
        // The outer mul comes after the scope: the scope's mul does not dominate it and vice versa.
        assertTrue(innerMul.parentBlock().isPresent());
        assertTrue(laterMul.parentBlock().isPresent());
        assertNotSame(innerMul.result(0), laterMul.result(0));
    }

    @Test
    void isolatedRegionsStartWithNothingKnown() throws Exception {
        ConstantOp moduleConst = ConstantOp.create(Builder.before(f), 3);
        ConstantOp funcConst = ConstantOp.create(b, 3);
        ReturnOp.create(b, funcConst.result(0));
        List<Diagnostic> diags = new ArrayList<>();
        PassManager pm = PipelineParser.parse("cse", PassRegistry.global());
        // Run on the whole module: the module-level constant is dead and goes; the function's stays.
        assertTrue(pm.run(module, new PassRunConfig().out(out), DiagnosticEngine.collecting(diags)), diags::toString);
        assertTrue(moduleConst.parentBlock().isEmpty());
        assertTrue(funcConst.parentBlock().isPresent());
    }

    @Test
    void sameExpressionInIsolatedFunctionsIsNotShared() throws Exception {
        FuncOp g = FuncOp.create(Builder.atEnd(module.body()), "g", 0);
        Builder gb = Builder.atEnd(g.entry());
        ReturnOp.create(gb, ConstantOp.create(gb, 1).result(0));
        ReturnOp.create(b, ConstantOp.create(b, 1).result(0));
        cse();
        assertEquals(1, f.collect(ConstantOp.class).size());
        assertEquals(1, g.collect(ConstantOp.class).size());
    }

    @Test
    void cseKeepsMeaningAndLeavesNoDuplicatePureOpInABlock() {
        qt().withExamples(200)
                .forAll(ProgramGen.programs(), integers().between(-20, 20))
                .checkAssert((code, a) -> {
                    try {
                        ModuleOp m = ProgramGen.build(code);
                        FuncOp main = (FuncOp) m.body().firstOp().orElseThrow();
                        Interpreter before = new Interpreter();
                        List<Integer> expected = before.run(main, List.of(a, 7));
                        cse(m);
                        Interpreter after = new Interpreter();
                        assertEquals(expected, after.run(main, List.of(a, 7)));
                        assertEquals(before.trace, after.trace);
                        main.walk(op -> {
                            if (op.regions().isEmpty() || op.parentBlock().isEmpty()) return;
                            for (var r : op.regions())
                                for (Block blk : r.blocks()) {
                                    List<String> seen = new ArrayList<>();
                                    for (Operation o : blk.ops()) {
                                        if (!(o instanceof dev.dal.ir.trait.Pure)
                                                || o.isTerminator()
                                                || !o.regions().isEmpty()) continue;
                                        String key = o.name()
                                                + o.operands().stream()
                                                        .map(v -> Integer.toString(System.identityHashCode(v)))
                                                        .toList()
                                                + o.attributes();
                                        assertTrue(
                                                !seen.contains(key), () -> "duplicate left:\n" + TestPrinter.print(m));
                                        seen.add(key);
                                    }
                                }
                        });
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }
}
