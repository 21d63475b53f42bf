package dev.dal.ir.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Builder;
import dev.dal.ir.Operation;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.pass.ptest.PtestOps.AddOp;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import dev.dal.ir.pass.ptest.PtestOps.EffectOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.MulOp;
import dev.dal.ir.pass.ptest.PtestOps.NegOp;
import dev.dal.ir.pass.ptest.PtestOps.PureScopeOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import dev.dal.ir.pass.ptest.PtestOps.ScopeOp;
import dev.dal.ir.pass.ptest.PtestOps.YieldOp;
import dev.dal.ir.pass.ptest.TestPrinter;
import dev.dal.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GreedyRewriteDriverTest {
    private final ModuleOp module = ModuleOp.create();
    private final FuncOp f = FuncOp.create(Builder.atEnd(module.body()), "f", 1);
    private final Builder b = Builder.atEnd(f.entry());
    private final Value x = f.entry().argument(0);

    private GreedyRewriteResult run(List<RewritePattern> patterns, GreedyRewriteConfig config) {
        GreedyRewriteResult r = GreedyRewriteDriver.applyPatternsAndFoldGreedily(module, patterns, config);
        assertTrue(Verifier.verify(module, new DiagnosticEngine()), "driver output verifies");
        return r;
    }

    private GreedyRewriteResult canonicalize() {
        return run(List.of(), new GreedyRewriteConfig().canonicalizationPatterns(true));
    }

    /** {@return the printed text of a fresh function {@code f(%x)} built by {@code body}} */
    private static String expected(java.util.function.BiConsumer<Builder, Value> body) {
        ModuleOp m = ModuleOp.create();
        FuncOp e = FuncOp.create(Builder.atEnd(m.body()), "f", 1);
        body.accept(Builder.atEnd(e.entry()), e.entry().argument(0));
        return TestPrinter.print(m);
    }

    @Test
    void foldsChainThroughToOneConstant() {
        Value c1 = ConstantOp.create(b, 1).result(0),
                c2 = ConstantOp.create(b, 2).result(0);
        Value sum = AddOp.create(b, c1, c2).result(0);
        Value prod = MulOp.create(b, sum, ConstantOp.create(b, 3).result(0)).result(0);
        Value neg = NegOp.create(b, prod).result(0);
        ReturnOp.create(b, AddOp.create(b, neg, x).result(0));
        GreedyRewriteResult r = canonicalize();
        assertTrue(r.converged());
        assertEquals(
                expected((eb, ex) -> ReturnOp.create(
                        eb,
                        AddOp.create(eb, ConstantOp.create(eb, -9).result(0), ex)
                                .result(0))),
                TestPrinter.print(module));
    }

    @Test
    void addOfZeroBecomesItsOtherOperand() {
        Value zero = ConstantOp.create(b, 0).result(0);
        ReturnOp.create(
                b, AddOp.create(b, AddOp.create(b, x, zero).result(0), zero).result(0));
        canonicalize();
        assertEquals(expected((eb, ex) -> ReturnOp.create(eb, ex)), TestPrinter.print(module));
    }

    @Test
    void equalConstantsAreKeptOnceAtTheStartOfTheIsolatedRegion() {
        EffectOp e = EffectOp.create(b, 1, x);
        Value c5 = ConstantOp.create(b, 5).result(0);
        ScopeOp s = ScopeOp.create(b, 1);
        Builder sb = Builder.atEnd(s.body());
        Value inner5 = ConstantOp.create(sb, 5).result(0);
        YieldOp.create(sb, AddOp.create(sb, inner5, e.result(0)).result(0));
        Value c5b = ConstantOp.create(b, 5).result(0);
        ReturnOp.create(b, AddOp.create(b, c5, c5b).result(0), s.result(0));
        canonicalize();
        // Only kept constants precede the rest of the entry block.
        List<Operation> ops = f.entry().opList();
        assertEquals(
                List.of(true, true, false),
                ops.subList(0, 3).stream().map(o -> o instanceof ConstantOp).toList(),
                TestPrinter.print(module));
        List<ConstantOp> fives =
                f.collect(ConstantOp.class).stream().filter(c -> c.value() == 5).toList();
        assertEquals(1, fives.size(), TestPrinter.print(module));
        Operation first = fives.getFirst();
        assertSame(f.entry(), first.parentBlock().orElseThrow());
        // add(5, 5) folded to 10, materialized next to the kept constants.
        assertTrue(f.collect(ConstantOp.class).stream().anyMatch(c -> c.value() == 10));
        AddOp innerAdd = f.collect(AddOp.class).getFirst();
        assertSame(first.result(0), innerAdd.operand(0));
        assertTrue(Verifier.verify(module, new DiagnosticEngine()));
    }

    @Test
    void deadPureOpsGoButEffectsAndImpureRegionsStay() {
        Value a = AddOp.create(b, x, x).result(0);
        NegOp.create(b, a);
        EffectOp.create(b, 1, x);
        PureScopeOp dead = PureScopeOp.create(b, 1);
        Builder db = Builder.atEnd(dead.body());
        YieldOp.create(db, AddOp.create(db, x, x).result(0));
        PureScopeOp keptForEffect = PureScopeOp.create(b, 1);
        Builder kb = Builder.atEnd(keptForEffect.body());
        YieldOp.create(kb, EffectOp.create(kb, 1, x).result(0));
        ReturnOp.create(b);
        GreedyRewriteResult r = canonicalize();
        assertEquals(3, r.erased());
        assertEquals(
                List.of("ptest.effect", "ptest.pure_scope", "ptest.return"),
                f.entry().opList().stream().map(Operation::name).toList());
    }

    /** Tags an add with its name when no tag is there yet. */
    static final class Tag extends OpPattern<AddOp> {
        final String tag;
        final List<String> calls;

        Tag(String tag, int benefit, List<String> calls) {
            super(AddOp.class, benefit);
            this.tag = tag;
            this.calls = calls;
        }

        @Override
        public Match apply(AddOp op, Rewriter rw) {
            calls.add(tag);
            if (op.attribute("tag").isPresent()) return rw.noMatch(op, "already tagged");
            rw.setAttribute(op, "tag", StringAttr.of(tag));
            return Match.APPLIED;
        }
    }

    @Test
    void higherBenefitPatternsAreTriedFirst() {
        AddOp add = AddOp.create(b, x, x);
        ReturnOp.create(b, add.result(0));
        List<String> calls = new ArrayList<>();
        run(
                List.of(new Tag("low", 1, calls), new Tag("high", 5, calls), new Tag("mid", 3, calls)),
                new GreedyRewriteConfig());
        assertEquals(Optional.of(StringAttr.of("high")), add.attribute("tag"));
        assertEquals("high", calls.getFirst());
        // On the revisit all three are tried in benefit order and none applies.
        assertEquals(List.of("high", "mid", "low"), calls.subList(calls.size() - 3, calls.size()));
    }

    /** Counts the ops it is tried on. */
    static final class Count extends RewritePattern {
        final Optional<Class<? extends Operation>> root;
        final List<String> seen = new ArrayList<>();

        Count(Optional<Class<? extends Operation>> root) {
            super(1);
            this.root = root;
        }

        @Override
        public Optional<Class<? extends Operation>> rootClass() {
            return root;
        }

        @Override
        public Match matchAndRewrite(Operation op, Rewriter rw) {
            seen.add(op.name());
            return rw.noMatch(op, "counting only");
        }
    }

    @Test
    void patternsAreOnlyTriedOnOpsOfTheirRootClassOrItsSubclasses() {
        NegOp.create(b, x);
        ReturnOp.create(b, AddOp.create(b, x, x).result(0));
        Count onNeg = new Count(Optional.of(NegOp.class));
        Count onAll = new Count(Optional.of(Operation.class));
        Count rootless = new Count(Optional.empty());
        run(List.of(onNeg, onAll, rootless), new GreedyRewriteConfig().folding(false));
        assertTrue(onNeg.seen.isEmpty(), "the neg was dead and erased before patterns: " + onNeg.seen);
        assertTrue(onAll.seen.containsAll(List.of("ptest.add", "ptest.return")), onAll.seen::toString);
        assertEquals(onAll.seen, rootless.seen);
        assertFalse(onAll.seen.contains("ptest.neg"));
    }

    @Test
    void canonicalizationPatternsOfOpsInTheIrAreUsed() {
        Value n = NegOp.create(b, NegOp.create(b, x).result(0)).result(0);
        ReturnOp.create(b, n);
        GreedyRewriteResult r = canonicalize();
        assertEquals(1, r.rewrites());
        assertEquals(expected((eb, ex) -> ReturnOp.create(eb, ex)), TestPrinter.print(module));
        // Without collecting them, nothing happens.
        ModuleOp m2 = ModuleOp.create();
        FuncOp f2 = FuncOp.create(Builder.atEnd(m2.body()), "f", 1);
        Builder b2 = Builder.atEnd(f2.entry());
        ReturnOp.create(
                b2,
                NegOp.create(b2, NegOp.create(b2, f2.entry().argument(0)).result(0))
                        .result(0));
        GreedyRewriteDriver.applyPatternsAndFoldGreedily(m2, List.of(), new GreedyRewriteConfig());
        assertEquals(2, f2.collect(NegOp.class).size());
    }

    @Test
    void debugPatternsReportsEveryNoMatchReason() {
        NegOp neg = NegOp.create(b, x);
        neg.setLoc(dev.dal.ir.Location.file("in.ir", 3, 7));
        ReturnOp.create(b, neg.result(0));
        List<String> lines = new ArrayList<>();
        run(List.of(), new GreedyRewriteConfig().canonicalizationPatterns(true).debugPatterns(true, lines::add));
        assertEquals(1, lines.size(), lines::toString);
        assertEquals(
                "pattern DoubleNeg did not match 'ptest.neg' op at in.ir:3:7: operand is not produced by ptest.neg",
                lines.getFirst());
    }

    /** Always rewrites: flips an attribute, so the driver never reaches a fixed point. */
    static final class Flip extends OpPattern<AddOp> {
        Flip() {
            super(AddOp.class, 1);
        }

        @Override
        public Match apply(AddOp op, Rewriter rw) {
            rw.setAttribute(op, "flag", StringAttr.of(op.attribute("flag").isPresent() ? "b" : "a"));
            return Match.APPLIED;
        }
    }

    @Test
    void iterationBoundStopsANonConvergingRewrite() {
        ReturnOp.create(b, AddOp.create(b, x, x).result(0));
        GreedyRewriteResult r = run(
                List.of(new Flip()), new GreedyRewriteConfig().maxIterations(3).maxNumRewrites(1000));
        assertFalse(r.converged());
        assertEquals(1000, r.rewrites());
        GreedyRewriteResult bounded = run(List.of(new Flip()), new GreedyRewriteConfig().maxNumRewrites(7));
        assertFalse(bounded.converged());
        assertEquals(7, bounded.rewrites());
    }

    /** Flips an attribute behind the driver's back, so each scan finds work again exactly once per op. */
    static final class FlipUnseen extends OpPattern<AddOp> {
        FlipUnseen() {
            super(AddOp.class, 1);
        }

        @Override
        public Match apply(AddOp op, Rewriter rw) {
            op.setAttribute("flag", StringAttr.of(op.attribute("flag").isPresent() ? "b" : "a"));
            return Match.APPLIED;
        }
    }

    @Test
    void maxIterationsBoundsTheNumberOfScans() {
        ReturnOp.create(b, AddOp.create(b, x, x).result(0));
        GreedyRewriteResult r = run(List.of(new FlipUnseen()), new GreedyRewriteConfig().maxIterations(4));
        assertFalse(r.converged());
        assertEquals(4, r.iterations());
        assertEquals(4, r.rewrites());
    }

    /** Rewrites each add once (marks it), so every scan after the first changes nothing. */
    static final class MarkOnce extends OpPattern<AddOp> {
        MarkOnce() {
            super(AddOp.class, 1);
        }

        @Override
        public Match apply(AddOp op, Rewriter rw) {
            if (op.attribute("seen").isPresent()) return rw.noMatch(op, "seen");
            rw.setAttribute(op, "seen", StringAttr.of("y"));
            return Match.APPLIED;
        }
    }

    @Test
    void convergesAfterOneQuietScan() {
        ReturnOp.create(b, AddOp.create(b, AddOp.create(b, x, x).result(0), x).result(0));
        GreedyRewriteResult r = run(List.of(new MarkOnce()), new GreedyRewriteConfig().folding(false));
        assertTrue(r.converged());
        assertEquals(2, r.rewrites());
        assertEquals(2, r.iterations());
    }

    @Test
    void bottomUpOrderReachesTheSameFixedPoint() {
        Value c = ConstantOp.create(b, 4).result(0);
        ReturnOp.create(
                b,
                MulOp.create(
                                b,
                                AddOp.create(b, c, c).result(0),
                                NegOp.create(b, c).result(0))
                        .result(0));
        run(List.of(), new GreedyRewriteConfig().topDown(false));
        assertEquals(
                expected((eb, ex) ->
                        ReturnOp.create(eb, ConstantOp.create(eb, -32).result(0))),
                TestPrinter.print(module));
    }

    /** {@code other.sub %a, %b}: folds in place by moving a constant left operand to the right (as a test device). */
    static final class SwapOp extends Operation implements dev.dal.ir.Foldable, dev.dal.ir.trait.Pure {
        SwapOp(dev.dal.ir.OperationState s) {
            super(s);
        }

        @Override
        public Optional<List<dev.dal.ir.FoldResult>> fold(List<Optional<dev.dal.ir.Attribute>> c) {
            if (c.get(0).isEmpty() || c.get(1).isPresent()) return Optional.empty();
            Value l = operand(0);
            setOperand(0, operand(1));
            setOperand(1, l);
            return Optional.of(List.of(new dev.dal.ir.FoldResult.Existing(result(0))));
        }
    }

    @Test
    void foldReturningItsOwnResultIsAnInPlaceUpdate() {
        Value c = ConstantOp.create(b, 2).result(0);
        SwapOp swap = b.insert(new SwapOp(new dev.dal.ir.OperationState("other.swap", dev.dal.ir.Location.unknown())
                .addOperand(c)
                .addOperand(x)
                .addResultType(dev.dal.ir.pass.ptest.PtestOps.I32)));
        ReturnOp.create(b, swap.result(0));
        GreedyRewriteResult r = run(List.of(), new GreedyRewriteConfig());
        assertTrue(r.converged());
        assertEquals(1, r.folds());
        assertSame(x, swap.operand(0));
        assertSame(c, swap.operand(1));
        assertTrue(swap.parentBlock().isPresent());
    }

    @Test
    void rewriterMovesAreReportedAsInsertions() {
        AddOp a = AddOp.create(b, x, x);
        ReturnOp ret = ReturnOp.create(b, a.result(0));
        NegOp n = NegOp.create(b, x);
        List<Operation> inserted = new ArrayList<>();
        Rewriter rw = new Rewriter();
        rw.addListener(new RewriteListener() {
            @Override
            public void opInserted(Operation op) {
                inserted.add(op);
            }
        });
        rw.moveOpBefore(n, a);
        rw.moveOpAfter(a, ret);
        rw.moveOpBefore(a, ret);
        assertEquals(List.of(n, a, a), inserted);
        assertEquals(List.of(n, a, ret), f.entry().opList());
    }
}
