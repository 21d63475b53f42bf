package dev.dal.ir.trait;

import dev.dal.ir.DialectRegistry;
import dev.dal.ir.OpDefinition;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.ShapedType;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks behind the traits, in one place. A generated verifier calls {@code Traits.verify<Trait>(op, diag)}
 * for each trait its op has (the processor finds the method by the trait's simple name), in the order the traits
 * are declared. Traits without a method here (e.g. {@link Pure}, {@link Commutative}) state facts that need no
 * check. Messages follow MLIR's wording.
 */
public final class Traits {
    private Traits() {}

    /**
     * {@link Terminator}: that the op is the last in its block is checked by the generic verifier for every op with
     * the trait (hand-written ops included), so it is reported once; nothing to check here.
     */
    public static boolean verifyTerminator(Operation op, DiagnosticEngine diag) {
        return true;
    }

    /** {@link HasParent}: the op sits directly in an op of the required class. */
    public static boolean verifyHasParent(Operation op, DiagnosticEngine diag) {
        Class<? extends Operation> required = ((HasParent) op).requiredParent();
        Optional<Operation> parent = op.parentOp();
        if (parent.isPresent() && required.isInstance(parent.get())) return true;
        diag.report(Diagnostic.opError(op, "expects parent op '" + opName(required) + "'"));
        return false;
    }

    /** {@link SingleBlock}: each region has at most one block. */
    public static boolean verifySingleBlock(Operation op, DiagnosticEngine diag) {
        boolean ok = true;
        for (Region r : op.regions()) {
            if (r.blocks().size() > 1) {
                diag.report(Diagnostic.opError(op, "expects region #" + r.index() + " to have 0 or 1 blocks"));
                ok = false;
            }
        }
        return ok;
    }

    /** {@link IsolatedFromAbove}: no op inside the regions uses a value defined outside the op. */
    public static boolean verifyIsolatedFromAbove(Operation op, DiagnosticEngine diag) {
        // Uses of outside values are checked by the generic verifier, which also sees hand-written ops; checking
        // here too would report each use twice.
        return true;
    }

    /** {@link Symbol}: the op has a {@code sym_name} string attribute. */
    public static boolean verifySymbol(Operation op, DiagnosticEngine diag) {
        if (op.attribute("sym_name").orElse(null) instanceof StringAttr) return true;
        diag.report(Diagnostic.opError(op, "requires string attribute 'sym_name'"));
        return false;
    }

    /** {@link SymbolTable}: one region, with at most one block, whose symbols have distinct names. */
    public static boolean verifySymbolTable(Operation op, DiagnosticEngine diag) {
        if (op.regions().size() != 1) {
            diag.report(Diagnostic.opError(op, "Operations with a 'SymbolTable' must have exactly one region"));
            return false;
        }
        Region r = op.region(0);
        if (r.blocks().size() > 1) {
            diag.report(Diagnostic.opError(op, "Operations with a 'SymbolTable' must have exactly one block"));
            return false;
        }
        // Unique symbol names are checked by the generic verifier for every symbol table (hand-written ops too),
        // so a duplicate is reported once.
        return true;
    }

    /** {@link SameOperandsAndResultType}: every operand and result has the same type. */
    public static boolean verifySameOperandsAndResultType(Operation op, DiagnosticEngine diag) {
        List<Type> all = new ArrayList<>(op.operandTypes());
        all.addAll(op.resultTypes());
        if (all.stream().distinct().count() <= 1) return true;
        diag.report(Diagnostic.opError(op, "requires the same type for all operands and results"));
        return false;
    }

    /** {@link SameTypeOperands}: every operand has the same type. */
    public static boolean verifySameTypeOperands(Operation op, DiagnosticEngine diag) {
        if (op.operandTypes().stream().distinct().count() <= 1) return true;
        diag.report(Diagnostic.opError(op, "requires all operands to have the same type"));
        return false;
    }

    /** {@link SameOperandsAndResultShape}: shapes are compatible (equal, or one side dynamic or unranked). */
    public static boolean verifySameOperandsAndResultShape(Operation op, DiagnosticEngine diag) {
        List<Type> all = new ArrayList<>(op.operandTypes());
        all.addAll(op.resultTypes());
        for (int i = 1; i < all.size(); i++) {
            if (!compatibleShapes(all.get(0), all.get(i))) {
                diag.report(Diagnostic.opError(op, "requires the same shape for all operands and results"));
                return false;
            }
        }
        return true;
    }

    /** {@link SameOperandsAndResultElementType}: element types (the type itself if not shaped) agree. */
    public static boolean verifySameOperandsAndResultElementType(Operation op, DiagnosticEngine diag) {
        List<Type> all = new ArrayList<>(op.operandTypes());
        all.addAll(op.resultTypes());
        if (all.stream().map(Traits::elementTypeOrSelf).distinct().count() <= 1) return true;
        diag.report(Diagnostic.opError(op, "requires the same element type for all operands and results"));
        return false;
    }

    /** {@link ConstantLike}: no operands, one result. */
    public static boolean verifyConstantLike(Operation op, DiagnosticEngine diag) {
        if (op.numOperands() == 0 && op.numResults() == 1) return true;
        diag.report(Diagnostic.opError(op, "a constant-like op must have no operands and one result"));
        return false;
    }

    /** {@return the element type of a shaped type, else the type itself} */
    public static Type elementTypeOrSelf(Type t) {
        return t instanceof ShapedType s ? s.elementType() : t;
    }

    private static boolean compatibleShapes(Type a, Type b) {
        Optional<List<Long>> sa = shape(a), sb = shape(b);
        if (sa.isEmpty() || sb.isEmpty()) return true; // unranked: compatible with any shape
        List<Long> x = sa.get(), y = sb.get();
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++)
            if (!x.get(i).equals(y.get(i)) && x.get(i) != ShapedType.DYNAMIC && y.get(i) != ShapedType.DYNAMIC)
                return false;
        return true;
    }

    private static Optional<List<Long>> shape(Type t) {
        if (t instanceof ShapedType s) return s.hasRank() ? Optional.of(s.shape()) : Optional.empty();
        return Optional.of(List.of()); // a scalar has rank 0
    }

    /** {@return the full name of the registered op class, or its simple name when it is not registered} */
    private static String opName(Class<? extends Operation> c) {
        for (OpDefinition d : DialectRegistry.global().allOps()) if (d.opClass() == c) return d.name();
        return c.getSimpleName();
    }

    /** {@return a type as verifier messages quote it: the printer's spelling} */
    public static String typeText(Type t) {
        return dev.dal.ir.print.IrPrinter.typeText(t);
    }
}
