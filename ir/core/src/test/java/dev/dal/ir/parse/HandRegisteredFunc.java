package dev.dal.ir.parse;

import dev.dal.ir.Dialect;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.builtin.CallAssembly;
import dev.dal.ir.builtin.FuncAssembly;
import dev.dal.ir.builtin.ReturnAssembly;
import java.util.List;

/** TEST-ONLY stand-in for the generated {@code func} dialect (see {@link HandRegisteredBuiltins}). */
public final class HandRegisteredFunc implements Dialect {
    @Override
    public String name() {
        return "func";
    }

    @Override
    public String summary() {
        return "hand-registered func ops for parser tests";
    }

    @Override
    public List<OpDefinition> ops() {
        FuncAssembly f = new FuncAssembly();
        ReturnAssembly r = new ReturnAssembly();
        CallAssembly c = new CallAssembly();
        return List.of(
                new OpDefinition("func.func", HandIsolatedOp.class, HandIsolatedOp::new, "function",
                        new OpAssembly.Custom(f, f), List.of("sym_name", "function_type")),
                new OpDefinition("func.return", HandTerminatorOp.class, HandTerminatorOp::new, "return",
                        new OpAssembly.Custom(r, r), List.of()),
                new OpDefinition("func.call", HandOp.class, HandOp::new, "call", new OpAssembly.Custom(c, c),
                        List.of("callee")));
    }
}
