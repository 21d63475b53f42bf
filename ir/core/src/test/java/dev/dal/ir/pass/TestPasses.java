package dev.dal.ir.pass;

import dev.dal.ir.Builder;
import dev.dal.ir.Operation;
import dev.dal.ir.SymbolTable;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.pass.ptest.PtestOps.ConstantOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Passes used by the pass-manager tests; each records what it did in {@link #LOG}. */
final class TestPasses {
    private TestPasses() {}

    static final List<String> LOG = new ArrayList<>();

    static final List<Class<? extends Pass>> ALL = List.of(
            Record.class, FuncOnly.class, Options.class, Fail.class, SilentFail.class, Crash.class, Break.class);

    static PassRegistry registry() {
        return PassRegistry.global().with(ALL);
    }

    static String label(Operation op) {
        return SymbolTable.symbolName(op).orElse(op.name());
    }

    /** Logs the op it runs on. */
    public static final class Record extends Pass {
        private final Statistic visited = statistic("num-visited", "Number of ops visited");

        @Override
        public String argument() {
            return "test-record";
        }

        @Override
        public String description() {
            return "Record the op the pass runs on";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            visited.increment();
            LOG.add("record:" + label(op));
        }
    }

    /** Runs only on {@code ptest.func}. */
    public static final class FuncOnly extends Pass {
        @Override
        public String argument() {
            return "test-func-pass";
        }

        @Override
        public String description() {
            return "A pass anchored on ptest.func";
        }

        @Override
        public Optional<String> anchorOpName() {
            return Optional.of("ptest.func");
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            LOG.add("func:" + label(op));
        }
    }

    /** Mode of {@link Options}. */
    enum Mode {
        FAST,
        TOP_DOWN
    }

    /** Has one option of every supported type. */
    public static final class Options extends Pass {
        @Option(name = "count", help = "an int")
        int count = 1;

        @Option(name = "big", help = "a long")
        long big = 2;

        @Option(name = "ratio", help = "a double")
        double ratio = 0.25;

        @Option(name = "flag", help = "a boolean")
        boolean flag;

        @Option(name = "name", help = "a string")
        String name = "x";

        @Option(name = "mode", help = "an enum")
        Mode mode = Mode.FAST;

        @Option(name = "sizes", help = "a list of ints")
        List<Integer> sizes = List.of();

        @Option(name = "words", help = "a list of strings")
        List<String> words = List.of("a");

        @Override
        public String argument() {
            return "test-options";
        }

        @Override
        public String description() {
            return "Options of every type";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            LOG.add("options:" + count + "," + big + "," + ratio + "," + flag + "," + name + "," + mode + "," + sizes
                    + "," + words);
        }
    }

    /** Reports an error and fails. */
    public static final class Fail extends Pass {
        @Override
        public String argument() {
            return "test-fail";
        }

        @Override
        public String description() {
            return "Always fails";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            ctx.diagnostics().report(Diagnostic.opError(op, "cannot do this"));
            ctx.signalPassFailure();
        }
    }

    /** Fails without saying why. */
    public static final class SilentFail extends Pass {
        @Override
        public String argument() {
            return "test-silent-fail";
        }

        @Override
        public String description() {
            return "Fails silently";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            ctx.signalPassFailure();
        }
    }

    /** Throws, as a buggy pass would. */
    public static final class Crash extends Pass {
        @Override
        public String argument() {
            return "test-crash";
        }

        @Override
        public String description() {
            return "Throws";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            throw new IllegalStateException("boom");
        }
    }

    /** Appends a constant after the terminator of each block of the op: invalid IR. */
    public static final class Break extends Pass {
        @Override
        public String argument() {
            return "test-break";
        }

        @Override
        public String description() {
            return "Breaks the IR";
        }

        @Override
        public void runOnOperation(Operation op, PassContext ctx) {
            ConstantOp.create(Builder.atEnd(op.region(0).entry()), 7);
        }
    }
}
