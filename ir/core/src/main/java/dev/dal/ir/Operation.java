package dev.dal.ir;

import dev.dal.ir.trait.IsolatedFromAbove;
import dev.dal.ir.trait.Terminator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one generic operation: name, operands, results, attributes (sorted by name, as MLIR keeps them), regions,
 * successors, location and parent block. Registered ops are generated subclasses that add typed accessors over
 * this storage; ops of unknown dialects are plain {@code Operation}s.
 *
 * <p>Passes change IR through a {@code Rewriter}; the mutators here are its building blocks.
 */
public class Operation {
    private final String name;
    private final OpDefinition definition;
    private Location loc;
    private final List<OpOperand> operands;
    private final OpResult[] results;
    private final List<NamedAttribute> attributes;
    private final List<Region> regions;
    private final List<Block> successors;
    Block parent;
    Operation prev, next;
    int orderIndex;

    /** Creates an op from a state; generated subclasses call this. Use {@link #create(OperationState)}. */
    protected Operation(OperationState state) {
        this.name = state.name;
        this.definition = OpDefinition.lookup(state.name).orElse(null);
        this.loc = Objects.requireNonNull(state.loc);
        this.operands = new ArrayList<>(state.operands.size());
        for (Value v : state.operands) operands.add(new OpOperand(this, operands.size(), Objects.requireNonNull(v)));
        this.results = new OpResult[state.resultTypes.size()];
        for (int i = 0; i < results.length; i++) results[i] = new OpResult(this, i, state.resultTypes.get(i));
        this.attributes = new ArrayList<>(NamedAttribute.sortedUnique(state.attributes));
        this.regions = new ArrayList<>(state.regions.size());
        for (Region r : state.regions) {
            if (r.parent != null) throw new IllegalArgumentException("region already belongs to an op");
            r.parent = this;
            regions.add(r);
        }
        this.successors = new ArrayList<>(state.successors);
    }

    /** {@return a new detached op: an instance of the registered op class for its name, or a generic op} */
    public static Operation create(OperationState state) {
        Optional<OpDefinition> def = OpDefinition.lookup(state.name);
        return def.isPresent() ? def.get().factory().apply(state) : new Operation(state);
    }

    // ---- identity -------------------------------------------------------------------------------------------

    /** {@return the full name, {@code dialect.op}} */
    public final String name() {
        return name;
    }

