package dev.dal.ir.trait;

/** Marker trait: the op ends a block. */
public interface Terminator {}
