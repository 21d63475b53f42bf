package dev.dal.ir.print;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.Location;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Prints ops: the generic form byte for byte as {@code mlir-opt --mlir-print-op-generic} 16 does, and DAL's pretty
 * forms. Implements {@link OpAsmPrinter} for the custom printers of registered ops.
 */
final class OpPrinter extends AsmWriter implements OpAsmPrinter {
    private static final int INDENT_WIDTH = 2;
    private final PrintOptions options;
    private final SsaNames names;
    private final Function<Operation, Optional<OpAssembly>> assemblies;
    private int indent;

    OpPrinter(
            Appendable out,
            PrintOptions options,
            SsaNames names,
            AliasTable aliases,
            Function<Operation, Optional<OpAssembly>> assemblies) {
        super(out, aliases, options.elideElementsAbove());
        this.options = options;
        this.names = names;
        this.assemblies = assemblies;
    }

    private void newline() {
        sb.append('\n');
    }

    private void writeIndent(int n) {
        for (int i = 0; i < n; i++) sb.append(' ');
    }

    // ---- ops ----------------------------------------------------------------------------------------------------

    /** Prints one op (indentation is written by the caller's block loop). */
    void printOp(Operation op) {
        if (op.numResults() > 0) {
            names.appendResultGroup(sb, op);
            sb.append(" = ");
        }
        OpAssembly asm = options.generic()
                ? OpAssembly.GenericOnly.INSTANCE
                : assemblies.apply(op).orElse(OpAssembly.GenericOnly.INSTANCE);
        switch (asm) {
            case OpAssembly.Custom c -> {
                sb.append(prettyName(op));
                c.printer().print(op, this);
            }
            case OpAssembly.Standard s -> printStandard(op);
            case OpAssembly.GenericOnly g -> printGeneric(op);
        }
        if (options.debugInfo()) {
            sb.append(' ');
            appendLocation(op.loc(), false);
        }
    }

    /**
     * The name as the pretty form writes it: {@code builtin.} is dropped, and so is the dialect prefix of an op nested
     * directly in a registered custom-form op of the same dialect (MLIR's default dialect: {@code return} inside
     * {@code func.func}).
     */
    private String prettyName(Operation op) {
        String name = op.name();
        String dialect = op.dialectName();
        if (dialect.equals("builtin")) return name.substring(dialect.length() + 1);
        Optional<Operation> parent = op.parentOp();
        if (parent.isPresent()
                && parent.get().dialectName().equals(dialect)
                && assemblies
                        .apply(parent.get())
                        .map(a -> a instanceof OpAssembly.Custom)
                        .orElse(false)) return name.substring(dialect.length() + 1);
        return name;
    }

