package dev.dal.ir.parse;

import dev.dal.ir.Dialect;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.builtin.ModuleAssembly;
import java.util.List;

/**
 * TEST-ONLY stand-in for the generated {@code builtin} dialect, so the parser tests can exercise the module's
 * custom form before the op generator's classes are merged. Delete at integration (with its service entry and
 * {@link HandRegisteredFunc}, {@link HandRegisteredDal}).
 */
public final class HandRegisteredBuiltins implements Dialect {
    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public String summary() {
        return "hand-registered builtin ops for parser tests";
    }

    @Override
    public List<OpDefinition> ops() {
        ModuleAssembly m = new ModuleAssembly();
        return List.of(new OpDefinition("builtin.module", HandIsolatedOp.class, HandIsolatedOp::new, "module",
                new OpAssembly.Custom(m, m), List.of("sym_name")));
    }
}
