package dev.dal.ir.builtin;

import dev.dal.ir.NamedAttribute;
import dev.dal.ir.OpAsmParser;
import dev.dal.ir.OpAsmPrinter;
import dev.dal.ir.OpAssembly;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The custom form of {@code builtin.module}, as MLIR writes it: {@code module [@name] [attributes {..}] { ... }}. */
public final class ModuleAssembly implements OpAssembly.CustomPrinter, OpAssembly.CustomParser {
    @Override
    public void print(Operation op, OpAsmPrinter p) {
        op.attribute("sym_name").ifPresent(a -> {
            if (a instanceof StringAttr s) p.print(" ").printSymbolName(s.value());
        });
        p.printOptionalAttrDictWithKeyword(op.attributes(), Set.of("sym_name"));
        p.print(" ");
        p.printRegion(op.region(0), false, true);
    }

    @Override
    public boolean parse(OpAsmParser p, OperationState state) {
        Optional<String> name = p.parseOptionalSymbolName();
        name.ifPresent(n -> state.addAttribute("sym_name", StringAttr.of(n)));
        List<NamedAttribute> attrs = new ArrayList<>();
        p.parseOptionalAttrDictWithKeyword(attrs);
        for (NamedAttribute a : attrs) state.addAttribute(a.name(), a.value());
        Region body = state.addRegion();
        if (!p.parseRegion(body, List.of())) return false;
        // A module always has its one block, even when written `module {}`.
        if (body.isEmpty()) body.addBlock();
        return true;
    }
}
