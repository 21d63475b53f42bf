package dev.dal.ir.trait;

/** Marker trait: the op returns control and its operands to the parent op. */
public interface ReturnLike {}
