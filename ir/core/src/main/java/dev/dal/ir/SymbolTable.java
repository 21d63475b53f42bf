package dev.dal.ir;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Symbol lookup. A symbol is an op with a {@code sym_name} string attribute directly inside the region of an op with
 * the {@link dev.dal.ir.trait.SymbolTable} trait; references are {@code @a} or nested {@code @a::@b} (look {@code a}
 * up, then {@code b} inside {@code a}, which must itself be a symbol table). An instance indexes one table's symbols
 * for repeated lookups; the static methods scan.
 */
public final class SymbolTable {
    private final Operation tableOp;
    private final Map<String, Operation> symbols = new HashMap<>();

    /**
     * Indexes the symbols of {@code tableOp}; with duplicate names the first wins (the verifier reports the rest).
     *
     * @throws IllegalArgumentException if the op is not a symbol table
     */
    public SymbolTable(Operation tableOp) {
        if (!isSymbolTable(tableOp))
            throw new IllegalArgumentException("'" + tableOp.name() + "' op is not a symbol table");
        this.tableOp = tableOp;
        for (Region r : tableOp.regions())
            for (Block b : r.blocks())
                for (Operation o : b.ops()) symbolName(o).ifPresent(n -> symbols.putIfAbsent(n, o));
    }

    /** {@return the op whose symbols this table holds} */
    public Operation op() {
        return tableOp;
    }

    /** {@return the symbol called {@code name}} */
    public Optional<Operation> lookup(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    /** {@return whether {@code op} has the symbol-table trait} */
    public static boolean isSymbolTable(Operation op) {
        return op instanceof dev.dal.ir.trait.SymbolTable;
    }

    /** {@return the symbol name of {@code op}: its {@code sym_name} string attribute} */
    public static Optional<String> symbolName(Operation op) {
        return op.attribute("sym_name")
                .flatMap(a -> a instanceof StringAttr s ? Optional.of(s.value()) : Optional.empty());
    }

    /** {@return the symbol called {@code name} directly inside the symbol table {@code tableOp}} */
    public static Optional<Operation> lookupSymbolIn(Operation tableOp, String name) {
        if (!isSymbolTable(tableOp)) return Optional.empty();
        for (Region r : tableOp.regions())
            for (Block b : r.blocks())
                for (Operation o : b.ops())
                    if (symbolName(o).filter(name::equals).isPresent()) return Optional.of(o);
        return Optional.empty();
    }

    /** {@return the symbol {@code ref} names, resolving nested references from {@code tableOp} downwards} */
    public static Optional<Operation> lookupSymbolIn(Operation tableOp, SymbolRefAttr ref) {
        Optional<Operation> cur = lookupSymbolIn(tableOp, ref.root());
        for (String n : ref.nested()) {
            if (cur.isEmpty()) return cur;
            cur = lookupSymbolIn(cur.get(), n);
        }
        return cur;
    }

    /** {@return the closest symbol table containing {@code from}, {@code from} itself included} */
    public static Optional<Operation> nearestSymbolTable(Operation from) {
        for (Operation cur = from; cur != null; cur = cur.parentOp().orElse(null))
            if (isSymbolTable(cur)) return Optional.of(cur);
        return Optional.empty();
    }

    /** {@return the symbol {@code ref} names, looked up in the nearest symbol table around {@code from}} */
    public static Optional<Operation> lookupNearestSymbolFrom(Operation from, SymbolRefAttr ref) {
        return nearestSymbolTable(from).flatMap(t -> lookupSymbolIn(t, ref));
    }
}
