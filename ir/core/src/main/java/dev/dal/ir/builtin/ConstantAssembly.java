package dev.dal.ir.builtin;

import dev.dal.ir.Attribute;
import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import java.util.Optional;
import java.util.Set;

/**
 * The custom form of {@code dal.constant}, as MLIR writes {@code arith.constant}: {@code %c = dal.constant {attrs}
 * 1.0 : f32}; the result type is the type of the {@code value} attribute.
 */
public final class ConstantAssembly implements OpAssembly.CustomPrinter, OpAssembly.CustomParser {
    @Override
    public void print(Operation op, OpAsmPrinter p) {
        p.printOptionalAttrDict(op.attributes(), Set.of("value"));
        op.attribute("value").ifPresent(v -> p.print(" ").printAttribute(v));
    }

    @Override
    public boolean parse(OpAsmParser p, OperationState state) {
        p.parseOptionalAttrDict(state.attributes);
        var loc = p.currentLocation();
        Optional<Attribute> value = p.parseAttribute();
        if (value.isEmpty()) return false;
        if (value.get().type().isEmpty()) return p.emitError(loc, "expected a typed attribute for the constant value");
        state.addAttribute("value", value.get());
        state.addResultType(value.get().type().get());
        return true;
    }
}
