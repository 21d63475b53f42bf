package dev.dal.ir.parse;

import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;

/** A registered op without traits, for the hand registrations of the parser tests. */
public class HandOp extends Operation {
    public HandOp(OperationState state) {
        super(state);
    }
}
