package dev.dal.dialect.dtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.FoldResult;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Location;
import dev.dal.ir.Region;
import dev.dal.ir.Value;
import dev.dal.ir.rewrite.Match;
import dev.dal.ir.rewrite.RewritePattern;
import dev.dal.ir.rewrite.Rewriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

/** Fold hooks declared on the dtest ops compute what they should; the neg(neg(x)) pattern rewrites. */
class DtestFoldTest {
    private static final Location LOC = Location.name("t");
    private final Block block = new Region().addBlock();
    private final Builder b = Builder.atEnd(block);

    private Value produce() {
        return ProduceOp.create(b, LOC, IntegerType.I32).result();
    }

    private static Optional<Attribute> c(long v) {
        return Optional.of(IntegerAttr.of(v, IntegerType.I32));
    }

    private static Optional<List<FoldResult>> constant(long v, IntegerType t) {
        return Optional.of(List.of(new FoldResult.Constant(IntegerAttr.of(v, t))));
    }

    @Test
    void addOfTwoConstantsFoldsToTheirSum() {
        AddOp add = AddOp.create(b, LOC, produce(), produce());
        assertEquals(constant(7, IntegerType.I32), add.fold(List.of(c(3), c(4))));
    }

    @Test
    void addFoldingWrapsLikeTwosComplementArithmetic() {
        QuickTheory.qt()
                .forAll(
                        SourceDSL.integers().between(-128, 127),
                        SourceDSL.integers().between(-128, 127))
                .checkAssert((x, y) -> {
                    Value v = ProduceOp.create(b, LOC, IntegerType.I8).result();
                    AddOp add = AddOp.create(b, LOC, v, v);
                    Optional<Attribute> cx = Optional.of(IntegerAttr.of(x, IntegerType.I8));
                    Optional<Attribute> cy = Optional.of(IntegerAttr.of(y, IntegerType.I8));
                    assertEquals(constant((byte) (x + y), IntegerType.I8), add.fold(List.of(cx, cy)));
                });
    }

    @Test
    void addOfZeroFoldsToTheOtherOperand() {
        Value x = produce(), y = produce();
        AddOp add = AddOp.create(b, LOC, x, y);
        assertEquals(Optional.of(List.of(new FoldResult.Existing(x))), add.fold(List.of(Optional.empty(), c(0))));
        assertEquals(Optional.of(List.of(new FoldResult.Existing(y))), add.fold(List.of(c(0), Optional.empty())));
        assertEquals(Optional.empty(), add.fold(List.of(Optional.empty(), c(1))));
        assertEquals(Optional.empty(), add.fold(List.of(Optional.empty(), Optional.empty())));
    }

    @Test
    void mulFoldsByOneAndZero() {
        Value x = produce(), y = produce();
        MulOp mul = MulOp.create(b, LOC, x, y);
        assertEquals(Optional.of(List.of(new FoldResult.Existing(x))), mul.fold(List.of(Optional.empty(), c(1))));
        assertEquals(Optional.of(List.of(new FoldResult.Existing(y))), mul.fold(List.of(c(1), Optional.empty())));
        assertEquals(constant(0, IntegerType.I32), mul.fold(List.of(Optional.empty(), c(0))));
        assertEquals(constant(-12, IntegerType.I32), mul.fold(List.of(c(-3), c(4))));
        assertEquals(Optional.empty(), mul.fold(List.of(Optional.empty(), c(2))));
    }

    @Test
    void negOfNegRewritesToTheOriginalValue() {
        Value x = produce();
        NegOp inner = NegOp.create(b, LOC, x);
        NegOp outer = NegOp.create(b, LOC, inner.result());
        ConsumeOp use = ConsumeOp.create(b, LOC, List.of(outer.result()));
        List<RewritePattern> patterns = outer.canonicalizationPatterns();
        assertEquals(1, patterns.size());
        Rewriter rw = new Rewriter();
        assertEquals(Match.NO_MATCH, patterns.getFirst().matchAndRewrite(inner, rw), "x is not a negation");
        assertEquals(Match.APPLIED, patterns.getFirst().matchAndRewrite(outer, rw));
        assertSame(x, use.values().getFirst());
        assertTrue(inner.result().hasNoUses(), "the inner neg lost its only user");
    }
}
