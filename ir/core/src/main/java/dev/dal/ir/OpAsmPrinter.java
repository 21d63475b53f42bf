package dev.dal.ir;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a custom op printer can write (MLIR's {@code OpAsmPrinter}). SSA names, aliases, indentation and locations
 * are the printer's business; the op writes its own tokens through these calls.
 */
public interface OpAsmPrinter {
    /** Writes raw text. */
    OpAsmPrinter print(String text);

    /** Writes a value's SSA name ({@code %0}, {@code %arg1}). */
    OpAsmPrinter printOperand(Value v);

    /** Writes SSA names separated by {@code ", "}. */
    OpAsmPrinter printOperands(Collection<? extends Value> values);

    /** Writes a type (using aliases where the printer has them). */
    OpAsmPrinter printType(Type t);

    /** Writes types separated by {@code ", "}. */
    OpAsmPrinter printTypes(Collection<? extends Type> types);

    /** Writes {@code (T1, T2) -> R} or {@code (T1) -> (R1, R2)} as MLIR does for function types. */
    OpAsmPrinter printFunctionalType(List<Type> inputs, List<Type> results);

    /** Writes an attribute with its type suffix where MLIR would print one. */
    OpAsmPrinter printAttribute(Attribute a);

    /** Writes {@code @name} with quoting where needed. */
    OpAsmPrinter printSymbolName(String name);

    /** Writes {@code  {a = 1, b}} (with a leading space) unless no attribute remains after {@code elided}. */
    OpAsmPrinter printOptionalAttrDict(List<NamedAttribute> attrs, Set<String> elided);

    /** As {@link #printOptionalAttrDict}, written with the {@code attributes} keyword first. */
    OpAsmPrinter printOptionalAttrDictWithKeyword(List<NamedAttribute> attrs, Set<String> elided);

    /** Writes a block argument as {@code %arg0: T} (plus its location when locations are printed). */
    OpAsmPrinter printBlockArgumentDecl(BlockArgument arg);

    /** Writes a successor block's name ({@code ^bb1}). */
    OpAsmPrinter printSuccessor(Block b);

    /**
     * Writes a region in braces with its blocks. The entry block's header ({@code ^bb0(%a: T):}) is written only
     * if {@code printEntryBlockArgs} and it has arguments, or if other blocks branch to it.
     */
    OpAsmPrinter printRegion(Region r, boolean printEntryBlockArgs, boolean printEmptyBlock);

    /** Writes a location as {@code loc(...)} if locations are being printed (and nothing otherwise). */
    OpAsmPrinter printOptionalLocationSpecifier(Location loc);
}
