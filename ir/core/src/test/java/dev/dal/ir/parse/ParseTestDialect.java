package dev.dal.ir.parse;

import dev.dal.ir.Dialect;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import java.util.List;

/**
 * The {@code partest} dialect of the parser tests: ops in DAL's standard pretty shape ({@code partest.op},
 * {@code partest.br} with successors, {@code partest.isolated} with an isolated region) and one generic-only op.
 */
public final class ParseTestDialect implements Dialect {
    @Override
    public String name() {
        return "partest";
    }

    @Override
    public String summary() {
        return "ops for the parser tests";
    }

    @Override
    public List<OpDefinition> ops() {
        return List.of(
                new OpDefinition(
                        "partest.op", HandOp.class, HandOp::new, "any op", OpAssembly.Standard.INSTANCE, List.of()),
                new OpDefinition(
                        "partest.br",
                        HandTerminatorOp.class,
                        HandTerminatorOp::new,
                        "branch",
                        OpAssembly.Standard.INSTANCE,
                        List.of()),
                new OpDefinition(
                        "partest.isolated",
                        HandIsolatedOp.class,
                        HandIsolatedOp::new,
                        "isolated region",
                        OpAssembly.Standard.INSTANCE,
                        List.of()),
                new OpDefinition(
                        "partest.raw",
                        HandOp.class,
                        HandOp::new,
                        "generic only",
                        OpAssembly.GenericOnly.INSTANCE,
                        List.of()));
    }
}
