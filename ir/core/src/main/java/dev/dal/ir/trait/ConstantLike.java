package dev.dal.ir.trait;

/** Marker trait: the op materializes a constant held in its {@code value} attribute. */
public interface ConstantLike {}
