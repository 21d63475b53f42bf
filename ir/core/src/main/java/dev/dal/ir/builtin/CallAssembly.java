package dev.dal.ir.builtin;

import dev.dal.ir.FunctionType;
import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAsmParser.UnresolvedOperand;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.SymbolRefAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The custom form of {@code func.call}, as MLIR writes it: {@code %r = call @f(%a, %b) {attrs} : (T, T) -> R};
 * the callee is the {@code callee} attribute.
 */
public final class CallAssembly implements OpAssembly.CustomPrinter, OpAssembly.CustomParser {
    @Override
    public void print(Operation op, OpAsmPrinter p) {
        p.print(" ");
        op.attribute("callee").ifPresent(a -> {
            if (a instanceof SymbolRefAttr s) p.printSymbolName(s.leaf());
        });
        p.print("(").printOperands(op.operands()).print(")");
        p.printOptionalAttrDict(op.attributes(), Set.of("callee"));
        p.print(" : ").printFunctionalType(op.operandTypes(), op.resultTypes());
    }

    @Override
    public boolean parse(OpAsmParser p, OperationState state) {
        Optional<String> callee = p.parseSymbolName();
        if (callee.isEmpty()) return false;
        state.addAttribute("callee", SymbolRefAttr.of(callee.get()));
        if (!p.parseToken("(")) return false;
        Optional<List<UnresolvedOperand>> uses = p.parseOperandList();
        if (uses.isEmpty() || !p.parseToken(")")) return false;
        p.parseOptionalAttrDict(state.attributes);
        if (!p.parseToken(":")) return false;
        var loc = p.currentLocation();
        Optional<Type> t = p.parseType();
        if (t.isEmpty()) return false;
        if (!(t.get() instanceof FunctionType ft)) return p.emitError(loc, "expected function type");
        if (ft.inputs().size() != uses.get().size())
            return p.emitError(
                    loc,
                    "expected " + uses.get().size() + " operand types but had "
                            + ft.inputs().size());
        for (int i = 0; i < ft.inputs().size(); i++) {
            Optional<Value> v = p.resolveOperand(uses.get().get(i), ft.inputs().get(i));
            if (v.isEmpty()) return false;
            state.addOperand(v.get());
        }
        state.addResultTypes(ft.results());
        return true;
    }
}
