package dev.dal.ir.pass.ptest;

import dev.dal.ir.Attribute;
import dev.dal.ir.Block;
import dev.dal.ir.BlockArgument;
import dev.dal.ir.IntegerAttr;
import dev.dal.ir.IntegerType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.Region;
import dev.dal.ir.StringAttr;
import dev.dal.ir.Type;
import dev.dal.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small generic-form printer for tests (the real printer is written in parallel): values are numbered in
 * definition order, blocks per region, so two structurally equal IRs print the same text.
 */
public final class TestPrinter {
    private final Map<Value, String> names = new IdentityHashMap<>();
    private final Map<Block, String> blocks = new IdentityHashMap<>();
    private final StringBuilder sb = new StringBuilder();

    private TestPrinter() {}

    /** {@return {@code op} in generic form} */
    public static String print(Operation op) {
        TestPrinter p = new TestPrinter();
        p.op(op, 0);
        return p.sb.toString();
    }

    private String name(Value v) {
        return names.computeIfAbsent(v, k -> "%<undefined" + names.size() + ">");
    }

    private static String type(Type t) {
        return t instanceof IntegerType i ? "i" + i.width() : t.toString();
    }

    private static String attr(Attribute a) {
        return switch (a) {
            case IntegerAttr i -> i.value() + " : " + type(i.intType());
            case StringAttr s -> "\"" + s.value() + "\"";
            default -> a.toString();
        };
    }

    private void op(Operation op, int indent) {
        sb.append("  ".repeat(indent));
        if (op.numResults() > 0) {
            List<String> rs = new ArrayList<>();
            for (Value r : op.results()) {
                String n = "%" + names.size();
                names.put(r, n);
                rs.add(n);
            }
            sb.append(String.join(", ", rs)).append(" = ");
        }
        sb.append('"').append(op.name()).append("\"(");
        List<String> os = new ArrayList<>();
        for (Value v : op.operands()) os.add(name(v));
        sb.append(String.join(", ", os)).append(')');
        if (!op.successors().isEmpty()) {
            List<String> ss = new ArrayList<>();
            for (Block b : op.successors()) ss.add(blocks.computeIfAbsent(b, k -> "^bb?"));
            sb.append('[').append(String.join(", ", ss)).append(']');
        }
        if (!op.regions().isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < op.regions().size(); i++) {
                if (i > 0) sb.append(", ");
                region(op.region(i), indent);
            }
            sb.append(')');
        }
        if (!op.attributes().isEmpty()) {
            List<String> as = new ArrayList<>();
            for (NamedAttribute a : op.attributes()) as.add(a.name() + " = " + attr(a.value()));
            sb.append(" {").append(String.join(", ", as)).append('}');
        }
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        for (Type t : op.operandTypes()) in.add(type(t));
        for (Type t : op.resultTypes()) out.add(type(t));
        sb.append(" : (")
                .append(String.join(", ", in))
                .append(") -> ")
                .append(out.size() == 1 ? out.getFirst() : "(" + String.join(", ", out) + ")")
                .append('\n');
    }

    private void region(Region r, int indent) {
        sb.append("{\n");
        for (int i = 0; i < r.blocks().size(); i++) blocks.put(r.blocks().get(i), "^bb" + i);
        for (Block b : r.blocks()) {
            if (r.blocks().size() > 1 || !b.arguments().isEmpty()) {
                sb.append("  ".repeat(indent)).append(blocks.get(b));
                if (!b.arguments().isEmpty()) {
                    List<String> as = new ArrayList<>();
                    for (BlockArgument a : b.arguments()) {
                        String n = "%" + names.size();
                        names.put(a, n);
                        as.add(n + ": " + type(a.type()));
                    }
                    sb.append('(').append(String.join(", ", as)).append(')');
                }
                sb.append(":\n");
            }
            for (Operation o : b.ops()) op(o, indent + 1);
        }
        sb.append("  ".repeat(indent)).append('}');
    }
}
