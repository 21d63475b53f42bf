package dev.dal.ir.rewrite;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.Dialect;
import dev.dal.ir.DialectRegistry;
import dev.dal.ir.FoldResult;
import dev.dal.ir.Foldable;
import dev.dal.ir.OpResult;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import dev.dal.ir.trait.ConstantLike;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds ops and keeps constants unique, as MLIR's {@code OperationFolder}: a constant is kept once per (insertion
 * region, dialect, value, type), at the start of the entry block of the nearest region whose parent op is
 * {@code IsolatedFromAbove} (or unregistered), where it dominates every possible use. New constants go to the very
 * front (so the kept constants read in reverse order of creation, as in MLIR). Folded constants are created
 * by the folded op's dialect ({@link Dialect#materializeConstant}). All changes go through the {@link Rewriter};
 * register this folder as one of its listeners so erased constants leave the cache.
 */
public final class OperationFolder implements RewriteListener {
    /** What {@link #tryToFold} did. */
    public enum Outcome {
        /** The op does not fold. */
        NOT_FOLDED,
        /** The op was changed in place and is still there. */
        IN_PLACE,
        /** The op was replaced and erased. */
        REPLACED
    }

    private record Key(String dialect, Attribute value, Type type) {}

    private final Rewriter rw;
    private final Map<Region, Map<Key, Operation>> constants = new IdentityHashMap<>();
    private final Map<Operation, Key> owned = new IdentityHashMap<>();

    /** Creates a folder that changes IR through {@code rw} and listens to it. */
    public OperationFolder(Rewriter rw) {
        this.rw = rw;
        rw.addListener(this);
    }

    /** {@return the constant {@code v} is known to hold: the {@code value} of a {@link ConstantLike} producer} */
    public static Optional<Attribute> constantValue(Value v) {
        if (v instanceof OpResult r && r.owner() instanceof ConstantLike)
            return r.owner().attribute("value");
        return Optional.empty();
    }

    /** {@return the region where constants used by {@code op} are kept} */
    public static Region insertionRegion(Operation op) {
        Region r = op.parentRegion().orElseThrow(() -> new IllegalArgumentException("op is not in a region"));
        while (true) {
            Optional<Operation> parent = r.parentOp();
            if (parent.isEmpty()
                    || parent.get().isIsolatedFromAbove()
                    || !parent.get().isRegistered()) return r;
            Optional<Region> up = parent.get().parentRegion();
            if (up.isEmpty()) return r;
            r = up.get();
        }
    }

    /**
     * Takes note of an existing constant op: if an equal one is already kept, the op is replaced by it and erased;
     * otherwise it is moved to the start of its insertion region and kept.
     *
     * @return whether {@code op} was replaced by an existing constant
     */
    public boolean insertKnownConstant(Operation op) {
        if (owned.containsKey(op) || op.numResults() != 1) return false;
        Optional<Attribute> value = op.attribute("value");
        if (value.isEmpty()) return false;
        Region scope = insertionRegion(op);
        Key key = new Key(op.dialectName(), value.get(), op.result(0).type());
        Map<Key, Operation> table = constants.computeIfAbsent(scope, k -> new HashMap<>());
        Operation existing = table.get(key);
        if (existing != null && existing != op) {
            rw.replaceOp(op, existing.results());
            return true;
        }
        hoist(scope, op);
        table.put(key, op);
        owned.put(op, key);
        return false;
    }

    private void hoist(Region scope, Operation op) {
        // As MLIR: a constant already at the front of the entry block, or right after another kept constant, stays;
        // any other moves to the front. Either way it precedes everything else, so it dominates every use.
        Block entry = scope.entry();
        if (op.parentBlock().orElse(null) == entry
                && (op.prevOp().isEmpty() || owned.containsKey(op.prevOp().get()))) return;
        rw.setInsertionPointToStart(entry);
        rw.insert(op);
    }

