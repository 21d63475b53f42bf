package dev.dal.ir.trait;

import dev.dal.ir.Attribute;
import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.Operation;
import dev.dal.ir.Type;
import dev.dal.ir.TypeConstraint;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import java.util.Optional;

/**
 * The structural checks generated op verifiers call: counts of operands, results, regions and successors, type
 * constraints, attribute presence and kind, and {@code operandSegmentSizes}. Messages follow MLIR's wording.
 */
public final class Invariants {
    private Invariants() {}

    /**
     * Checks that {@code found} is between {@code min} and {@code max} ({@code max < 0}: no upper bound).
     *
     * @param what {@code "operand"}, {@code "result"}, {@code "region"} or {@code "successor"}
     */
    public static boolean verifyCount(Operation op, DiagnosticEngine diag, String what, int found, int min, int max) {
        if (found >= min && (max < 0 || found <= max)) return true;
        String expected;
        if (max < 0) expected = min + " or more " + what + "s";
        else if (min == max) expected = min + " " + plural(what, min);
        else if (max == min + 1) expected = min + " or " + max + " " + what + "s";
        else expected = "between " + min + " and " + max + " " + what + "s";
        diag.report(Diagnostic.opError(op, "expected " + expected + ", but found " + found));
        return false;
    }

    /**
     * Checks an {@code operandSegmentSizes}-style attribute against the declared groups and the actual count.
     *
     * @param groups one character per group: {@code 1} single, {@code ?} optional, {@code *} variadic
     * @param what   {@code "operand"} or {@code "result"}
     */
    public static boolean verifySegments(
            Operation op, DiagnosticEngine diag, String attrName, String what, String groups, int found) {
        Optional<Attribute> a = op.attribute(attrName);
        if (a.isEmpty()) {
            diag.report(Diagnostic.opError(op, "requires attribute '" + attrName + "'"));
            return false;
        }
        if (!(a.get() instanceof DenseArrayAttr sizes) || !sizes.elementType().equals(IntegerType.I32)) {
            diag.report(Diagnostic.opError(
                    op, "attribute '" + attrName + "' failed to satisfy constraint: " + "i32 dense array attribute"));
            return false;
        }
        if (sizes.size() != groups.length()) {
            diag.report(Diagnostic.opError(
                    op,
                    "'" + attrName + "' attribute for specifying " + what + " segments must have " + groups.length()
                            + " elements, but got " + sizes.size()));
            return false;
        }
        long total = 0;
        for (int i = 0; i < groups.length(); i++) {
            long n = sizes.getLong(i);
            char g = groups.charAt(i);
            if (n < 0 || g == '1' && n != 1 || g == '?' && n > 1) {
                String allowed = g == '1' ? "1" : g == '?' ? "0 or 1" : "non-negative";
                diag.report(Diagnostic.opError(
                        op, "'" + attrName + "' element #" + i + " must be " + allowed + ", but got " + n));
                return false;
            }
            total += n;
        }
        if (total != found) {
            diag.report(Diagnostic.opError(
                    op,
                    what + " count (" + found + ") does not match with the total size (" + total
                            + ") specified in attribute '" + attrName + "'"));
            return false;
        }
        return true;
    }

    /** Checks that operands {@code start .. start+length-1} satisfy {@code c}. */
    public static boolean verifyOperandTypes(
            Operation op, DiagnosticEngine diag, int start, int length, TypeConstraint c) {
        boolean ok = true;
        for (int i = start; i < start + length; i++)
            ok &= verifyType(op, diag, "operand", i, op.operand(i).type(), c);
        return ok;
    }

    /** Checks that results {@code start .. start+length-1} satisfy {@code c}. */
    public static boolean verifyResultTypes(
            Operation op, DiagnosticEngine diag, int start, int length, TypeConstraint c) {
        boolean ok = true;
        for (int i = start; i < start + length; i++)
            ok &= verifyType(op, diag, "result", i, op.result(i).type(), c);
        return ok;
    }

    private static boolean verifyType(
            Operation op, DiagnosticEngine diag, String what, int index, Type t, TypeConstraint c) {
        if (c.test(t)) return true;
        diag.report(Diagnostic.opError(
                op, what + " #" + index + " must be " + c.description() + ", but got '" + Traits.typeText(t) + "'"));
        return false;
    }

    /**
     * Checks that attribute {@code name} is present (if {@code required}) and an instance of {@code type}.
     *
     * @param kind what the message calls the expected kind, e.g. {@code "integer attribute"}
     */
    public static boolean verifyAttribute(
            Operation op,
            DiagnosticEngine diag,
            String name,
            Class<? extends Attribute> type,
            String kind,
            boolean required) {
        Optional<Attribute> a = op.attribute(name);
        if (a.isEmpty()) {
            if (!required) return true;
            diag.report(Diagnostic.opError(op, "requires attribute '" + name + "'"));
            return false;
        }
        if (type.isInstance(a.get())) return true;
        diag.report(Diagnostic.opError(op, "attribute '" + name + "' failed to satisfy constraint: " + kind));
        return false;
    }

    private static String plural(String what, int n) {
        return n == 1 ? what : what + "s";
    }
}
