package dev.dal.ir.trait;

/** Marker trait: the op all operands and results have the same element type. */
public interface SameOperandsAndResultElementType {}