    /** {@code "d.op"(%a)[^bb1] ({...}) {attrs} : (T) -> R}. */
    void printGeneric(Operation op) {
        appendString(op.name());
        sb.append('(');
        appendOperandList(op.operands());
        sb.append(')');
        List<Block> succ = op.successors();
        if (!succ.isEmpty()) {
            sb.append('[');
            for (int i = 0; i < succ.size(); i++) {
                if (i > 0) sb.append(", ");
                printSuccessor(succ.get(i));
            }
            sb.append(']');
        }
        List<Region> regions = op.regions();
        if (!regions.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < regions.size(); i++) {
                if (i > 0) sb.append(", ");
                printRegion(regions.get(i), true, true);
            }
            sb.append(')');
        }
        List<NamedAttribute> attrs = op.attributes();
        if (!attrs.isEmpty()) {
            sb.append(' ');
            appendDictionary(attrs, Set.of());
        }
        sb.append(" : ");
        appendFunctionalType(op.operandTypes(), op.resultTypes());
    }

    /** DAL's one pretty shape: {@code d.op %a, %b [^bb1] {attrs} ({...}) : (T, T) -> T}, or {@code : T}. */
    private void printStandard(Operation op) {
        sb.append(prettyName(op));
        if (op.numOperands() > 0) {
            sb.append(' ');
            appendOperandList(op.operands());
        }
        List<Block> succ = op.successors();
        if (!succ.isEmpty()) {
            sb.append(" [");
            for (int i = 0; i < succ.size(); i++) {
                if (i > 0) sb.append(", ");
                printSuccessor(succ.get(i));
            }
            sb.append(']');
        }
        printOptionalAttrDict(op.attributes(), Set.of());
        List<Region> regions = op.regions();
        if (!regions.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < regions.size(); i++) {
                if (i > 0) sb.append(", ");
                printRegion(regions.get(i), true, true);
            }
            sb.append(')');
        }
        if (op.numOperands() == 0 && op.numResults() == 0) return;
        sb.append(" : ");
        List<Type> ins = op.operandTypes(), outs = op.resultTypes();
        Type common = commonType(ins, outs);
        if (common != null) appendType(common);
        else appendFunctionalType(ins, outs);
    }

    private static Type commonType(List<Type> ins, List<Type> outs) {
        Type t = !ins.isEmpty() ? ins.getFirst() : outs.getFirst();
        for (Type x : ins) if (!x.equals(t)) return null;
        for (Type x : outs) if (!x.equals(t)) return null;
        return t;
    }

    private void appendOperandList(List<Value> vs) {
        for (int i = 0; i < vs.size(); i++) {
            if (i > 0) sb.append(", ");
            names.append(sb, vs.get(i));
        }
    }

    // ---- blocks and regions -------------------------------------------------------------------------------------

    private void printBlock(Block b, boolean printHeader, List<Block> preds) {
        if (printHeader) {
            writeIndent(indent);
            sb.append("^bb").append(names.blockId(b));
            List<BlockArgument> args = b.arguments();
            if (!args.isEmpty()) {
                sb.append('(');
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) sb.append(", ");
                    printBlockArgumentDecl(args.get(i));
                }
                sb.append(')');
            }
            sb.append(':');
            boolean entry = b.parentRegion().map(r -> r.entry() == b).orElse(false);
            if (preds.isEmpty()) {
                if (!entry) sb.append("  // no predecessors");
            } else if (preds.size() == 1) {
                sb.append("  // pred: ^bb").append(names.blockId(preds.getFirst()));
            } else {
                List<Block> sorted = new ArrayList<>(preds);
                sorted.sort(java.util.Comparator.comparingInt(names::blockId));
                sb.append("  // ").append(sorted.size()).append(" preds: ");
                for (int i = 0; i < sorted.size(); i++) {
                    if (i > 0) sb.append(", ");
                    sb.append("^bb").append(names.blockId(sorted.get(i)));
                }
            }
            newline();
        }
        indent += INDENT_WIDTH;
        for (Operation op : b.ops()) {
            writeIndent(indent);
            printOp(op);
            newline();
            try {
                maybeFlush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        indent -= INDENT_WIDTH;
    }

    /** Predecessor edges of each block of a region (a block branching twice to another counts twice). */
    private static Map<Block, List<Block>> predecessors(Region r) {
        Map<Block, List<Block>> preds = new IdentityHashMap<>();
        for (Block b : r.blocks()) {
            Optional<Operation> t = b.lastOp();
            if (t.isEmpty()) continue;
            for (Block s : t.get().successors())
                preds.computeIfAbsent(s, k -> new ArrayList<>(2)).add(b);
        }
        return preds;
    }

    // ---- OpAsmPrinter -------------------------------------------------------------------------------------------

    @Override
    public OpAsmPrinter print(String text) {
        sb.append(text);
        return this;
    }

    @Override
    public OpAsmPrinter printOperand(Value v) {
        names.append(sb, v);
        return this;
    }

    @Override
    public OpAsmPrinter printOperands(Collection<? extends Value> values) {
        boolean first = true;
        for (Value v : values) {
            if (!first) sb.append(", ");
            first = false;
            names.append(sb, v);
        }
        return this;
    }

    @Override
    public OpAsmPrinter printType(Type t) {
        appendType(t);
        return this;
    }

    @Override
    public OpAsmPrinter printTypes(Collection<? extends Type> types) {
        appendTypeList(List.copyOf(types));
        return this;
    }

    @Override
    public OpAsmPrinter printFunctionalType(List<Type> inputs, List<Type> results) {
        appendFunctionalType(inputs, results);
        return this;
    }

    @Override
    public OpAsmPrinter printAttribute(Attribute a) {
        appendAttribute(a);
        return this;
    }

    @Override
    public OpAsmPrinter printSymbolName(String name) {
        appendSymbol(name);
        return this;
    }

    @Override
    public OpAsmPrinter printOptionalAttrDict(List<NamedAttribute> attrs, Set<String> elided) {
        if (hasRemaining(attrs, elided)) {
            sb.append(' ');
            appendDictionary(attrs, elided);
        }
        return this;
    }

    @Override
    public OpAsmPrinter printOptionalAttrDictWithKeyword(List<NamedAttribute> attrs, Set<String> elided) {
        if (hasRemaining(attrs, elided)) {
            sb.append(" attributes ");
            appendDictionary(attrs, elided);
        }
        return this;
    }

    private static boolean hasRemaining(List<NamedAttribute> attrs, Set<String> elided) {
        for (NamedAttribute na : attrs) if (!elided.contains(na.name())) return true;
        return false;
    }

    @Override
    public OpAsmPrinter printBlockArgumentDecl(BlockArgument arg) {
        names.append(sb, arg);
        sb.append(": ");
        appendType(arg.type());
        printOptionalLocationSpecifier(arg.loc());
        return this;
    }

    @Override
    public OpAsmPrinter printSuccessor(Block b) {
        sb.append("^bb").append(names.blockId(b));
        return this;
    }

    @Override
    public OpAsmPrinter printRegion(Region r, boolean printEntryBlockArgs, boolean printEmptyBlock) {
        sb.append('{');
        newline();
        List<Block> blocks = r.blocks();
        if (!blocks.isEmpty()) {
            Map<Block, List<Block>> preds = predecessors(r);
            Block entry = blocks.getFirst();
            List<Block> entryPreds = preds.getOrDefault(entry, List.of());
            boolean header = (printEmptyBlock && entry.isEmpty())
                    || (printEntryBlockArgs && !entry.arguments().isEmpty())
                    || !entryPreds.isEmpty();
            printBlock(entry, header, entryPreds);
            for (int i = 1; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                printBlock(b, true, preds.getOrDefault(b, List.of()));
            }
        }
        writeIndent(indent);
        sb.append('}');
        return this;
    }

    @Override
    public OpAsmPrinter printOptionalLocationSpecifier(Location loc) {
        if (options.debugInfo()) {
            sb.append(' ');
            appendLocation(loc, false);
        }
        return this;
    }
}
