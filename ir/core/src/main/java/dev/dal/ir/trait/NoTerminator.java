package dev.dal.ir.trait;

/** Marker trait: the op its blocks do not need a terminator. */
public interface NoTerminator {}
