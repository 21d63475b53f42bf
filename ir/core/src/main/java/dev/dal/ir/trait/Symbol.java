package dev.dal.ir.trait;

/** Marker trait: the op defines a symbol through its {@code sym_name} attribute. */
public interface Symbol {}
