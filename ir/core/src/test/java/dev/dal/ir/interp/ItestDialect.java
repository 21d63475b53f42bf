package dev.dal.ir.interp;

import dev.dal.ir.Dialect;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import java.util.List;
import java.util.function.Function;

/** The test-only {@code itest} dialect, registered through the test class path's service file. */
public final class ItestDialect implements Dialect {
    @Override
    public String name() {
        return "itest";
    }

    @Override
    public String summary() {
        return "ops for testing the interpreter";
    }

    private static OpDefinition def(
            String name, Class<? extends Operation> c, Function<OperationState, ? extends Operation> f) {
        return new OpDefinition(name, c, f, name, OpAssembly.GenericOnly.INSTANCE, List.of());
    }

    @Override
    public List<OpDefinition> ops() {
        return List.of(
                def("itest.add", ItestOps.AddOp.class, ItestOps.AddOp::new),
                def("itest.matmul", ItestOps.MatMulOp.class, ItestOps.MatMulOp::new),
                def("itest.scale", ItestOps.ScaleOp.class, ItestOps.ScaleOp::new),
                def("itest.shape", ItestOps.ShapeOp.class, ItestOps.ShapeOp::new),
                def("itest.if", ItestOps.IfOp.class, ItestOps.IfOp::new),
                def("itest.repeat", ItestOps.RepeatOp.class, ItestOps.RepeatOp::new),
                def("itest.threads", ItestOps.ThreadsOp.class, ItestOps.ThreadsOp::new),
                def("itest.pack", ItestOps.PackOp.class, ItestOps.PackOp::new),
                def("itest.yield", ItestOps.YieldOp.class, ItestOps.YieldOp::new),
                def("itest.opaque", ItestOps.OpaqueOp.class, ItestOps.OpaqueOp::new),
                def("itest.broken", ItestOps.BrokenOp.class, ItestOps.BrokenOp::new));
    }
}
