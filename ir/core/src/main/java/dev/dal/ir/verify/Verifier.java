package dev.dal.ir.verify;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.Location;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Value;
import dev.dal.ir.Verifiable;
import dev.dal.ir.diag.Diagnostic;
import dev.dal.ir.diag.DiagnosticEngine;
import dev.dal.ir.trait.NoTerminator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the generic, op-independent rules of well-formed IR and then each op's own checks, reporting every problem
 * it finds as an MLIR-style diagnostic and going on where it can:
 *
 * <ul>
 *   <li>successors name blocks of the op's own region, and only a block's last op has successors;</li>
 *   <li>a {@code Terminator} is the last op of its block; each block of a region of a registered op ends with a
 *       terminator unless the op is {@link NoTerminator} (a last op that is unregistered might be one);</li>
 *   <li>an entry block has no predecessors;</li>
 *   <li>the symbols directly inside a {@link dev.dal.ir.trait.SymbolTable} op have unique names;</li>
 *   <li>every operand is defined and dominates its use, and is not defined above an {@code IsolatedFromAbove}
 *       op that lies between definition and use (uses in unreachable blocks are not checked, as in MLIR);</li>
 *   <li>{@link Operation#verifyInvariants} (the generated per-op checks) and, when those pass and the op is
 *       {@link Verifiable}, its {@code verify}.</li>
 * </ul>
 *
 * Unregistered ops only get the generic checks.
 */
public final class Verifier {
    private final DiagnosticEngine diag;
    private final Dominance dominance = new Dominance();
    private boolean failed;

    private Verifier(DiagnosticEngine diag) {
        this.diag = diag;
    }

    /** Verifies {@code root} and everything nested in it. @return whether no problem was found */
    public static boolean verify(Operation root, DiagnosticEngine diag) {
        Verifier v = new Verifier(diag);
        v.verifyOp(root);
        v.verifyDominance(root);
        return !v.failed;
    }

    private void error(Diagnostic d) {
        failed = true;
        diag.report(d);
    }

    private void verifyOp(Operation op) {
        verifySuccessors(op);
        if (op.isTerminator() && op.nextOp().isPresent())
            error(Diagnostic.opError(op, "must be the last operation in the parent block"));

        int before = diag.errorCount();
        boolean ok;
        try {
            ok = op.verifyInvariants(diag);
            if (ok && op instanceof Verifiable v) ok = v.verify(diag);
        } catch (RuntimeException e) {
            // A bug in an op's checks: report it against the op instead of ending the tool with a stack trace.
            error(Diagnostic.opError(op, "internal error in verifier: " + e));
            ok = false;
        }
        if (!ok || diag.errorCount() > before) failed = true;

        for (Region r : op.regions()) verifyRegion(op, r);
        if (op instanceof dev.dal.ir.trait.SymbolTable) verifySymbolTable(op);
    }

    private void verifySuccessors(Operation op) {
        if (op.successors().isEmpty()) return;
        if (op.nextOp().isPresent())
            error(Diagnostic.error(op.loc(), "operation with block successors must terminate its parent block"));
        Optional<Region> own = op.parentRegion();
        for (Block s : op.successors())
            if (own.isEmpty() || s.parentRegion().orElse(null) != own.get())
                error(Diagnostic.error(op.loc(), "reference to block defined in another region"));
    }

    private void verifyRegion(Operation owner, Region r) {
        if (r.isEmpty()) return;
        if (!r.entry().predecessors().isEmpty())
            error(Diagnostic.error(owner.loc(), "entry block of region may not have predecessors"));
        boolean needsTerminator = owner.isRegistered() && !(owner instanceof NoTerminator);
        for (Block b : r.blocks()) {
            if (needsTerminator) {
                Optional<Operation> last = b.lastOp();
                if (last.isEmpty()) error(Diagnostic.error(owner.loc(), "empty block: expect at least a terminator"));
                else if (last.get().isRegistered() && !last.get().isTerminator())
                    error(Diagnostic.error(
                            last.get().loc(),
                            "block with no terminator, has '" + last.get().name() + "' op"));
            }
            for (Operation o : b.ops()) verifyOp(o);
        }
    }

    private void verifySymbolTable(Operation table) {
        Map<String, Location> seen = new HashMap<>();
        for (Region r : table.regions())
            for (Block b : r.blocks())
                for (Operation o : b.ops()) {
                    Optional<Attribute> name = o.attribute("sym_name");
                    if (name.isEmpty() || !(name.get() instanceof StringAttr s)) continue;
                    Location first = seen.putIfAbsent(s.value(), o.loc());
                    if (first != null)
                        error(Diagnostic.error(o.loc(), "redefinition of symbol named '" + s.value() + "'")
                                .withNote(first, "see existing symbol definition here"));
                }
    }

    // ---- dominance and isolation ----------------------------------------------------------------------------

    private void verifyDominance(Operation root) {
        root.walkPreOrder(op -> {
            if (op.parentBlock().isPresent()
                    && op != root
                    && !dominance.isReachable(op.parentBlock().get())) return;
            List<Value> operands = op.operands();
            for (int i = 0; i < operands.size(); i++) checkOperand(op, i, operands.get(i));
        });
    }

    private void checkOperand(Operation user, int index, Value v) {
        Optional<Region> defRegion = v.parentBlock().flatMap(Block::parentRegion);
        Optional<Region> useRegion = user.parentRegion();
        if (defRegion.isPresent() && useRegion.isPresent() && useRegion.get().isAncestorOrSelf(defRegion.get())) {
            // The definition's region encloses the use: crossing an isolated op on the way up is the error.
            for (Operation cur = user; cur.parentRegion().orElse(null) != defRegion.get(); ) {
                Operation p = cur.parentOp().orElseThrow();
                if (p.isIsolatedFromAbove()) {
                    error(Diagnostic.opError(user, "using value defined outside the region")
                            .withNote(p.loc(), "required by region isolation constraints"));
                    return;
                }
                cur = p;
            }
        }
        if (!dominance.dominates(v, user)) error(dominanceError(user, index, v));
    }

    private static Diagnostic dominanceError(Operation user, int index, Value v) {
        Diagnostic d = Diagnostic.error(user.loc(), "operand #" + index + " does not dominate this use");
        Optional<Block> useBlock = user.parentBlock();
        Optional<Region> useRegion = user.parentRegion();
        if (v instanceof OpResult r) {
            Optional<Block> defBlock = r.owner().parentBlock();
            Optional<Region> defRegion = r.owner().parentRegion();
            String where;
            if (defBlock.isEmpty()) where = " (op is not in a block)";
            else if (useBlock.equals(defBlock)) where = " (op in the same block)";
            else if (useRegion.equals(defRegion)) where = " (op in the same region)";
            else {
                String rel = relation(useRegion, defRegion);
                where = rel.startsWith("neither") ? " (op is " + rel + ")" : " (op " + rel + ")";
            }
            return d.withNote(r.owner().loc(), "operand defined here" + where);
        }
        BlockArgument a = (BlockArgument) v;
        Block def = a.owner();
        Location loc = def.parentOp().map(Operation::loc).orElse(Location.unknown());
        if (def.parentRegion().isEmpty())
            return d.withNote(loc, "operand defined as a block argument (block without parent)");
        Region defRegion = def.parentRegion().get();
        int blockIndex = defRegion.blocks().indexOf(def);
        String rel = useRegion.isPresent() && useRegion.get() == defRegion
                ? "in the same region"
                : relation(useRegion, Optional.of(defRegion));
        return d.withNote(loc, "operand defined as a block argument (block #" + blockIndex + " " + rel + ")");
    }

    private static String relation(Optional<Region> use, Optional<Region> def) {
        if (use.isPresent() && def.isPresent()) {
            if (use.get().isAncestorOrSelf(def.get())) return "in a parent region";
            if (def.get().isAncestorOrSelf(use.get())) return "in a child region";
        }
        return "neither in a parent nor in a child region";
    }
}
