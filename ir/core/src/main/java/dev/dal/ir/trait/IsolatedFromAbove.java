package dev.dal.ir.trait;

/** Marker trait: the op its regions cannot use values defined outside the op. */
public interface IsolatedFromAbove {}
