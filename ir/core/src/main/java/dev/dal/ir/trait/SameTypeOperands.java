package dev.dal.ir.trait;

/** Marker trait: the op all operands have the same type. */
public interface SameTypeOperands {}
