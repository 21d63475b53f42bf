package dev.dal.ir.trait;

/** Marker trait: the op its single region holds symbols that can be looked up by name. */
public interface SymbolTable {}
