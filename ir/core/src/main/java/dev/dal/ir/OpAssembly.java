package dev.dal.ir;

/**
 * How an op reads and writes in the pretty (custom) form. Most ops use {@link Standard}, DAL's one pretty shape:
 * {@code %r = dialect.op %a, %b {attrs} : (T, T) -> T} (or {@code : T} when all types agree). Ops with a syntax of
 * their own ({@code func.func}, {@code builtin.module}) supply {@link Custom} hooks.
 */
public sealed interface OpAssembly permits OpAssembly.Standard, OpAssembly.GenericOnly, OpAssembly.Custom {
    /** DAL's one pretty shape. */
    record Standard() implements OpAssembly {
        public static final Standard INSTANCE = new Standard();
    }

    /** The op always prints in generic form. */
    record GenericOnly() implements OpAssembly {
        public static final GenericOnly INSTANCE = new GenericOnly();
    }

    /**
     * A syntax of its own.
     *
     * @param printer prints the op after its results ({@code %r = }) and name have been written
     * @param parser  parses what follows the op name into the state
     */
    record Custom(CustomPrinter printer, CustomParser parser) implements OpAssembly {}

    /** Prints an op's custom form. */
    @FunctionalInterface
    interface CustomPrinter {
        void print(Operation op, OpAsmPrinter p);
    }

    /** Parses an op's custom form. */
    @FunctionalInterface
    interface CustomParser {
        /** @return whether parsing succeeded (errors were reported through the parser) */
        boolean parse(OpAsmParser p, OperationState state);
    }
}
