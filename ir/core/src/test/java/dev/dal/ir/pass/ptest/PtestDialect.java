package dev.dal.ir.pass.ptest;

import dev.dal.ir.Attribute;
import dev.dal.ir.Builder;
import dev.dal.ir.Dialect;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.Location;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The test-only {@code ptest} dialect, registered through the test class path's service file. */
public final class PtestDialect implements Dialect {
    @Override
    public String name() {
        return "ptest";
    }

    @Override
    public String summary() {
        return "ops for testing the pass infrastructure";
    }

    private static OpDefinition def(
            String name, Class<? extends Operation> c, Function<OperationState, ? extends Operation> f) {
        return new OpDefinition(name, c, f, name, OpAssembly.GenericOnly.INSTANCE, List.of());
    }

    @Override
    public List<OpDefinition> ops() {
        return List.of(
                def("ptest.constant", PtestOps.ConstantOp.class, PtestOps.ConstantOp::new),
                def("ptest.add", PtestOps.AddOp.class, PtestOps.AddOp::new),
                def("ptest.mul", PtestOps.MulOp.class, PtestOps.MulOp::new),
                def("ptest.neg", PtestOps.NegOp.class, PtestOps.NegOp::new),
                def("ptest.effect", PtestOps.EffectOp.class, PtestOps.EffectOp::new),
                def("ptest.module", PtestOps.ModuleOp.class, PtestOps.ModuleOp::new),
                def("ptest.func", PtestOps.FuncOp.class, PtestOps.FuncOp::new),
                def("ptest.scope", PtestOps.ScopeOp.class, PtestOps.ScopeOp::new),
                def("ptest.pure_scope", PtestOps.PureScopeOp.class, PtestOps.PureScopeOp::new),
                def("ptest.return", PtestOps.ReturnOp.class, PtestOps.ReturnOp::new),
                def("ptest.yield", PtestOps.YieldOp.class, PtestOps.YieldOp::new),
                def("ptest.br", PtestOps.BrOp.class, PtestOps.BrOp::new),
                def("ptest.cond_br", PtestOps.CondBrOp.class, PtestOps.CondBrOp::new));
    }

    @Override
    public Optional<Operation> materializeConstant(Builder b, Attribute value, Type type, Location loc) {
        if (!(value instanceof IntegerAttr i) || !i.intType().equals(type)) return Optional.empty();
        OperationState s = new OperationState("ptest.constant", loc)
                .addAttribute("value", value)
                .addResultType(type);
        return Optional.of(b.create(s));
    }
}
