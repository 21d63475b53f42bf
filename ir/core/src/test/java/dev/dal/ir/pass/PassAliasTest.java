package dev.dal.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dal.ir.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pass's aliases select it on the command line and in pipelines, without making it a second pass. */
class PassAliasTest {
    /** {@code test-long-name}, also {@code short} and {@code brief}. */
    public static final class Aliased extends Pass {
        @Override
        public String argument() {
            return "test-long-name";
        }

        @Override
        public List<String> aliases() {
            return List.of("short", "brief");
        }

        @Override
        public String description() {
            return "A pass with aliases";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {}
    }

    /** Claims the alias {@code short} for another pass. */
    public static final class SameAlias extends Pass {
        @Override
        public String argument() {
            return "test-other";
        }

        @Override
        public List<String> aliases() {
            return List.of("short");
        }

        @Override
        public String description() {
            return "Another pass";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {}
    }

    /** Has the flag that {@link Aliased} uses as an alias. */
    public static final class FlagIsAlias extends Pass {
        @Override
        public String argument() {
            return "brief";
        }

        @Override
        public String description() {
            return "A pass named like an alias";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {}
    }

    @Test
    void anAliasCreatesThePassItStandsFor() {
        PassRegistry r = PassRegistry.of(List.of(Aliased.class));
        assertTrue(r.contains("short") && r.contains("brief") && r.contains("test-long-name"));
        assertEquals("test-long-name", r.create("short").orElseThrow().argument());
        assertEquals(1, r.passes().size(), "an alias is not a second pass");
        assertEquals(List.of("short", "brief"), r.passes().getFirst().aliases());
    }

    @Test
    void aPipelineMayNameAPassByItsAlias() throws PipelineException {
        PassManager pm = PipelineParser.parse("brief", PassRegistry.of(List.of(Aliased.class)));
        assertEquals("any(test-long-name)", pm.toPipelineString());
    }

    @Test
    void helpListsTheAliasesBesideTheFlag() {
        String help = PassRegistry.of(List.of(Aliased.class)).helpText();
        assertTrue(help.contains("--test-long-name") && help.contains("(also --short, --brief)"), help);
    }

    @Test
    void anAliasOfTwoPassesOrAliasThatIsAFlagIsRejected() {
        IllegalStateException twice = assertThrows(
                IllegalStateException.class, () -> PassRegistry.of(List.of(Aliased.class, SameAlias.class)));
        assertTrue(twice.getMessage().contains("alias 'short' names two passes"), twice.getMessage());
        IllegalStateException flag = assertThrows(
                IllegalStateException.class, () -> PassRegistry.of(List.of(Aliased.class, FlagIsAlias.class)));
        assertTrue(flag.getMessage().contains("also the flag of another pass"), flag.getMessage());
    }
}
