package dev.dal.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.Builder;
import dev.dal.ir.StringAttr;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.SymbolTable;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import dev.dal.ir.pass.ptest.PtestOps.FuncOp;
import dev.dal.ir.pass.ptest.PtestOps.ModuleOp;
import dev.dal.ir.pass.ptest.PtestOps.ReturnOp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymbolTableTest {
    private final ModuleOp outer = ModuleOp.create();
    private final Builder b = Builder.atEnd(outer.body());
    private final FuncOp f = FuncOp.create(b, "f", 0);
    private final ModuleOp inner = b.insert(ModuleOp.create());
    private final FuncOp g;

    SymbolTableTest() {
        inner.setAttribute("sym_name", StringAttr.of("lib"));
        g = FuncOp.create(Builder.atEnd(inner.body()), "g", 0);
        ReturnOp.create(Builder.atEnd(f.entry()));
        ReturnOp.create(Builder.atEnd(g.entry()));
    }

    @Test
    void flatAndNestedReferencesResolve() {
        assertEquals(Optional.of(f), SymbolTable.lookupSymbolIn(outer, "f"));
        assertEquals(Optional.of(g), SymbolTable.lookupSymbolIn(outer, new SymbolRefAttr("lib", List.of("g"))));
        assertEquals(Optional.empty(), SymbolTable.lookupSymbolIn(outer, "g"));
        assertEquals(Optional.empty(), SymbolTable.lookupSymbolIn(outer, new SymbolRefAttr("f", List.of("g"))));
        assertEquals(Optional.of(inner), new SymbolTable(outer).lookup("lib"));
        assertEquals(Optional.empty(), new SymbolTable(outer).lookup("nope"));
    }

    @Test
    void nearestSymbolTableIsTheClosestEnclosingOne() {
        ConstantOp c = ConstantOp.create(Builder.before(g.entry().lastOp().orElseThrow()), 1);
        assertSame(inner, SymbolTable.nearestSymbolTable(c).orElseThrow());
        assertSame(outer, SymbolTable.nearestSymbolTable(f).orElseThrow());
        assertEquals(Optional.of(g), SymbolTable.lookupNearestSymbolFrom(c, SymbolRefAttr.of("g")));
        assertEquals(Optional.empty(), SymbolTable.lookupNearestSymbolFrom(c, SymbolRefAttr.of("f")));
    }

    @Test
    void onlySymbolTableOpsIndexSymbols() {
        assertThrows(IllegalArgumentException.class, () -> new SymbolTable(f));
        assertEquals(Optional.empty(), SymbolTable.lookupSymbolIn(f, "f"));
    }
}
