package dev.dal.ir.trait;

/** Marker trait: the op each of its regions has at most one block. */
public interface SingleBlock {}
