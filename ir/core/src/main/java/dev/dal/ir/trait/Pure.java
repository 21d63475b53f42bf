package dev.dal.ir.trait;

/** Marker trait: the op has no side effects: it can be removed when unused, hoisted and CSE'd. */
public interface Pure {}
