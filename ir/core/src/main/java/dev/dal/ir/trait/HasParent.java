package dev.dal.ir.trait;

import dev.dal.ir.Operation;

/** Trait: the op must sit directly inside an op of {@link #requiredParent()} (as {@code func.return} in a function). */
public interface HasParent {
    /** {@return the class the parent op must be an instance of} */
    Class<? extends Operation> requiredParent();
}