    /**
     * Tries to fold {@code op} (a {@link Foldable}, not a constant): replaces it by constants (materialized once)
     * and existing values, or notes an in-place update.
     */
    public Outcome tryToFold(Operation op) {
        if (!(op instanceof Foldable f) || op instanceof ConstantLike) return Outcome.NOT_FOLDED;
        List<Optional<Attribute>> consts = new ArrayList<>(op.numOperands());
        for (Value v : op.operands()) consts.add(constantValue(v));
        Optional<List<FoldResult>> folded = f.fold(consts);
        if (folded.isEmpty()) return Outcome.NOT_FOLDED;
        List<FoldResult> results = folded.get();
        if (results.size() != op.numResults())
            throw new IllegalStateException("fold of '" + op.name() + "' returned " + results.size() + " results for "
                    + op.numResults() + " at " + op.loc());
        boolean inPlace = true;
        for (int i = 0; i < results.size(); i++)
            if (!(results.get(i) instanceof FoldResult.Existing e && e.value() == op.result(i))) inPlace = false;
        if (inPlace) {
            rw.modifyInPlace(op, () -> {});
            return Outcome.IN_PLACE;
        }
        List<Value> replacements = new ArrayList<>(results.size());
        List<Operation> created = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            switch (results.get(i)) {
                case FoldResult.Existing e -> replacements.add(e.value());
                case FoldResult.Constant c -> {
                    int before = constantsIn(op);
                    Optional<Value> v =
                            getOrCreateConstant(op, c.value(), op.result(i).type());
                    if (v.isEmpty()) {
                        // The dialect cannot express this constant: undo the constants made for earlier results.
                        for (Operation o : created) if (o.resultsUnused()) rw.eraseOp(o);
                        return Outcome.NOT_FOLDED;
                    }
                    if (constantsIn(op) > before) created.add(((OpResult) v.get()).owner());
                    replacements.add(v.get());
                }
            }
        }
        rw.replaceOp(op, replacements);
        return Outcome.REPLACED;
    }

    private int constantsIn(Operation op) {
        return constants.getOrDefault(insertionRegion(op), Map.of()).size();
    }

    /**
     * {@return a constant of {@code value} and {@code type} usable by {@code user}: a kept one, or one materialized
     * by {@code user}'s dialect at the start of the insertion region; empty if the dialect cannot materialize it}
     */
    public Optional<Value> getOrCreateConstant(Operation user, Attribute value, Type type) {
        Region scope = insertionRegion(user);
        Key key = new Key(user.dialectName(), value, type);
        Map<Key, Operation> table = constants.computeIfAbsent(scope, k -> new HashMap<>());
        Operation existing = table.get(key);
        if (existing != null) return Optional.of(existing.result(0));
        Optional<Dialect> dialect = DialectRegistry.global().dialect(user.dialectName());
        if (dialect.isEmpty()) return Optional.empty();
        // At the very front: constant-heavy IR must not pay a scan per materialized constant.
        rw.setInsertionPointToStart(scope.entry());
        Optional<Operation> made = dialect.get().materializeConstant(rw, value, type, user.loc());
        if (made.isEmpty()) return Optional.empty();
        Operation c = made.get();
        if (c.parentBlock().isEmpty()) rw.insert(c);
        if (c.numResults() != 1 || !c.result(0).type().equals(type)) {
            if (c.resultsUnused()) rw.eraseOp(c);
            return Optional.empty();
        }
        table.put(key, c);
        owned.put(c, key);
        return Optional.of(c.result(0));
    }

    /** {@return whether {@code op} is a constant this folder keeps} */
    public boolean isKnownConstant(Operation op) {
        return owned.containsKey(op);
    }

    @Override
    public void opErased(Operation op) {
        op.walk(o -> {
            Key k = owned.remove(o);
            if (k == null) return;
            for (Map<Key, Operation> table : constants.values()) table.remove(k, o);
        });
    }
}
