package dev.dal.ir.builtin;

import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;

/** The custom textual form of the func op (as MLIR writes it). */
public final class FuncAssembly implements OpAssembly.CustomPrinter, OpAssembly.CustomParser {
    @Override
    public void print(Operation op, OpAsmPrinter p) {
        throw new UnsupportedOperationException("TODO(#2): custom form of " + op.name());
    }

    @Override
    public boolean parse(OpAsmParser p, OperationState state) {
        throw new UnsupportedOperationException("TODO(#2): custom form of " + state.name);
    }
}
