package dev.dal.ir.print;

import dev.dal.ir.Blob;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.OpaqueAttr;
import dev.dal.ir.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints IR as text: pretty form by default, MLIR's generic form on request; resources section at the end.
 *
 * <p>With {@link PrintOptions#generic()} the output is what {@code mlir-opt --mlir-print-op-generic} 16 prints for
 * the same IR, byte for byte: the aliases MLIR introduces by itself ({@code #map}, {@code #set}, {@code #loc} for
 * locations used as attribute values) on top, then the op, then the {@code {-# dialect_resources ... #-}} section
 * holding every {@code dense_resource} blob the op refers to. Differences from {@code mlir-opt}:
 * <ul>
 *   <li>with {@link PrintOptions#debugInfo()} the locations of ops and block arguments are written in place
 *       ({@code loc("conv1")}), as {@code mlir-opt --mlir-print-debuginfo --mlir-print-local-scope} writes them,
 *       instead of as {@code #loc} aliases defined at the end; both read back the same;</li>
 *   <li>with {@link PrintOptions#localScope()} no alias is used at all.</li>
 * </ul>
 */
public final class IrPrinter {
    private final PrintOptions options;
    private final Function<Operation, Optional<OpAssembly>> assemblies;

    /** A printer with the given options; registered ops print through their declared assembly. */
    public IrPrinter(PrintOptions options) {
        this(options, op -> op.definition().map(OpDefinition::assembly));
    }

    /** A printer that asks {@code assemblies} how an op reads in the pretty form (tests use it without a registry). */
    IrPrinter(PrintOptions options, Function<Operation, Optional<OpAssembly>> assemblies) {
        this.options = options;
        this.assemblies = assemblies;
    }

    /**
     * Prints {@code op} (usually a module) and, at top level, the resource section, to {@code out}. The text ends
     * with a newline, as MLIR's {@code Operation::print} of a top-level op does.
     */
    public void print(Operation op, Appendable out) throws IOException {
        print(op, out, null);
    }

    /**
     * Prints {@code op} as UTF-8 to a byte stream: the fast path for large files (hex blobs go out without a char
     * stage). The caller buffers and closes the stream.
     */
    public void print(Operation op, java.io.OutputStream out) throws IOException {
        print(op, new StringBuilder(0), out);
    }

    private void print(Operation op, Appendable out, java.io.OutputStream bytes) throws IOException {
        SsaNames names = new SsaNames(op);
        AliasTable aliases = new AliasTable();
        if (!options.localScope()) aliases.collect(op);
        OpPrinter p = new OpPrinter(out, options, names, aliases, assemblies);
        if (bytes != null) p.toBytes(bytes);
        try {
            for (AliasTable.Alias a : aliases.ordered()) {
                p.sb.append('#').append(a.name()).append(" = ");
                switch (a.key()) {
                    case OpaqueAttr o -> p.appendOpaqueAttrBody(o);
                    case dev.dal.ir.Location l -> p.appendLocation(l, true);
                    default -> throw new IllegalStateException("unexpected alias key " + a.key());
                }
                p.sb.append('\n');
            }
            p.printOp(op);
            p.sb.append('\n');
            printResources(p);
            p.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** As {@link #print(Operation, Appendable)}, plus the final newline {@code mlir-opt} writes after the op. */
    public void printFile(Operation op, Appendable out) throws IOException {
        print(op, out);
        if (!options.debugInfo()) out.append('\n');
    }

    /** As {@link #print(Operation, java.io.OutputStream)}, plus the final newline {@code mlir-opt} writes. */
    public void printFile(Operation op, java.io.OutputStream out) throws IOException {
        print(op, out);
        if (!options.debugInfo()) out.write('\n');
    }

    private static void printResources(OpPrinter p) throws IOException {
        if (p.resources.isEmpty()) return;
        StringBuilder sb = p.sb;
        sb.append("\n{-#\n  dialect_resources: {\n    builtin: {\n");
        boolean first = true;
        for (Map.Entry<String, Blob> e : p.resources.entrySet()) {
            if (!first) sb.append(",\n");
            first = false;
            sb.append("      ");
            p.appendKeyOrString(e.getKey());
            sb.append(": \"0x");
            ByteBuffer align = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            align.putInt(e.getValue().alignment()).flip();
            p.appendHexBytes(align);
            p.appendHexBytes(e.getValue().bytes());
            sb.append('"');
            p.maybeFlush();
        }
        sb.append("\n    }\n  }\n#-}\n");
    }

    /** {@return {@code op} printed to a string} */
    public String print(Operation op) {
        StringBuilder sb = new StringBuilder();
        try {
            print(op, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** {@return the text of a location as the printer writes it ({@code loc("x":1:2)})} */
    public static String locationText(dev.dal.ir.Location loc) {
        OpPrinter p = new OpPrinter(
                new StringBuilder(), PrintOptions.DEFAULT, null, new AliasTable(), op -> Optional.empty());
        p.appendLocation(loc, false);
        return p.sb.toString();
    }

    /** {@return a type as the printer writes it, for messages ({@code 'tensor<4xi32>'})} */
    public static String typeText(dev.dal.ir.Type type) {
        OpPrinter p = new OpPrinter(
                new StringBuilder(), PrintOptions.DEFAULT, null, new AliasTable(), op -> Optional.empty());
        p.appendType(type);
        return p.sb.toString();
    }

    /** {@return an attribute as the printer writes it, for messages} */
    public static String attributeText(dev.dal.ir.Attribute attribute) {
        OpPrinter p = new OpPrinter(
                new StringBuilder(), PrintOptions.DEFAULT, null, new AliasTable(), op -> Optional.empty());
        p.appendAttribute(attribute);
        return p.sb.toString();
    }
}
