package dev.dal.ir.print;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.Location;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import dev.dal.ir.Region;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.List;

/** Small builders for printer tests: ops of unregistered dialects, appended to blocks. */
final class Ir {
    private Ir() {}

    static OperationState state(String name) {
        return new OperationState(name, Location.unknown());
    }

    /** {@return a detached {@code builtin.module} with one empty block} */
    static Operation module() {
        OperationState s = state("builtin.module");
        s.addRegion().addBlock();
        return Operation.create(s);
    }

    static Block body(Operation op) {
        return op.region(0).entry();
    }

    /** Appends an op with the given operands, result types and attributes (name/value pairs) to a block. */
    static Operation op(
            Block b, String name, List<? extends Value> operands, List<? extends Type> results, Object... attrs) {
        OperationState s = state(name);
        s.addOperands(operands);
        s.addResultTypes(results);
        for (int i = 0; i < attrs.length; i += 2) s.addAttribute((String) attrs[i], (Attribute) attrs[i + 1]);
        Operation op = Operation.create(s);
        b.append(op);
        return op;
    }

    /** Appends an op with {@code n} empty regions; {@return the op} */
    static Operation withRegions(Block b, String name, int n) {
        OperationState s = state(name);
        for (int i = 0; i < n; i++) s.addRegion();
        Operation op = Operation.create(s);
        b.append(op);
        return op;
    }

    static Block addBlock(Region r, Type... argTypes) {
        Block blk = r.addBlock();
        for (Type t : argTypes) blk.addArgument(t, Location.unknown());
        return blk;
    }

    static String generic(Operation op) {
        return new IrPrinter(PrintOptions.GENERIC).print(op);
    }
}