    /** {@return the dialect prefix of the name} */
    public final String dialectName() {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** {@return the registered definition, if the op's dialect is registered and knows this op} */
    public final Optional<OpDefinition> definition() {
        return Optional.ofNullable(definition);
    }

    /** {@return whether the op is of a registered kind} */
    public final boolean isRegistered() {
        return definition != null;
    }

    /** {@return the location} */
    public final Location loc() {
        return loc;
    }

    /** Sets the location. */
    public final void setLoc(Location l) {
        loc = Objects.requireNonNull(l);
    }

    // ---- operands and results -------------------------------------------------------------------------------

    /** {@return the number of operands} */
    public final int numOperands() {
        return operands.size();
    }

    /** {@return operand {@code i}} */
    public final Value operand(int i) {
        return operands.get(i).get();
    }

    /** {@return the operand values (a snapshot)} */
    public final List<Value> operands() {
        List<Value> out = new ArrayList<>(operands.size());
        for (OpOperand o : operands) out.add(o.get());
        return out;
    }

    /** {@return the operand slots} */
    public final List<OpOperand> operandSlots() {
        return Collections.unmodifiableList(operands);
    }

    /** Sets operand {@code i}. */
    public final void setOperand(int i, Value v) {
        operands.get(i).set(v);
    }

    /** Replaces all operands. */
    public final void setOperands(List<? extends Value> values) {
        for (OpOperand o : operands) o.drop();
        operands.clear();
        for (Value v : values) operands.add(new OpOperand(this, operands.size(), v));
    }

    /** {@return the number of results} */
    public final int numResults() {
        return results.length;
    }

    /** {@return result {@code i}} */
    public final OpResult result(int i) {
        return results[i];
    }

    /** {@return the results} */
    public final List<OpResult> results() {
        return List.of(results);
    }

    /** {@return the result types} */
    public final List<Type> resultTypes() {
        List<Type> out = new ArrayList<>(results.length);
        for (OpResult r : results) out.add(r.type());
        return out;
    }

    /** {@return the operand types} */
    public final List<Type> operandTypes() {
        List<Type> out = new ArrayList<>(operands.size());
        for (OpOperand o : operands) out.add(o.get().type());
        return out;
    }

    /** {@return whether no result has a use} */
    public final boolean resultsUnused() {
        for (OpResult r : results) if (!r.hasNoUses()) return false;
        return true;
    }

    // ---- attributes -----------------------------------------------------------------------------------------

    /** {@return the attributes, sorted by name (unmodifiable view)} */
    public final List<NamedAttribute> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    /** {@return the attribute called {@code name}} */
    public final Optional<Attribute> attribute(String name) {
        return NamedAttribute.find(attributes, name);
    }

    /** Sets (or replaces) an attribute. */
    public final void setAttribute(String name, Attribute value) {
        Objects.requireNonNull(value);
        int i = indexOfAttribute(name);
        if (i >= 0) attributes.set(i, new NamedAttribute(name, value));
        else attributes.add(-i - 1, new NamedAttribute(name, value));
    }

    /** Removes an attribute. @return whether it was present */
    public final boolean removeAttribute(String name) {
        int i = indexOfAttribute(name);
        if (i < 0) return false;
        attributes.remove(i);
        return true;
    }

    private int indexOfAttribute(String name) {
        int lo = 0, hi = attributes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = attributes.get(mid).name().compareTo(name);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -lo - 1;
    }

    /** {@return the attributes as a dictionary} */
    public final DictionaryAttr attributeDictionary() {
        return new DictionaryAttr(attributes);
    }

    // ---- regions and successors -----------------------------------------------------------------------------

    /** {@return the regions (unmodifiable view)} */
    public final List<Region> regions() {
        return Collections.unmodifiableList(regions);
    }

    /** {@return region {@code i}} */
    public final Region region(int i) {
        return regions.get(i);
    }

    /** {@return the successor blocks (unmodifiable view)} */
    public final List<Block> successors() {
        return Collections.unmodifiableList(successors);
    }

    /** Sets successor {@code i}. */
    public final void setSuccessor(int i, Block b) {
        successors.set(i, Objects.requireNonNull(b));
    }

    // ---- position -------------------------------------------------------------------------------------------

    /** {@return the block holding this op} */
    public final Optional<Block> parentBlock() {
        return Optional.ofNullable(parent);
    }

    /** {@return the region holding this op} */
    public final Optional<Region> parentRegion() {
        return parent == null ? Optional.empty() : parent.parentRegion();
    }

    /** {@return the op whose region holds this op} */
    public final Optional<Operation> parentOp() {
        return parent == null ? Optional.empty() : parent.parentOp();
    }

    /** {@return the closest enclosing op of a class} */
    public final <T> Optional<T> parentOfType(Class<T> type) {
        for (Optional<Operation> p = parentOp(); p.isPresent(); p = p.get().parentOp())
            if (type.isInstance(p.get())) return Optional.of(type.cast(p.get()));
        return Optional.empty();
    }

    /** {@return the next op in the block} */
    public final Optional<Operation> nextOp() {
        return Optional.ofNullable(next);
    }

    /** {@return the previous op in the block} */
    public final Optional<Operation> prevOp() {
        return Optional.ofNullable(prev);
    }

    /** {@return whether this op is {@code other} or nested inside it} */
    public final boolean isAncestorOrSelf(Operation other) {
        for (Operation o = this; o != null; o = o.parentOp().orElse(null)) if (o == other) return true;
        return false;
    }

    /** Moves this op right before {@code anchor}. */
    public final void moveBefore(Operation anchor) {
        if (anchor.parent == null) throw new IllegalArgumentException("anchor is not in a block");
        anchor.parent.insertBefore(this, anchor);
    }

    /** Moves this op right after {@code anchor}. */
    public final void moveAfter(Operation anchor) {
        if (anchor.parent == null) throw new IllegalArgumentException("anchor is not in a block");
        anchor.parent.insertBefore(this, anchor.next);
    }

    /** Takes the op out of its block without destroying it. */
    public final void removeFromParent() {
        if (parent != null) parent.unlink(this);
    }

    /**
     * Destroys the op: takes it out of its block and drops its operands and nested ops' references.
     *
     * @throws IllegalStateException if a result still has uses
     */
    public final void erase() {
        for (OpResult r : results)
            if (!r.hasNoUses())
                throw new IllegalStateException(
                        "erasing '" + name + "' whose result #" + r.index() + " still has " + r.useCount() + " use(s)");
        removeFromParent();
        dropAllReferences();
    }

    void dropAllReferences() {
        for (OpOperand o : operands) o.drop();
        for (Region r : regions) r.dropAllReferences();
    }

    // ---- traits ---------------------------------------------------------------------------------------------

    /** {@return whether the op ends a block} */
    public final boolean isTerminator() {
        return this instanceof Terminator;
    }

    /** {@return whether values defined above cannot be used inside this op's regions} */
    public final boolean isIsolatedFromAbove() {
        return this instanceof IsolatedFromAbove;
    }

    /**
     * Checks the op's own invariants (operand/result counts and types, attributes, traits of this op kind).
     * Generated op classes override this; unregistered ops have none. Report problems to {@code diag} and return
     * false.
     */
    public boolean verifyInvariants(dev.dal.ir.diag.DiagnosticEngine diag) {
        return true;
    }

    // ---- traversal ------------------------------------------------------------------------------------------

    /** Visits this op and every nested op, children before parents (erasing the visited op is allowed). */
    public final void walk(Consumer<Operation> visitor) {
        for (Region r : regions) for (Block b : r.blocks()) for (Operation o : b.ops()) o.walk(visitor);
        visitor.accept(this);
    }

    /** Visits this op and every nested op, parents before children. */
    public final void walkPreOrder(Consumer<Operation> visitor) {
        visitor.accept(this);
        for (Region r : regions) for (Block b : r.blocks()) for (Operation o : b.ops()) o.walkPreOrder(visitor);
    }

    /** {@return every nested op (this one included) that is an instance of {@code type}, in pre-order} */
    public final <T> List<T> collect(Class<T> type) {
        List<T> out = new ArrayList<>();
        walkPreOrder(o -> {
            if (type.isInstance(o)) out.add(type.cast(o));
        });
        return out;
    }

    // ---- cloning --------------------------------------------------------------------------------------------

    /** {@return a deep copy (regions included) whose operands are mapped through {@code mapping}} */
    public final Operation clone(Map<Value, Value> mapping) {
        OperationState st = new OperationState(name, loc);
        for (Value v : operands()) st.addOperand(mapping.getOrDefault(v, v));
        st.addResultTypes(resultTypes());
        st.attributes.addAll(attributes);
        Map<Block, Block> blockMap = new IdentityHashMap<>();
        for (Region r : regions) {
            Region nr = st.addRegion();
            for (Block b : r.blocks()) {
                Block nb = nr.addBlock();
                blockMap.put(b, nb);
                for (BlockArgument a : b.arguments()) mapping.put(a, nb.addArgument(a.type(), a.loc()));
            }
        }
        for (Block s : successors) st.addSuccessor(blockMap.getOrDefault(s, s));
        for (int ri = 0; ri < regions.size(); ri++) {
            List<Block> src = regions.get(ri).blocks();
            for (Block b : src) {
                Block nb = blockMap.get(b);
                for (Operation o : b.ops()) {
                    Operation c = o.cloneWithBlocks(mapping, blockMap);
                    nb.append(c);
                }
            }
        }
        Operation copy = create(st);
        for (int i = 0; i < results.length; i++) mapping.put(results[i], copy.result(i));
        return copy;
    }

    /** {@return a deep copy with no operand remapping} */
    public final Operation clone() {
        return clone(new IdentityHashMap<>());
    }

    private Operation cloneWithBlocks(Map<Value, Value> mapping, Map<Block, Block> blockMap) {
        Operation c = clone(mapping);
        for (int i = 0; i < successors.size(); i++) {
            Block mapped = blockMap.get(successors.get(i));
            if (mapped != null) c.setSuccessor(i, mapped);
        }
        return c;
    }

    @Override
    public String toString() {
        return "'" + name + "' op at " + loc;
    }
}
