package dev.dal.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to create an operation: name, location, operands, result types, attributes, regions and
 * successors. Builders, the parser and generated {@code create} methods fill one and call
 * {@link Operation#create(OperationState)}.
 */
public final class OperationState {
    public final String name;
    public Location loc;
    public final List<Value> operands = new ArrayList<>();
    public final List<Type> resultTypes = new ArrayList<>();
    public final List<NamedAttribute> attributes = new ArrayList<>();
    public final List<Region> regions = new ArrayList<>();
    public final List<Block> successors = new ArrayList<>();

    public OperationState(String name, Location loc) {
        this.name = Objects.requireNonNull(name);
        this.loc = Objects.requireNonNull(loc);
    }

    /** Adds operands. @return this */
    public OperationState addOperands(List<? extends Value> values) {
        operands.addAll(values);
        return this;
    }

    /** Adds one operand. @return this */
    public OperationState addOperand(Value v) {
        operands.add(Objects.requireNonNull(v));
        return this;
    }

    /** Adds result types. @return this */
    public OperationState addResultTypes(List<? extends Type> types) {
        resultTypes.addAll(types);
        return this;
    }

    /** Adds one result type. @return this */
    public OperationState addResultType(Type t) {
        resultTypes.add(Objects.requireNonNull(t));
        return this;
    }

    /** Sets an attribute (replacing one of the same name). @return this */
    public OperationState addAttribute(String name, Attribute value) {
        attributes.removeIf(a -> a.name().equals(name));
        attributes.add(new NamedAttribute(name, value));
        return this;
    }

    /** Adds a new empty region and returns it. */
    public Region addRegion() {
        Region r = new Region();
        regions.add(r);
        return r;
    }

    /** Adds a successor block. @return this */
    public OperationState addSuccessor(Block b) {
        successors.add(Objects.requireNonNull(b));
        return this;
    }
}
