package dev.dal.ir.parse;

import dev.dal.ir.OperationState;
import dev.dal.ir.trait.IsolatedFromAbove;

/** A registered op whose regions are isolated from above (module, func), for the parser tests. */
public class HandIsolatedOp extends HandOp implements IsolatedFromAbove {
    public HandIsolatedOp(OperationState state) {
        super(state);
    }
}
