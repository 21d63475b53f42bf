package dev.dal.ir.parse;

import dev.dal.ir.OperationState;
import dev.dal.ir.trait.Terminator;

/** A registered terminator, for the parser tests. */
public class HandTerminatorOp extends HandOp implements Terminator {
    public HandTerminatorOp(OperationState state) {
        super(state);
    }
}
