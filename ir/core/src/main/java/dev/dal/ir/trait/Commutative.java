package dev.dal.ir.trait;

/** Marker trait: the op its operands can be reordered without changing the result. */
public interface Commutative {}
