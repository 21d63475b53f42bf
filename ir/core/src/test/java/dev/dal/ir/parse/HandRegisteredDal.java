package dev.dal.ir.parse;

import dev.dal.ir.Dialect;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.builtin.ConstantAssembly;
import java.util.List;

/** TEST-ONLY stand-in for the generated {@code dal} dialect's constant (see {@link HandRegisteredBuiltins}). */
public final class HandRegisteredDal implements Dialect {
    @Override
    public String name() {
        return "dal";
    }

    @Override
    public String summary() {
        return "hand-registered constant op for parser tests";
    }

    @Override
    public List<OpDefinition> ops() {
        ConstantAssembly c = new ConstantAssembly();
        return List.of(new OpDefinition("dal.constant", HandOp.class, HandOp::new, "constant",
                new OpAssembly.Custom(c, c), List.of("value")));
    }
}
