package dev.dal.ir.builtin;

import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAsmParser.UnresolvedOperand;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The custom form of {@code func.return}, as MLIR writes it: {@code return [%a, %b : T, T]} with attributes allowed. */
public final class ReturnAssembly implements OpAssembly.CustomPrinter, OpAssembly.CustomParser {
    @Override
    public void print(Operation op, OpAsmPrinter p) {
        p.printOptionalAttrDict(op.attributes(), Set.of());
        if (op.numOperands() > 0) {
            p.print(" ").printOperands(op.operands());
            p.print(" : ").printTypes(op.operandTypes());
        }
    }

    @Override
    public boolean parse(OpAsmParser p, OperationState state) {
        p.parseOptionalAttrDict(state.attributes);
        var loc = p.currentLocation();
        Optional<List<UnresolvedOperand>> uses = p.parseOperandList();
        if (uses.isEmpty()) return false;
        if (uses.get().isEmpty()) return true;
        if (!p.parseToken(":")) return false;
        Optional<List<Type>> types = p.parseTypeList();
        if (types.isEmpty()) return false;
        if (types.get().size() != uses.get().size())
            return p.emitError(
                    loc,
                    uses.get().size() + " operands present, but expected "
                            + types.get().size());
        for (int i = 0; i < types.get().size(); i++) {
            Optional<Value> v = p.resolveOperand(uses.get().get(i), types.get().get(i));
            if (v.isEmpty()) return false;
            state.addOperand(v.get());
        }
        return true;
    }
}
