package dev.dal.ir.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Block;
import dev.dal.ir.Builder;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.Value;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.pass.ptest.PtestOps;
import dev.dal.ir.pass.ptest.PtestOps.AddOp;
import dev.dal.ir.pass.ptest.PtestOps.BrOp;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import dev.dal.ir.pass.ptest.PtestOps.ScopeOp;
import dev.dal.ir.pass.ptest.PtestOps.YieldOp;
import dev.dal.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriterTest {
    private final ModuleOp module = ModuleOp.create();
    private final FuncOp f = FuncOp.create(Builder.atEnd(module.body()), "f", 1);
    private final Value x = f.entry().argument(0);
    private final List<String> events = new ArrayList<>();
    private final Rewriter rw = new Rewriter();

    RewriterTest() {
        rw.addListener(new RewriteListener() {
            @Override
            public void opInserted(Operation op) {
                events.add("inserted " + op.name());
            }

            @Override
            public void opErased(Operation op) {
                events.add("erased " + op.name());
            }

            @Override
            public void opModified(Operation op) {
                events.add("modified " + op.name());
            }
        });
    }

    @Test
    void mergeBlocksSubstitutesArgumentsAndMovesOps() {
        Block next = f.region(0).addBlock();
        Value arg = next.addArgument(PtestOps.I32, Location.unknown());
        Builder eb = Builder.atEnd(f.entry());
        Value c = ConstantOp.create(eb, 1).result(0);
        BrOp br = BrOp.create(eb, next, c);
        Builder nb = Builder.atEnd(next);
        AddOp add = AddOp.create(nb, arg, x);
        ReturnOp.create(nb, add.result(0));
        rw.eraseOp(br);
        rw.mergeBlocks(next, f.entry(), List.of(c));
        assertEquals(
                List.of("erased ptest.br", "modified ptest.add", "inserted ptest.add", "inserted ptest.return"),
                events);
        assertEquals(1, f.region(0).blocks().size());
        assertSame(c, add.operand(0));
        assertTrue(Verifier.verify(module, new DiagnosticEngine()));
    }

    @Test
    void mergeBlocksChecksTheArgumentCount() {
        Block next = f.region(0).addBlock();
        next.addArgument(PtestOps.I32, Location.unknown());
        assertThrows(IllegalArgumentException.class, () -> rw.mergeBlocks(next, f.entry(), List.of()));
    }

    @Test
    void eraseBlockErasesItsOpsLastFirst() {
        Builder eb = Builder.atEnd(f.entry());
        ReturnOp.create(eb);
        Block dead = f.region(0).addBlock();
        Builder db = Builder.atEnd(dead);
        Value c = ConstantOp.create(db, 1).result(0);
        ReturnOp.create(db, AddOp.create(db, c, c).result(0));
        rw.eraseBlock(dead);
        assertEquals(List.of("erased ptest.return", "erased ptest.add", "erased ptest.constant"), events);
        assertEquals(List.of(f.entry()), f.region(0).blocks());
    }

    @Test
    void inlineRegionMovesBlocksAndReportsTheirOps() {
        Builder eb = Builder.atEnd(f.entry());
        ScopeOp s = ScopeOp.create(eb, 0);
        Builder sb = Builder.atEnd(s.body());
        ConstantOp.create(sb, 1);
        YieldOp.create(sb);
        ReturnOp.create(eb);
        Block moved = s.body();
        rw.inlineRegionBefore(s.region(0), f.region(0), 1);
        assertTrue(s.region(0).isEmpty());
        assertEquals(List.of(f.entry(), moved), f.region(0).blocks());
        assertEquals(List.of("inserted ptest.constant", "inserted ptest.yield"), events);
    }
}
