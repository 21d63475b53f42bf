package dev.dal.ir;

import java.util.List;
import java.util.Optional;

/**
 * Interface of ops that can compute their result types from their operand types, attributes and constant
 * operands. Importers call it after creating an op; shape inference passes call it after a rewrite.
 */
public interface ShapeInferable {
    /**
     * Infers the result types.
     *
     * @param constantOperands for each operand, the constant it is known to hold, or empty
     * @return the result types, or empty if they depend on values not known here (the caller keeps what it has)
     */
    Optional<List<Type>> inferResultTypes(List<Optional<Attribute>> constantOperands);
}
